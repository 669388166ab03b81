import ts from 'typescript';

/** The route wrappers and the module each must come from: the only ways a route handler authenticates. */
export const ROUTE_WRAPPERS: Record<string, string> = {
  withActor: '@/lib/api/with-actor',
  withDeviceToken: '@/lib/api/with-device-token',
  withApiToken: '@/lib/api/with-api-token',
};

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/**
 * Modules a route may not import: resolving a session, an API token or a device by hand. The test
 * checks each still exists, so moving one cannot quietly switch the check off.
 */
export const HAND_AUTH = ['@/lib/auth/actor', '@/lib/auth/auth', '@/db/queries/auth/api-tokens', '@/db/queries/edge/devices', '@/lib/edge/devices', '@/db/queries/auth/accounts', '@/db/queries/auth/sessions'];

export type RouteHandlers = {
  /** Each exported HTTP method: the wrapper it is built with, or null for a raw handler. */
  methods: Record<string, string | null>;
  /** Imports that resolve a principal outside the wrappers. */
  handAuth: string[];
};

/**
 * The HTTP method handlers a route module exports and how each is built. A handler counts as wrapped
 * only as `export const GET = withX(…)` with `withX` imported from its module; anything else (a
 * function declaration, a re-export, a destructured or aliased value) is raw.
 */
export function routeHandlers(fileName: string, source: string): RouteHandlers {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const imported = new Map<string, string>();
  const handAuth: string[] = [];
  const methods: Record<string, string | null> = {};
  const isExported = (n: ts.Node) => ts.canHaveModifiers(n) && (ts.getModifiers(n) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  const wrapperOf = (init: ts.Expression | undefined): string | null => {
    if (!init || !ts.isCallExpression(init) || !ts.isIdentifier(init.expression)) return null;
    const name = init.expression.text;
    return ROUTE_WRAPPERS[name] && imported.get(name) === ROUTE_WRAPPERS[name] ? name : null;
  };
  const bindingNames = (name: ts.BindingName): string[] =>
    ts.isIdentifier(name) ? [name.text] : name.elements.flatMap((e) => (ts.isOmittedExpression(e) ? [] : bindingNames(e.name)));

  for (const st of file.statements) {
    if (ts.isImportDeclaration(st) && ts.isStringLiteral(st.moduleSpecifier)) {
      const from = st.moduleSpecifier.text;
      if (HAND_AUTH.includes(from)) handAuth.push(from);
      const bindings = st.importClause?.namedBindings;
      if (bindings && ts.isNamedImports(bindings)) for (const el of bindings.elements) imported.set(el.name.text, from);
    }
  }
  for (const st of file.statements) {
    if (ts.isVariableStatement(st) && isExported(st)) {
      for (const d of st.declarationList.declarations) {
        const direct = ts.isIdentifier(d.name);
        for (const name of bindingNames(d.name)) if (METHODS.has(name)) methods[name] = direct ? wrapperOf(d.initializer) : null;
      }
    } else if (ts.isFunctionDeclaration(st) && isExported(st) && st.name && METHODS.has(st.name.text)) {
      methods[st.name.text] = null;
    } else if (ts.isExportDeclaration(st) && st.exportClause && ts.isNamedExports(st.exportClause)) {
      for (const el of st.exportClause.elements) if (METHODS.has(el.name.text)) methods[el.name.text] = null;
    }
  }
  return { methods, handAuth };
}

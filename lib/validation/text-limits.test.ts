import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from './zod';

type Check = { _zod: { def: { check: string; pattern?: RegExp } } };
type Def = { type: string; format?: string; pattern?: RegExp; checks?: Check[]; [k: string]: unknown };
const defOf = (s: unknown) => (s as { _zod: { def: Def } })._zod.def;
const hasCheck = (d: Def, ...names: string[]) => (d.checks ?? []).some((c) => names.includes(c._zod.def.check));

/** An anchored pattern without `+`, `*` or `{n,}` admits strings of a bounded length only (a colour, a MAC, a decimal). */
const boundedPattern = (re?: RegExp) => Boolean(re) && re!.source.startsWith('^') && re!.source.endsWith('$') && !/[+*]|\{\d+,\}/.test(re!.source.replace(/\\./g, ''));

const FREE_FORM = new Set(['unknown', 'any', 'record']);

/** ISO instants: structured values, not text. */
const STRUCTURED_FORMATS = new Set(['datetime', 'date', 'time']);

function boundedString(d: Def): boolean {
  if (hasCheck(d, 'max_length', 'length_equals') || STRUCTURED_FORMATS.has(d.format ?? '') || boundedPattern(d.pattern)) return true;
  return (d.checks ?? []).some((c) => boundedPattern(c._zod.def.pattern));
}

/**
 * Where each string, array or free-form value in a schema lacks a size limit. A pipe whose input is
 * already bounded (`z.string().max(500).pipe(z.url())`) bounds what it feeds; a free-form value
 * (`z.unknown()`) must carry a refinement that measures it.
 */
function unbounded(schema: unknown, at: string, out: string[], bounded = false): string[] {
  const d = defOf(schema);
  switch (d.type) {
    case 'string':
      if (!bounded && !boundedString(d)) out.push(at);
      break;
    case 'array':
      if (!hasCheck(d, 'max_length', 'length_equals')) out.push(`${at}[]`);
      unbounded(d.element, `${at}[]`, out);
      break;
    case 'unknown':
    case 'any':
    case 'record':
      if (!bounded && !hasCheck(d, 'custom')) out.push(at);
      break;
    case 'object':
      for (const [k, v] of Object.entries(d.shape as Record<string, unknown>)) unbounded(v, `${at}.${k}`, out);
      break;
    case 'pipe': {
      const before = out.length;
      unbounded(d.in, at, out, bounded);
      unbounded(d.out, at, out, bounded || (defOf(d.in).type === 'string' && out.length === before));
      break;
    }
    case 'union':
      (d.options as unknown[]).forEach((o) => unbounded(o, at, out, bounded));
      break;
    case 'intersection':
      unbounded(d.left, at, out, bounded);
      unbounded(d.right, at, out, bounded);
      break;
    default:
      // `z.unknown().optional().refine(…)` puts the refinement on the wrapper.
      if (d.innerType) unbounded(d.innerType, at, out, bounded || (hasCheck(d, 'custom') && FREE_FORM.has(defOf(d.innerType).type)));
  }
  return out;
}

// Counted elsewhere: the batch route refuses more than MAX_BATCH_ROWS rows (413) and parses each row with minerRowSchema.
const ALLOWED = new Set(['hosting.minerBatchSchema.rows[]', 'hosting.minerBatchSchema.rows[][]']);

describe('every text field the app accepts has a size limit', () => {
  it('holds for each schema in lib/validation', async () => {
    const found: string[] = [];
    for (const file of readdirSync(import.meta.dirname).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))) {
      const mod = (await import(path.join(import.meta.dirname, file))) as Record<string, unknown>;
      for (const [name, value] of Object.entries(mod)) {
        if (value instanceof z.ZodType) unbounded(value, `${file.replace(/\.ts$/, '')}.${name}`, found);
      }
    }
    expect(found.filter((f) => !ALLOWED.has(f))).toEqual([]);
  });
});

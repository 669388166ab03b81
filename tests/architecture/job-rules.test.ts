import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });
const findings = async (filePath: string, code: string) =>
  (await eslint.lintText(code, { filePath }))[0]!.messages.filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports' || m.ruleId === 'no-restricted-syntax').map((m) => `${m.line}: ${m.message}`);

describe('lint rules that keep jobs thin and dependencies injected', () => {
  it('a job may not query inline, open the database or read the configuration itself', async () => {
    const job = [
      "import { eq } from 'drizzle-orm';",
      "import { miners } from '@/db/schema';",
      "import { getDb } from '@/db';",
      "import { env } from '@/lib/env';",
      "import { createNotifier } from '@/lib/integrations/notify';",
      "import type { Db } from '@/db/client';",
      "import type { Notifier } from '@/lib/integrations/notify';",
      "import { listCollectableAccounts } from '@/db/queries/pool/accounts';",
      'export const used = [eq, miners, getDb, env, createNotifier, listCollectableAccounts];',
      'export type Used = Db | Notifier;',
    ].join('\n');
    const found = await findings('inngest/functions/system/example.ts', job);
    expect(found.map((f) => f.split(':')[0])).toEqual(['1', '2', '3', '4', '5']);
    expect(found[0]).toContain('db/queries');
    // The same imports outside inngest/functions (a query module, a page) are fine.
    expect(await findings('lib/actions/example.ts', job)).toEqual([]);
  }, 60_000);

  it('no module exports a hook that swaps a dependency "for tests", anywhere', async () => {
    const hooks = 'let x = 1;\nexport function setXForTests(v: number) {\n  x = v;\n}\nexport const resetXForTests = () => (x = 0);\n';
    for (const file of ['lib/integrations/example.ts', 'inngest/example.ts', 'app/example/page.tsx']) {
      expect((await findings(file, hooks)).map((f) => f.split(':')[0])).toEqual(['2', '5']);
    }
  }, 60_000);
});

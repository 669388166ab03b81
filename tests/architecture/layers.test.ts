import { readFileSync } from 'node:fs';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The layer rules of eslint.config.mjs, run on snippets as if they sat in the named files.
const eslint = new ESLint({ cwd: process.cwd() });
/** The lines a layer rule refuses (once each, though two rules may refuse the same line). */
const refusedLines = async (filePath: string, code: string) => [
  ...new Set(
    (await eslint.lintText(code, { filePath }))[0]!.messages
      .filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports' || m.ruleId === 'no-restricted-syntax')
      .map((m) => m.line),
  ),
];
const lines = (...l: string[]) => `${l.join('\n')}\n`;

describe('configuration (eslint.config.mjs)', () => {
  it('process.env is read in lib/env.ts only', async () => {
    const read = async (filePath: string) =>
      (await eslint.lintText(lines('export const port = process.env.PORT;'), { filePath }))[0]!.messages.filter((m) => m.ruleId === 'no-restricted-properties').map((m) => m.line);
    for (const f of ['lib/startup.ts', 'db/client.ts', 'app/api/health/route.ts', 'components/ui/x.tsx', 'inngest/client.ts', 'proxy.ts']) expect(await read(f), f).toEqual([1]);
    expect(await read('lib/env.ts')).toEqual([]);
  }, 60_000);
});

describe('layer boundaries (eslint.config.mjs)', () => {
  it('db/ may not import lib/actions or any other lib module but core, domain and env, by alias or by relative path', async () => {
    const code = lines(
      "import { authorizedAction } from '@/lib/actions/action';",
      "import { hashPassword } from '@/lib/auth/password';",
      "import { encryptSecret } from '@/lib/integrations/antpool/secrets';",
      "import { siteSchema } from '@/lib/validation/hosting';",
      "import { getActor } from '../../../lib/auth/actor';",
      "import { redirect } from 'next/navigation';",
      'export const used = [authorizedAction, hashPassword, encryptSecret, siteSchema, getActor, redirect];',
    );
    expect(await refusedLines('db/queries/hosting/example.ts', code)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(await refusedLines('db/seed/example.ts', code)).toEqual([1, 2, 3, 4, 5, 6]);
  }, 60_000);

  it('db/ may import db/, lib/core, lib/domain, lib/env, and the type of a parsed input', async () => {
    const code = lines(
      "import { and, eq } from 'drizzle-orm';",
      "import { getDb } from '@/db';",
      "import { miners } from '@/db/schema';",
      "import { AppError } from '@/lib/core/errors';",
      "import type { Principal } from '@/lib/core/principal';",
      "import { slaDueAt } from '@/lib/domain/hosting/ticket-sla';",
      "import { env } from '@/lib/env';",
      "import type { SiteInput } from '@/lib/validation/hosting';",
      "import { RULE_KINDS } from '../../lib/domain/alerts/rule-kinds';",
      "import { minerScope } from '../scope';",
      'export const used = [and, eq, getDb, miners, AppError, slaDueAt, env, RULE_KINDS, minerScope];',
      'export type Used = Principal | SiteInput;',
    );
    expect(await refusedLines('db/queries/hosting/example.ts', code)).toEqual([]);
  }, 60_000);

  it('lib/domain imports nothing with I/O: no db, actions, integrations, framework or node:fs/net/http', async () => {
    const code = lines(
      "import { getDb } from '@/db';",
      "import { listMiners } from '@/db/queries/hosting/miners';",
      "import { authorizedAction } from '@/lib/actions/action';",
      "import { fetchAntpool } from '@/lib/integrations/antpool/api';",
      "import { readFileSync } from 'node:fs';",
      "import { connect } from 'node:net';",
      "import { request } from 'https';",
      "import { headers } from 'next/headers';",
      "import { sql } from 'drizzle-orm';",
      "import { env } from '@/lib/env';",
      "import { x } from '../../edge/discovery';",
      'export const used = [getDb, listMiners, authorizedAction, fetchAntpool, readFileSync, connect, request, headers, sql, env, x];',
    );
    expect(await refusedLines('lib/domain/hosting/example.ts', code)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    const pure = lines(
      "import { formatUsd } from '@/lib/format';",
      "import type { Role } from '@/lib/core/roles';",
      "import { hashpriceBtcPerThDay } from '../mining/revenue';",
      "import ipaddr from 'ipaddr.js';",
      'export const used = [formatUsd, hashpriceBtcPerThDay, ipaddr];',
      'export type Used = Role;',
    );
    expect(await refusedLines('lib/domain/hosting/example.ts', pure)).toEqual([]);
  }, 60_000);

  it('lib/core imports nothing from the app', async () => {
    const code = lines(
      "import { env } from '@/lib/env';",
      "import { getDb } from '@/db';",
      "import { minerScope } from '../../db/queries/scope';",
      "import type { Role } from './roles';",
      'export const used = [env, getDb, minerScope];',
      'export type Used = Role;',
    );
    expect(await refusedLines('lib/core/example.ts', code)).toEqual([1, 2, 3]);
  }, 60_000);

  it('app/ reads through @/db and db/queries; components/ and client components only name db types', async () => {
    const page = lines(
      "import { getDb } from '@/db';",
      "import { listSites } from '@/db/queries/hosting/sites';",
      "import { sites } from '@/db/schema';",
      "import { eq } from 'drizzle-orm';",
      'export const used = [getDb, listSites, sites, eq];',
    );
    expect(await refusedLines('app/[locale]/(app)/hosting/example/page.tsx', page)).toEqual([3, 4]);
    expect(await refusedLines('components/hosting/example.tsx', page)).toEqual([1, 2, 3, 4]);
    // A named loader (eslint.config.mjs) reads like a page.
    expect(await refusedLines('components/hosting/miner-form-options.ts', page)).toEqual([3, 4]);
    const client = lines("'use client';", "import { listSites } from '@/db/queries/hosting/sites';", "import type { Page } from '@/db/queries/pagination';", 'export const used = listSites;', 'export type Used = Page<string>;');
    expect(await refusedLines('app/[locale]/(app)/hosting/example/_components/panel.tsx', client)).toEqual([2]);
    expect(await refusedLines('components/list/example.tsx', client)).toEqual([2]);
  }, 60_000);

  it('the code as it stands keeps the layers (the same rules `npm run lint` runs)', async () => {
    const results = await eslint.lintFiles(['db', 'lib/domain', 'lib/core', 'components']);
    const broken = results.flatMap((r) => r.messages.filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports').map((m) => `${r.filePath}:${m.line} ${m.message}`));
    expect(broken).toEqual([]);
    // And `npm run lint` is `eslint .`, so CI runs these rules on every file.
    const { scripts } = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
    expect(scripts.lint).toBe('eslint .');
  }, 300_000);
});

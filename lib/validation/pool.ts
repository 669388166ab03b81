import { searchParam } from './list-params';
import { z } from './zod';

const s = (v: unknown) => (typeof v === 'string' ? v : undefined);

/** The pool page's search params; anything invalid falls back to its default. */
export function parsePoolPage(raw: Record<string, string | string[] | undefined>) {
  const page = Math.max(1, Number.parseInt(s(raw.page) ?? '1', 10) || 1);
  const status = ['online', 'offline', 'invalid'].includes(s(raw.status) ?? '') ? (s(raw.status) as 'online' | 'offline' | 'invalid') : undefined;
  const link = ['linked', 'unlinked'].includes(s(raw.link) ?? '') ? (s(raw.link) as 'linked' | 'unlinked') : undefined;
  const range = ['10m', '1h', '1d'].includes(s(raw.range) ?? '') ? (s(raw.range) as '10m' | '1h' | '1d') : '10m';
  const q = searchParam(raw.q);
  const account = uuidOr(raw.account);
  const sort = (['name', 'hs10m', 'hs1h', 'hs1d', 'deviation'] as const).find((k) => k === s(raw.sort)) ?? 'name';
  const dir = s(raw.dir) === 'desc' ? ('desc' as const) : ('asc' as const);
  const deviant = s(raw.deviant) === '1';
  return { page, pageSize: 50, status, link, range, q, account, sort, dir, deviant };
}

const uuidOr = (v: unknown) => (z.uuid().safeParse(v).success ? (v as string) : undefined);
const pageOf = (raw: Record<string, string | string[] | undefined>) => Math.max(1, Number.parseInt(s(raw.page) ?? '1', 10) || 1);

/** /pool/links: which side of the mismatch, a search and an account. */
export function parseLinksPage(raw: Record<string, string | string[] | undefined>) {
  const tab = (['workers', 'miners', 'manual'] as const).find((k) => k === s(raw.tab)) ?? 'workers';
  return { tab, page: pageOf(raw), pageSize: 50, q: searchParam(raw.q), account: uuidOr(raw.account) };
}

/** /pool/alerts and /pool/payments filters. */
export function parseAlertsPage(raw: Record<string, string | string[] | undefined>) {
  const state = (['open', 'resolved', 'all'] as const).find((k) => k === s(raw.state)) ?? 'open';
  const kind = (['worker_offline', 'low_hashrate', 'api_failure', 'budget_warning'] as const).find((k) => k === s(raw.kind));
  return { state, kind, page: pageOf(raw), pageSize: 50, q: searchParam(raw.q) };
}

export function parsePaymentsPage(raw: Record<string, string | string[] | undefined>) {
  const kind = s(raw.kind) === 'recv' ? ('recv' as const) : ('payout' as const);
  const day = (v: unknown) => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)) ? v : undefined);
  return { kind, page: pageOf(raw), pageSize: 50, account: uuidOr(raw.account), from: day(raw.from), to: day(raw.to) };
}

export const poolAccountSchema = z.object({
  id: z.uuid('invalid').optional().or(z.literal('').transform(() => undefined)),
  label: z.string().trim().min(1, 'required').max(100, 'tooLong'),
  userId: z.string().trim().min(1, 'required').max(100, 'tooLong').regex(/^[A-Za-z0-9._-]+$/, 'invalid'),
  parentId: z.uuid('invalid').optional().or(z.literal('').transform(() => undefined)),
  apiKey: z.string().trim().max(200, 'tooLong').optional().transform((v) => v || undefined),
  secret: z.string().max(200, 'tooLong').optional().transform((v) => v || undefined),
  workerPattern: z.string().trim().min(1, 'required').max(200, 'tooLong'),
});
export type PoolAccountForm = z.infer<typeof poolAccountSchema>;

const workerRef = { accountId: z.uuid('invalid'), workerName: z.string().trim().min(1, 'required').max(200, 'tooLong') };
export const poolLinkSchema = z.object({ ...workerRef, minerId: z.uuid('invalid') });
/** `none`: keep the worker unlinked on purpose; `pattern`: drop the manual link and let the pattern decide. */
export const poolUnlinkSchema = z.object({ ...workerRef, mode: z.enum(['none', 'pattern'], 'invalid') });
export const poolPatternSchema = z.object({ accountId: z.uuid('invalid'), workerPattern: z.string().trim().min(1, 'required').max(200, 'tooLong') });
export const poolAccountToggleSchema = z.object({ id: z.uuid('invalid'), enabled: z.enum(['true', 'false'], 'invalid').transform((v) => v === 'true') });

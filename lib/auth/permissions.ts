import type { Role } from '@/lib/core/roles';

export type Access = 'FULL' | 'READ' | 'NONE';

/*
 * RBAC v2 matrix. Columns, in order: OWNER, ADMIN, MINING_SITE_OWNER, OPERATOR, CLIENT, GUEST.
 * F = FULL, R = READ, N = NONE. Kept as one table so a reviewer can read a role's column at a glance.
 * Follows the original system's matrix; OPERATOR (not in the original) runs the floor: it may act on
 * miners, tickets and commands of its sites, and only reads commercial and site-level settings.
 * basic:profile (own name, language and password) is apart from basic:settings so that a guest has
 * it too. pool:links and pool:usage are staff's: linking workers to miners is floor work, and the
 * request budget is the whole installation's, so only organization-wide roles see it.
 */
const MATRIX = {
  'basic:calculator': 'FFFFFF',
  'basic:settings': 'FFFFFN',
  'basic:profile': 'FFFFFF',
  'basic:dashboard': 'FFFFFR',
  'hosting:site_management': 'FFFRNN',
  'hosting:batch_create': 'FFFFNN',
  'hosting:status_monitor': 'FFFFRN',
  'hosting:ticket': 'FFFFFN',
  'hosting:usage': 'FFFRRN',
  'hosting:reconciliation': 'FFFNRN',
  'hosting:power': 'FFFRRN',
  'hosting:edge': 'FFFFNN',
  'hosting:alerts': 'FFFFRN',
  'curtailment:strategy': 'FFFRRN',
  'curtailment:ai_predict': 'FFFRNN',
  'curtailment:execute': 'FFFFNN',
  'curtailment:emergency': 'FFFFNN',
  'curtailment:history': 'FFFRRN',
  'crm:customer_management': 'FFFNNN',
  'crm:customer_view': 'FFFRNN',
  'crm:transaction': 'FFFNRN',
  'crm:invoice': 'FFFRRN',
  'crm:broker_commission': 'FFFNNN',
  'crm:activity_log': 'FFFNNN',
  'analytics:batch_calculator': 'FFFFFN',
  'analytics:network': 'FFFRRR',
  'analytics:technical': 'FFFRRR',
  'analytics:market_intel': 'FFFRRN',
  'ai:btc_predict': 'FFFRRR',
  'ai:roi_explain': 'FFFRRR',
  'ai:anomaly_detect': 'FFFRRN',
  'ai:power_optimize': 'FFFRRN',
  'user:create': 'FFNNNN',
  'user:edit': 'FFNNNN',
  'user:disable': 'FFNNNN',
  'user:delete': 'FNNNNN',
  'user:role_assign': 'FFNNNN',
  'user:list_view': 'FFRNNN',
  'system:health': 'FFRRNN',
  'system:performance': 'FFNNNN',
  'system:event': 'FFRNNN',
  'system:audit': 'FFRNNN',
  'web3:blockchain_verify': 'FFNNNN',
  'web3:transparency': 'FFRNRN',
  'web3:sla_nft': 'FFNNRN',
  'finance:billing': 'FFFNRN',
  'finance:btc_settlement': 'FFNNRN',
  'finance:crypto_payment': 'FFNNRN',
  'report:pdf': 'FFFRRN',
  'report:excel': 'FFFRRN',
  'report:ppt': 'FFFNNN',
  'remote:request': 'FFFFNN',
  'remote:audit': 'FFFRNN',
  'remote:execute': 'FFFFNN',
  'pool:data': 'FFFRRN',
  'pool:settings': 'FFNNNN',
  'pool:links': 'FFFRNN',
  'pool:usage': 'FFNNNN',
  'treasury:ledger': 'FFNNNN',
  'treasury:backtest': 'FFRNNN',
} as const satisfies Record<string, string>;

export type Module = keyof typeof MATRIX;
export const MODULES = Object.keys(MATRIX) as Module[];

const COLUMN: Record<Role, number> = { OWNER: 0, ADMIN: 1, MINING_SITE_OWNER: 2, OPERATOR: 3, CLIENT: 4, GUEST: 5 };
const LETTER: Record<string, Access> = { F: 'FULL', R: 'READ', N: 'NONE' };
const RANK: Record<Access, number> = { NONE: 0, READ: 1, FULL: 2 };

export function accessOf(role: Role, module: Module): Access {
  return LETTER[MATRIX[module][COLUMN[role]]!]!;
}

/** The one permission check: does `role` have at least `level` on `module`? */
export function can(role: Role, module: Module, level: Exclude<Access, 'NONE'> = 'READ'): boolean {
  return RANK[accessOf(role, module)] >= RANK[level];
}

/**
 * The host's own costs (sites' electricity prices, cost per day, margin) are site-management data:
 * whoever may not read the sites (a CLIENT, a guest) is never sent them.
 */
export function seesHostCosts(role: Role): boolean {
  return can(role, 'hosting:site_management', 'READ');
}

export function isModule(value: string): value is Module {
  return Object.hasOwn(MATRIX, value);
}

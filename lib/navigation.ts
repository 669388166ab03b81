import { can, type Module } from './auth/permissions';
import type { Role } from './core/roles';

/** `label`: a full message key (e.g. 'Nav.miners' or 'Calculator.navTitle'), so each area keeps its strings in its own namespace. */
export type NavItem = { key: string; label: string; href: string; module: Module };
export type NavArea = { key: string; label: string; items: NavItem[] };

/** Every page in the app, by area, with the module that opens it. Later areas add themselves here. */
export const NAVIGATION: NavArea[] = [
  {
    key: 'overview',
    label: 'Nav.overview',
    items: [
      { key: 'dashboard', label: 'Nav.dashboard', href: '/dashboard', module: 'basic:dashboard' },
      { key: 'reports', label: 'Reports.navTitle', href: '/reports', module: 'report:pdf' },
    ],
  },
  {
    key: 'hosting',
    label: 'Nav.hosting',
    items: [
      { key: 'portal', label: 'Portal.navTitle', href: '/portal', module: 'hosting:status_monitor' },
      { key: 'hosting-kpi', label: 'HostingKpi.title', href: '/hosting/kpi', module: 'hosting:status_monitor' },
      { key: 'miners', label: 'Nav.miners', href: '/hosting/devices', module: 'hosting:status_monitor' },
      { key: 'sites', label: 'Nav.sites', href: '/hosting/sites', module: 'hosting:site_management' },
      { key: 'tickets', label: 'Tickets.navTitle', href: '/hosting/tickets', module: 'hosting:ticket' },
      { key: 'edge', label: 'Edge.navTitle', href: '/hosting/edge', module: 'hosting:edge' },
      { key: 'brands', label: 'Brands.navTitle', href: '/hosting/brands', module: 'crm:customer_management' },
    ],
  },
  {
    key: 'profitability',
    label: 'Calculator.navArea',
    items: [
      { key: 'calculator', label: 'Calculator.navCalculator', href: '/calculator', module: 'basic:calculator' },
      { key: 'roi', label: 'Calculator.navRoi', href: '/calculator/roi', module: 'basic:calculator' },
      { key: 'batch', label: 'Calculator.navBatch', href: '/calculator/batch', module: 'analytics:batch_calculator' },
    ],
  },
  {
    key: 'analytics',
    label: 'Market.navArea',
    items: [
      { key: 'network', label: 'Market.navNetwork', href: '/analytics', module: 'analytics:network' },
      { key: 'forecast', label: 'Forecast.navTitle', href: '/analytics/forecast', module: 'analytics:network' },
      { key: 'technical', label: 'Technical.navTitle', href: '/analytics/technical', module: 'analytics:technical' },
      { key: 'marketIntel', label: 'MarketIntel.navTitle', href: '/analytics/market', module: 'analytics:market_intel' },
      { key: 'economics', label: 'Economics.navTitle', href: '/analytics/economics', module: 'analytics:network' },
      { key: 'anomalies', label: 'Analytics.navAnomalies', href: '/analytics/anomalies', module: 'ai:anomaly_detect' },
    ],
  },
  {
    key: 'power',
    label: 'Curtailment.navArea',
    items: [
      { key: 'consumption', label: 'Power.navTitle', href: '/power', module: 'hosting:power' },
      { key: 'power-comparison', label: 'Power.navComparison', href: '/power/comparison', module: 'hosting:power' },
      { key: 'power-carbon', label: 'Power.navCarbon', href: '/power/carbon', module: 'hosting:power' },
      { key: 'curtailment', label: 'Curtailment.navTitle', href: '/power/curtailment', module: 'curtailment:execute' },
      { key: 'power-advice', label: 'PowerAdvice.navTitle', href: '/power/advice', module: 'curtailment:execute' },
    ],
  },
  {
    key: 'crm',
    label: 'Nav.crm',
    items: [
      { key: 'customers', label: 'Nav.customers', href: '/crm/customers', module: 'crm:customer_view' },
      { key: 'leads', label: 'Nav.leads', href: '/crm/leads', module: 'crm:customer_view' },
      { key: 'pipeline', label: 'Nav.pipeline', href: '/crm/pipeline', module: 'crm:customer_view' },
      { key: 'activities', label: 'Nav.activities', href: '/crm/activities', module: 'crm:customer_view' },
      { key: 'invoices', label: 'Billing.navTitle', href: '/crm/invoices', module: 'crm:invoice' },
      { key: 'announcements', label: 'Nav.announcements', href: '/crm/announcements', module: 'crm:customer_view' },
      { key: 'plans', label: 'Nav.hostingPlans', href: '/crm/plans', module: 'crm:customer_view' },
    ],
  },
  {
    key: 'pool',
    label: 'Pool.navArea',
    items: [
      { key: 'pool-data', label: 'Pool.navData', href: '/pool', module: 'pool:data' },
      { key: 'pool-links', label: 'Pool.navLinks', href: '/pool/links', module: 'pool:links' },
      { key: 'pool-alerts', label: 'Pool.navAlerts', href: '/pool/alerts', module: 'pool:data' },
      { key: 'pool-payments', label: 'Pool.navPayments', href: '/pool/payments', module: 'pool:data' },
      { key: 'pool-usage', label: 'Pool.navUsage', href: '/pool/usage', module: 'pool:usage' },
      { key: 'pool-settings', label: 'Pool.navSettings', href: '/pool/settings', module: 'pool:settings' },
    ],
  },
  {
    key: 'treasury',
    label: 'TreasuryBacktest.navArea',
    items: [
      { key: 'treasury', label: 'Treasury.navTitle', href: '/treasury', module: 'treasury:ledger' },
      { key: 'treasury-backtest', label: 'TreasuryBacktest.navTitle', href: '/treasury/backtest', module: 'treasury:backtest' },
    ],
  },
  {
    key: 'admin',
    label: 'Nav.admin',
    items: [
      { key: 'users', label: 'Nav.users', href: '/admin/users', module: 'user:list_view' },
      { key: 'audit', label: 'Nav.audit', href: '/admin/audit', module: 'system:audit' },
      { key: 'web3', label: 'Nav.web3', href: '/admin/web3', module: 'web3:blockchain_verify' },
      { key: 'health', label: 'Nav.health', href: '/system', module: 'system:health' },
    ],
  },
  {
    key: 'account',
    label: 'Nav.account',
    items: [
      { key: 'settings', label: 'Nav.settings', href: '/settings', module: 'basic:profile' },
      { key: 'mining-settings', label: 'MiningSettings.navTitle', href: '/settings/mining', module: 'basic:settings' },
      { key: 'alerts', label: 'Alerts.navTitle', href: '/settings/alerts', module: 'basic:settings' },
      { key: 'apiTokens', label: 'ApiTokens.nav', href: '/settings/api-tokens', module: 'basic:settings' },
    ],
  },
];

/** The navigation a role may see: areas with no permitted item disappear. */
export function navigationFor(role: Role): NavArea[] {
  return NAVIGATION.map((a) => ({ ...a, items: a.items.filter((i) => can(role, i.module, 'READ')) })).filter((a) => a.items.length > 0);
}

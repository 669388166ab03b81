import { z } from './zod';
import { ALERT_SEVERITIES } from '@/lib/domain/alerts/severity';
import { pageFields } from '@/lib/list/list-fields';

export const EDGE_TABS = ['collectors', 'discovery', 'commands', 'alerts'] as const;
export const EDGE_ALERT_STATES = ['active', 'OPEN', 'ACKNOWLEDGED', 'RESOLVED'] as const;

/** /hosting/edge: the section shown and its list's page; the alerts tab's filters (state, site, severity). */
export const edgePageSchema = z.object({
  ...pageFields(25),
  tab: z.enum(EDGE_TABS).default('collectors'),
  state: z.enum(EDGE_ALERT_STATES).default('active'),
  siteId: z.uuid().optional(),
  severity: z.enum(ALERT_SEVERITIES).optional(),
});

import { z } from './zod';
import { pageFields } from '@/lib/list/list-fields';

export const EDGE_TABS = ['collectors', 'discovery', 'commands', 'alerts'] as const;

/** /hosting/edge: the section shown and its list's page. */
export const edgePageSchema = z.object({ ...pageFields(25), tab: z.enum(EDGE_TABS).default('collectors') });

import type { ListQuery } from '@/components/list/list-href';
import type { PageRequest } from '@/db/queries/pagination';
import type { Actor } from '@/lib/auth/actor';

/** What each list tab of /hosting/edge gets from the page: who asks, which page, and the URL to keep. */
export type EdgeListProps = { actor: Actor; req: PageRequest; query: ListQuery };

export const EDGE_PATH = '/hosting/edge';

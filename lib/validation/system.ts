import { z } from './zod';
import { pageFields } from '@/lib/list/list-fields';

/** The /system page's URL: the pages of its findings list. */
export const systemPageSchema = z.object({ ...pageFields(25) });

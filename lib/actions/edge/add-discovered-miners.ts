'use server';

import { revalidatePath } from 'next/cache';
import { z } from '@/lib/validation/zod';
import { getDb } from '@/db';
import { addDiscoveredMiners } from '@/db/queries/edge/discovery';
import { authorizedAction } from '@/lib/actions/action';

/** What the scan reported for one machine, sent back by the browser with the operator's selection. */
const found = z.object({
  ip: z.ipv4('invalid'),
  port: z.number().int().min(1).max(65535),
  vendor: z.enum(['antminer', 'whatsminer', 'avalon', 'luxos', 'braiins', 'sealminer', 'vnish', 'auradine', 'elphapex', 'unknown']).catch('unknown'),
  model: z.string().trim().max(80).nullable(),
  firmware: z.string().trim().max(120).nullable(),
  macAddress: z
    .string()
    .regex(/^[0-9A-Fa-f]{2}([:-][0-9A-Fa-f]{2}){5}$/, 'invalid')
    .nullable(),
});

const schema = z.object({ siteId: z.uuid('required'), miners: z.array(found).min(1, 'required').max(2000, 'tooLong') });

const run = authorizedAction({ module: 'hosting:edge', level: 'FULL' }, schema, async (input, actor) => {
  const outcomes = await addDiscoveredMiners(await getDb(), { orgId: actor.orgId, userId: actor.userId, scope: actor.scope }, input.siteId, input.miners);
  revalidatePath('/[locale]/hosting/devices', 'page');
  return outcomes;
});

export async function addDiscoveredMinersAction(input: z.input<typeof schema>) {
  return run(input);
}

import { eventType } from 'inngest';
import { z } from '@/lib/validation/zod';

/*
 * Every event the jobs send or receive, one name and one schema each. A consumer lists the event
 * type as its trigger (the SDK checks incoming data against the schema before the handler runs);
 * a producer builds what it sends with `payload`, which checks the data on the way out.
 */

/** A network snapshot was stored in its 5-minute bucket: profitability rules are checked against it. */
export const snapshotStored = eventType('market/snapshot.stored', {
  schema: z.object({ bucketStart: z.iso.datetime({ offset: true }) }),
});

type Schema = z.ZodType<Record<string, unknown>>;

/** The event to send: the type's name, and data the consumers' schema accepts (a ZodError otherwise). */
export function payload<TName extends string, TSchema extends Schema>(type: { name: TName; schema: TSchema }, data: z.input<TSchema>): { name: TName; data: z.output<TSchema> } {
  return { name: type.name, data: type.schema.parse(data) };
}

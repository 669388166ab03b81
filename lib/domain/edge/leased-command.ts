/**
 * A leased command as the collector receives it (REFERENCE §6), before the route signs it with the
 * device's key: the queue (db/queries/edge/commands) builds it, lib/edge/command-signature signs it.
 */
export type LeasedCommand = {
  command_id: string;
  site_id: string;
  miner_id: string;
  command_type: string;
  params: Record<string, unknown>;
  target: { ip: string | null; port: number; mac: string | null };
  expires_at: string;
  nonce: string;
  signed_at: string;
};

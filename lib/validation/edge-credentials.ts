import { INT32_MAX } from './edge-bounds';
import { z } from './zod';

const b64 = (min: number, max: number) => z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/, 'invalid').min(min).max(max);

/**
 * A miner credential sealed in the browser (lib/edge/crypto sealMinerCredential). The server checks
 * only the shape and the binding; it has no key that opens it.
 */
export const sealedCredentialSchema = z.object({
  alg: z.literal('x25519-sealedbox/aes-256-gcm'),
  keyVersion: z.number().int().min(1).max(INT32_MAX),
  sealedDek: b64(100, 120),
  nonce: b64(16, 16),
  ciphertext: b64(22, 8000),
  aad: z.object({ tenantId: z.uuid(), siteId: z.uuid(), minerId: z.uuid(), counter: z.number().int().min(1).max(INT32_MAX), schemaVersion: z.number().int() }),
});
export type SealedCredentialInput = z.infer<typeof sealedCredentialSchema>;

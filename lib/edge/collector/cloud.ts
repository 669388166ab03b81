import type { SignedCommand } from '../command-signature';
import type { SealedMinerCredential } from '../crypto';

export type UploadOutcome = 'sent' | 'retry' | 'rejected';
/** What the collector reports about itself with each upload (edge_devices, the collectors tab). */
export type CollectorHealth = { waiting: number; deadLetters: number; deadLetterBytes: number };

const isApiError = (body: unknown) => typeof (body as { error?: { code?: unknown } } | null)?.error?.code === 'string';

/** The collector's HTTP client for the edge API (REFERENCE §6). */
export class CloudClient {
  constructor(
    private readonly baseUrl: string,
    private readonly token: string,
    private readonly timeoutMs: number,
  ) {}

  private headers(extra: Record<string, string> = {}) {
    return { authorization: `Bearer ${this.token}`, ...extra };
  }

  /**
   * 'rejected' when the ingest API itself refuses the envelope with a 4xx (its JSON error names a
   * code): the envelope is bad and sending it again cannot succeed. 'retry' for everything else
   * that is not a success: the cloud unreachable or overloaded (5xx, 408, 429), the token refused
   * (401: it may be re-issued; the data is kept), or a 4xx no ingest API wrote (a proxy, a wrong
   * cloudUrl), which says nothing about the envelope.
   */
  async upload(gz: Buffer, health: CollectorHealth): Promise<{ outcome: UploadOutcome; status: number | null; body: unknown }> {
    try {
      const res = await fetch(new URL('/api/edge/v1/telemetry/ingest', this.baseUrl), {
        method: 'POST',
        headers: this.headers({
          'content-type': 'application/json',
          'content-encoding': 'gzip',
          'x-edge-buffer-depth': String(health.waiting),
          'x-edge-dead-letters': String(health.deadLetters),
          'x-edge-dead-letter-bytes': String(health.deadLetterBytes),
        }),
        body: new Uint8Array(gz),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      const body = await res.json().catch(() => null);
      if (res.ok) return { outcome: 'sent', status: res.status, body };
      const refused = res.status >= 400 && res.status < 500 && ![401, 408, 429].includes(res.status) && isApiError(body);
      return { outcome: refused ? 'rejected' : 'retry', status: res.status, body };
    } catch (e) {
      return { outcome: 'retry', status: null, body: e instanceof Error ? e.message : String(e) };
    }
  }

  async pollCommands(limit: number): Promise<SignedCommand[]> {
    const res = await fetch(new URL(`/api/edge/v1/commands/poll?limit=${limit}`, this.baseUrl), { headers: this.headers(), signal: AbortSignal.timeout(this.timeoutMs) });
    if (!res.ok) throw new Error(`command poll answered ${res.status}`);
    return ((await res.json()) as { commands: SignedCommand[] }).commands;
  }

  async ack(id: string, body: { status: 'SUCCESS' | 'FAILED' | 'ERROR' | 'TIMEOUT'; result: unknown; execution_time_ms: number; ack_nonce: string }): Promise<number> {
    const res = await fetch(new URL(`/api/edge/v1/commands/${id}/ack`, this.baseUrl), {
      method: 'POST',
      headers: this.headers({ 'content-type': 'application/json' }),
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    return res.status;
  }

  /** Publishes the collector's public key; the cloud answers with the tenant and site of this token. */
  async publishKey(key: { keyVersion: number; publicKey: string }): Promise<{ tenantId: string; siteId: string }> {
    const res = await fetch(new URL('/api/edge/v1/keys', this.baseUrl), {
      method: 'POST',
      headers: this.headers({ 'content-type': 'application/json' }),
      body: JSON.stringify(key),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    if (!res.ok) throw new Error(`key publish answered ${res.status}`);
    const { tenantId, siteId } = (await res.json()) as { tenantId: string; siteId: string };
    return { tenantId, siteId };
  }

  async fetchCredentials(): Promise<{ minerId: string; sealed: SealedMinerCredential; target?: { host: string; port: number } | null }[]> {
    const res = await fetch(new URL('/api/edge/v1/credentials', this.baseUrl), { headers: this.headers(), signal: AbortSignal.timeout(this.timeoutMs) });
    if (!res.ok) throw new Error(`credentials fetch answered ${res.status}`);
    return ((await res.json()) as { credentials: { minerId: string; sealed: SealedMinerCredential; target?: { host: string; port: number } | null }[] }).credentials;
  }
}

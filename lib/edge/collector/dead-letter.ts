import { mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Logger } from './log';

export type DeadLetterStats = { count: number; bytes: number };
/** Why the cloud refused an envelope, kept beside it. */
export type Refusal = { rejectedAt: string; status: number | null; answer: unknown };

const ENVELOPE = /^(\d{12})\.json\.gz$/;
const reasonName = (name: string) => name.replace(ENVELOPE, '$1.reason.json');

/**
 * Envelopes the cloud refused with a 4xx: the envelope itself is bad, so sending it again cannot
 * succeed, and left at the head of the oldest-first queue it would hold back every later upload.
 * Each is kept with the cloud's answer beside it (`<n>.json.gz`, `<n>.reason.json`, numbered in
 * the order they were refused: the buffer's own numbers restart once it is empty) for an operator. Bounded by count and by bytes: past either the oldest go, and the count is
 * logged. The totals are kept in memory so the health each upload reports costs no disk scan.
 */
export class DeadLetterStore {
  private entries: { name: string; bytes: number }[];
  private seq: number;

  constructor(
    private readonly dir: string,
    private readonly limits: { maxEnvelopes: number; maxBytes: number },
    private readonly log: Logger,
  ) {
    mkdirSync(dir, { recursive: true });
    this.entries = readdirSync(dir)
      .filter((f) => ENVELOPE.test(f))
      .sort()
      .map((name) => ({ name, bytes: statSync(path.join(dir, name)).size }));
    const last = this.entries.at(-1);
    this.seq = last ? Number.parseInt(last.name, 10) + 1 : 1;
  }

  /** The reason is written first, so an envelope in the store always has one. */
  add(gz: Buffer, refusal: Refusal): void {
    const name = `${String(this.seq++).padStart(12, '0')}.json.gz`;
    this.write(reasonName(name), Buffer.from(JSON.stringify(refusal)));
    this.write(name, gz);
    this.entries.push({ name, bytes: gz.length });
    this.trim();
  }

  stats(): DeadLetterStats {
    let bytes = 0;
    for (const e of this.entries) bytes += e.bytes;
    return { count: this.entries.length, bytes };
  }

  private write(name: string, data: Buffer) {
    const tmp = path.join(this.dir, `${name}.tmp`);
    writeFileSync(tmp, data);
    renameSync(tmp, path.join(this.dir, name));
  }

  private trim() {
    let { count, bytes } = this.stats();
    let dropped = 0;
    while (count > this.limits.maxEnvelopes || bytes > this.limits.maxBytes) {
      const oldest = this.entries.shift()!;
      rmSync(path.join(this.dir, oldest.name), { force: true });
      rmSync(path.join(this.dir, reasonName(oldest.name)), { force: true });
      count--;
      bytes -= oldest.bytes;
      dropped++;
    }
    if (dropped) this.log('warn', 'dead-letter store full: dropped oldest envelopes', { dropped, kept: count, bytes });
  }
}

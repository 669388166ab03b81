import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Logger } from './log';

/**
 * Outgoing envelopes (already gzipped) on disk, one file each, named by a rising sequence so the
 * directory listing is the send order. Every envelope goes through here, so a crash or an outage
 * loses nothing already read; past `maxEnvelopes` the oldest are dropped and the count logged.
 */
export class DiskBuffer {
  private seq: number;

  constructor(
    private readonly dir: string,
    private readonly maxEnvelopes: number,
    private readonly log: Logger,
  ) {
    mkdirSync(dir, { recursive: true });
    const last = this.files().at(-1);
    this.seq = last ? Number.parseInt(last, 10) + 1 : 1;
  }

  private files(): string[] {
    return readdirSync(this.dir)
      .filter((f) => /^\d{12}\.json\.gz$/.test(f))
      .sort();
  }

  /** Written to a temp name then renamed, so a half-written file is never sent. */
  push(gz: Buffer): void {
    const name = `${String(this.seq++).padStart(12, '0')}.json.gz`;
    const tmp = path.join(this.dir, `${name}.tmp`);
    writeFileSync(tmp, gz);
    renameSync(tmp, path.join(this.dir, name));
    const files = this.files();
    const excess = files.length - this.maxEnvelopes;
    if (excess > 0) {
      for (const f of files.slice(0, excess)) rmSync(path.join(this.dir, f));
      this.log('warn', 'buffer full: dropped oldest envelopes', { dropped: excess, kept: this.maxEnvelopes });
    }
  }

  oldest(): { name: string; gz: Buffer } | null {
    const name = this.files()[0];
    return name ? { name, gz: readFileSync(path.join(this.dir, name)) } : null;
  }

  remove(name: string): void {
    rmSync(path.join(this.dir, name), { force: true });
  }

  depth(): number {
    return this.files().length;
  }
}

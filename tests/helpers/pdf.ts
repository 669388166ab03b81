import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * A generated PDF's text as pdftotext reads it (poppler-utils; .ci/run installs it), or null where
 * it is not installed — the caller then checks only what it can without reading the text.
 */
export function pdfText(pdf: Buffer): string | null {
  const dir = mkdtempSync(path.join(tmpdir(), 'pdf-text-'));
  const file = path.join(dir, 'doc.pdf');
  writeFileSync(file, pdf);
  try {
    execFileSync('pdftotext', ['-layout', file, path.join(dir, 'doc.txt')]);
    return readFileSync(path.join(dir, 'doc.txt'), 'utf8');
  } catch {
    return null;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

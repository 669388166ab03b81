import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Font } from '@react-pdf/renderer';

/*
 * The font every generated PDF uses. Chinese needs CJK glyphs the PDF standard fonts lack: Noto Sans
 * SC (OFL, @embedpdf/fonts-sc) is embedded, subset to the characters used, so a document stays tens
 * of kilobytes.
 */

export const PDF_FONT = 'NotoSansSC';

/**
 * Where the font files are. A bundler rewrites `require.resolve` into its own virtual path
 * ('[project]/node_modules/…', which `next dev` then failed to open: every bill PDF was a 500), so
 * the server looks in node_modules under its working directory — where `next start` and `next dev`
 * run — and plain Node (tests, scripts) falls back to its own resolution.
 */
function fontDir(): string {
  // Joined as an array, not with path.join: Turbopack rewrites a path.join of process.cwd() too.
  const fromCwd = [process.cwd(), 'node_modules', '@embedpdf', 'fonts-sc', 'fonts', ''].join(path.sep);
  if (existsSync(`${fromCwd}NotoSansHans-Regular.otf`)) return fromCwd;
  const require = createRequire(import.meta.url);
  // The package exports only its index (dist/); the fonts sit beside it in fonts/.
  return path.join(path.dirname(require.resolve('@embedpdf/fonts-sc')), '..', 'fonts') + path.sep;
}

let registered = false;
/** Registers the font once per process (regular and bold), without hyphenation. */
export function registerPdfFont(): void {
  if (registered) return;
  const dir = fontDir();
  Font.register({ family: PDF_FONT, fonts: [{ src: `${dir}NotoSansHans-Regular.otf` }, { src: `${dir}NotoSansHans-Bold.otf`, fontWeight: 'bold' }] });
  Font.registerHyphenationCallback((word) => [word]);
  registered = true;
}

/** The layout both documents share: page, title, draft mark, the meta grid, table rows, footer. */
export const pdfBaseStyles = {
  page: { fontFamily: PDF_FONT, fontSize: 10, padding: 40, color: '#111' },
  h1: { fontSize: 18, fontWeight: 'bold', marginBottom: 4 },
  draft: { color: '#b45309', fontWeight: 'bold', marginBottom: 8 },
  meta: { flexDirection: 'row', flexWrap: 'wrap', marginBottom: 16 },
  metaCell: { width: '50%', marginBottom: 4 },
  label: { color: '#666', fontSize: 8 },
  row: { flexDirection: 'row', borderBottomWidth: 0.5, borderBottomColor: '#ddd', paddingVertical: 4 },
  head: { flexDirection: 'row', borderBottomWidth: 1, borderBottomColor: '#111', paddingBottom: 4, fontWeight: 'bold' },
  desc: { width: '40%' },
  footer: { position: 'absolute', bottom: 30, left: 40, right: 40, fontSize: 7, color: '#666' },
} as const;

/**
 * A brand's logo: an https URL, or a small image kept inline as a base64 data: URL. The bytes are
 * checked against the declared type, so a renamed file or a script cannot pass as an image. SVG is
 * refused: it can carry script and would need sanitising.
 */
export const LOGO_MAX_BYTES = 64 * 1024;
export const LOGO_MAX_URL_LENGTH = 500;
/** The longest value that can pass: a full-size image as a base64 data: URL. */
export const LOGO_MAX_TEXT_LENGTH = 'data:image/webp;base64,'.length + Math.ceil(LOGO_MAX_BYTES / 3) * 4;
export const LOGO_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;

export type LogoProblem = 'format' | 'type' | 'tooLarge';

const SIGNATURES: Record<(typeof LOGO_TYPES)[number], (b: Uint8Array) => boolean> = {
  'image/png': (b) => [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((v, i) => b[i] === v),
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/webp': (b) => ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP',
};

function ascii(b: Uint8Array, from: number, to: number) {
  return String.fromCharCode(...b.subarray(from, to));
}

export function logoProblem(value: string): LogoProblem | null {
  if (value.startsWith('data:')) {
    const m = /^data:([a-z/+.-]+);base64,([A-Za-z0-9+/]+={0,2})$/.exec(value);
    if (!m) return 'format';
    const type = m[1] as (typeof LOGO_TYPES)[number];
    if (!LOGO_TYPES.includes(type)) return 'type';
    const bytes = Uint8Array.from(atob(m[2]!), (c) => c.charCodeAt(0));
    if (bytes.length > LOGO_MAX_BYTES) return 'tooLarge';
    return SIGNATURES[type](bytes) ? null : 'type';
  }
  if (value.length > LOGO_MAX_URL_LENGTH) return 'tooLarge';
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && !url.username && !url.password ? null : 'format';
  } catch {
    return 'format';
  }
}

/** What the audit log keeps of a logo: the URL, or the type and size of an inline image, never its bytes. */
export function logoSummary(value: string | null): string | null {
  if (!value || !value.startsWith('data:')) return value;
  const comma = value.indexOf(',');
  return `${value.slice(5, value.indexOf(';'))} (${Math.floor(((value.length - comma - 1) * 3) / 4)} bytes)`;
}

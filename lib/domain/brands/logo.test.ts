import { describe, expect, it } from 'vitest';
import { LOGO_MAX_BYTES, logoProblem, logoSummary } from './logo';

const b64 = (bytes: number[], padTo = 0) => Buffer.from([...bytes, ...Array(Math.max(0, padTo - bytes.length)).fill(0)]).toString('base64');
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff, 0xe0];
const WEBP = [...Buffer.from('RIFF'), 0, 0, 0, 0, ...Buffer.from('WEBP')];

describe('logoProblem', () => {
  it.each([
    ['https://cdn.example.com/logo.png', null],
    [`data:image/png;base64,${b64(PNG, 32)}`, null],
    [`data:image/jpeg;base64,${b64(JPEG, 32)}`, null],
    [`data:image/webp;base64,${b64(WEBP, 32)}`, null],
    ['http://cdn.example.com/logo.png', 'format'],
    ['javascript:alert(1)', 'format'],
    ['https://user:pw@cdn.example.com/logo.png', 'format'],
    ['not a url', 'format'],
    [`data:image/png,${b64(PNG)}`, 'format'],
    [`data:image/svg+xml;base64,${Buffer.from('<svg onload="alert(1)"/>').toString('base64')}`, 'type'],
    [`data:text/html;base64,${Buffer.from('<script>').toString('base64')}`, 'type'],
    // A JPEG renamed to PNG (or any bytes claiming to be an image) is refused.
    [`data:image/png;base64,${b64(JPEG, 32)}`, 'type'],
    [`data:image/png;base64,${b64(PNG, LOGO_MAX_BYTES + 1)}`, 'tooLarge'],
    [`https://cdn.example.com/${'a'.repeat(600)}`, 'tooLarge'],
  ])('%#', (value, problem) => {
    expect(logoProblem(value)).toBe(problem);
  });

  it('accepts an image of exactly the limit', () => {
    expect(logoProblem(`data:image/png;base64,${b64(PNG, LOGO_MAX_BYTES)}`)).toBeNull();
  });
});

describe('logoSummary', () => {
  it('keeps URLs and reduces inline images to type and size', () => {
    expect(logoSummary(null)).toBeNull();
    expect(logoSummary('https://cdn.example.com/l.png')).toBe('https://cdn.example.com/l.png');
    expect(logoSummary(`data:image/png;base64,${b64(PNG, 300)}`)).toBe('image/png (300 bytes)');
  });
});

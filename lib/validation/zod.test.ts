import { describe, expect, it } from 'vitest';
import { z } from './zod';

const issues = (schema: z.ZodType, v: unknown) => schema.safeParse(v).error?.issues.map((i) => i.message) ?? [];

describe('the project zod', () => {
  it.each([0x00, 0x01, 0x08, 0x0b, 0x0c, 0x1b, 0x1f])('a string holding character %i is refused before any other check', (code) => {
    const c = String.fromCharCode(code);
    expect(issues(z.string().trim().max(3, 'tooLong'), `ab${c}cdef`)).toEqual(['controlChars']);
    expect(issues(z.url(), `https://example.com/a${c}b`)).toEqual(['controlChars']);
    expect(issues(z.coerce.string(), `x${c}`)).toEqual(['controlChars']);
  });

  it('keeps tab, line feed and carriage return, and every other character', () => {
    expect(z.string().parse('a\tb\r\nc')).toBe('a\tb\r\nc');
    expect(z.string().parse('矿机 ✓ \u007f é')).toBe('矿机 ✓ \u007f é');
  });

  it('leaves the rest of zod as it is', () => {
    expect(z.uuid().safeParse('\u0000').success).toBe(false);
    expect(z.object({ n: z.coerce.number() }).parse({ n: '4' })).toEqual({ n: 4 });
    expect(z.enum(['a']).parse('a')).toBe('a');
  });
});

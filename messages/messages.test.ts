import { describe, expect, it } from 'vitest';
import { VALIDATION_KEYS } from '@/lib/core/field-errors';
import { ERROR_STATUS } from '@/lib/core/errors';
import en from './en.json';
import zh from './zh.json';

function keys(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) => (v && typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

describe('locale files', () => {
  it('have exactly the same keys in English and Chinese', () => {
    const a = new Set(keys(en));
    const b = new Set(keys(zh));
    expect([...a].filter((k) => !b.has(k))).toEqual([]);
    expect([...b].filter((k) => !a.has(k))).toEqual([]);
  });

  it('have no empty strings', () => {
    for (const [name, file] of [['en', en], ['zh', zh]] as const) {
      const empty = keys(file).filter((k) => k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], file) === '');
      expect(empty, name).toEqual([]);
    }
  });

  it('translate every validation key and error code', () => {
    for (const k of VALIDATION_KEYS) expect(en.Validation).toHaveProperty(k);
    for (const code of Object.keys(ERROR_STATUS)) expect(en.Errors).toHaveProperty(code);
  });
});

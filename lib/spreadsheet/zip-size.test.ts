import { describe, expect, it } from 'vitest';
import { workbookBytes } from '@/tests/helpers/workbook';
import { zipInflatedBytes } from './zip-size';

describe('zipInflatedBytes', () => {
  it('sums what the entries of an .xlsx inflate to, from its central directory', async () => {
    const small = zipInflatedBytes(new Uint8Array(await workbookBytes([['a']])))!;
    const big = zipInflatedBytes(new Uint8Array(await workbookBytes([['a'], ['b'.repeat(100_000)]])))!;
    expect(small).toBeGreaterThan(1000);
    expect(big - small).toBeGreaterThanOrEqual(100_000);
  });

  it('is null for what is not a ZIP, or is cut short', async () => {
    expect(zipInflatedBytes(new TextEncoder().encode('model,quantity\n'))).toBeNull();
    expect(zipInflatedBytes(new Uint8Array(0))).toBeNull();
    const bytes = new Uint8Array(await workbookBytes([['a']]));
    expect(zipInflatedBytes(bytes.subarray(bytes.length - 22))).toBeNull();
  });
});

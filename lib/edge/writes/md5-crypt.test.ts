import { describe, expect, it } from 'vitest';
import { md5Crypt } from './md5-crypt';

describe('md5Crypt', () => {
  // Reference values from `openssl passwd -1 -salt <salt> <password>`.
  it.each([
    ['password', 'saltsalt', '$1$saltsalt$qjXMvbEw8oaL.CzflDtaK/'],
    ['admin', 'BQ5hoXV9', '$1$BQ5hoXV9$RxmaDUO33TS7O26yeMHZ81'],
  ])('%s with salt %s', (pw, salt, expected) => {
    expect(md5Crypt(pw, salt)).toBe(expected);
  });
});

import { describe, expect, it, vi } from 'vitest';
import { z } from '@/lib/validation/zod';
import en from '@/messages/en.json';
import zh from '@/messages/zh.json';
import { describeError, errorResponse, errorText } from './error-response';
import { AppError, ERROR_CODES, ERROR_STATUS } from '@/lib/core/errors';

const body = async (res: Response) => (await res.json()) as Record<string, unknown>;

describe('the error table', () => {
  it('has the status the clients rely on for every code', () => {
    // The edge collector and the seed-documented clients read these numbers; changing one is a protocol change.
    expect(ERROR_STATUS).toEqual({
      UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, VALIDATION: 400, CONFLICT: 409, PAYLOAD_TOO_LARGE: 413, RATE_LIMITED: 429, INTERNAL: 500,
      INVALID_JSON: 400, INVALID_GZIP: 400, EMPTY_PAYLOAD: 400, INVALID_VALUE: 400, UNSUPPORTED_ENCODING: 415, TOO_MANY_MINERS: 413,
      NONCE_MISMATCH: 409, NOT_LEASED: 409, COMMAND_EXPIRED: 410,
      HOSTING_NOT_LINKED: 404, HOSTING_LINK_AMBIGUOUS: 409, HISTORY_MISSING: 422,
    });
  });

  it.each(ERROR_CODES)('%s answers its status in every shape, with its text in both locales', async (code) => {
    const error = () => new AppError(code, `detail of ${code}`);
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const api = errorResponse(error());
    const edge = errorResponse(error(), { shape: 'edge' });
    const crmEn = errorResponse(error(), { shape: 'crm' });
    const crmZh = errorResponse(error(), { shape: 'crm', locale: 'zh' });
    log.mockRestore();
    for (const res of [api, edge, crmEn, crmZh]) expect(res.status).toBe(ERROR_STATUS[code]);
    expect(await body(api)).toEqual({ error: { code, message: `detail of ${code}` } });
    expect(await body(edge)).toEqual({ status: 'error', error: { code, message: `detail of ${code}` } });
    expect(await body(crmEn)).toEqual({ success: false, error: en.Errors[code] });
    expect(await body(crmZh)).toEqual({ success: false, error: zh.Errors[code] });
    expect(en.Errors[code]).not.toBe(zh.Errors[code]);
    expect(describeError(error()).messageKey).toBe(`Errors.${code}`);
  });

  it('carries field errors, details and the fields beside the error in the api and edge shapes, only the text in crm', async () => {
    const error = () => new AppError('VALIDATION', '2 row(s) are invalid', { name: 'required' }, { details: { rows: [{ row: 2, field: 'site', code: 'invalid' }] }, alongside: { received: 2, created: 0 } });
    expect(await body(errorResponse(error()))).toEqual({ error: { code: 'VALIDATION', message: '2 row(s) are invalid', fields: { name: 'required' }, rows: [{ row: 2, field: 'site', code: 'invalid' }] }, received: 2, created: 0 });
    expect(await body(errorResponse(error(), { shape: 'edge' }))).toMatchObject({ status: 'error', error: { fields: { name: 'required' }, rows: [{ row: 2 }] }, received: 2 });
    expect(await body(errorResponse(error(), { shape: 'crm' }))).toEqual({ success: false, error: errorText('VALIDATION') });
  });

  it('sends Retry-After with a rate limit that names one', () => {
    expect(errorResponse(new AppError('RATE_LIMITED', undefined, undefined, { retryAfterS: 60 })).headers.get('retry-after')).toBe('60');
    expect(errorResponse(new AppError('RATE_LIMITED')).headers.get('retry-after')).toBeNull();
  });

  it('maps what is not an AppError: bad input to 400, a database data exception to INVALID_VALUE, the rest to a bare INTERNAL', async () => {
    const zodError = z.object({ name: z.string() }).safeParse({}).error!;
    expect(await body(errorResponse(zodError))).toEqual({ error: { code: 'VALIDATION', message: 'Invalid input', fields: { name: 'invalid' } } });
    expect(await body(errorResponse(new SyntaxError('Unexpected end'), { shape: 'edge' }))).toEqual({ status: 'error', error: { code: 'VALIDATION', message: 'Malformed JSON body' } });

    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    // How drizzle hands over a driver error: the SQLSTATE sits on the cause.
    const outOfRange = Object.assign(new Error('Failed query'), { cause: { code: '22003', message: 'integer out of range' } });
    for (const shape of ['api', 'edge'] as const) {
      const res = errorResponse(outOfRange, { shape, where: 'test' });
      expect(res.status).toBe(400);
      expect(((await body(res)).error as { code: string }).code).toBe('INVALID_VALUE');
    }
    expect(warn).toHaveBeenCalledWith('[test] value refused by the database', '22003');
    warn.mockRestore();

    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const res = errorResponse(new TypeError('x is undefined'), { shape: 'crm', locale: 'zh' });
    expect(res.status).toBe(500);
    expect(await body(res)).toEqual({ success: false, error: zh.Errors.INTERNAL });
    expect(log).toHaveBeenCalledWith('[api] unexpected error', expect.any(TypeError));
    log.mockRestore();
  });
});

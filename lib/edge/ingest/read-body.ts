import { gunzipSync } from 'node:zlib';
import { BODY_LIMITS } from '@/lib/api/body-limits';
import { AppError } from '@/lib/core/errors';
import { readBody, tooLarge } from '@/lib/api/read-body';

/**
 * A collector's request body as JSON, gzip allowed. `maxBytes` caps it on the wire and again once
 * gunzipped, so a small gzip bomb stops at the cap too (413, nothing parsed).
 */
export async function readJsonBody(request: Request, maxBytes: number = BODY_LIMITS.edgeIngest): Promise<unknown> {
  const raw = await readBody(request, maxBytes);
  const encoding = (request.headers.get('content-encoding') ?? '').trim().toLowerCase();
  let text: string;
  if (encoding === 'gzip') {
    let inflated: Buffer;
    try {
      inflated = gunzipSync(raw, { maxOutputLength: maxBytes });
    } catch (e) {
      if (e instanceof RangeError || (e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge(maxBytes);
      throw new AppError('INVALID_GZIP', 'Body is not valid gzip (truncated or corrupt)');
    }
    text = inflated.toString('utf8');
  } else if (encoding === '' || encoding === 'identity') {
    text = raw.toString('utf8');
  } else {
    throw new AppError('UNSUPPORTED_ENCODING', `Content-Encoding ${encoding} is not supported (use gzip)`);
  }
  if (!text.trim()) throw new AppError('EMPTY_PAYLOAD', 'Empty body');
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new AppError('INVALID_JSON', `Body is not valid JSON: ${(e as Error).message}`);
  }
}

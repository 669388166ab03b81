import { gunzipSync } from 'node:zlib';
import { INGEST_MAX_BYTES } from '@/lib/validation/edge';

export class IngestError extends Error {
  constructor(
    readonly status: 400 | 401 | 404 | 409 | 410 | 413 | 415 | 429,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The request body as JSON, read with a cap so an oversized upload is refused without buffering it
 * all: 10 MB on the wire and 10 MB once gunzipped (a small gzip bomb stops at the cap too).
 */
export async function readJsonBody(request: Request): Promise<unknown> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > INGEST_MAX_BYTES) throw tooLarge();
  const raw = await readCapped(request);
  const encoding = (request.headers.get('content-encoding') ?? '').trim().toLowerCase();
  let text: string;
  if (encoding === 'gzip') {
    let inflated: Buffer;
    try {
      inflated = gunzipSync(raw, { maxOutputLength: INGEST_MAX_BYTES });
    } catch (e) {
      if (e instanceof RangeError || (e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge();
      throw new IngestError(400, 'INVALID_GZIP', 'Body is not valid gzip (truncated or corrupt)');
    }
    text = inflated.toString('utf8');
  } else if (encoding === '' || encoding === 'identity') {
    text = raw.toString('utf8');
  } else {
    throw new IngestError(415, 'UNSUPPORTED_ENCODING', `Content-Encoding ${encoding} is not supported (use gzip)`);
  }
  if (!text.trim()) throw new IngestError(400, 'EMPTY_PAYLOAD', 'Empty body');
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new IngestError(400, 'INVALID_JSON', `Body is not valid JSON: ${(e as Error).message}`);
  }
}

async function readCapped(request: Request): Promise<Buffer> {
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > INGEST_MAX_BYTES) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

const tooLarge = () => new IngestError(413, 'PAYLOAD_TOO_LARGE', `Upload exceeds ${INGEST_MAX_BYTES} bytes`);

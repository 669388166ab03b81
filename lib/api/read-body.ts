import { AppError } from '@/lib/core/errors';

/**
 * The request body, refused with 413 (AppError PAYLOAD_TOO_LARGE) past `maxBytes`: a declared
 * Content-Length is checked before any byte is read, and a body without one (chunked) is counted
 * while it streams and cancelled at the limit, so an oversized body is never buffered whole and
 * never parsed.
 */
export async function readBody(request: Request, maxBytes: number): Promise<Buffer> {
  const declared = Number(request.headers.get('content-length'));
  if (declared > maxBytes) throw tooLarge(maxBytes);
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** The body as JSON (an empty body is null); a malformed one throws SyntaxError, which errorResponse answers with 400. */
export async function readJson(request: Request, maxBytes: number): Promise<unknown> {
  const text = (await readBody(request, maxBytes)).toString('utf8');
  return text.trim() ? JSON.parse(text) : null;
}

export const tooLarge = (maxBytes: number) => new AppError('PAYLOAD_TOO_LARGE', `Body exceeds ${maxBytes} bytes`);

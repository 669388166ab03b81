import { describe, expect, it, vi } from 'vitest';
import { edgeErrorResponse } from '@/lib/edge/api/device-auth';
import { errorResponse } from './error-response';
import { AppError } from '@/lib/core/errors';

// A failure deep in the server: its message names a server path and its stack lists many more.
const internal = () => Object.assign(new Error(`ENOENT: no such file or directory, open '${process.cwd()}/.data/x'`), { code: 'ENOENT' });

describe('error answers', () => {
  it('say nothing about an unexpected failure but its code, on the app and the collector API', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    for (const res of [errorResponse(internal()), edgeErrorResponse(internal(), 'test')]) {
      expect(res.status).toBe(500);
      const text = await res.text();
      expect(text).toContain('"code":"INTERNAL"');
      expect(text).not.toContain(process.cwd());
      expect(text).not.toMatch(/ENOENT|\bat /);
    }
    // The detail goes to the server log.
    expect(log).toHaveBeenCalledTimes(2);
    log.mockRestore();
  });

  it('give a known refusal its own status on both', async () => {
    expect(errorResponse(new AppError('PAYLOAD_TOO_LARGE')).status).toBe(413);
    expect(edgeErrorResponse(new AppError('PAYLOAD_TOO_LARGE'), 'test').status).toBe(413);
  });
});

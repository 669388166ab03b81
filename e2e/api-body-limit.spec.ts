import { expect, test } from '@playwright/test';
import { signIn } from './helpers';

// Through the real server, where proxy.ts makes Next buffer the body first and cut it off silently
// past its buffer size: a chunked upload past the route's limit must be refused whole, never cut to
// its beginning and processed.
test('a chunked upload past the limit answers 413 and writes nothing', async ({ page, baseURL }) => {
  await signIn(page, 'owner@demo.local');
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
  const list = await page.request.get('/api/hosting/miners?pageSize=25');
  const [sample] = (await list.json()).rows as { siteId: string; modelId: number }[];
  const name = `cut-short-${Date.now().toString(36)}`;
  const head = new TextEncoder().encode(JSON.stringify({ rows: [{ name, siteId: sample!.siteId, modelId: sample!.modelId }] }));
  // Valid JSON followed by 12 MB of spaces: whole or cut anywhere after the JSON, it still parses.
  const pad = new Uint8Array(64 * 1024).fill(0x20);
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(c) {
      if (sent === 0) c.enqueue(head);
      else if (sent < 12 * 1024 * 1024) c.enqueue(pad);
      else return c.close();
      sent += sent === 0 ? head.byteLength : pad.byteLength;
    },
  });
  const res = await fetch(new URL('/api/hosting/miners/batch', baseURL), { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body, duplex: 'half' } as RequestInit);
  expect(res.status).toBe(413);
  const found = await page.request.get(`/api/hosting/miners?q=${name}`);
  expect((await found.json()).total).toBe(0);

  // The same JSON without the padding goes through, so the size alone was refused.
  const ok = await page.request.post('/api/hosting/miners/batch', { data: JSON.parse(new TextDecoder().decode(head)) });
  expect(ok.status(), await ok.text()).toBe(201);
  expect((await (await page.request.get(`/api/hosting/miners?q=${name}`)).json()).total).toBe(1);
});

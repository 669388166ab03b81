import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { signedIn } from '../helpers/signed-in';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { listDepositAddresses } from '@/db/queries/billing/deposit-addresses';
import { createDraftInvoice, getInvoice, issueInvoice } from '@/db/queries/billing/invoices';
import { auditLog, brands, customers } from '@/db/schema';
import { invoicePdfExtras } from '@/lib/billing/invoice-extras';
import { renderInvoicePdf } from '@/lib/billing/invoice-pdf';
import { qrPath } from '@/lib/billing/qr';
import { formData, testActor } from '../helpers/actor';
import { createTestDb } from '../helpers/db';
import { makeCustomer, makeOrg, makeSite, makeUser } from '../helpers/fixtures';
import { pdfText } from '../helpers/pdf';

// Deposit addresses through the real actions (checksum and network checked before a write), shown to
// the customer's own CLIENT scope only, and printed with their QR codes and the brand logo on the PDF.

const { setDepositAddressAction } = await import('@/lib/actions/billing/set-deposit-address');
const { removeDepositAddressAction } = await import('@/lib/actions/billing/remove-deposit-address');

// A 2 × 2 PNG in the accent colour: the smallest real image the PDF can embed.
const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEElEQVR4nGP4PlkKiBggFAAxcgaRWyWgLAAAAABJRU5ErkJggg==';
const BTC = 'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4';
const TRON = 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t';

let db: Db;
let drop: () => Promise<void>;
let orgId: string;
let adminId: string;
let operatorId: string;
let siteId: string;
let customerId: string;
let otherCustomerId: string;
const staff = () => ({ orgId, sites: 'all' as const, customers: 'all' as const });

function pdfImageCount(pdf: Buffer): number | null {
  const dir = mkdtempSync(path.join(tmpdir(), 'pdf-img-'));
  try {
    writeFileSync(path.join(dir, 'doc.pdf'), pdf);
    const list = execFileSync('pdfimages', ['-list', path.join(dir, 'doc.pdf')], { encoding: 'utf8' });
    return list.trim().split('\n').length - 2;
  } catch {
    return null;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  signedIn.db = db;
  orgId = (await makeOrg(db)).id;
  siteId = (await makeSite(db, orgId)).id;
  adminId = (await makeUser(db, { orgId, role: 'ADMIN' })).user.id;
  operatorId = (await makeUser(db, { orgId, role: 'OPERATOR', siteIds: [siteId] })).user.id;
  customerId = (await makeCustomer(db, orgId, 'client@acme.example')).id;
  otherCustomerId = (await makeCustomer(db, orgId)).id;
});
afterAll(() => drop());

describe('deposit addresses', () => {
  it('stores a checked address per asset, refuses a bad checksum, another network and non-admins, and audits the change', async () => {
    signedIn.actor = testActor(orgId, 'ADMIN', adminId);
    expect(await setDepositAddressAction(null, formData({ customerId, asset: 'BTC', network: 'mainnet', address: BTC.slice(0, -1) + '5' }))).toEqual({ ok: false, code: 'VALIDATION', fieldErrors: { address: 'invalid' } });
    expect(await setDepositAddressAction(null, formData({ customerId, asset: 'BTC', network: 'mainnet', address: 'tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sl5k7' }))).toEqual({ ok: false, code: 'VALIDATION', fieldErrors: { address: 'invalid' } });
    expect(await setDepositAddressAction(null, formData({ customerId, asset: 'BTC', network: 'tron', address: BTC }))).toEqual({ ok: false, code: 'VALIDATION', fieldErrors: { network: 'invalid' } });
    expect(await setDepositAddressAction(null, formData({ customerId, asset: 'BTC', network: 'mainnet', address: ` ${BTC.toUpperCase()} ` }))).toEqual({ ok: true, data: { asset: 'BTC', network: 'mainnet', address: BTC } });
    expect(await setDepositAddressAction(null, formData({ customerId, asset: 'USDT', network: 'tron', address: TRON }))).toMatchObject({ ok: true });
    signedIn.actor = testActor(orgId, 'OPERATOR', operatorId, [siteId]);
    expect(await setDepositAddressAction(null, formData({ customerId, asset: 'BTC', network: 'mainnet', address: BTC }))).toEqual({ ok: false, code: 'FORBIDDEN' });
    expect(await removeDepositAddressAction({ customerId, asset: 'USDT' })).toEqual({ ok: false, code: 'FORBIDDEN' });

    expect((await listDepositAddresses(db, staff(), customerId)).map((a) => [a.asset, a.network, a.address])).toEqual([
      ['BTC', 'mainnet', BTC],
      ['USDT', 'tron', TRON],
    ]);
    const audits = await db.select().from(auditLog).where(and(eq(auditLog.orgId, orgId), eq(auditLog.action, 'billing.deposit_address.set')));
    expect(audits).toHaveLength(2);
  });

  it('a CLIENT reads its own customer’s addresses and no other’s', async () => {
    const own = { orgId, sites: 'all' as const, customers: [customerId] };
    expect(await listDepositAddresses(db, own, customerId)).toHaveLength(2);
    await expect(listDepositAddresses(db, own, otherCustomerId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('the QR path is a valid QR grid with its finder pattern in the corner', () => {
    const { size, d } = qrPath(`bitcoin:${BTC}`);
    const modules = size - 4;
    expect((modules - 17) % 4).toBe(0);
    expect(modules).toBeGreaterThanOrEqual(21);
    // The top-left finder pattern: a dark 7 × 7 ring from (2,2) to (8,8) around a light ring.
    for (const [x, y] of [[2, 2], [8, 2], [2, 8], [8, 8], [4, 4]]) expect(d).toContain(`M${x} ${y}h1v1h-1z`);
    expect(d).not.toContain('M3 3h1v1h-1z');
    expect(qrPath(`bitcoin:${BTC}`).d).toBe(d);
  });

  it('the invoice PDF prints the brand logo, the addresses and their QR codes while something is due', async () => {
    const [brand] = await db.insert(brands).values({ orgId, subdomain: 'acme', displayName: 'Acme Hosting', logo: PNG }).returning();
    await db.update(customers).set({ brandId: brand!.id }).where(eq(customers.id, customerId));
    const draft = await createDraftInvoice(db, staff(), { customerId, items: [{ description: 'Setup', quantity: '1', unitCents: 12_345 }] });
    const inv = await getInvoice(db, staff(), (await issueInvoice(db, staff(), draft.id, adminId, new Date('2026-04-01T10:00:00Z'))).id);
    const extras = await invoicePdfExtras(db, staff(), customerId);
    expect(extras).toMatchObject({ brandName: 'Acme Hosting', logo: PNG });
    const pdf = await renderInvoicePdf(inv, 'en', extras);
    const plain = await renderInvoicePdf(inv, 'en');
    const text = pdfText(pdf);
    if (text !== null) {
      for (const e of ['Acme Hosting', 'Pay by crypto', BTC, TRON, 'Tron (TRC-20)', '$123.45']) expect(text).toContain(e);
      expect(pdfText(plain)).not.toContain(BTC);
    }
    const images = pdfImageCount(pdf);
    if (images !== null) {
      expect(images).toBe(1); // the logo; the QR codes are vector paths
      expect(pdfImageCount(plain)).toBe(0);
    }
    const zh = pdfText(await renderInvoicePdf(inv, 'zh', extras));
    if (zh !== null) expect(zh).toContain('波场（TRC-20）');
  }, 60_000);
});

'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { issueInvoice } from '@/db/queries/billing/invoices';
import { type ActionResult, authorizedAction, formToObject } from '@/lib/actions/action';
import { emailInvoice } from '@/lib/billing/invoice-email';
import { env } from '@/lib/env';
import { createNotifier } from '@/lib/integrations/notify';
import { idSchema } from '@/lib/validation/billing';

/** Numbers the draft (gapless, in the issuing transaction) and e-mails it with its PDF when SMTP is set. */
const run = authorizedAction({ module: 'crm:invoice', level: 'FULL' }, idSchema, async ({ id }, actor) => {
  const db = await getDb();
  const issued = await issueInvoice(db, actor.scope, id, actor.userId);
  const mail = env().smtp ? await emailInvoice(db, actor.scope, id, { notifier: createNotifier() }) : null;
  revalidatePath('/[locale]/crm/invoices/[id]', 'page');
  return { number: issued.number, emailed: mail?.status === 'sent' };
});

export async function issueInvoiceAction(_prev: ActionResult<{ number: string | null; emailed: boolean }> | null, form: FormData) {
  return run(formToObject(form));
}

import { formToObject } from '@/lib/actions/action';

/** A form as an object, with the named multi-value fields (checkbox lists, item rows) as arrays. */
export function formWithArrays(form: FormData, arrays: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = formToObject(form);
  for (const name of arrays) out[name] = form.getAll(name).filter((v): v is string => typeof v === 'string' && v !== '');
  return out;
}

/** Item rows posted as parallel fields (itemDescription, itemQuantity, itemUnitUsd); empty rows are skipped. */
export function itemsOf(form: FormData) {
  const [d, q, u] = ['itemDescription', 'itemQuantity', 'itemUnitUsd'].map((n) => form.getAll(n).map(String));
  return d!.map((description, i) => ({ description, quantity: q![i] ?? '', unitUsd: u![i] ?? '' })).filter((r) => r.description || r.quantity || r.unitUsd);
}

import { formToObject } from '@/lib/actions/action';

/** Form fields plus the repeated `memberIds` checkboxes, which formToObject would collapse to one. */
export function siteFormToObject(form: FormData) {
  return { ...formToObject(form), memberIds: form.getAll('memberIds').filter((v): v is string => typeof v === 'string') };
}

/** The CSV a form sends: the chosen file's text, else what was typed or pasted in `text`. */
export async function csvText(form: FormData): Promise<string> {
  const file = form.get('file');
  if (file instanceof File && file.size > 0) return file.text();
  return String(form.get('text') ?? '');
}

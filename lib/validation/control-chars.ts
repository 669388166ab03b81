/**
 * C0 control characters other than tab, line feed and carriage return (which multi-line text
 * keeps). PostgreSQL cannot store NUL in text at all, and the others have no business in a name,
 * a serial or a search, so every string the app accepts is refused when it holds one.
 */
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;

export const hasControlChars = (s: string): boolean => CONTROL_CHARS.test(s);

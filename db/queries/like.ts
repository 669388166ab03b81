/** `%q%` for ILIKE, with the pattern's own characters (%, _ and the escape \) matched literally. */
export const containsPattern = (q: string) => `%${q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;

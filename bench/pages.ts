// `npm run bench:pages`: only the whole-page timings (needs `npm run build` first).
import { env } from '@/lib/env';
import { benchHttpPages } from './http-pages';
console.table(await benchHttpPages(env().benchDatabaseUrl));

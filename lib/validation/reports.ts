import { REPORT_FORMATS, REPORT_KINDS } from '@/lib/domain/reports/model';
import { z } from './zod';

const blankToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);

/** A report asked for on /reports: its kind, file format, month (YYYY-MM) and, for a statement, the customer. */
export const reportRequestSchema = z.object({
  kind: z.enum(REPORT_KINDS, 'invalid'),
  format: z.enum(REPORT_FORMATS, 'invalid'),
  month: z.string().max(7, 'invalid').regex(/^20\d{2}-(0[1-9]|1[0-2])$/, 'invalid'),
  customerId: z.preprocess(blankToNull, z.uuid('invalid').nullish()),
});
export type ReportRequest = z.infer<typeof reportRequestSchema>;

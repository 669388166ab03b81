import { z } from './zod';
import { LOGO_MAX_TEXT_LENGTH, logoProblem } from '@/lib/domain/brands/logo';
import { subdomainProblem } from '@/lib/domain/brands/subdomain';

const emptyToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);
const colour = z
  .string()
  .trim()
  .regex(/^#[0-9a-fA-F]{6}$/, 'invalid')
  .transform((v) => v.toLowerCase());

/** A brand as the admin form and action send it. Field messages are Validation.* keys. */
export const brandInputSchema = z.object({
  subdomain: z
    .string()
    .trim()
    .toLowerCase()
    .min(1, 'required')
    .max(63, 'tooLong')
    .refine((v) => subdomainProblem(v) === null, 'invalid'),
  displayName: z.string().trim().min(1, 'required').max(80, 'tooLong'),
  logo: z.preprocess(
    emptyToNull,
    z
      .string()
      .trim()
      .max(LOGO_MAX_TEXT_LENGTH, 'tooLong')
      .refine((v) => logoProblem(v) === null, 'invalid')
      .nullable(),
  ),
  primaryColor: colour,
  accentColor: colour,
  supportEmail: z.preprocess(emptyToNull, z.email('email').max(200, 'tooLong').nullable()),
  enabled: z.preprocess((v) => v === true || v === 'on' || v === 'true', z.boolean()),
});
export type BrandInput = z.infer<typeof brandInputSchema>;

export const brandUpdateSchema = brandInputSchema.extend({ id: z.uuid('invalid') });

/** Puts a customer in a brand, or takes it out (brandId empty). */
export const customerBrandSchema = z.object({
  customerId: z.uuid('invalid'),
  brandId: z.preprocess(emptyToNull, z.uuid('invalid').nullable()),
});

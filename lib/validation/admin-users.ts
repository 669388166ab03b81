import { ROLES } from '@/lib/core/roles';
import { PASSWORD_MIN_LENGTH } from './account';
import { z } from './zod';

const blankToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);
const optionalId = z.preprocess(blankToNull, z.uuid('invalid').nullish().transform((v) => v ?? null));
const email = z.preprocess((v) => (typeof v === 'string' ? v.trim() : v), z.email('email').max(200, 'tooLong').transform((v) => v.toLowerCase()));
/** A date (YYYY-MM-DD) typed in the form: access ends at the start of that day, UTC. Blank: open-ended. */
const accessUntil = z.preprocess(
  blankToNull,
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'invalid')
    .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), 'invalid')
    .transform((v) => new Date(`${v}T00:00:00Z`))
    .nullish()
    .transform((v) => v ?? null),
);
const siteIds = z.array(z.uuid('invalid')).max(200, 'tooLong').default([]);
const role = z.enum(ROLES, { error: 'invalid' });

export const inviteUserSchema = z.object({
  email,
  name: z.string().trim().min(1, 'required').max(80, 'tooLong'),
  role,
  siteIds,
  customerId: optionalId,
  accessUntil,
  locale: z.enum(['en', 'zh'], { error: 'locale' }).default('en'),
});
export type InviteUserInput = z.infer<typeof inviteUserSchema>;

export const updateUserSchema = z.object({
  userId: z.uuid('invalid'),
  name: z.string().trim().min(1, 'required').max(80, 'tooLong'),
  role,
  siteIds,
  accessUntil,
});
export type UpdateUserInput = z.infer<typeof updateUserSchema>;

export const userIdSchema = z.object({ userId: z.uuid('invalid') });
export const setUserDisabledSchema = z.object({ userId: z.uuid('invalid'), disabled: z.boolean() });

const newPassword = {
  password: z.string().min(PASSWORD_MIN_LENGTH, 'passwordLength').max(200, 'tooLong'),
  confirmPassword: z.string().max(200, 'tooLong'),
};
const token = z.string().min(1, 'invalid').max(200, 'tooLong');

export const acceptInviteSchema = z
  .object({ token, ...newPassword })
  .refine((v) => v.password === v.confirmPassword, { path: ['confirmPassword'], message: 'passwordMismatch' });

export const resetPasswordSchema = acceptInviteSchema;
export const requestPasswordResetSchema = z.object({ email, locale: z.enum(['en', 'zh'], { error: 'locale' }).default('en') });

import { z } from './zod';

export const profileSchema = z.object({
  name: z.string().trim().min(1, 'required').max(80, 'tooLong'),
  locale: z.enum(['en', 'zh'], { error: 'locale' }),
});
export type ProfileInput = z.infer<typeof profileSchema>;

/** NIST SP 800-63B asks for at least 8 characters; 10 leaves a margin, and no composition rules. */
export const PASSWORD_MIN_LENGTH = 10;

export const passwordChangeSchema = z
  .object({
    currentPassword: z.string().min(1, 'required').max(200, 'tooLong'),
    newPassword: z.string().min(PASSWORD_MIN_LENGTH, 'passwordLength').max(200, 'tooLong'),
    confirmPassword: z.string().max(200, 'tooLong'),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ['confirmPassword'], message: 'passwordMismatch' });
export type PasswordChangeInput = z.infer<typeof passwordChangeSchema>;

/** Choosing a password through a one-time link (an approved lead's portal account). */
export const activationSchema = z
  .object({
    token: z.string().min(1, 'invalid').max(200, 'invalid'),
    newPassword: z.string().min(PASSWORD_MIN_LENGTH, 'passwordLength').max(200, 'tooLong'),
    confirmPassword: z.string().max(200, 'tooLong'),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ['confirmPassword'], message: 'passwordMismatch' });

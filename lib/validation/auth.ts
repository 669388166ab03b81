import { z } from 'zod';

export const loginSchema = z.object({
  email: z.string().trim().toLowerCase().min(1, 'required').max(254, 'tooLong').pipe(z.email('email')),
  password: z.string().min(1, 'required').max(200, 'tooLong'),
});
export type LoginInput = z.infer<typeof loginSchema>;

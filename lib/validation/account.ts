import { z } from 'zod';

export const profileSchema = z.object({
  name: z.string().trim().min(1, 'required').max(80, 'tooLong'),
  locale: z.enum(['en', 'zh'], { error: 'locale' }),
});
export type ProfileInput = z.infer<typeof profileSchema>;

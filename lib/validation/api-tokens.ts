import { z } from './zod';

export const createApiTokenSchema = z.object({ name: z.string().trim().min(1, 'required').max(60, 'tooLong') });
export const revokeApiTokenSchema = z.object({ id: z.uuid({ error: 'invalid' }) });

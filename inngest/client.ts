import { Inngest } from 'inngest';
import { inngestIsDev } from '@/lib/env';

export const inngest = new Inngest({ id: 'hashinsight', isDev: inngestIsDev() });

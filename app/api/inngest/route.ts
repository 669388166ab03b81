import { inngestRoute } from '@/inngest/serve';

export const GET = inngestRoute('GET');
export const POST = inngestRoute('POST');
export const PUT = inngestRoute('PUT');

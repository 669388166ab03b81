import { appJobDeps } from '@/inngest/deps';
import { inngestRoutes } from '@/inngest/serve';

const routes = inngestRoutes(appJobDeps);

export const GET = routes.GET;
export const POST = routes.POST;
export const PUT = routes.PUT;

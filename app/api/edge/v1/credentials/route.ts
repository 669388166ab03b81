import { withDeviceToken } from '@/lib/api/with-device-token';
import { fetchCredentials } from '@/lib/edge/api/handle-credentials';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = withDeviceToken('edge-credentials', fetchCredentials);

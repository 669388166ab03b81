import { withDeviceToken } from '@/lib/api/with-device-token';
import { publishKey } from '@/lib/edge/api/handle-credentials';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const POST = withDeviceToken('edge-keys', publishKey);

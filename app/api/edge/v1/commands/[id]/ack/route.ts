import { withDeviceToken } from '@/lib/api/with-device-token';
import { acknowledgeCommand } from '@/lib/edge/api/handle-commands';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const POST = withDeviceToken('edge-ack', acknowledgeCommand);

import { withDeviceToken } from '@/lib/api/with-device-token';
import { pollCommands } from '@/lib/edge/api/handle-commands';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = withDeviceToken('edge-poll', pollCommands);

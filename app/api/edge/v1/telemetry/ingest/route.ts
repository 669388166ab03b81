import { withDeviceToken } from '@/lib/api/with-device-token';
import { ingestTelemetry } from '@/lib/edge/ingest/handle-ingest';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const POST = withDeviceToken('edge-ingest', ingestTelemetry);

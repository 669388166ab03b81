import { errorResponse } from '@/lib/api/error-response';

/**
 * The edge API's answer to a failure: the one error table in the collector protocol's shape. Device
 * authentication itself is lib/api/with-device-token's; this name stays for the tests that call it.
 */
export const edgeErrorResponse = (e: unknown, where: string): Response => errorResponse(e, { shape: 'edge', where });

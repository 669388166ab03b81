import { CALCULATOR_PERMISSION, calculate } from '@/lib/api/calculator-handler';
import { withApiToken } from '@/lib/api/with-api-token';
import { getCurrentNetwork } from '@/lib/integrations/market/current';

/** The calculator for scripts, with a personal API token (README: API tokens). */
export const POST = withApiToken(CALCULATOR_PERMISSION, calculate(getCurrentNetwork));

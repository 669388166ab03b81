import { getDb } from '@/db';
import { handleCalculatorRequest } from '@/lib/api/calculator-handler';
import { env } from '@/lib/env';
import { getCurrentNetwork } from '@/lib/integrations/market/current';

export async function POST(req: Request): Promise<Response> {
  return handleCalculatorRequest(req, { db: await getDb(), now: new Date(), demoMode: env().demoMode, network: getCurrentNetwork });
}

import { parseArgs } from 'node:util';
import { executeMinerCommand } from '@/lib/edge/commands';
import { createCollector } from '@/lib/edge/collector/collector';
import { loadCollectorConfig } from '@/lib/edge/collector/config';
import { jsonLogger } from '@/lib/edge/collector/log';
import { readMiner } from '@/lib/edge/rpc/read-miner';

// npm run collector -- --config collector.json [--rotate-key]
const { values } = parseArgs({ options: { config: { type: 'string', default: 'collector.json' }, 'rotate-key': { type: 'boolean', default: false } } });
const log = jsonLogger();
const collector = createCollector(loadCollectorConfig(values.config!), { read: readMiner, execute: executeMinerCommand, log });
// A new credential key pair: published at start; credentials sealed to the old one still open until re-entered.
if (values['rotate-key']) collector.rotateCredentialKey();
collector.start();

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    collector.stop();
    log('info', 'collector stopped', { signal, buffered: collector.bufferDepth() });
    process.exit(0);
  });
}

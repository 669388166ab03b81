import { commandSupport, type EdgeCommandType, FIRMWARE_VENDORS, type FirmwareVendor } from './command-support';

/**
 * The firmware a miner runs, as the bulk actions guess it before any reading names it: the model's
 * vendor in the catalogue (Bitmain, MicroBT, Canaan, Bitdeer) or the firmware name discovery records
 * for a model it did not know (antminer, luxos…). Null when the name says nothing: such a miner is
 * queued and the collector answers with the firmware's own refusal if it has to.
 */
const MODEL_VENDOR: Record<string, FirmwareVendor> = {
  bitmain: 'antminer',
  microbt: 'whatsminer',
  canaan: 'avalon',
  bitdeer: 'sealminer',
  ...Object.fromEntries(FIRMWARE_VENDORS.filter((v) => v !== 'unknown').map((v) => [v, v])),
};

export function firmwareOfModelVendor(vendor: string | null | undefined): FirmwareVendor | null {
  return MODEL_VENDOR[(vendor ?? '').trim().toLowerCase()] ?? null;
}

/** The pairs of the mapping, for classifying miners in SQL. */
export const MODEL_VENDOR_PAIRS: readonly (readonly [string, FirmwareVendor])[] = Object.entries(MODEL_VENDOR);

/** The firmware that refuse `type` (lib/domain/edge/command-support.ts): their miners are skipped. */
export function vendorsRefusing(type: EdgeCommandType): FirmwareVendor[] {
  return FIRMWARE_VENDORS.filter((v) => commandSupport(v, type) === 'unsupported');
}

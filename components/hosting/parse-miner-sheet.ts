/** Spreadsheet headers people actually write, mapped to the batch API's field names. */
const HEADER_ALIASES: Record<string, string> = {
  name: 'name', miner: 'name', 'miner name': 'name', 名称: 'name',
  site: 'site', 'site name': 'site', 矿场: 'site',
  model: 'model', 型号: 'model',
  customer: 'customer', 'customer email': 'customer', owner: 'customer', 客户: 'customer',
  serial: 'serial', 'serial number': 'serial', sn: 'serial', 序列号: 'serial',
  ip: 'ip', 'ip address': 'ip',
  mac: 'mac', 'mac address': 'mac',
  worker: 'worker', 'worker name': 'worker', 'pool worker': 'worker', 矿工名: 'worker',
  status: 'status', 状态: 'status',
};

export const TEMPLATE_CSV = 'name,site,model,customer,serial,ip,mac,worker,status\nTX-R01-K01-01,Abilene Wind,Antminer S21,,SN0001,10.20.1.1,AA:BB:CC:00:00:01,house.tx-r01-k01-01,active\n';

export function normaliseRows(records: Record<string, unknown>[]): Record<string, string>[] {
  return records
    .map((rec) => {
      const out: Record<string, string> = {};
      for (const [k, v] of Object.entries(rec)) {
        const field = HEADER_ALIASES[k.trim().toLowerCase()];
        if (field) out[field] = v === null || v === undefined ? '' : String(v).trim();
      }
      return out;
    })
    .filter((r) => Object.values(r).some((v) => v !== ''));
}

/** CSV through papaparse, XLSX/XLS through SheetJS (first sheet); both loaded only when a file is chosen. */
export async function parseMinerSheet(file: File): Promise<Record<string, string>[]> {
  if (/\.xlsx?$/i.test(file.name)) {
    const XLSX = await import('xlsx');
    const book = XLSX.read(await file.arrayBuffer(), { type: 'array' });
    const sheet = book.Sheets[book.SheetNames[0]!]!;
    return normaliseRows(XLSX.utils.sheet_to_json<Record<string, unknown>>(sheet, { defval: '', raw: false }));
  }
  const Papa = (await import('papaparse')).default;
  const parsed = Papa.parse<Record<string, string>>(await file.text(), { header: true, skipEmptyLines: true });
  return normaliseRows(parsed.data);
}

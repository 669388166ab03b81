/**
 * What a ZIP file (an .xlsx is one) says its entries hold once inflated, summed from the central
 * directory without inflating anything; null when it is not a ZIP this can read (ZIP64 included,
 * which no spreadsheet of the accepted size needs). A 5 MB upload can inflate past a gigabyte, and
 * the spreadsheet parser inflates everything it is given, so this is checked first. A file that
 * lies about its sizes still gets through here: the cell and row limits after parsing catch what
 * it holds.
 */
export function zipInflatedBytes(data: Uint8Array): number | null {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const eocd = findEndOfCentralDirectory(view);
  if (eocd === null) return null;
  const entries = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  let total = 0;
  for (let i = 0; i < entries; i++) {
    if (at + 46 > view.byteLength || view.getUint32(at, true) !== 0x02014b50) return null;
    const inflated = view.getUint32(at + 24, true);
    if (inflated === 0xffffffff) return null;
    total += inflated;
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return total;
}

/** The end-of-central-directory record sits in the last 22 bytes plus up to a 64 KB comment. */
function findEndOfCentralDirectory(view: DataView): number | null {
  for (let at = view.byteLength - 22; at >= Math.max(0, view.byteLength - 22 - 0xffff); at--) {
    if (view.getUint32(at, true) === 0x06054b50) return at;
  }
  return null;
}

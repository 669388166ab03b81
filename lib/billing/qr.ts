import QRCode from 'qrcode';

/**
 * A QR code as one SVG path over a `size` × `size` grid of modules (plus a quiet zone of 2 on
 * each side), generated on the server by `qrcode` (error correction M). The same path draws the code
 * in the browser (<svg>) and in the invoice PDF (@react-pdf's <Svg>), so both show the same code.
 */
export function qrPath(text: string): { size: number; d: string } {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const quiet = 2;
  const parts: string[] = [];
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) if (modules.get(row, col)) parts.push(`M${col + quiet} ${row + quiet}h1v1h-1z`);
  }
  return { size: modules.size + quiet * 2, d: parts.join('') };
}

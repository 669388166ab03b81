import { qrPath } from '@/lib/billing/qr';

/** A QR code drawn on the server as SVG (no client script), dark modules on a white square for scanners. */
export function QrCode({ text, label, sizePx = 160 }: { text: string; label: string; sizePx?: number }) {
  const { size, d } = qrPath(text);
  return (
    <svg role="img" aria-label={label} viewBox={`0 0 ${size} ${size}`} width={sizePx} height={sizePx} shapeRendering="crispEdges" className="rounded bg-white">
      <rect width={size} height={size} fill="#ffffff" />
      <path d={d} fill="#000000" />
    </svg>
  );
}

import { generate } from 'lean-qr/nano';
import { svg } from 'lit';

/**
 * A QR code as an SVG template: one path over the dark modules, with a 4-module quiet zone.
 * Drawn from the bitmap directly so the element needs no canvas and no extra dependency.
 */
export function qrSvg(text: string, label: string) {
  const code = generate(text);
  const size = code.size;
  let d = '';
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      if (code.get(x, y)) d += `M${x + 4} ${y + 4}h1v1h-1z`;
    }
  }
  const box = size + 8;
  return svg`<svg part="qr" role="img" aria-label=${label} viewBox="0 0 ${box} ${box}" shape-rendering="crispEdges"><rect width=${box} height=${box} fill="#fff"></rect><path d=${d} fill="#000"></path></svg>`;
}

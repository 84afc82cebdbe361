/**
 * Build a small valid PDF: one page per entry, each page's lines drawn as Helvetica text.
 * A page given as `null` has no content stream at all (like a scanned page without OCR).
 */
export function buildPdf(pages: (string[] | null)[]): Uint8Array {
  const objects: string[] = [];
  const pageIds: number[] = [];
  // 1: catalog, 2: pages, 3: font, then per page: page object (+ content stream).
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>';
  let next = 4;
  for (const lines of pages) {
    const pageId = next++;
    pageIds.push(pageId);
    if (lines === null) {
      objects[pageId] = '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>';
      continue;
    }
    const contentId = next++;
    const pdfString = (s: string) => s.replace(/[\\()]/g, (c) => `\\${c}`);
    const ops = [
      'BT',
      '/F1 12 Tf',
      '14 TL',
      '72 720 Td',
      ...lines.map((l) => `(${pdfString(l)}) Tj T*`),
      'ET',
    ].join('\n');
    objects[contentId] = `<< /Length ${ops.length} >>\nstream\n${ops}\nendstream`;
    objects[pageId] =
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents ${contentId} 0 R ` +
      '/Resources << /Font << /F1 3 0 R >> >> >>';
  }
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pageIds.length} >>`;

  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  for (let id = 1; id < objects.length; id++) {
    offsets[id] = out.length;
    out += `${id} 0 obj\n${objects[id]}\nendobj\n`;
  }
  const xref = out.length;
  out += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let id = 1; id < objects.length; id++) out += `${String(offsets[id]).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}

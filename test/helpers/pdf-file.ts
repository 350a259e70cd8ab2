// A PDF file from its objects (numbered from 1, the catalog first), with a correct
// cross-reference table and trailer: the made PDFs of the reader and guard tests.

/** `objects` as latin1 text or bytes; `trailer`: entries beside /Size and /Root (an /Info). */
export function pdfFile(objects: (string | Buffer)[], opts: { trailer?: string; header?: string } = {}): Buffer {
  const parts: Buffer[] = [Buffer.from(opts.header ?? '%PDF-1.4\n', 'latin1')];
  let at = parts[0].length;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(at);
    const obj = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), typeof body === 'string' ? Buffer.from(body, 'latin1') : body, Buffer.from('\nendobj\n')]);
    parts.push(obj);
    at += obj.length;
  });
  const xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${opts.trailer ?? ''}>>\nstartxref\n${at}\n%%EOF\n`;
  return Buffer.concat([...parts, Buffer.from(xref, 'latin1')]);
}

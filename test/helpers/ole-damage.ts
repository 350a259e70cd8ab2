// Damaged copies of a real .doc, made by rewriting its allocation table (FAT) as damaged files
// are: a stream's chain looping back, the directory's chain looping back, a chain pointing past
// the end of the file. Only for files whose FAT fits in the header's first FAT sector.
export function damagedDocs(doc: Uint8Array): Record<string, Uint8Array> {
  const view = new DataView(doc.buffer, doc.byteOffset, doc.byteLength);
  const size = 1 << view.getUint16(0x1e, true);
  const at = (s: number) => (s + 1) * size;
  const fatSector = view.getUint32(0x4c, true);
  const fatEntry = (s: number) => at(fatSector) + 4 * s;
  const next = (s: number) => view.getUint32(fatEntry(s), true);
  // The WordDocument stream's first sector, from its directory entry.
  const name = Buffer.from('WordDocument', 'utf16le');
  const entry = Buffer.from(doc).indexOf(name);
  const first = view.getUint32(entry + 0x74, true);
  const dir = view.getUint32(0x30, true);
  const copy = (edit: (v: DataView) => void) => {
    const b = new Uint8Array(doc);
    edit(new DataView(b.buffer));
    return b;
  };
  return {
    'stream-cycle.doc': copy((v) => v.setUint32(fatEntry(next(first)), first, true)),
    'directory-cycle.doc': copy((v) => v.setUint32(fatEntry(dir), dir, true)),
    'chain-outside.doc': copy((v) => v.setUint32(fatEntry(first), 0x00ffffff, true)),
  };
}

// The structure of an OLE compound file (.doc, .wps), checked before any reader follows it: a
// sector chain that loops back on itself or points outside the file makes a reader walk for
// ever (word-extractor did, until the process ran out of memory). Every chain the readers would
// follow is walked once here, with a visited set and the file's own size as bounds.
import { ReadError } from './errors.ts';

const END = 0xfffffffe;
const FREE = 0xffffffff;
const SPECIAL = 0xfffffffa; // FATSECT, DIFSECT and the rest lie above this

const damaged = (why: string) => new ReadError('corrupt', `Word文件已损坏（文件内部结构异常：${why}），无法读取`);

export function guardOle(bytes: Uint8Array): void {
  if (bytes.length < 512) throw damaged('文件不完整');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u32 = (at: number) => view.getUint32(at, true);
  const shift = view.getUint16(0x1e, true);
  if (shift !== 9 && shift !== 12) throw damaged('扇区大小无效');
  const size = 1 << shift;
  const sectors = Math.ceil((bytes.length - size) / size);
  const sectorAt = (s: number) => (s + 1) * size;
  const inFile = (s: number) => s < sectors;

  // The FAT's own sectors: 109 in the header, the rest along the DIFAT chain.
  const fatCount = u32(0x2c);
  if (fatCount > sectors) throw damaged('分配表大小超出文件');
  const fatSectors: number[] = [];
  for (let i = 0; i < Math.min(109, fatCount); i++) fatSectors.push(u32(0x4c + 4 * i));
  const seenDifat = new Set<number>();
  for (let d = u32(0x44); fatSectors.length < fatCount && d < SPECIAL; ) {
    if (!inFile(d) || seenDifat.has(d)) throw damaged('分配表链循环或超出文件范围');
    seenDifat.add(d);
    const per = size / 4 - 1;
    for (let i = 0; i < per && fatSectors.length < fatCount; i++) fatSectors.push(u32(sectorAt(d) + 4 * i));
    d = u32(sectorAt(d) + 4 * per);
  }
  if (fatSectors.length < fatCount || fatSectors.some((s) => !inFile(s))) throw damaged('分配表超出文件范围');
  const fat = new Uint32Array(fatSectors.length * (size / 4));
  fatSectors.forEach((s, k) => {
    for (let i = 0; i < size / 4; i++) fat[k * (size / 4) + i] = sectorAt(s) + 4 * i + 4 <= bytes.length ? u32(sectorAt(s) + 4 * i) : FREE;
  });

  /** The sectors of a chain, each visited once, each inside the file. */
  const chain = (start: number, table: Uint32Array, count: number, what: string): number[] => {
    const out: number[] = [];
    const seen = new Set<number>();
    for (let s = start; s !== END; s = table[s]) {
      if (s === FREE || s >= count || s >= table.length) throw damaged(`${what}的扇区超出文件范围`);
      if (seen.has(s)) throw damaged(`${what}的扇区链循环`);
      seen.add(s);
      out.push(s);
    }
    return out;
  };

  const dir = chain(u32(0x30), fat, sectors, '目录');
  const cutoff = u32(0x38);
  const miniFat = u32(0x3c) < SPECIAL ? chain(u32(0x3c), fat, sectors, '小分配表') : [];
  const mini = new Uint32Array(miniFat.length * (size / 4));
  miniFat.forEach((s, k) => {
    for (let i = 0; i < size / 4; i++) mini[k * (size / 4) + i] = u32(sectorAt(s) + 4 * i);
  });
  let miniSectors = 0;
  for (const d of dir) {
    for (let e = 0; e < size / 128; e++) {
      const at = sectorAt(d) + e * 128;
      if (at + 128 > bytes.length) break;
      const type = bytes[at + 0x42];
      const start = u32(at + 0x74);
      const length = u32(at + 0x78);
      if (type === 5) {
        // The root entry holds the mini stream, in big sectors.
        const sectorsOfMini = start < SPECIAL ? chain(start, fat, sectors, '小流').length : 0;
        miniSectors = (sectorsOfMini * size) / 64;
      } else if (type === 2 && length > 0 && start < SPECIAL) {
        if (length < cutoff) chain(start, mini, miniSectors, '小数据流');
        else if (chain(start, fat, sectors, '数据流').length * size < length) throw damaged('数据流比文件记录的长度短');
      }
    }
  }
}

// What the archive keeps compressed: a report's text and parts (stored once, as one value), what
// the search document adds to them, a report's findings, and originals that compress. Brotli at quality 5:
// Chinese text to about 45% (bench/search.ts prints the sizes), a report packed and unpacked in
// about 2 ms; unpacking for a page of 20 search snippets costs well under a millisecond each.
import { brotliCompressSync, brotliDecompressSync, constants } from 'node:zlib';
import type { Finding, Part } from '../../../shared/report/model.ts';
import type { SearchDocPieces } from './search-doc.ts';

export function pack(text: string): Buffer {
  const bytes = Buffer.from(text, 'utf8');
  return brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } });
}

export function unpack(packed: Buffer | Uint8Array): string {
  return brotliDecompressSync(packed).toString('utf8');
}

/** A report's text as read and its parts: the parts repeat the text, so one value holds both. */
export interface Body {
  text: string;
  parts: Part[];
}

export const packBody = (b: Body): Buffer => pack(JSON.stringify([b.text, b.parts]));

export function bodyOf(packed: Buffer | Uint8Array): Body {
  const [text, parts] = JSON.parse(unpack(packed)) as [string, Part[]];
  return { text, parts };
}

/**
 * A search document's own pieces (title line, the source's other words): its parts are the
 * body's, its table labels are made from the report's cells (tableLabels). Before schema 15 the
 * labels were stored too, as the middle of three pieces.
 */
export const packPieces = (p: SearchDocPieces): Buffer => pack(JSON.stringify([p.title, p.rest]));

/** The pieces stored, with the table labels (`tables`: made from the report's cells) where they were not stored. */
export function piecesOf(packed: Buffer | Uint8Array, tables: () => string): SearchDocPieces {
  const stored = JSON.parse(unpack(packed)) as [string, string] | [string, string, string];
  if (stored.length === 3) return { title: stored[0], tables: stored[1], rest: stored[2] };
  return { title: stored[0], tables: tables(), rest: stored[1] };
}

export const packFindings = (f: Finding[]): Buffer => pack(JSON.stringify(f));
export const findingsIn = (packed: Buffer | Uint8Array): Finding[] => JSON.parse(unpack(packed)) as Finding[];

/** The slices a large original is probed on: its start, middle and end. */
const PROBE = 16384;

/**
 * Whether a large file is worth compressing, from its start, middle and end at brotli's fastest
 * quality (a fifth saved there). Compressing a PDF at quality 5 only to keep it as it was cost
 * the import's main thread ~5 ms a file; the probe ~0.4 ms. On the 895 fixture files of 256
 * bytes or more, it agreed with the full compression on 885 (bench/probe in the commit).
 */
function worthPacking(raw: Buffer): boolean {
  if (raw.length <= 3 * PROBE) return true;
  const mid = raw.length >> 1;
  const sample = Buffer.concat([raw.subarray(0, PROBE), raw.subarray(mid - PROBE / 2, mid + PROBE / 2), raw.subarray(raw.length - PROBE)]);
  return brotliCompressSync(sample, { params: { [constants.BROTLI_PARAM_QUALITY]: 1 } }).length <= sample.length * 0.8;
}

/**
 * An original file as stored: compressed when that saves at least a tenth (a .doc, .txt or web
 * page; a .docx or PDF is compressed already and stays as it is). `packed` says which.
 */
export function packOriginal(bytes: Uint8Array): { bytes: Buffer; packed: 0 | 1 } {
  const raw = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (raw.length < 256 || !worthPacking(raw)) return { bytes: Buffer.from(raw), packed: 0 };
  const z = brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } });
  return z.length <= raw.length * 0.9 ? { bytes: z, packed: 1 } : { bytes: Buffer.from(raw), packed: 0 };
}

export const originalOf = (bytes: Buffer, packed: number): Buffer => (packed ? brotliDecompressSync(bytes) : bytes);

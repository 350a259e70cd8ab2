// Rotated backups are kept gzip-compressed (an archive compresses to about a third; a year's
// daily and monthly backups are 19 copies of it). Written and read as streams, so memory stays
// bounded whatever the archive's size. The gzip header's comment field carries the backup's
// report count, so the backup list reads it without decompressing; any gzip tool opens the file.
import { createReadStream, createWriteStream, closeSync, openSync, readSync } from 'node:fs';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { crc32, createDeflateRaw, createGunzip } from 'node:zlib';

const COMMENT = /^nianbao reports=(\d+)$/;

/** gzip (RFC 1952) with FCOMMENT: `nianbao reports=N`. */
export async function gzipFile(src: string, dest: string, reports: number): Promise<void> {
  const comment = Buffer.from(`nianbao reports=${reports}\0`, 'latin1');
  const header = Buffer.concat([Buffer.from([0x1f, 0x8b, 8, 0x10, 0, 0, 0, 0, 0, 255]), comment]);
  let crc = 0;
  let size = 0;
  const tally = new Transform({
    transform(chunk: Buffer, _enc, done) {
      crc = crc32(chunk, crc);
      size = (size + chunk.length) >>> 0;
      done(null, chunk);
    },
  });
  const out = createWriteStream(dest);
  out.write(header);
  await pipeline(createReadStream(src), tally, createDeflateRaw({ level: 6 }), out, { end: false });
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc >>> 0, 0);
  trailer.writeUInt32LE(size, 4);
  await new Promise<void>((resolve, reject) => {
    out.on('error', reject);
    out.end(trailer, () => resolve());
  });
}

/** Decompresses `src` into `dest` (gunzip checks the CRC and length at the end). */
export async function gunzipFile(src: string, dest: string): Promise<void> {
  await pipeline(createReadStream(src), createGunzip(), createWriteStream(dest));
}

/** Whether a file starts as gzip does. */
export function isGzip(file: string): boolean {
  return head(file, 2)?.readUInt16BE(0) === 0x1f8b;
}

/** The report count a compressed backup carries in its header, or −1. */
export function gzipReports(file: string): number {
  const h = head(file, 256);
  if (!h || h.length < 10 || h.readUInt16BE(0) !== 0x1f8b || !(h[3] & 0x10) || h[3] & 0x0e) return -1;
  const end = h.indexOf(0, 10);
  const m = end > 0 ? COMMENT.exec(h.subarray(10, end).toString('latin1')) : null;
  return m ? Number(m[1]) : -1;
}

function head(file: string, n: number): Buffer | null {
  let fd = -1;
  try {
    fd = openSync(file, 'r');
    const b = Buffer.alloc(n);
    return b.subarray(0, readSync(fd, b, 0, n, 0));
  } catch {
    return null;
  } finally {
    if (fd >= 0) closeSync(fd);
  }
}

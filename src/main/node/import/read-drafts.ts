// 报送前自查's reading: the files under the chosen paths, each read, parsed and checked in the
// workers exactly as an import reads it (same readers, parser, checks, limits and reasons), but
// nothing is stored. At most `max` files at once; two in flight, so memory stays bounded.
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, extname, sep } from 'node:path';
import type { ParsePool } from './pool.ts';
import type { Processed } from './process-file.ts';
import { LIMITS } from './readers/index.ts';
import { walk } from './walk.ts';

export type DraftRead = { path: string; name: string } & ({ ok: false; message: string } | { ok: true; size: number; sha256: string; read: Extract<Processed, { ok: true }> });

export async function readDrafts(pool: ParsePool, paths: string[], max: number): Promise<{ files: DraftRead[]; leftOut: number }> {
  const found: { path: string; reason?: string }[] = [];
  let leftOut = 0;
  for await (const f of walk(paths)) {
    if (found.length >= max) leftOut++;
    else found.push(f.importable ? { path: f.path } : { path: f.path, reason: f.reason ?? '已跳过' });
  }
  const files: DraftRead[] = new Array(found.length);
  let next = 0;
  const worker = async () => {
    while (next < found.length) {
      const i = next++;
      files[i] = await one(pool, found[i].path, found[i].reason);
    }
  };
  await Promise.all([worker(), worker()]);
  return { files, leftOut };
}

async function one(pool: ParsePool, path: string, reason: string | undefined): Promise<DraftRead> {
  const name = basename(path);
  if (reason) return { path, name, ok: false, message: reason };
  try {
    const st = await stat(path);
    if (st.size > LIMITS.maxFileBytes) return { path, name, ok: false, message: `文件过大（${(st.size / 1048576).toFixed(0)} MB），不像是年度报告` };
    const bytes = new Uint8Array(await readFile(path));
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const read = await pool.run(bytes, extname(name), { fileName: name, folder: dirname(path).split(sep).slice(-3).join('/') });
    return read.ok ? { path, name, ok: true, size: bytes.length, sha256, read } : { path, name, ok: false, message: read.message };
  } catch {
    return { path, name, ok: false, message: '无法读取该文件（可能已被移走，或没有读取权限）' };
  }
}

// Finds the files under the chosen folders and files, recursively, without following links.
import { lstat, readdir } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { IMPORTABLE, NOT_REPORTS } from './readers/index.ts';

export interface Found {
  path: string;
  importable: boolean;
  /** Why a file is passed over, when it is. */
  reason?: string;
  /** Bytes, of an importable file (from the lstat the walk makes anyway). */
  size?: number;
}

export async function* walk(paths: string[], isCancelled: () => boolean = () => false): AsyncGenerator<Found> {
  for (const p of paths) yield* visit(p, isCancelled);
}

async function* visit(path: string, isCancelled: () => boolean): AsyncGenerator<Found> {
  if (isCancelled()) return;
  let st;
  try {
    st = await lstat(path);
  } catch {
    yield { path, importable: false, reason: '找不到该文件或文件夹，或没有读取权限' };
    return;
  }
  if (st.isSymbolicLink()) return;
  if (st.isDirectory()) {
    let entries: string[];
    try {
      entries = (await readdir(path)).sort((a, b) => a.localeCompare(b, 'zh-CN'));
    } catch {
      yield { path, importable: false, reason: '没有权限读取该文件夹' };
      return;
    }
    for (const e of entries) yield* visit(join(path, e), isCancelled);
    return;
  }
  if (!st.isFile()) return;
  const name = basename(path);
  const ext = extname(name).toLowerCase();
  if (name.startsWith('~$')) yield { path, importable: false, reason: 'Word临时文件，已跳过' };
  else if (name.startsWith('.')) return;
  else if (NOT_REPORTS[ext]) yield { path, importable: false, reason: NOT_REPORTS[ext] };
  else if (!IMPORTABLE.includes(ext)) yield { path, importable: false, reason: `不支持的文件类型（${ext || '无扩展名'}），只导入 .txt / .doc / .docx / .wps / .pdf / .html / .mht、填报模板 .xlsx 和扫描图片 .jpg / .png / .tif` };
  else yield { path, importable: true, size: st.size };
}

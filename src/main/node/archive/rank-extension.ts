// The SQLite extension that ranks search results (native/nianbao_rank.c), built for each
// platform into resources/sqlite/<platform>-<arch>/. Where it is missing or will not load (a
// platform without a build, a policy that blocks unsigned libraries), search ranks with FTS5's
// own bm25(): the same order, only slower.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from 'better-sqlite3';

const FILE = process.platform === 'win32' ? 'nianbao_rank.dll' : 'nianbao_rank.so';

/** resources/sqlite/<platform>-<arch>/ of the packaged app, or of the project this file is in
 *  (the same folder serves src/ under Node and out/ under Electron). */
export function rankExtensionPath(): string | null {
  const sub = join('sqlite', `${process.platform}-${process.arch}`, FILE);
  const packaged = (process as { resourcesPath?: string }).resourcesPath;
  if (packaged && existsSync(join(packaged, sub))) return join(packaged, sub);
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'resources', sub))) return join(dir, 'resources', sub);
    if (dirname(dir) === dir) return null;
  }
}

/** Loads the extension into db; the reason it could not, or null when it did. */
export function loadRankExtension(db: Database): string | null {
  const path = rankExtensionPath();
  if (!path) return `没有适用于 ${process.platform}-${process.arch} 的扩展`;
  try {
    db.loadExtension(path);
    return null;
  } catch (e) {
    return `${path} 无法加载：${(e as Error).message}`;
  }
}

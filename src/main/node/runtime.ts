// Opens the archive and the worker pool; the one place the app, the CLI and the test host
// put the services together.
import { mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { Archive, type ArchiveOptions } from './archive/archive.ts';
import { Importer, type ImporterOptions } from './import/importer.ts';
import { ParsePool } from './import/pool.ts';

export const APP_DIR_NAME = '年报档案';

/** Where the app keeps its archive: Electron's userData folder for this product name. */
export function defaultArchivePath(): string {
  if (process.env.NIANBAO_DB) return process.env.NIANBAO_DB;
  const base =
    process.platform === 'win32'
      ? (process.env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'))
      : process.platform === 'darwin'
        ? join(homedir(), 'Library', 'Application Support')
        : (process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'));
  return join(base, APP_DIR_NAME, 'archive.sqlite');
}

/** The worker script: next to the bundle in the app, the TypeScript source under Node. */
export function defaultWorkerUrl(): URL {
  return import.meta.url.endsWith('.ts') ? new URL('./import/worker.ts', import.meta.url) : new URL('./import-worker.js', import.meta.url);
}

/** The OCR process's script: the sources', or the app's bundle beside this one (electron.vite.config.ts). */
export function defaultOcrUrl(): URL {
  return import.meta.url.endsWith('.ts') ? new URL('./ocr/ocr-process.ts', import.meta.url) : new URL('./ocr-process.js', import.meta.url);
}

export interface Runtime {
  archive: Archive;
  pool: ParsePool;
  importer: Importer;
  close(): Promise<void>;
}

/** `archive.use`: what this process does with the archive, as other processes are told (导入, 应用程序…). */
export function openRuntime(archivePath: string, workerUrl: URL = defaultWorkerUrl(), poolSize?: number, importer: ImporterOptions = {}, archiveOptions: ArchiveOptions = {}): Runtime {
  mkdirSync(dirname(archivePath), { recursive: true });
  const archive = new Archive(archivePath, archiveOptions);
  // Search still works, only slower: say why, for whoever looks at the log.
  if (archive.rankFallback) console.warn(`检索排序未使用扩展（${archive.rankFallback}），改用 FTS5 bm25()`);
  const pool = new ParsePool({ workerUrl, ocrEntry: defaultOcrUrl(), ...(poolSize ? { size: poolSize } : {}) });
  return {
    archive,
    pool,
    importer: new Importer(archive, pool, importer),
    close: async () => {
      await pool.close();
      archive.close();
    },
  };
}

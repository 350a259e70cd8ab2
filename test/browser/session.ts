// One browser test's world: a fresh archive behind the test host, fixture folders copied into
// a temporary folder (imported first when asked), and a Chromium page in Chinese.
import { cpSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { startHost, type Host } from '../host/server.ts';
import { launchChromium } from './chromium.ts';

export const OUT = join(process.cwd(), 'test-output');

export interface Session {
  host: Host;
  browser: Browser;
  page: Page;
  /** The folder the fixtures were copied to. */
  dir: string;
  close(): Promise<void>;
}

export async function openSession(opts: { fixtures: Record<string, string>; importFirst?: boolean; answerDialog?: boolean; freeBytes?: number; ocr?: boolean }): Promise<Session> {
  mkdirSync(OUT, { recursive: true });
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-ui-'));
  for (const [from, to] of Object.entries(opts.fixtures)) cpSync(fileURLToPath(new URL(`../fixtures/${from}`, import.meta.url)), join(dir, 'in', to), { recursive: true });
  const host = await startHost({ db: join(dir, 'archive.sqlite'), outDir: OUT, answer: opts.answerDialog ? [join(dir, 'in')] : undefined, freeBytes: opts.freeBytes, ocr: opts.ocr });
  if (opts.importFirst) await host.runtime.importer.wait(host.runtime.importer.start([join(dir, 'in')]));
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1360, height: 900 }, locale: 'zh-CN' });
  return {
    host,
    browser,
    page,
    dir,
    close: async () => {
      await browser.close();
      await host.close();
    },
  };
}

/** A file's report id by its name, whether or not it is the file its report is listed by (a copy, an earlier version). */
export function fileId(session: Session, name: string): number {
  const r = session.host.runtime.archive.db.prepare('SELECT id FROM reports WHERE file_name = ?').get(name) as { id: number } | undefined;
  if (!r) throw new Error(`no file ${name} in the archive`);
  return r.id;
}

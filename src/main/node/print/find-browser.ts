// A Chromium-family browser already on the PC, for PDFs made outside the app's window (the
// CLI, the tests). Edge ships with every Windows 10/11; the Linux desktops have Chromium or
// Chrome; a path given by the user comes first.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

function candidates(): string[] {
  const env = process.env;
  if (process.platform === 'win32') {
    const roots = [env['ProgramFiles(x86)'], env.ProgramFiles, env.LOCALAPPDATA].filter(Boolean) as string[];
    return roots.flatMap((r) => [join(r, 'Microsoft/Edge/Application/msedge.exe'), join(r, 'Google/Chrome/Application/chrome.exe'), join(r, 'Chromium/Application/chrome.exe')]);
  }
  if (process.platform === 'darwin')
    return ['/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge', '/Applications/Chromium.app/Contents/MacOS/Chromium'];
  return ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/usr/bin/microsoft-edge', '/usr/bin/microsoft-edge-stable'];
}

/** The browser to use: the given path, NIANBAO_BROWSER, CHROMIUM_PATH, then the usual places. */
export function findBrowser(given?: string): string {
  if (given) {
    if (!existsSync(given)) throw new Error(`找不到指定的浏览器：${given}`);
    return given;
  }
  const fromEnv = process.env.NIANBAO_BROWSER || process.env.CHROMIUM_PATH;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  const found = candidates().find((p) => existsSync(p));
  if (!found) throw new Error('找不到可用来生成 PDF 的浏览器（Chromium、Chrome 或 Edge）：请安装其中之一，或用 --browser 指定浏览器程序的路径');
  return found;
}

export interface BrowserOptions {
  /** The browser program; found on the machine when not given. */
  path?: string;
  /** Chromium's own sandbox; on by default except as root, where it cannot start. Tests,
   *  which load only the app's own pages, may turn it off for containers without user
   *  namespaces. */
  sandbox?: boolean;
}

/** Starts it headless, with nothing that reaches out to the network on its own. */
export async function launchBrowser(opts: BrowserOptions = {}): Promise<Browser> {
  const executablePath = findBrowser(opts.path);
  try {
    return await launch(executablePath, opts);
  } catch (e) {
    // Playwright's message is long and in English; the first line says what went wrong.
    throw new Error(`无法启动浏览器 ${executablePath}：${String(e instanceof Error ? e.message : e).split('\n')[0]}`);
  }
}

function launch(executablePath: string, opts: BrowserOptions): Promise<Browser> {
  return chromium.launch({
    executablePath,
    chromiumSandbox: opts.sandbox ?? process.getuid?.() !== 0,
    args: ['--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--lang=zh-CN'],
  });
}

// Answers one request for the app's pages outside Electron: the built renderer's files with
// the app's CSP (Electron's app:// scheme serves the files the same way), and the contract
// under /api/<method>. The browser test host serves this over
// HTTP; the headless printer answers the browser's requests with it directly (no port opened).
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { dispatch, isMethod } from '../../../shared/contract/dispatch.ts';
import { mayCall, type Caller, type Handlers } from '../../../shared/contract/index.ts';
import { CSP } from '../../../shared/csp.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
};

export interface AppResponse {
  status: number;
  headers: Record<string, string>;
  body: string | Buffer;
}

export type AppRequestHandler = (method: string, pathname: string, body: string) => Promise<AppResponse>;

/** The built renderer's files, with the app's CSP; nothing outside its folder. It does not
 *  change while the app runs, so each file is read once. Electron's app:// scheme serves
 *  through this too. */
export function rendererFiles(rendererDir: string): (pathname: string) => Promise<AppResponse> {
  const root = resolve(rendererDir);
  const files = new Map<string, Buffer>();
  return async (pathname): Promise<AppResponse> => {
    const decoded = safeDecode(pathname);
    if (decoded === null) return { status: 400, headers: {}, body: '' };
    const file = normalize(join(root, decoded === '/' ? 'index.html' : decoded));
    if (!file.startsWith(root + sep)) return { status: 404, headers: {}, body: '' };
    try {
      let data = files.get(file);
      if (!data) files.set(file, (data = await readFile(file)));
      return { status: 200, headers: { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'content-security-policy': CSP }, body: data };
    } catch {
      return { status: 404, headers: {}, body: '' };
    }
  };
}

/** `caller` is who the pages are: the app's window, or printed sheets (which may only read
 *  what they print, as in Electron's IPC). */
export function appRequestHandler(handlers: Handlers, rendererDir: string, caller: Caller = 'window'): AppRequestHandler {
  const files = rendererFiles(rendererDir);
  return async (method, pathname, body): Promise<AppResponse> => {
    if (method === 'POST' && pathname.startsWith('/api/')) {
      let args: unknown = {};
      try {
        args = body ? JSON.parse(body) : {};
      } catch {
        args = null; // the contract's validation refuses it
      }
      const name = safeDecode(pathname.slice(5));
      if (name === null) return { status: 400, headers: {}, body: '' };
      const env = isMethod(name) && !mayCall(caller, name) ? { ok: false, error: '拒绝来自未知页面的调用' } : await dispatch(handlers, name, args);
      return { status: 200, headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(env) };
    }
    return files(pathname);
  };
}

/** A path's %-escapes decoded; null for a malformed one ("/%E0%A4%A"), which is a bad request, not a crash. */
function safeDecode(path: string): string | null {
  try {
    return decodeURIComponent(path);
  } catch {
    return null;
  }
}

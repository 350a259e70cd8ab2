// Answers one request for the app's pages outside Electron: the built renderer's files with
// the app's CSP (Electron's app:// scheme serves the files the same way), and the contract
// under /api/<method>. The browser test host serves this over
// HTTP; the headless printer answers the browser's requests with it directly (no port opened).
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { dispatch, failure, isMethod, type Envelope } from '../../../shared/contract/dispatch.ts';
import { BAD_REQUEST, ContractError, mayCall, REFUSED, type Caller, type Handlers } from '../../../shared/contract/index.ts';
import { CSP } from '../../../shared/csp.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript', // pdf.js's worker: a module script needs a script type
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

/** `contentType`: the request's Content-Type header; a call of the contract must be JSON. */
export type AppRequestHandler = (method: string, pathname: string, body: string, contentType?: string) => Promise<AppResponse>;

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

/** `caller` is who the pages are: the app's page, or printed sheets (which may only read what
 *  they print); as in Electron's IPC, a page never gets the preload's methods. */
export function appRequestHandler(handlers: Handlers, rendererDir: string, caller: Exclude<Caller, 'preload'> = 'page'): AppRequestHandler {
  const files = rendererFiles(rendererDir);
  const json = (status: number, env: Envelope): AppResponse => ({ status, headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(env) });
  return async (method, pathname, body, contentType): Promise<AppResponse> => {
    if (pathname.startsWith('/api/')) {
      const name = safeDecode(pathname.slice(5));
      if (name === null) return { status: 400, headers: {}, body: '' };
      if (method !== 'POST') return json(405, failure(name, new ContractError(BAD_REQUEST, `${method} ${pathname}`)));
      // Only JSON: a form or text/plain POST (a CORS "simple request", which another site's page
      // may send without asking) never reaches a handler.
      if (!isJson(contentType)) return json(415, failure(name, new ContractError(BAD_REQUEST, `content-type ${contentType ?? '(none)'}`)));
      if (!isMethod(name) || !mayCall(caller, name)) return json(403, failure(name, new ContractError(REFUSED, `${caller} may not call ${name}`)));
      let args: unknown;
      try {
        args = body ? JSON.parse(body) : {};
      } catch (e) {
        return json(400, failure(name, new ContractError(BAD_REQUEST, String(e))));
      }
      return json(200, await dispatch(handlers, name, args));
    }
    if (method !== 'GET' && method !== 'HEAD') return { status: 405, headers: {}, body: '' };
    return files(pathname);
  };
}

/** application/json, with or without parameters (charset). */
function isJson(contentType: string | undefined): boolean {
  return /^application\/json\s*(;|$)/i.test(contentType?.trim() ?? '');
}

/** A path's %-escapes decoded; null for a malformed one ("/%E0%A4%A"), which is a bad request, not a crash. */
function safeDecode(path: string): string | null {
  try {
    return decodeURIComponent(path);
  } catch {
    return null;
  }
}

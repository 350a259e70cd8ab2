// The test host's HTTP door: what reaches the app's request handler, and what is answered at
// the door. The host listens on 127.0.0.1, where any page in any browser on the machine can
// reach it, so only its own page may knock: its own Host, its own Origin, no cross-site fetch.
// A malformed request, a body cut off or too large, is answered (or dropped with its socket);
// the host never exits on a request.
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { AppRequestHandler } from '../../src/main/node/print/app-request.ts';
import { BAD_REQUEST, FAILED } from '../../src/shared/contract/errors.ts';

/** The largest body a contract call needs (a 单位目录 of 5,000 units) with room to spare. */
const MAX_BODY = 16 * 1024 * 1024;

class BodyTooLarge extends Error {}

export function httpDoor(serve: AppRequestHandler, origin: () => string): RequestListener {
  return (req, res) => {
    // A reply to a client that has gone is dropped, not thrown.
    res.on('error', () => undefined);
    answer(serve, origin(), req, res).catch((e: unknown) => {
      // A handler's failure is already an envelope; what ends here is the host's own fault.
      console.warn('[测试主机] 请求出错', e);
      if (!res.headersSent && !res.destroyed) refuse(res, 500, FAILED);
      else res.destroy();
    });
  };
}

async function answer(serve: AppRequestHandler, own: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const why = refusal(own, req);
  if (why) return refuse(res, why.status, why.text);
  // Origin-form only ("/path?query"): not a proxy's absolute URL, not "*", not "//host".
  const target = req.url ?? '';
  if (!target.startsWith('/') || target.startsWith('//')) return refuse(res, 400, BAD_REQUEST);
  const pathname = target.replace(/[?#].*$/s, '');
  const method = req.method ?? 'GET';
  let body: string;
  try {
    body = await readBody(req);
  } catch (e) {
    if (e instanceof BodyTooLarge) return refuse(res, 413, '请求内容过大');
    // Cut off: the client is gone, nobody to answer.
    res.destroy();
    return;
  }
  const r = await serve(method, pathname, body, req.headers['content-type']);
  res.writeHead(r.status, r.headers).end(r.body);
}

/** Why a request is refused before it is read: not addressed to this host, or sent by another origin's page. */
function refusal(own: string, req: IncomingMessage): { status: number; text: string } | null {
  // A rebound name (evil.example resolving to 127.0.0.1) is not this host.
  if (req.headers.host !== new URL(own).host) return { status: 403, text: '拒绝访问' };
  const from = req.headers.origin;
  if (from !== undefined && from !== own) return { status: 403, text: '拒绝来自其他网页的请求' };
  // 'none' is the address typed or opened by the browser itself; same-site is another port.
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return { status: 403, text: '拒绝来自其他网页的请求' };
  return null;
}

async function readBody(req: IncomingMessage): Promise<string> {
  if (Number(req.headers['content-length'] ?? 0) > MAX_BODY) throw new BodyTooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) throw new BodyTooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Answered at the door, as the contract answers a failed call (the page reads the envelope); the connection is not kept. */
function refuse(res: ServerResponse, status: number, error: string): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', connection: 'close' }).end(JSON.stringify({ ok: false, error }));
}

// The browser test host's HTTP door, as a fault campaign hit it: malformed request targets,
// bodies cut off, pages of other origins and "simple" cross-origin POSTs, and a page naming
// paths to import. Every one gets an answer (never a crashed host) and none reaches a handler.
import { cpSync, mkdtempSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type Host } from '../host/server.ts';

let host: Host;
let origin: string;
let port: number;
let id: number;

/** What the host answers to these raw bytes; `cut` closes the socket after writing (a client gone mid-request). */
function raw(bytes: string, cut = false): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(bytes);
      if (cut) setTimeout(() => socket.destroy(), 100);
    });
    let got = '';
    socket.on('data', (b) => (got += b.toString('latin1')));
    socket.on('close', () => resolve(got));
    socket.on('error', () => resolve(got));
    socket.setTimeout(5000, () => socket.destroy());
  });
}

const alive = async () => (await fetch(new URL('/api/appInfo', origin), { method: 'POST', headers: { 'content-type': 'application/json', origin }, body: '{}' })).status;

async function post(name: string, body: string, headers: Record<string, string> = {}) {
  // A header given as '' is left out (what a browser sends without it).
  const all = Object.entries({ 'content-type': 'application/json', origin, 'sec-fetch-site': 'same-origin', ...headers }).filter(([, v]) => v !== '');
  const res = await fetch(new URL(`/api/${name}`, origin), { method: 'POST', headers: Object.fromEntries(all), body });
  return { status: res.status, env: (await res.json()) as { ok: boolean; value?: unknown; error?: string } };
}

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-door-'));
  cpSync(new URL('../fixtures/reports/samples', import.meta.url).pathname, join(dir, 'in'), { recursive: true });
  host = await startHost({ db: join(dir, 'a.sqlite'), rendererDir: join(dir, 'no-renderer'), outDir: dir });
  await host.runtime.importer.wait(host.runtime.importer.start([join(dir, 'in')]));
  id = host.runtime.archive.listReports({})[0]!.id;
  origin = host.url.replace(/\/$/, '');
  port = Number(new URL(origin).port);
});
afterAll(async () => host?.close());

describe('malformed requests', () => {
  it('answers targets that are no path of its own with 400 and stays up', async () => {
    for (const target of ['//[', 'http://[::1', 'http://127.0.0.1/api/appInfo', '*']) {
      expect(await raw(`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`), target).toMatch(/^HTTP\/1\.1 400 /);
      expect(await alive()).toBe(200);
    }
  });

  it('survives a POST whose body is cut off, and one too large to read', async () => {
    await raw(`POST /api/appInfo HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nOrigin: ${origin}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"a":12345`, true);
    await new Promise((r) => setTimeout(r, 200));
    expect(await alive()).toBe(200);
    const big = await raw(`POST /api/appInfo HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nOrigin: ${origin}\r\nContent-Type: application/json\r\nContent-Length: 999999999\r\n\r\n{`, true);
    expect(big).toMatch(/^HTTP\/1\.1 413 /);
    expect(await alive()).toBe(200);
  });
});

describe('who may knock', () => {
  it('refuses a page of another origin, another site and a rebound host name', async () => {
    expect((await post('removeReport', JSON.stringify({ id }), { origin: 'http://evil.example' })).status).toBe(403);
    expect((await post('removeReport', JSON.stringify({ id }), { origin: 'http://127.0.0.1:1' })).status).toBe(403);
    expect((await post('removeReport', JSON.stringify({ id }), { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await post('removeReport', JSON.stringify({ id }), { 'sec-fetch-site': 'same-site' })).status).toBe(403);
    const rebound = await raw(`GET / HTTP/1.1\r\nHost: evil.example:${port}\r\n\r\n`);
    expect(rebound).toMatch(/^HTTP\/1\.1 403 /);
    expect(host.runtime.archive.getReport(id)).not.toBeNull();
  });

  it('lets no CORS "simple request" (a form or text/plain POST) reach a handler', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/jsonp']) {
      const r = await post('removeReport', JSON.stringify({ id }), { 'content-type': type, origin: '', 'sec-fetch-site': '' });
      expect(r.status, type).toBe(415);
      expect(r.env.ok).toBe(false);
    }
    expect(host.runtime.archive.getReport(id)).not.toBeNull();
    // Its own page's call goes through.
    expect((await post('getReport', JSON.stringify({ id }))).env.ok).toBe(true);
  });

  it('does not let the page name paths to import: the drop door is not the page\'s', async () => {
    const r = await post('grantDroppedPaths', JSON.stringify({ paths: ['/'] }));
    expect(r.env.ok).toBe(false);
    expect(r.env.error).toMatch(/[\u4e00-\u9fff]/);
    expect(JSON.stringify(r.env)).not.toMatch(/"grant"/);
  });
});

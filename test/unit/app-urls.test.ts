// Which pages are the app's, and what a malformed request path gets: 400, not a crashed host.
import { describe, expect, it, vi } from 'vitest';
import { appRequestHandler } from '../../src/main/node/print/app-request.ts';

vi.mock('electron', () => ({ app: {}, session: {} }));
const { isAppUrl } = await import('../../src/main/electron/security.ts');

describe('app pages', () => {
  it('is the app:// scheme, or the dev server by its exact origin only', () => {
    expect(isAppUrl('app://renderer/index.html', undefined)).toBe(true);
    expect(isAppUrl('http://localhost:5173/', undefined)).toBe(false);
    expect(isAppUrl('http://localhost:5173/#/report/1', 'http://localhost:5173')).toBe(true);
    expect(isAppUrl('http://localhost:5173.evil.example/', 'http://localhost:5173')).toBe(false);
    expect(isAppUrl('http://localhost:51730/', 'http://localhost:5173')).toBe(false);
    expect(isAppUrl('not a url', 'http://localhost:5173')).toBe(false);
  });
});

describe('request paths', () => {
  it('answers malformed %-escapes with 400 instead of throwing', async () => {
    const handle = appRequestHandler({} as never, '/nonexistent-renderer');
    expect((await handle('GET', '/%E0%A4%A', '')).status).toBe(400);
    expect((await handle('POST', '/api/%ZZ', '{}')).status).toBe(400);
    expect((await handle('GET', '/%2e%2e/%2e%2e/etc/passwd', '')).status).toBe(404);
  });
});

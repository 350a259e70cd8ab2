// Security settings for the one window: no navigation, no new windows, no permissions,
// no network, a strict CSP on everything the app serves.
import { app, session, type WebContents } from 'electron';
import { CSP } from '../../shared/csp.ts';

export { CSP };

/** The app's own pages: app://renderer/, or in development the dev server's exact origin (not a prefix: http://localhost:5173.evil.example is not it). */
export function isAppUrl(url: string, devUrl: string | undefined): boolean {
  if (url.startsWith('app://renderer/')) return true;
  if (!devUrl) return false;
  try {
    return new URL(url).origin === new URL(devUrl).origin;
  } catch {
    return false;
  }
}

export function hardenSession(devUrl: string | undefined): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_wc, _perm, cb) => cb(false));
  ses.setPermissionCheckHandler(() => false);
  // No remote content: only the app's own scheme (and the dev server while developing).
  ses.webRequest.onBeforeRequest((details, cb) => {
    const ok = isAppUrl(details.url, devUrl) || details.url.startsWith('devtools://') || (!!devUrl && details.url.startsWith(devUrl.replace(/^http/, 'ws')));
    cb({ cancel: !ok });
  });
  ses.webRequest.onHeadersReceived((details, cb) => {
    cb({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } });
  });
}

export function lockDownContents(devUrl: string | undefined): void {
  app.on('web-contents-created', (_e, contents: WebContents) => {
    contents.on('will-navigate', (e, url) => {
      if (!isAppUrl(url, devUrl)) e.preventDefault();
    });
    contents.on('will-redirect', (e, url) => {
      if (!isAppUrl(url, devUrl)) e.preventDefault();
    });
    contents.on('will-attach-webview', (e) => e.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}

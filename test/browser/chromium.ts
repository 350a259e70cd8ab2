// The browser tests' Chromium: the one the CLI would find (Debian's package here), started
// the same way, without Chromium's sandbox since the tests only load the app's own pages.
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../../src/main/node/print/find-browser.ts';

export function launchChromium(): Promise<Browser> {
  return launchBrowser({ sandbox: false });
}

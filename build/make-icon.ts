// Renders build/icon.svg to build/icon.png (512×512) in Chromium; electron-builder makes the
// Windows .ico and the Linux icon sizes from the PNG. Run by hand after changing the SVG:
//   node build/make-icon.ts
import { readFileSync } from 'node:fs';
import { launchChromium } from '../test/browser/chromium.ts';

const svg = readFileSync(new URL('./icon.svg', import.meta.url), 'utf8');
const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: 512, height: 512 } });
await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
await page.screenshot({ path: new URL('./icon.png', import.meta.url).pathname, omitBackground: true, clip: { x: 0, y: 0, width: 512, height: 512 } });
await browser.close();

// The test host's printToPDF: the app's print route in Chromium, with the same page size,
// margins and footer as Electron's (src/main/electron/print.ts).
import { launchChromium } from '../browser/chromium.ts';

const FOOTER = '<div style="width:100%;font-size:8px;text-align:center;font-family:sans-serif">第 <span class="pageNumber"></span> 页 共 <span class="totalPages"></span> 页</div>';

export async function renderPdfInChromium(url: string, landscape: boolean): Promise<Uint8Array> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(url);
    await page.waitForFunction(() => document.body.dataset.ready === '1', undefined, { timeout: 30000 });
    const pdf = await page.pdf({
      format: 'A4',
      landscape,
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: FOOTER,
      margin: { top: '0.4in', bottom: '0.6in', left: '0.4in', right: '0.4in' },
    });
    return new Uint8Array(pdf);
  } finally {
    await browser.close();
  }
}

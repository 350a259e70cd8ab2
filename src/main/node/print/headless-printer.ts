// Printed sheets without the app's window: the same print routes, rendered to PDF by a
// headless Chromium-family browser. Every request the page makes is answered in-process from
// the built renderer and the contract, so no port is opened and nothing leaves the machine.
import type { Browser, Page } from 'playwright-core';
import { PICTURES_SCRIPT, PRINT_FOOTER, PRINT_HEADER, PRINT_MARGINS_IN } from '../../../shared/print-page.ts';
import type { Handlers } from '../../../shared/contract/index.ts';
import { appRequestHandler } from './app-request.ts';
import { launchBrowser, type BrowserOptions } from './find-browser.ts';

// A reserved name that can never resolve: only the interceptor answers it.
const ORIGIN = 'http://nianbao.invalid';

export interface SheetPrinter {
  pdf(route: string, landscape: boolean): Promise<Uint8Array>;
  /** The crops of originals the sheet drew (PICTURES_SCRIPT), unchecked. */
  pictures(route: string): Promise<unknown>;
  close(): Promise<void>;
}

/**
 * Prints the app's sheets from the built renderer in rendererDir, their data from handlers.
 * Its pages are answered as sheets, which may only read what they print. The browser starts on
 * the first sheet and serves every later one.
 */
export function headlessPrinter(handlers: Handlers, rendererDir: string, browser: BrowserOptions = {}, timeoutMs = 30_000): SheetPrinter {
  const answer = appRequestHandler(handlers, rendererDir, 'sheet');
  let started: Promise<{ browser: Browser; page: Page }> | undefined;
  let loaded = false;
  let queue: Promise<unknown> = Promise.resolve();
  const start = async () => {
    const b = await launchBrowser(browser);
    const context = await b.newContext({ locale: 'zh-CN', serviceWorkers: 'block' });
    await context.route('**/*', async (route) => {
      const req = route.request();
      const url = new URL(req.url());
      if (url.origin !== ORIGIN) return route.abort('blockedbyclient');
      const res = await answer(req.method(), url.pathname, req.postData() ?? '', req.headers()['content-type']);
      await route.fulfill({ status: res.status, headers: res.headers, body: res.body });
    });
    return { browser: b, page: await context.newPage() };
  };
  // One page for every sheet: the app and its fonts load once, and each sheet is a new
  // address within it (the app keys sheets by address, so each renders afresh).
  const show = async (page: Page, route: string) => {
    if (!loaded) {
      await page.goto(`${ORIGIN}/#${route}`);
      loaded = true;
    } else {
      const moved = await page.evaluate((r) => {
        document.body.dataset.ready = '';
        if (location.hash === `#${r}`) return false;
        location.hash = r;
        return true;
      }, route);
      // The same sheet again (its data may have changed since): load it anew.
      if (!moved) await page.reload();
    }
    // The sheet marks itself ready once its data and fonts are in.
    await page.waitForFunction(() => document.body.dataset.ready === '1', undefined, { timeout: timeoutMs });
  };
  const inches = (n: number) => `${n}in`;
  // Sheets are made one after another on the one page.
  const onPage = <T>(route: string, failed: string, make: (page: Page) => Promise<T>): Promise<T> => {
    const turn = queue.then(async () => {
      started ??= start();
      const { page } = await started;
      await show(page, route);
      return make(page);
    });
    const result = turn.catch(async (e: unknown) => {
      // The next sheet starts over with a fresh browser, whatever state this one left.
      const was = started;
      started = undefined;
      loaded = false;
      await was?.then((s) => s.browser.close()).catch(() => undefined);
      const why = e instanceof Error && e.name === 'TimeoutError' ? `打印页面在${timeoutMs / 1000}秒内没有准备好` : String(e instanceof Error ? e.message : e).split('\n')[0];
      throw new Error(`${failed}：${why}`);
    });
    queue = result.catch(() => undefined);
    return result;
  };
  return {
    pdf: (route, landscape) =>
      onPage(route, '生成 PDF 失败', async (page) => {
        const m = PRINT_MARGINS_IN;
        const pdf = await page.pdf({
          format: 'A4',
          landscape,
          printBackground: true,
          displayHeaderFooter: true,
          headerTemplate: PRINT_HEADER,
          footerTemplate: PRINT_FOOTER,
          margin: { top: inches(m.top), bottom: inches(m.bottom), left: inches(m.left), right: inches(m.right) },
        });
        return new Uint8Array(pdf);
      }),
    pictures: (route) => onPage(route, '生成原文截图失败', (page) => page.evaluate(PICTURES_SCRIPT)),
    async close() {
      if (!started) return;
      const { browser } = await started.catch(() => ({ browser: undefined }));
      await browser?.close();
    },
  };
}

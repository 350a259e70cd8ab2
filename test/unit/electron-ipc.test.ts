// Electron's IPC gate, with Electron's objects stood in for (this machine cannot run Electron):
// the app's window may call everything, a printed sheet's hidden window only what it prints,
// anything else nothing. A sheet window is registered while main renders it, and forgotten
// once destroyed.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { METHOD_NAMES, channelOf, type Handlers } from '../../src/shared/contract/index.ts';

type Call = (event: { sender: unknown; senderFrame: { url: string } }, args: unknown) => Promise<{ ok: boolean; value?: unknown; error?: string }>;
const channels = new Map<string, Call>();
/** Lets the test act as the sheet's page while main waits for it to be ready. */
let whileLoading: (contents: unknown) => Promise<void> = async () => {};

vi.mock('electron', async () => {
  const { EventEmitter } = await import('node:events');
  class FakeContents extends EventEmitter {
    async executeJavaScript() {
      await whileLoading(this);
      return true;
    }
    async printToPDF() {
      return Buffer.from('%PDF-1.4');
    }
  }
  class BrowserWindow {
    webContents = new FakeContents();
    async loadURL() {}
    destroy() {
      this.webContents.emit('destroyed');
    }
  }
  return { ipcMain: { handle: (ch: string, fn: Call) => channels.set(ch, fn) }, BrowserWindow };
});

const { registerIpc } = await import('../../src/main/electron/ipc.ts');
const { renderPdf, isSheet } = await import('../../src/main/electron/print.ts');

const mainContents = { id: 'main' };
const APP = 'app://renderer/index.html#/';
const call = (sender: unknown, name: string, args: unknown = {}, url = APP) => channels.get(channelOf(name as never))!({ sender, senderFrame: { url } }, args);

beforeAll(() => {
  // Every handler answers with its own name, so a call that gets through is seen.
  const handlers = Object.fromEntries(METHOD_NAMES.map((m) => [m, () => m])) as unknown as Handlers;
  registerIpc(handlers, () => ({ webContents: mainContents }) as never, undefined);
});

describe('electron ipc gate', () => {
  it('lets the app window call any method, from the app page only', async () => {
    expect(await call(mainContents, 'removeReport', { id: 1 })).toEqual({ ok: true, value: 'removeReport' });
    expect(await call(mainContents, 'removeReport', { id: 1 }, 'https://example.com/')).toEqual({ ok: false, error: '拒绝来自未知页面的调用' });
    expect(await call({ id: 'stranger' }, 'getReport', { id: 1 })).toEqual({ ok: false, error: '拒绝来自未知页面的调用' });
  });

  it('lets a sheet window being printed read what it prints, and nothing else', async () => {
    let sheet: unknown;
    const seen: unknown[] = [];
    whileLoading = async (contents) => {
      sheet = contents;
      seen.push(await call(contents, 'compare', { ids: [1, 2] }));
      seen.push(await call(contents, 'removeReport', { id: 1 }));
      seen.push(isSheet(contents as never));
    };
    const pdf = await renderPdf('/print/compare?ids=1,2', true, undefined);
    expect(new TextDecoder().decode(pdf)).toBe('%PDF-1.4');
    expect(seen).toEqual([{ ok: true, value: 'compare' }, { ok: false, error: '拒绝来自未知页面的调用' }, true]);
    // Destroyed after printing: its webContents is a stranger now.
    expect(isSheet(sheet as never)).toBe(false);
    expect(await call(sheet, 'compare', { ids: [1, 2] })).toEqual({ ok: false, error: '拒绝来自未知页面的调用' });
  });
});

// Electron's IPC gate, with Electron's objects stood in for (this machine cannot run Electron):
// the app's window may call everything, a printed sheet's hidden window only what it prints,
// anything else nothing. A sheet window is registered while main renders it, and forgotten
// once destroyed.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { EventEmitter } from 'node:events';
import { METHOD_NAMES, PRELOAD_CLAIM, PRELOAD_ONLY, channelOf, preloadChannelOf, type Handlers } from '../../src/shared/contract/index.ts';

type Event = { sender: unknown; senderFrame: unknown; returnValue?: unknown };
type Call = (event: Event, args: unknown) => Promise<{ ok: boolean; value?: unknown; error?: string }>;
const channels = new Map<string, Call>();
const listeners = new Map<string, (event: Event) => void>();
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
  return { ipcMain: { handle: (ch: string, fn: Call) => channels.set(ch, fn), on: (ch: string, fn: (e: Event) => void) => listeners.set(ch, fn) }, BrowserWindow };
});

const { registerIpc } = await import('../../src/main/electron/ipc.ts');
const { renderPdf, isSheet } = await import('../../src/main/electron/print.ts');

const APP = 'app://renderer/index.html#/';
/** The window's webContents: its top frame, and a frame inside its page. */
const mainContents = Object.assign(new EventEmitter(), { mainFrame: { url: APP, parent: null } });
const innerFrame = { url: APP, parent: mainContents.mainFrame };
const frameOf = (sender: unknown, url: string) => (sender === mainContents && url === APP ? mainContents.mainFrame : { url, parent: null });
const call = (sender: unknown, name: string, args: unknown = {}, url = APP) => channels.get(channelOf(name as never))!({ sender, senderFrame: frameOf(sender, url) }, args);
/** The preload's claim as it loads, from this frame. */
const claim = (sender: unknown, frame: unknown = frameOf(sender, APP)) => {
  const event: Event = { sender, senderFrame: frame };
  listeners.get(PRELOAD_CLAIM)!(event);
  return event.returnValue as string | null;
};
const callOwn = (sender: unknown, name: string, key: unknown, args: unknown, frame: unknown = frameOf(sender, APP)) =>
  channels.get(preloadChannelOf(name as never))!({ sender, senderFrame: frame }, { key, args });
const reload = () => mainContents.emit('did-start-navigation', { isMainFrame: true, isSameDocument: false });

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

  it('refuses the page the preload\'s methods, whatever its frame', async () => {
    for (const name of PRELOAD_ONLY) {
      expect(await call(mainContents, name, { paths: ['/'] })).toEqual({ ok: false, error: '拒绝来自未知页面的调用' });
      expect((await channels.get(channelOf(name))!({ sender: mainContents, senderFrame: innerFrame }, { paths: ['/'] })).ok).toBe(false);
    }
  });

  it('answers the preload\'s method only with the key claimed at load, once per load, from the window\'s top frame', async () => {
    const paths = { paths: ['/home/用户/年报'] };
    // The claim comes first (the preload, before any script of the page); a second one gets nothing.
    const key = claim(mainContents);
    expect(key).toMatch(/^[\w-]{24,}$/);
    expect(claim(mainContents)).toBeNull();
    expect(await callOwn(mainContents, 'grantDroppedPaths', key, paths)).toEqual({ ok: true, value: 'grantDroppedPaths' });
    for (const wrong of [undefined, null, '', 'x'.repeat(32), `${key}x`]) expect(await callOwn(mainContents, 'grantDroppedPaths', wrong, paths)).toEqual({ ok: false, error: '拒绝来自未知页面的调用' });
    // The right key from a frame inside the page, or from another sender, is no good.
    expect((await callOwn(mainContents, 'grantDroppedPaths', key, paths, innerFrame)).ok).toBe(false);
    expect((await callOwn({ id: 'stranger' }, 'grantDroppedPaths', key, paths, { url: APP, parent: null })).ok).toBe(false);
    // The preload's door takes only the preload's methods.
    expect(channels.has(preloadChannelOf('removeReport'))).toBe(false);
    // A same-document move keeps the key; a new load of the window starts over.
    mainContents.emit('did-start-navigation', { isMainFrame: true, isSameDocument: true });
    mainContents.emit('did-start-navigation', { isMainFrame: false, isSameDocument: false });
    expect(claim(mainContents)).toBeNull();
    reload();
    expect((await callOwn(mainContents, 'grantDroppedPaths', key, paths)).ok).toBe(false);
    const next = claim(mainContents);
    expect(next).toMatch(/^[\w-]{24,}$/);
    expect(next).not.toBe(key);
    expect(await callOwn(mainContents, 'grantDroppedPaths', next, paths)).toEqual({ ok: true, value: 'grantDroppedPaths' });
  });

  it('gives no key to a frame inside the page or to another page', () => {
    reload();
    expect(claim(mainContents, innerFrame)).toBeNull();
    expect(claim(mainContents, { url: 'https://example.com/', parent: null })).toBeNull();
    expect(claim({ id: 'stranger' }, { url: APP, parent: null })).toBeNull();
  });

  it('lets a sheet window being printed read what it prints, and nothing else', async () => {
    let sheet: unknown;
    const seen: unknown[] = [];
    whileLoading = async (contents) => {
      sheet = contents;
      seen.push(await call(contents, 'compare', { ids: [1, 2] }));
      seen.push(await call(contents, 'removeReport', { id: 1 }));
      seen.push(isSheet(contents as never));
      // Its preload gets no key: a sheet takes no drops.
      seen.push(claim(contents, { url: APP, parent: null }));
    };
    const pdf = await renderPdf('/print/compare?ids=1,2', true, undefined);
    expect(new TextDecoder().decode(pdf)).toBe('%PDF-1.4');
    expect(seen).toEqual([{ ok: true, value: 'compare' }, { ok: false, error: '拒绝来自未知页面的调用' }, true, null]);
    // Destroyed after printing: its webContents is a stranger now.
    expect(isSheet(sheet as never)).toBe(false);
    expect(await call(sheet, 'compare', { ids: [1, 2] })).toEqual({ ok: false, error: '拒绝来自未知页面的调用' });
  });
});

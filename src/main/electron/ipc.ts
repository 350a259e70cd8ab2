// Registers the IPC handlers from the contract. Every call is checked for its sender (our
// window or one of our printed sheets, our page), what that sender may call, and its arguments
// (the contract's schema) before it reaches a service.
//
// Two doors. The page's: one channel per method the page may call (PAGE_METHODS; a sheet only
// SHEET_METHODS). The preload's: the methods that take paths (PRELOAD_ONLY), answered only with
// the key the preload claimed when it started. It claims synchronously, before any script of
// the page has run, and main gives one key per page load of the window: a page, even one whose
// script is not ours, cannot name a path to import. Grants come from main's dialogs and from
// drops the preload saw, nothing else.
import { ipcMain, type BrowserWindow, type IpcMainEvent, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { randomBytes } from 'node:crypto';
import { channelOf, ContractError, mayCall, METHOD_NAMES, PRELOAD_CLAIM, PRELOAD_ONLY, preloadChannelOf, REFUSED, type Caller, type Handlers } from '../../shared/contract/index.ts';
import { dispatch, failure } from '../../shared/contract/dispatch.ts';
import { isSheet } from './print.ts';
import { isAppUrl } from './security.ts';

export function registerIpc(handlers: Handlers, win: () => BrowserWindow | null, devUrl: string | undefined): void {
  /** Who sent a call: the window's page, a sheet's, or nobody we know (another frame, another page). */
  const callerOf = (event: IpcMainEvent | IpcMainInvokeEvent): Exclude<Caller, 'preload'> | null => {
    if (!isAppUrl(event.senderFrame?.url ?? '', devUrl)) return null;
    const w = win();
    return w && event.sender === w.webContents ? 'page' : isSheet(event.sender) ? 'sheet' : null;
  };
  const refuse = (name: string, why: string) => failure(name, new ContractError(REFUSED, why));

  for (const name of METHOD_NAMES) {
    ipcMain.handle(channelOf(name), async (event, args: unknown) => {
      const caller = callerOf(event);
      if (!caller || !mayCall(caller, name)) return refuse(name, `${caller ?? 'unknown sender'} may not call ${name} (${event.senderFrame?.url ?? 'no frame'})`);
      return dispatch(handlers, name, args);
    });
  }

  const keys = new WeakMap<WebContents, string | null>();
  // The top frame is the one without a parent (no reliance on WebFrameMain objects being identical).
  const fromWindowTop = (event: IpcMainEvent | IpcMainInvokeEvent) => callerOf(event) === 'page' && !!event.senderFrame && event.senderFrame.parent === null;
  ipcMain.on(PRELOAD_CLAIM, (event) => {
    const contents = event.sender;
    // The window's top frame only (not a sheet, not a frame inside the page), once per load.
    if (!fromWindowTop(event) || keys.get(contents)) {
      event.returnValue = null;
      return;
    }
    if (!keys.has(contents)) {
      // A new document in the window (a reload) starts with its own preload, which claims anew.
      contents.on('did-start-navigation', (details) => {
        if (details.isMainFrame && !details.isSameDocument) keys.set(contents, null);
      });
    }
    const key = randomBytes(24).toString('base64url');
    keys.set(contents, key);
    event.returnValue = key;
  });
  for (const name of PRELOAD_ONLY) {
    ipcMain.handle(preloadChannelOf(name), async (event, call: unknown) => {
      const { key, args } = (call ?? {}) as { key?: unknown; args?: unknown };
      const held = keys.get(event.sender);
      if (!fromWindowTop(event) || !held || key !== held || !mayCall('preload', name)) return refuse(name, `${name} without the preload's key`);
      return dispatch(handlers, name, args);
    });
  }
}

// Registers one IPC handler per contract method. Every call is checked for its sender (our
// window or one of our printed sheets, our page), what that sender may call, and its
// arguments (the contract's schema) before it reaches a service.
import { ipcMain, type BrowserWindow } from 'electron';
import { channelOf, mayCall, METHOD_NAMES, type Handlers } from '../../shared/contract/index.ts';
import { dispatch } from '../../shared/contract/dispatch.ts';
import { isSheet } from './print.ts';
import { isAppUrl } from './security.ts';

export function registerIpc(handlers: Handlers, win: () => BrowserWindow | null, devUrl: string | undefined): void {
  for (const name of METHOD_NAMES) {
    ipcMain.handle(channelOf(name), async (event, args: unknown) => {
      const w = win();
      const frameUrl = event.senderFrame?.url ?? '';
      const caller = w && event.sender === w.webContents ? 'window' : isSheet(event.sender) ? 'sheet' : null;
      if (!caller || !isAppUrl(frameUrl, devUrl) || !mayCall(caller, name)) {
        return { ok: false, error: '拒绝来自未知页面的调用' };
      }
      return dispatch(handlers, name, args);
    });
  }
}

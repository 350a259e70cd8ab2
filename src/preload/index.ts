// The preload exposes the contract and nothing else: one async function per method, plus
// the path of a dropped file (which only the preload can see in a sandboxed window).
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { channelOf, METHOD_NAMES } from '../shared/contract/index.ts';
import { unwrap, type Envelope } from '../shared/contract/dispatch.ts';

const api = Object.fromEntries(
  METHOD_NAMES.map((name) => [name, async (args: unknown) => unwrap((await ipcRenderer.invoke(channelOf(name), args ?? {})) as Envelope)]),
);

contextBridge.exposeInMainWorld('api', { ...api, pathForFile: (file: File) => webUtils.getPathForFile(file) });

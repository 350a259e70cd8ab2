// The preload exposes the contract and nothing else: one async function per method the page may
// call (PAGE_METHODS). Files dropped on the window are resolved to paths here, from the drop's
// own File objects (only the preload can see them in a sandboxed window), and main answers with
// a grant that the page receives: the page never names a path. Main answers the method that
// takes paths only with the key claimed here, before any script of the page runs.
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { channelOf, PAGE_METHODS, PRELOAD_CLAIM, preloadChannelOf, type DropResult, type MethodName } from '../shared/contract/index.ts';
import { unwrap, type Envelope } from '../shared/contract/dispatch.ts';

// Synchronous, so that it is sent before the page's scripts run; null in a printed sheet.
const key = ipcRenderer.sendSync(PRELOAD_CLAIM) as string | null;

const call = async (name: MethodName, args: unknown) => unwrap((await ipcRenderer.invoke(channelOf(name), args ?? {})) as Envelope);
const callOwn = async (name: MethodName, args: unknown) => unwrap((await ipcRenderer.invoke(preloadChannelOf(name), { key, args })) as Envelope);
const api = Object.fromEntries(PAGE_METHODS.map((name) => [name, (args: unknown) => call(name, args)]));

const listeners = new Set<(r: DropResult) => void>();
window.addEventListener(
  'drop',
  (e: DragEvent) => {
    // A drop the page dispatched itself is not the user's.
    if (!e.isTrusted) return;
    const files = [...(e.dataTransfer?.files ?? [])];
    if (files.length === 0) return;
    // A File the page made itself has no path: only what the user really dropped counts.
    const paths = files.map((f) => webUtils.getPathForFile(f)).filter((p) => p);
    const tell = (r: DropResult) => listeners.forEach((l) => l(r));
    if (paths.length === 0) return tell({ error: '拖入的不是本机上的文件或文件夹' });
    if (!key) return tell({ error: '这个窗口不能拖入文件，请使用“导入文件夹”按钮' });
    callOwn('grantDroppedPaths', { paths }).then(
      (grant) => tell({ grant: grant as Extract<DropResult, { grant: unknown }>['grant'] }),
      (err: Error) => tell({ error: err.message }),
    );
  },
  true,
);

contextBridge.exposeInMainWorld('api', {
  ...api,
  /** The grant for files the user drops on the window, as they are dropped. */
  onDropGrant: (listener: (r: DropResult) => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
});

// The preload exposes the contract and nothing else: one async function per method, except
// those it keeps for itself (PRELOAD_ONLY). Files dropped on the window are resolved to paths
// here, from the drop's own File objects (only the preload can see them in a sandboxed
// window), and main answers with a grant that the page receives: the page never names a path.
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { channelOf, METHOD_NAMES, PRELOAD_ONLY, type DropResult } from '../shared/contract/index.ts';
import { unwrap, type Envelope } from '../shared/contract/dispatch.ts';

const call = async (name: (typeof METHOD_NAMES)[number], args: unknown) => unwrap((await ipcRenderer.invoke(channelOf(name), args ?? {})) as Envelope);
const api = Object.fromEntries(METHOD_NAMES.filter((n) => !PRELOAD_ONLY.includes(n)).map((name) => [name, (args: unknown) => call(name, args)]));

const listeners = new Set<(r: DropResult) => void>();
window.addEventListener(
  'drop',
  (e: DragEvent) => {
    const files = [...(e.dataTransfer?.files ?? [])];
    if (files.length === 0) return;
    // A File the page made itself has no path: only what the user really dropped counts.
    const paths = files.map((f) => webUtils.getPathForFile(f)).filter((p) => p);
    const tell = (r: DropResult) => listeners.forEach((l) => l(r));
    if (paths.length === 0) return tell({ error: '拖入的不是本机上的文件或文件夹' });
    call('grantDroppedPaths', { paths }).then(
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

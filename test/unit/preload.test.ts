// The preload with Electron stood in for: the page gets the contract but not the method that
// takes paths; a drop the user makes is resolved to paths by the preload and comes back to the
// page as a grant; a File the page made itself (no path on disk) grants nothing.
import { describe, expect, it, vi } from 'vitest';
import { PAGE_METHODS, PRELOAD_CLAIM, preloadChannelOf } from '../../src/shared/contract/index.ts';

const exposed: Record<string, unknown> = {};
const invoked: { channel: string; args: unknown }[] = [];
const claimed: string[] = [];
const target = new EventTarget();
vi.stubGlobal('window', target);
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (_k: string, v: Record<string, unknown>) => Object.assign(exposed, v) },
  ipcRenderer: {
    sendSync: (channel: string) => (claimed.push(channel), 'key-of-this-load'),
    invoke: async (channel: string, args: unknown) => {
      invoked.push({ channel, args });
      return { ok: true, value: { grant: 'tok', labels: ['年报'] } };
    },
  },
  webUtils: { getPathForFile: (f: { path?: string }) => f.path ?? '' },
}));
await import('../../src/preload/index.ts');

/** A drop as the user makes it (trusted), or as a page's script dispatches it. */
const drop = (files: object[], trusted = true) => {
  const e = new Event('drop') as Event & { dataTransfer: unknown };
  e.dataTransfer = { files };
  if (trusted) Object.defineProperty(e, 'isTrusted', { value: true });
  target.dispatchEvent(e);
};

describe('preload', () => {
  it('exposes the contract but not the method that takes paths', () => {
    expect(typeof exposed.getReport).toBe('function');
    expect(typeof exposed.startImport).toBe('function');
    expect(exposed.grantDroppedPaths).toBeUndefined();
    expect(Object.keys(exposed).sort()).toEqual([...PAGE_METHODS, 'onDropGrant'].sort());
  });

  it('claims its key from main as it loads, before the page runs', () => {
    expect(claimed).toEqual([PRELOAD_CLAIM]);
  });

  it('turns a real drop into a grant for the page, and a page-made File into nothing', async () => {
    const got: unknown[] = [];
    (exposed.onDropGrant as (l: (r: unknown) => void) => void)((r) => got.push(r));
    drop([{ path: '/home/用户/年报/2023年' }]);
    await vi.waitFor(() => expect(got).toHaveLength(1));
    expect(invoked).toEqual([{ channel: preloadChannelOf('grantDroppedPaths'), args: { key: 'key-of-this-load', args: { paths: ['/home/用户/年报/2023年'] } } }]);
    expect(got[0]).toEqual({ grant: { grant: 'tok', labels: ['年报'] } });
    drop([new Blob(['x'])]);
    await vi.waitFor(() => expect(got).toHaveLength(2));
    expect(got[1]).toEqual({ error: '拖入的不是本机上的文件或文件夹' });
    expect(invoked).toHaveLength(1);
    // A drop event the page's script made, even with a path-bearing file, is not the user's.
    drop([{ path: '/' }], false);
    await new Promise((r) => setTimeout(r, 20));
    expect(got).toHaveLength(2);
    expect(invoked).toHaveLength(1);
  });
});

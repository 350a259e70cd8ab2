// The preload with Electron stood in for: the page gets the contract but not the method that
// takes paths; a drop the user makes is resolved to paths by the preload and comes back to the
// page as a grant; a File the page made itself (no path on disk) grants nothing.
import { describe, expect, it, vi } from 'vitest';
import { channelOf } from '../../src/shared/contract/index.ts';

const exposed: Record<string, unknown> = {};
const invoked: { channel: string; args: unknown }[] = [];
const target = new EventTarget();
vi.stubGlobal('window', target);
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (_k: string, v: Record<string, unknown>) => Object.assign(exposed, v) },
  ipcRenderer: {
    invoke: async (channel: string, args: unknown) => {
      invoked.push({ channel, args });
      return { ok: true, value: { grant: 'tok', labels: ['年报'] } };
    },
  },
  webUtils: { getPathForFile: (f: { path?: string }) => f.path ?? '' },
}));
await import('../../src/preload/index.ts');

const drop = (files: object[]) => {
  const e = new Event('drop') as Event & { dataTransfer: unknown };
  e.dataTransfer = { files };
  target.dispatchEvent(e);
};

describe('preload', () => {
  it('exposes the contract but not the method that takes paths', () => {
    expect(typeof exposed.getReport).toBe('function');
    expect(typeof exposed.startImport).toBe('function');
    expect(exposed.grantDroppedPaths).toBeUndefined();
  });

  it('turns a real drop into a grant for the page, and a page-made File into nothing', async () => {
    const got: unknown[] = [];
    (exposed.onDropGrant as (l: (r: unknown) => void) => void)((r) => got.push(r));
    drop([{ path: '/home/用户/年报/2023年' }]);
    await vi.waitFor(() => expect(got).toHaveLength(1));
    expect(invoked).toEqual([{ channel: channelOf('grantDroppedPaths'), args: { paths: ['/home/用户/年报/2023年'] } }]);
    expect(got[0]).toEqual({ grant: { grant: 'tok', labels: ['年报'] } });
    drop([new Blob(['x'])]);
    await vi.waitFor(() => expect(got).toHaveLength(2));
    expect(got[1]).toEqual({ error: '拖入的不是本机上的文件或文件夹' });
    expect(invoked).toHaveLength(1);
  });
});

// The renderer's only door to main: the preload's `window.api` in the app, or the same
// contract over HTTP when the browser test host serves the page.
import type { Api } from '../shared/contract/index.ts';
import type { Envelope } from '../shared/contract/dispatch.ts';

type WindowApi = Api & { pathForFile?: (f: File) => string };

declare global {
  interface Window {
    api?: WindowApi;
  }
}

function httpApi(): WindowApi {
  return new Proxy({} as WindowApi, {
    get: (_t, name: string) => {
      if (name === 'pathForFile') return undefined;
      return async (args: unknown) => {
        const res = await fetch(`/api/${name}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(args ?? {}) });
        const env = (await res.json()) as Envelope;
        if (!env.ok) throw new Error(env.error);
        return env.value;
      };
    },
  });
}

export const api: WindowApi = window.api ?? httpApi();

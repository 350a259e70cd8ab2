// The renderer's only door to main: the preload's `window.api` in the app, or the same
// contract over HTTP when the browser test host serves the page.
import type { Api, DropResult } from '../shared/contract/index.ts';
import { FAILED } from '../shared/contract/errors.ts';
import type { Envelope } from '../shared/contract/dispatch.ts';

/** In the app, the preload also tells the page the grants for dropped files (the page never sees their paths). */
type WindowApi = Api & { onDropGrant?: (listener: (r: DropResult) => void) => () => void };

declare global {
  interface Window {
    api?: WindowApi;
  }
}

function httpApi(): WindowApi {
  return new Proxy({} as WindowApi, {
    get: (_t, name: string) => {
      if (name === 'onDropGrant') return undefined;
      return async (args: unknown) => {
        // The host answers every call with an envelope in Chinese; anything else (the host gone,
        // a refusal at its door) is the browser's English, which the page does not show.
        let env: Envelope;
        try {
          const res = await fetch(`/api/${name}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(args ?? {}) });
          env = (await res.json()) as Envelope;
        } catch (e) {
          console.warn(`调用 ${name} 失败`, e);
          throw new Error(FAILED);
        }
        if (!env.ok) throw new Error(env.error);
        return env.value;
      };
    },
  });
}

export const api: WindowApi = window.api ?? httpApi();

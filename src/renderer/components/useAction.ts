// Buttons that save, export or print: run the call, and say in the banner what happened.
import { useState } from 'react';

type Outcome = { message?: string; saved?: boolean; path?: string };

export function useAction(): [string | null, (f: () => Promise<Outcome>) => () => Promise<void>] {
  const [message, setMessage] = useState<string | null>(null);
  const run = (f: () => Promise<Outcome>) => async () => {
    try {
      const r = await f();
      setMessage(r.message ?? (r.saved ? `已保存：${r.path}` : '已取消保存'));
    } catch (e) {
      setMessage((e as Error).message);
    }
  };
  return [message, run];
}

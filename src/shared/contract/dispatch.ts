// One call through the contract: validate, run the handler, wrap the result. Electron's IPC
// and the browser test host both answer through this, so they cannot drift apart.
import { contract, parseArgs, type Handlers, type MethodName } from './index.ts';

export type Envelope<T = unknown> = { ok: true; value: T } | { ok: false; error: string };

export function isMethod(name: string): name is MethodName {
  return Object.hasOwn(contract, name);
}

export async function dispatch(handlers: Handlers, name: string, args: unknown): Promise<Envelope> {
  try {
    if (!isMethod(name)) throw new Error(`未知的调用：${name}`);
    const parsed = parseArgs(name, args);
    const value = await (handlers[name] as (a: unknown) => unknown)(parsed);
    return { ok: true, value: value ?? null };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

/** Unwraps an envelope on the calling side. */
export function unwrap<T>(env: Envelope<T>): T {
  if (env.ok) return env.value;
  throw new Error(env.error);
}

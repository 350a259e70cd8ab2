// One call through the contract: validate, run the handler, wrap the result. Electron's IPC
// and the browser test host both answer through this, so they cannot drift apart.
import { pageError } from './errors.ts';
import { contract, parseArgs, type Handlers, type MethodName } from './index.ts';

export type Envelope<T = unknown> = { ok: true; value: T } | { ok: false; error: string };

export function isMethod(name: string): name is MethodName {
  return Object.hasOwn(contract, name);
}

/** Where the technical text of an error the page is not shown goes (the app's log is standard error). */
export type ErrorLog = (method: string, technical: string) => void;
const toStderr: ErrorLog = (method, technical) => console.warn(`[年报档案] 调用 ${method} 失败: ${technical}`);

/** A failed call as the page receives it: in Chinese, whatever failed (see errors.ts). */
export function failure(method: string, e: unknown, log: ErrorLog = toStderr): Envelope<never> {
  const { message, log: technical } = pageError(e);
  if (technical) log(method, technical);
  return { ok: false, error: message };
}

export async function dispatch(handlers: Handlers, name: string, args: unknown, log: ErrorLog = toStderr): Promise<Envelope> {
  try {
    const parsed = parseArgs(name as MethodName, args);
    const value = await (handlers[name as MethodName] as (a: unknown) => unknown)(parsed);
    return { ok: true, value: value ?? null };
  } catch (e) {
    return failure(name, e, log);
  }
}

/** Unwraps an envelope on the calling side. */
export function unwrap<T>(env: Envelope<T>): T {
  if (env.ok) return env.value;
  throw new Error(env.error);
}

// How main starts a Node process of its own (the OCR's, ocr/ocr-client.ts). Under Node (the CLI,
// tests, benches) it is child_process.fork. In the installed app the runAsNode fuse is off
// (electron-builder.yml), so a fork would start the app itself rather than Node: the Electron
// shell puts Electron's utilityProcess here instead (electron/utility-launch.ts).
import { fork } from 'node:child_process';

export interface NodeChild {
  send(msg: unknown): void;
  onMessage(fn: (msg: unknown) => void): void;
  /** `code`: the process's exit code (null when a signal ended it). */
  onExit(fn: (code: number | null, signal: string | null) => void): void;
  /** It could not be started at all. */
  onError(fn: (e: Error) => void): void;
  kill(): void;
  readonly running: boolean;
}

/** `env` is added to this process's environment; `name` is what the system's task list may show. */
export type Launch = (script: URL, env: Record<string, string>, name: string) => NodeChild;

/** child_process.fork, messages by structured clone (typed arrays pass as they are). */
export const forkLaunch: Launch = (script, env) => {
  const child = fork(script, [], { serialization: 'advanced', stdio: ['ignore', 'ignore', 'inherit', 'ipc'], env: { ...process.env, ...env } });
  return {
    send: (msg) => {
      if (child.connected) child.send(msg as object, () => undefined); // a process that ended is dealt with on its exit
    },
    onMessage: (fn) => void child.on('message', fn),
    onExit: (fn) => void child.on('exit', (code, signal) => fn(code, signal)),
    onError: (fn) => void child.on('error', fn),
    kill: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill();
    },
    get running() {
      return child.exitCode === null && child.signalCode === null;
    },
  };
};

let current: Launch = forkLaunch;

/** Called once by the Electron shell, before any child is started. */
export function setLaunch(launch: Launch): void {
  current = launch;
}

export function launchChild(script: URL, env: Record<string, string>, name: string): NodeChild {
  return current(script, env, name);
}

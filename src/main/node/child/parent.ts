// A child process's side of launch.ts: its parent is reached through Electron's parentPort in a
// utility process (the installed app), through the fork's IPC channel under Node.
interface ParentPort {
  on(event: 'message', fn: (e: { data: unknown }) => void): void;
  postMessage(msg: unknown): void;
}
const port = (process as unknown as { parentPort?: ParentPort }).parentPort;

export function toParent(msg: unknown): void {
  if (port) port.postMessage(msg);
  else process.send!(msg);
}

export function fromParent(fn: (msg: unknown) => void): void {
  if (port) port.on('message', (e) => fn(e.data));
  else process.on('message', fn);
}

/** The parent is gone: a fork's channel closed. (Electron ends its utility processes with the app.) */
export function whenParentGone(fn: () => void): void {
  if (!port) process.on('disconnect', fn);
}

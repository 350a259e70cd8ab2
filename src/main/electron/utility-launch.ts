// Child processes in the app are Electron utility processes: the runAsNode fuse is off
// (electron-builder.yml), so child_process.fork would start the app itself (node/child/launch.ts).
import { utilityProcess } from 'electron';
import { fileURLToPath } from 'node:url';
import type { Launch } from '../node/child/launch.ts';

export const utilityLaunch: Launch = (script, env, name) => {
  const child = utilityProcess.fork(fileURLToPath(script), [], { env: { ...process.env, ...env } as Record<string, string>, serviceName: name, stdio: 'inherit' });
  let running = true;
  child.on('exit', () => (running = false));
  return {
    send: (msg) => {
      if (running) child.postMessage(msg);
    },
    onMessage: (fn) => void child.on('message', fn),
    onExit: (fn) => void child.on('exit', (code) => fn(code, null)),
    // A utility process that cannot start ends with an exit code: there is no separate error.
    onError: () => undefined,
    kill: () => {
      if (running) child.kill();
    },
    get running() {
      return running;
    },
  };
};

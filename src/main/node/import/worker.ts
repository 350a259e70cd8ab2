// Worker thread entry: parses files off the main thread so the window never freezes.
import { parentPort } from 'node:worker_threads';
import { processFile } from './process-file.ts';

parentPort!.on('message', async (msg: { id: number; bytes: Uint8Array; ext: string }) => {
  const result = await processFile(msg.bytes, msg.ext);
  parentPort!.postMessage({ id: msg.id, result });
});

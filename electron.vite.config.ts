import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import { rendererConfig } from './vite.renderer.config.ts';

export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        input: {
          index: resolve('src/main/electron/index.ts'),
          // Parsing runs in worker threads; the worker is its own entry next to index.js.
          'import-worker': resolve('src/main/node/import/worker.ts'),
          // A scan's OCR runs in a process of its own (ocr/ocr-client.ts finds it beside the bundle that starts it).
          'ocr-process': resolve('src/main/node/ocr/ocr-process.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload can require only 'electron': bundle everything else into it.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve('src/preload/index.ts') },
        // A sandboxed preload must be CommonJS.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: rendererConfig,
});

// The renderer build, shared by electron-vite (the app) and the browser test host.
import { resolve } from 'node:path';
import { defineConfig, type UserConfig } from 'vite';

export const rendererConfig: UserConfig = {
  root: resolve('src/renderer'),
  base: './',
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: resolve('out/renderer'),
    // No data: URLs: the CSP allows fonts and images from the app itself only.
    assetsInlineLimit: 0,
    emptyOutDir: true,
    rollupOptions: { input: resolve('src/renderer/index.html') },
  },
};

export default defineConfig(rendererConfig);

// The renderer build, shared by electron-vite (the app) and the browser test host.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { defineConfig, type Plugin, type UserConfig } from 'vite';

/**
 * pdf.js (原文对照) reads the character maps of Chinese PDFs and the standard fonts from files the
 * app serves itself (no remote content): copied into the build as pdfjs/cmaps and pdfjs/fonts.
 */
function pdfjsAssets(): Plugin {
  const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  return {
    name: 'pdfjs-assets',
    generateBundle() {
      for (const [from, to] of [['cmaps', 'pdfjs/cmaps'], ['standard_fonts', 'pdfjs/fonts']])
        for (const f of readdirSync(join(root, from))) this.emitFile({ type: 'asset', fileName: `${to}/${f}`, source: readFileSync(join(root, from, f)) });
    },
  };
}

export const rendererConfig: UserConfig = {
  root: resolve('src/renderer'),
  base: './',
  oxc: { jsx: { runtime: 'automatic' } },
  plugins: [pdfjsAssets()],
  build: {
    outDir: resolve('out/renderer'),
    // No data: URLs: the CSP allows fonts and images from the app itself only.
    assetsInlineLimit: 0,
    emptyOutDir: true,
    rollupOptions: { input: resolve('src/renderer/index.html') },
  },
};

export default defineConfig(rendererConfig);

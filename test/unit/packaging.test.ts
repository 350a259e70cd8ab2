// The installers' configuration (electron-builder.yml), checked where no Electron binary can be
// downloaded: it loads and passes electron-builder's own schema, names every target the offices
// need, sets every fuse, installs per user in Chinese, carries the native parts for each target,
// and packs every file the built main process loads and every package it imports.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join, matchesGlob, relative } from 'node:path';
import { DebugLogger } from 'builder-util';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import type { Configuration } from 'app-builder-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { machineOf } from '../helpers/machine-of.ts';

const root = new URL('../../', import.meta.url).pathname;
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; main: string; scripts: Record<string, string> };
let config: Configuration;

beforeAll(async () => {
  config = await getConfig(root, null, null);
});

/** Each (platform, arch) the configuration builds, as Node names them. */
function targets(): [string, string][] {
  const out: [string, string][] = [];
  for (const [os, platform] of [['win', 'win32'], ['linux', 'linux']] as const) {
    for (const t of (config[os]?.target ?? []) as { target: string; arch: string[] }[]) for (const a of t.arch) out.push([platform, a]);
  }
  return out;
}

describe('the packaging configuration', () => {
  it('passes electron-builder’s own schema, which does refuse a misspelt option', async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    await expect(validateConfiguration({ ...config, electronFusez: {} } as Configuration, new DebugLogger(false))).rejects.toThrow(/electronFusez/);
  });

  it('builds the Windows x64 installer and the Linux .deb for x64 and arm64', () => {
    expect(config.win?.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.linux?.target).toEqual([{ target: 'deb', arch: ['x64', 'arm64'] }]);
    expect(targets()).toEqual([
      ['win32', 'x64'],
      ['linux', 'x64'],
      ['linux', 'arm64'],
    ]);
    expect(pkg.scripts.dist).toContain('electron-builder');
  });

  it('sets every fuse of the hardening issue', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
    expect(config.asar).toBe(true); // onlyLoadAppFromAsar needs one
  });

  it('installs per user, without administrator rights, in Chinese, with a Start-menu entry', () => {
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false, allowElevation: false, createStartMenuShortcut: true, installerLanguages: ['zh_CN'], deleteAppDataOnUninstall: false });
    expect(config.productName).toBe('年报档案');
    expect(config.linux?.desktop).toMatchObject({ entry: { Name: '年报档案' } });
  });

  it('has the app’s icon, a 512×512 PNG', () => {
    const png = readFileSync(join(root, 'build/icon.png'));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
    expect(config.win?.icon).toBe('build/icon.png');
    expect(config.linux?.icon).toBe('build/icon.png');
  });

  it('carries the native parts for each target’s CPU: the ranking extension and better-sqlite3', () => {
    const extra = config.extraResources as { from: string; to: string }[];
    expect(extra).toEqual([{ from: 'resources/sqlite/${platform}-${arch}', to: 'sqlite/${platform}-${arch}' }]);
    const cpu = { x64: 'x86-64', arm64: 'aarch64' } as Record<string, string>;
    for (const [platform, arch] of targets()) {
      const ext = platform === 'win32' ? 'nianbao_rank.dll' : 'nianbao_rank.so';
      const want = platform === 'win32' ? `${cpu[arch]} DLL` : cpu[arch];
      const from = join(root, extra[0].from.replace('${platform}', platform).replace('${arch}', arch), ext);
      expect(machineOf(readFileSync(from)), from).toBe(want);
      // better-sqlite3 is a Node-API addon: its own build for the target loads in Electron as is.
      expect(machineOf(readFileSync(join(root, 'node_modules/better-sqlite3/prebuilds', `${platform}-${arch}.node`))), `${platform}-${arch}`).toBe(want);
    }
    expect(config.npmRebuild).toBe(false);
  });

  it('carries the OCR’s ONNX Runtime for the target only, outside the asar, and its build for each target is in the package', () => {
    const patterns = (config.files as { filter: string[] }[]).flatMap((set) => set.filter);
    const bin = (platform: string, arch: string) => `node_modules/onnxruntime-node/bin/napi-v6/${platform}/${arch}/onnxruntime_binding.node`;
    for (const [platform, arch] of targets()) {
      // electron-builder puts the target's platform and CPU into ${platform} and ${arch}.
      const filled = patterns.map((p) => p.replace('${platform}', platform).replace('${arch}', arch));
      const packed = (path: string) => filled.reduce((inside, p) => (p.startsWith('!') ? (matchesGlob(path, p.slice(1)) ? false : inside) : matchesGlob(path, p) ? true : inside), false);
      expect(packed(bin(platform, arch)), `${platform}-${arch}`).toBe(true);
      for (const [op, oa] of [['darwin', 'arm64'], ['win32', 'x64'], ['linux', 'x64'], ['linux', 'arm64']]) if (op !== platform || oa !== arch) expect(packed(bin(op, oa)), `${op}-${oa} in ${platform}-${arch}`).toBe(false);
      expect(existsSync(join(root, bin(platform, arch))), `${platform}-${arch}`).toBe(true);
    }
    expect(config.asarUnpack).toContain('node_modules/onnxruntime-node/bin/**');
  });
});

describe('what the packaged app needs', () => {
  let out: string;
  const files: string[] = [];
  beforeAll(() => {
    out = join(mkdtempSync(join(tmpdir(), 'nianbao-pack-')), 'out');
    const r = spawnSync(join(root, 'node_modules/.bin/electron-vite'), ['build', '--outDir', out, '--logLevel', 'error'], { cwd: root, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const walk = (d: string) => {
      for (const e of readdirSync(d, { withFileTypes: true })) e.isDirectory() ? walk(join(d, e.name)) : files.push(join(d, e.name));
    };
    walk(out);
  }, 120_000);

  /** Whether electron-builder's `files` take a path of the project (later patterns win; ! excludes). */
  const packed = (path: string) => {
    let inside = false;
    // electron-builder reads the list as one file set: [{ filter: [...] }].
    const patterns = (config.files as { filter: string[] }[]).flatMap((set) => set.filter);
    expect(patterns.length).toBeGreaterThan(1);
    for (const p of patterns) {
      if (p.startsWith('!')) {
        if (matchesGlob(path, p.slice(1))) inside = false;
      } else if (matchesGlob(path, p)) inside = true;
    }
    return inside;
  };

  it('packs the whole build: main, its worker, the OCR’s process, the preload and the renderer', () => {
    const asPacked = files.map((f) => join('out', relative(out, f)));
    for (const f of ['out/main/index.js', 'out/main/import-worker.js', 'out/main/ocr-process.js', 'out/preload/index.cjs', 'out/renderer/index.html']) expect(asPacked).toContain(f);
    const missing = asPacked.filter((f) => !f.endsWith('.map') && !packed(f));
    expect(missing).toEqual([]);
    expect(packed('package.json')).toBe(true);
    expect(packed('src/main/electron/index.ts')).toBe(false); // sources stay out
    expect(pkg.main).toBe('out/main/index.js');
  });

  it('loads only files that are in the build', () => {
    const main = readFileSync(join(out, 'main/index.js'), 'utf8');
    // What main opens by path next to itself: the worker, the OCR's process, the preload, the renderer's folder.
    for (const [ref, file] of [
      ['./import-worker.js', 'main/import-worker.js'],
      ['./ocr-process.js', 'main/ocr-process.js'],
      ['../preload/index.cjs', 'preload/index.cjs'],
      ['../renderer', 'renderer/index.html'],
    ]) {
      expect(main).toContain(`"${ref}"`);
      expect(existsSync(join(out, file)), file).toBe(true);
    }
  });

  it('starts its child processes as Electron utility processes, since the runAsNode fuse turns a fork into a second app', () => {
    expect(config.electronFuses?.runAsNode).toBe(false);
    const main = readFileSync(join(out, 'main/index.js'), 'utf8');
    // The shell hands the OCR's launcher utilityProcess before anything can start a child.
    expect(main).toMatch(/utilityProcess\.fork\(/);
    // The OCR's process answers through Electron's parentPort when it has one.
    expect(readFileSync(join(out, 'main/ocr-process.js'), 'utf8')).toContain('parentPort');
  });

  it('imports only Node’s own modules, electron, its own chunks and production dependencies', () => {
    const builtins = new Set(builtinModules);
    const imported = new Set<string>();
    for (const f of files.filter((x) => /\.(c?js|mjs)$/.test(x) && !x.includes('/renderer/'))) {
      const text = readFileSync(f, 'utf8');
      for (const m of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*)["']([^"']+)["']/g)) imported.add(m[1]);
    }
    const packages = [...imported].filter((s) => !s.startsWith('.') && !s.startsWith('node:') && !builtins.has(s) && s !== 'electron');
    const names = packages.map((s) => (s.startsWith('@') ? s.split('/').slice(0, 2).join('/') : s.split('/')[0]));
    expect(names.length).toBeGreaterThan(3);
    // electron-builder packs `dependencies` only: an import of a devDependency would fail at start.
    expect(names.filter((n) => !(n in pkg.dependencies))).toEqual([]);
    writeFileSync(join(out, 'imports.txt'), [...new Set(names)].sort().join('\n'));
  });
});

#!/usr/bin/env node
// What the tests and benchmarks need from the system, installed when missing: Chromium (the
// browser tests and the CLI's PDFs), poppler (reading printed PDFs back), a Chinese font
// (printed sheets with real glyphs) and ripgrep (the search benchmark's baseline). On Debian,
// 统信UOS and 麒麟 (all apt-based) it installs what is missing and does nothing when all is
// there; elsewhere it says what to install. `npm test` runs it first (pretest), and so does
// .ci/run, so the two cannot drift. Plain JavaScript: it runs on whatever Node the machine has,
// before `npm ci` brings the project's own.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
const chineseFont = () => {
  const r = spawnSync('fc-list', [':lang=zh'], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim() !== '';
};

/** Each need: whether it is met, the Debian package that meets it, and what it is for. */
const needs = [
  { ok: () => (process.env.CHROMIUM_PATH && existsSync(process.env.CHROMIUM_PATH)) || has('chromium'), pkg: 'chromium', what: 'Chromium（浏览器测试、命令行生成PDF / browser tests, CLI PDFs）' },
  { ok: () => has('pdftotext') && has('pdftoppm'), pkg: 'poppler-utils', what: 'poppler（读回打印的PDF / reading printed PDFs back）' },
  { ok: chineseFont, pkg: 'fonts-wqy-microhei', what: '中文字体（打印表格 / a CJK font for printed sheets）' },
  { ok: () => has('rg'), pkg: 'ripgrep', what: 'ripgrep（检索基准测试的对照 / the search benchmark’s baseline）' },
];

const missing = needs.filter((n) => !n.ok());
if (missing.length === 0) process.exit(0);

const list = missing.map((n) => `  - ${n.what}: ${n.pkg}`).join('\n');
if (process.platform !== 'linux' || !has('apt-get')) {
  console.error(`缺少测试所需的程序 / missing for the tests:\n${list}\n` + '请用本系统的软件包管理器安装；Chromium 也可以用 CHROMIUM_PATH 指定。 / Install them with this system’s package manager; CHROMIUM_PATH may name a Chromium or Chrome.');
  process.exit(1);
}

const root = typeof process.getuid === 'function' && process.getuid() === 0;
if (!root && !has('sudo')) {
  console.error(`缺少 / missing:\n${list}\n请以管理员身份运行 / run as root: apt-get install -y ${missing.map((n) => n.pkg).join(' ')}`);
  process.exit(1);
}
const apt = (args) => {
  const [cmd, rest] = root ? ['apt-get', args] : ['sudo', ['apt-get', ...args]];
  const r = spawnSync(cmd, rest, { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  return r.status === 0;
};
console.log(`正在安装 / installing: ${missing.map((n) => n.pkg).join(' ')}`);
if (!apt(['update', '-qq']) || !apt(['install', '-y', '-qq', ...missing.map((n) => n.pkg)])) {
  console.error(`安装失败 / apt-get failed:\n${list}`);
  process.exit(1);
}
const still = needs.filter((n) => !n.ok());
if (still.length) {
  console.error(`安装后仍缺少 / still missing after installing:\n${still.map((n) => `  - ${n.what}`).join('\n')}`);
  process.exit(1);
}

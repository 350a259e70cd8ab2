// What the command line prints is the clerk's Chinese and nothing a file can forge: a damaged
// archive is explained with the newest sound backup (no stack trace on the screen), and a file
// name holding a line break or a terminal escape is printed with them shown, not obeyed.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rotateBackups } from '../../src/main/node/archive/backup.ts';
import { openRuntime } from '../../src/main/node/runtime.ts';
import { visible } from '../../src/shared/visible.ts';

const root = new URL('../../', import.meta.url).pathname;
const fixtures = join(root, 'test/fixtures');
const cli = (...args: string[]) => spawnSync(join(root, 'node_modules/.bin/node'), [join(root, 'src/cli/index.ts'), ...args], { encoding: 'utf8', cwd: root });

describe('a damaged archive on the command line', () => {
  it('says so in Chinese, names the newest sound backup and how to restore it, and keeps the stack for the log file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-cli-damaged-'));
    const db = join(dir, 'archive.sqlite');
    const rt = openRuntime(db);
    await rt.importer.wait(rt.importer.start([join(fixtures, 'reports/utf8')]));
    await rotateBackups(rt.archive.db, db, new Date(2026, 10, 30, 9));
    await rt.close();
    const bytes = readFileSync(db);
    bytes.fill(0x41, 0, 4096);
    writeFileSync(db, bytes);
    const r = cli('list', '--db', db);
    expect(r.status).toBe(1);
    const screen = r.stdout + r.stderr;
    expect(screen).toContain('档案文件已损坏，无法打开。');
    expect(screen).toContain(`档案文件：${db}`);
    expect(screen).toContain('最近一份完好的备份是 备份/archive-2026-11-30.sqlite.gz（2026-11-30，5 份报告），可用 restore 恢复：');
    expect(screen).toContain(`restore ${join(dir, '备份', 'archive-2026-11-30.sqlite.gz')} --db ${db}`);
    expect(screen).not.toMatch(/\n\s+at |SQLITE|Error/);
    const log = join(dir, '年报档案-命令行.log');
    expect(existsSync(log)).toBe(true);
    expect(readFileSync(log, 'utf8')).toMatch(/SQLITE_NOTADB|not a database|malformed/);
  });
});

describe('file names that would forge or colour lines', () => {
  it('shows line breaks and escape codes instead of obeying them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-cli-names-'));
    const folder = join(dir, 'in');
    mkdirSync(folder);
    const forged = '伪造\n[已导入] 假报告.txt';
    const red = '红\x1b[31m色.txt';
    writeFileSync(join(folder, forged), ''); // empty: listed with its reason
    copyFileSync(join(fixtures, 'reports/utf8/seed-001.txt'), join(folder, red));
    const db = join(dir, 'a.sqlite');
    const imp = cli('import', folder, '--db', db);
    expect(imp.status).toBe(0);
    const list = cli('list', '--db', db);
    const check = cli('check', folder);
    for (const out of [imp.stdout, list.stdout, check.stdout]) {
      expect(out).not.toContain('\x1b');
      expect(out.split('\n').some((l) => l.startsWith('[已导入] 假报告'))).toBe(false);
    }
    expect(imp.stdout).toContain('伪造␤[已导入] 假报告.txt');
    expect(list.stdout).toContain('红␛[31m色.txt');
    expect(check.stdout).toContain('红␛[31m色.txt');
    expect(dirname(join(folder, red))).toBe(folder);
  });

  it('shows every control character, and leaves the rest of a name as it is', () => {
    expect(visible('a\nb\rc\td\x1b[0m\x00\x7f')).toBe('a␤b␍c␉d␛[0m␀␡');
    expect(visible('名\u202e称\u2028末\x85')).toBe('名\\u202e称\\u2028末\\u0085');
    expect(visible('淮安市人民政府 2024年度.docx')).toBe('淮安市人民政府 2024年度.docx');
  });
});

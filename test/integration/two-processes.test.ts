// Two imports into one archive at once, as two CLI runs (two processes): the second waits for
// the lock instead of failing, and a file the other process stored meanwhile is a duplicate,
// whichever process wins; the archive ends whole.
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;
const node = join(root, 'node_modules/.bin/node');

/** A CLI run: what the user reads (standard output) apart from the technical log (standard error). */
function cli(args: string[]): Promise<{ code: number; out: string; log: string }> {
  return new Promise((resolve) => {
    const p = spawn(node, [join(root, 'src/cli/index.ts'), ...args], { cwd: root });
    let out = '';
    let log = '';
    p.stdout.on('data', (d) => (out += d));
    p.stderr.on('data', (d) => (log += d));
    p.on('close', (code) => resolve({ code: code ?? -1, out, log }));
  });
}

describe('two imports into one archive', () => {
  it('both finish, nothing is stored twice, and no file fails for the other’s sake', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-two-'));
    cpSync(new URL('../fixtures/real/', import.meta.url).pathname, join(dir, 'in'), { recursive: true });
    rmSync(join(dir, 'in', 'README.md')); // the corpus's own notes, not a report
    const db = join(dir, 'new-archive.sqlite'); // a new archive: both create it
    const [a, b] = await Promise.all([cli(['import', join(dir, 'in'), '--db', db]), cli(['import', join(dir, 'in'), '--db', db])]);
    for (const run of [a, b]) {
      // The technical log as the message: a run that printed nothing says why.
      expect(run.out, `${run.code}: ${run.log.slice(-2000)}`).not.toMatch(/\[失败\]|database is locked|UNIQUE constraint|SQLITE/);
      expect(run.out, `${run.code}: ${run.log.slice(-2000)}`).toMatch(/失败 0 个/);
      expect(run.log).not.toMatch(/database is locked/);
    }
    expect([a.code, b.code]).toEqual([0, 0]);
    const check = new Database(db, { readonly: true });
    const files = (check.prepare('SELECT COUNT(*) AS n FROM reports').get() as { n: number }).n;
    const distinct = (check.prepare('SELECT COUNT(DISTINCT sha256) AS n FROM reports').get() as { n: number }).n;
    expect(files).toBe(distinct);
    expect(files).toBeGreaterThan(150);
    expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
    check.close();
  }, 120_000);
});

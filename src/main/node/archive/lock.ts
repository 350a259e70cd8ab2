// Who has the archive, across processes. SQLite's locks keep readers and writers of one file
// safe with each other, but nothing in them stops the file being renamed or replaced under a
// process that has it open, which is what a restore does: the other process goes on writing
// into the file moved aside, and its work never reaches the archive. So every process of ours
// that opens the archive leaves an entry in the folder beside it (archive.sqlite.lock/, one
// small file per holder: process id, host, what it is doing), and
// - "in use" (shared): the app, an import, a reader, a backup to a file. Many at once: two CLI
//   imports into one archive are fine, SQLite takes their writes in turn.
// - alone (exclusive): a restore, a schema upgrade, the backup rotation. Taken only while no
//   other process holds an entry, and refused, saying who, when one does; a process opening
//   the archive meanwhile waits until it is done.
// Entries of this process do not count: within one process the services keep order themselves
// (a restore in the app is refused while its own import runs). An entry whose process is gone
// (same host, no such pid, or older than the last boot) is removed by whoever finds it; one
// from another host sharing the folder counts while its holder keeps touching it.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, uptime } from 'node:os';
import { join } from 'node:path';
import { logTechnical } from '../import/reasons.ts';
import { visible } from '../../../shared/visible.ts';

/** What a holder is doing, as the lock file says and the clerk reads. */
export type Use = '应用程序' | '导入' | '查看' | '备份' | '恢复' | '升级' | '备份轮换';

const DOING: Record<Use, string> = {
  应用程序: '年报档案程序正开着它',
  导入: '正在导入',
  查看: '正在读取',
  备份: '正在备份',
  恢复: '正在恢复',
  升级: '正在升级档案格式',
  备份轮换: '正在自动备份',
};

interface Entry {
  pid: number;
  host: string;
  use: Use;
  mode: 'shared' | 'exclusive';
  /** A shared holder that has finished opening (a process still opening may be about to upgrade too). */
  ready?: boolean;
  since: string;
}
export interface Holder extends Entry {
  file: string;
}

/** Refused because another process holds the archive; the message is the clerk's. */
export class ArchiveInUse extends Error {
  readonly holder: Holder | null;
  constructor(message: string, holder: Holder | null) {
    super(message);
    this.holder = holder;
  }
}

export const lockDir = (archivePath: string) => `${archivePath}.lock`;
const HOST = hostname();
/** Another host's entry counts while it is touched at least this often. */
const STALE_MS = 5 * 60_000;
const TOUCH_MS = 30_000;

/** “进程 1234：正在导入”, for the clerk's sentence. */
export function who(h: Holder): string {
  return `${h.host === HOST ? '' : `计算机 ${visible(h.host)} 上的`}进程 ${h.pid}：${DOING[h.use] ?? `正在${visible(String(h.use))}`}`;
}

/** 档案正被另一个程序使用（进程 1234：正在导入），请关闭它后再恢复。 */
export function inUseMessage(h: Holder | null, action: string): string {
  return `档案正被另一个程序使用${h ? `（${who(h)}）` : ''}，请关闭它后再${action}。`;
}

function alive(e: Entry, touched: number): boolean {
  if (e.host !== HOST) return Date.now() - touched < STALE_MS;
  // The pid of an entry written before the PC last started is some other program's now.
  if (Date.parse(e.since) < Date.now() - uptime() * 1000 - 60_000) return false;
  try {
    process.kill(e.pid, 0);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'; // alive, another user's
  }
  return !zombie(e.pid);
}

/** Ended but not yet reaped by its parent (Linux says so in /proc): gone all the same. */
function zombie(pid: number): boolean {
  try {
    // "1234 (name) Z …": the state follows the name, which may itself hold ") ".
    return /^[ZX]/.test(readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\)\s*/s, ''));
  } catch {
    return false; // no /proc (Windows): the pid is taken as alive
  }
}

/** The other processes' live entries; those of processes that are gone are removed. */
export function holders(archivePath: string): Holder[] {
  const dir = lockDir(archivePath);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const out: Holder[] = [];
  for (const name of names) {
    if (!name.endsWith('.json')) continue;
    const file = join(dir, name);
    let e: Entry;
    let touched: number;
    try {
      e = JSON.parse(readFileSync(file, 'utf8')) as Entry;
      touched = statSync(file).mtimeMs;
    } catch {
      continue; // released meanwhile, or not ours
    }
    if (e.pid === process.pid && e.host === HOST) continue;
    if (!alive(e, touched)) {
      rmSync(file, { force: true });
      continue;
    }
    out.push({ ...e, file });
  }
  return out;
}

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

// This process's entries: touched for other hosts' sake, removed when the process exits.
const mine = new Set<string>();
let toucher: NodeJS.Timeout | null = null;
function own(file: string, e: Entry): void {
  const tmp = `${file}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(tmp, JSON.stringify(e));
  // Whole or not at all: a reader never sees half an entry. Windows refuses to replace a file
  // another process is reading at that instant: a moment later it can.
  for (let i = 0; ; i++)
    try {
      renameSync(tmp, file);
      break;
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (i >= 20 || (code !== 'EPERM' && code !== 'EBUSY' && code !== 'EACCES')) {
        rmSync(tmp, { force: true });
        throw err;
      }
      sleep(25);
    }
  mine.add(file);
  toucher ??= setInterval(() => {
    const now = new Date();
    for (const f of mine)
      try {
        utimesSync(f, now, now);
      } catch {
        // removed by hand: nothing to keep alive
      }
  }, TOUCH_MS).unref();
}
function disown(file: string): void {
  mine.delete(file);
  rmSync(file, { force: true });
}
process.on('exit', () => {
  for (const f of mine) rmSync(f, { force: true });
});

const newFile = (archivePath: string) => join(lockDir(archivePath), `${process.pid}-${randomBytes(6).toString('hex')}.json`);
const entry = (use: Use, mode: Entry['mode'], ready = false): Entry => ({ pid: process.pid, host: HOST, use, mode, ready, since: new Date().toISOString() });

export interface Held {
  /** The archive is open: an upgrade by another process may no longer take it from under us. */
  opened(): void;
  release(): void;
}

/**
 * The archive in use by this process: an entry beside it, taken once no other process holds
 * it alone (waiting up to `waitMs` for a restore or an upgrade to finish). Written, then checked
 * again: a process taking it alone does the same in the other order, so of two at the same
 * moment at least one sees the other and steps back.
 */
export function holdArchive(archivePath: string, use: Use, waitMs = 120_000): Held {
  try {
    mkdirSync(lockDir(archivePath), { recursive: true });
  } catch (e) {
    // A folder we may not write to (a read-only copy): SQLite alone guards it.
    logTechnical(`建立“${lockDir(archivePath)}”`, e);
    return { opened: () => undefined, release: () => undefined };
  }
  const file = newFile(archivePath);
  const until = Date.now() + waitMs;
  let told = false;
  for (;;) {
    let alone = holders(archivePath).find((h) => h.mode === 'exclusive');
    if (!alone) {
      own(file, entry(use, 'shared'));
      alone = holders(archivePath).find((h) => h.mode === 'exclusive');
      if (!alone) break;
      disown(file);
    }
    if (Date.now() > until) throw new ArchiveInUse(`档案正被另一个程序使用（${who(alone)}），请等它结束后再试。`, alone);
    if (!told) console.warn(`[年报档案] 档案正被另一个程序使用（${who(alone)}），等它结束…`);
    told = true;
    sleep(100);
  }
  let released = false;
  return {
    opened: () => {
      try {
        if (!released) own(file, entry(use, 'shared', true));
      } catch (e) {
        logTechnical(`更新“${file}”`, e); // still held, though as opening: another process's upgrade would not count it
      }
    },
    release: () => {
      released = true;
      disown(file);
    },
  };
}

/**
 * The archive alone, or the holder in the way. `ignoreOpening`: a process still opening the
 * archive does not count (it runs this program's migrations too, in SQLite's turn).
 */
function tryAlone(archivePath: string, use: Use, ignoreOpening = false): { release(): void } | Holder {
  mkdirSync(lockDir(archivePath), { recursive: true });
  const file = newFile(archivePath);
  own(file, entry(use, 'exclusive'));
  const other = holders(archivePath).find((h) => !(ignoreOpening && h.mode === 'shared' && !h.ready));
  if (other) {
    disown(file);
    return other;
  }
  return { release: () => disown(file) };
}

/** Runs `f` with the archive alone, or refuses with the clerk's reason (`action`: 恢复, 备份…). */
export function withArchiveAlone<T>(archivePath: string, use: Use, action: string, f: () => T): T {
  const got = tryAlone(archivePath, use);
  if ('pid' in got) throw new ArchiveInUse(inUseMessage(got, action), got);
  try {
    return f();
  } finally {
    got.release();
  }
}

export async function withArchiveAloneAsync<T>(archivePath: string, use: Use, action: string, f: () => Promise<T>): Promise<T> {
  const got = tryAlone(archivePath, use);
  if ('pid' in got) throw new ArchiveInUse(inUseMessage(got, action), got);
  try {
    return await f();
  } finally {
    got.release();
  }
}

/**
 * The schema upgrade, alone: refused while another process has the archive open; while another
 * upgrades or restores it, waited for, and skipped if that left nothing to do (`needed`). Two
 * processes opening an older archive at once: one upgrades, the other waits and finds it done.
 */
export function upgradeAlone(archivePath: string, needed: () => boolean, f: () => void, waitMs = 120_000): void {
  const until = Date.now() + waitMs;
  for (;;) {
    if (!needed()) return;
    const got = tryAlone(archivePath, '升级', true);
    if (!('pid' in got)) {
      try {
        return f();
      } finally {
        got.release();
      }
    }
    if (got.mode !== 'exclusive' || Date.now() > until)
      throw new ArchiveInUse(`档案需要升级到新版本的格式，但${inUseMessage(got, '打开').slice(0, -1)}。档案未改动。`, got);
    sleep(50 + Math.random() * 150); // two at once both step back: at random, so one goes first
  }
}

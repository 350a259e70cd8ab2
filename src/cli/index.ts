// 年报档案 on the command line: the same services as the app, no window. One file per command
// (commands/<name>.ts); this file reads the arguments and dispatches. Usage: args.ts.
import { resolve } from 'node:path';
import { defaultArchivePath } from '../main/node/runtime.ts';
import { visible } from '../shared/visible.ts';
import { parseArgs, USAGE, type CommandArgs } from './args.ts';
import { backupCommand } from './commands/backup.ts';
import { checkCommand } from './commands/check.ts';
import { compareCommand } from './commands/compare.ts';
import { exportCommand } from './commands/export.ts';
import { importCommand } from './commands/import.ts';
import { listCommand } from './commands/list.ts';
import { restoreCommand } from './commands/restore.ts';
import { searchCommand } from './commands/search.ts';
import { summaryCommand } from './commands/summary.ts';
import { failureLines } from './failure.ts';

const COMMANDS: Record<string, (a: CommandArgs) => Promise<number>> = {
  import: importCommand,
  backup: backupCommand,
  restore: restoreCommand,
  check: checkCommand,
  summary: summaryCommand,
  search: searchCommand,
  compare: compareCommand,
  list: listCommand,
  export: exportCommand,
};

const { cmd, rest, opts } = parseArgs(process.argv.slice(2));
const db = resolve(opts.db || defaultArchivePath());

async function main(): Promise<number> {
  const run = Object.hasOwn(COMMANDS, cmd) ? COMMANDS[cmd] : undefined;
  if (run) return run({ rest, opts, db });
  console.error(cmd ? `未知命令：${visible(cmd)}\n${USAGE}` : USAGE);
  return 2;
}

// `… | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => process.exit(e.code === 'EPIPE' ? 0 : 1));

// exitCode, not exit(): stdout to a pipe is asynchronous, and exit() would cut off the end
// of a long export.
main().then(
  (code) => (process.exitCode = code),
  (e) => {
    // A library's or SQLite's own words: the stack to the log file, the clerk's sentences to the screen.
    for (const line of failureLines(e, db)) console.error(line);
    process.exitCode = 1;
  },
);

// What the command line says when a command fails: the clerk's Chinese on the screen (for a
// damaged archive, the newest sound backup and the command that restores it), the technical
// text with its stack in a log file beside the archive, never on the screen.
import { appendFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { openFailure } from '../main/node/archive/open-failure.ts';
import { logTechnical } from '../main/node/import/reasons.ts';
import { visible } from '../shared/visible.ts';

/** The CLI's technical log: 年报档案-命令行.log in the archive's folder. */
export const cliLogFile = (db: string) => join(dirname(db), '年报档案-命令行.log');

/** A path as the clerk can type it back: quoted where a shell would split it. */
const arg = (p: string) => (/[\s"'$`\\;&|<>()]/.test(p) ? JSON.stringify(p) : p);

function logStack(db: string, e: unknown): void {
  const text = e instanceof Error ? (e.stack ?? e.message) : String(e);
  try {
    appendFileSync(cliLogFile(db), `${new Date().toISOString()} 命令行 ${process.argv.slice(2).join(' ')}\n${text}\n\n`);
  } catch {
    logTechnical('命令行', e); // no log file (an unwritable folder): one line, no stack
  }
}

/** The lines the clerk reads for an error; the stack goes to the log file. */
export function failureLines(e: unknown, db: string): string[] {
  const text = e instanceof Error ? e.message : String(e);
  const code = (e as { code?: string }).code ?? '';
  // Ours already: a sentence for the clerk.
  if (/[\u4e00-\u9fff]/.test(text) && !code.startsWith('SQLITE')) return [`出错：${visible(text)}`];
  logStack(db, e);
  const f = openFailure(db, e);
  // openFailure names the file on a line of its own: said here, shown safely.
  const head = f.message.split('\n档案文件：')[0];
  const lines = [`出错：${head}`, `档案文件：${visible(db)}`];
  if (f.backup) {
    lines.push(`最近一份完好的备份是 ${visible(relative(dirname(db), f.backup.file))}（${f.backup.date}，${f.backup.reports} 份报告），可用 restore 恢复：`);
    lines.push(`  npm run -s cli -- restore ${visible(arg(f.backup.file))} --db ${visible(arg(db))}`);
    lines.push('（当前的档案文件会改名保留在原处。）');
  } else if (f.message.startsWith('档案文件已损坏')) lines.push('档案旁的“备份”文件夹中没有完好的备份。');
  return lines;
}

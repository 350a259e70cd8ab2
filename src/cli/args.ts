// The command line's arguments and its usage text, shared by every command.
export const USAGE = `用法：
  npm run cli -- import <文件夹或文件>... [--db 档案文件]
  npm run cli -- import --pages <文件夹>... [--db 档案文件]
                                                  （--pages：每个文件夹是一份报告各页的照片或扫描图片，
                                                  按文件名顺序（页1.jpg、页2.jpg……）作为这一份报告导入并做文字识别）
  npm run cli -- check <文件夹或文件>... [--out 文件夹 [--office 机构名称] [--deadline 2025-02-20]]
                                                  （只检查，不导入；发现错误时退出码为1；--out 为每份有问题的报告写出审核意见 .docx）
  npm run cli -- search "<检索词>" [--year 2020-2024] [--json] [--db 档案文件]
  npm run cli -- compare <报告编号或文件>... --out 比较表.pdf|.xlsx|.csv [--db 档案文件]
  npm run cli -- compare --year 2024 --with-previous --out 文件夹 [--no-pdf] [--db 档案文件]
  npm run cli -- summary --year 2024 [--region 所属政府] [--own include|exclude] --out 汇总表.docx|.xlsx [--db 档案文件]
  npm run cli -- template --year 2025 [--unit 单位名称 | --all] --out 文件夹 [--db 档案文件]
                                                  （填报模板 .xlsx 和 .docx：一个单位，或单位目录中全部应报单位；
                                                  单位填好后可用 check 自查、用 import 导入）
  npm run cli -- list [--db 档案文件]
  npm run cli -- export --format csv|json [--out 输出文件] [--db 档案文件]
  npm run cli -- backup --out 备份文件 [--db 档案文件]    （档案打开时也可备份，备份经完整性检查）
  npm run cli -- restore 备份文件 [--db 档案文件]         （先完整检查备份；当前档案另存为“archive.sqlite.恢复前-时间”；
                                                  档案正被其他程序使用时不恢复）
不给 --db 时使用程序的默认档案（也可用环境变量 NIANBAO_DB 指定）。
PDF 由本机的 Chromium、Chrome 或 Edge 浏览器生成（自动查找；也可用 --browser 指定程序路径）。`;

/** Options that take no value; every other option does. */
const SWITCHES = new Set(['json', 'with-previous', 'no-pdf', 'all', 'pages']);

/** What a command gets: its words (after the command's name), its options, and the archive file. */
export interface CommandArgs {
  rest: string[];
  opts: Record<string, string>;
  db: string;
}

export function parseArgs(argv: string[]): { cmd: string; rest: string[]; opts: Record<string, string> } {
  const opts: Record<string, string> = {};
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('--')) {
      const [k, v] = a.slice(2).split('=', 2);
      opts[k] = v ?? (SWITCHES.has(k) ? '' : (argv[++i] ?? ''));
    } else rest.push(a);
  }
  return { cmd: rest.shift() ?? '', rest, opts };
}

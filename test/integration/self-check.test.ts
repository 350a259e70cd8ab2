// 报送前自查 through the contract: drafts a unit sent (a real corpus report with an error, a filled
// 填报模板, a damaged file) read, parsed and checked as import would, the cross-year checks against
// the archive's report of the unit's year before, and nothing written to the archive.
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../src/shared/contract/dispatch.ts';
import type { Handlers, SelfCheck } from '../../src/shared/contract/index.ts';
import { openRuntime, type Runtime } from '../../src/main/node/runtime.ts';
import { createHandlers } from '../../src/main/node/services.ts';
import { carriedOneMore, filledTemplate } from '../helpers/filled-template.ts';
import { quietPlatform } from '../helpers/platform.ts';

const fixture = (p: string) => new URL(`../fixtures/${p}`, import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'nianbao-selfcheck-'));
const db = join(dir, 'archive.sqlite');
let rt: Runtime;
let h: Handlers;
let answer: string[] | null = null;
/** What main's dialog was asked for: the app words it for 自查. */
let asked: string | undefined;

/** The archive's files as bytes: the database and its WAL (a write would land in one of them). */
function archiveBytes(): string {
  const hash = createHash('sha256');
  for (const f of [db, `${db}-wal`]) if (existsSync(f)) hash.update(readFileSync(f));
  return hash.digest('hex');
}

beforeAll(async () => {
  rt = openRuntime(db);
  h = createHandlers({
    archive: rt.archive,
    importer: rt.importer,
    pool: rt.pool,
    platform: quietPlatform({
      chooseSources: async (_kind, purpose) => ((asked = purpose), answer),
      saveFile: async (bytes, name) => {
        const p = join(dir, name);
        writeFileSync(p, bytes);
        return p;
      },
    }),
  });
  // The unit's 2023 report is in the archive: the 2024 draft is checked against it.
  await rt.importer.wait(rt.importer.start([fixture('real/pt-czj-2023/page.txt')]));
  expect(rt.archive.count()).toBe(1);
});

afterAll(async () => rt?.close());

/** The clerk picks files in main's dialog (the fake one answers these), then the page asks for the check. */
async function selfCheck(paths: string[]): Promise<SelfCheck> {
  answer = paths;
  const grant = await h.chooseImportSources({ kind: 'files', purpose: 'check' });
  expect(asked).toBe('check');
  return h.selfCheck({ grant: grant!.grant });
}

describe('报送前自查', () => {
  let check: SelfCheck;
  let before: string;

  beforeAll(async () => {
    const damaged = join(dir, '财政金融局2024年报.docx');
    copyFileSync(fixture('bad/truncated.docx'), damaged);
    rt.archive.db.pragma('wal_checkpoint(TRUNCATE)');
    before = archiveBytes();
    check = await selfCheck([fixture('real/pt-shs-2024/report.docx'), await filledTemplate(join(dir, 'template'), '平潭综合实验区财政金融局', 2024, 'pt-czj-2024/page.txt', carriedOneMore), damaged]);
  });

  it('finds a real report’s error in its table, with the cells involved', () => {
    const shs = check.files[0];
    if (!shs.ok) throw new Error(shs.message);
    expect([shs.agency, shs.year, shs.template, shs.format, shs.status]).toEqual(['平潭综合实验区社会事业局', 2024, 'T2021', 'docx', 'error']);
    const r4 = shs.findings.filter((f) => f.severity === 'error');
    expect(r4.map((f) => f.rule)).toEqual(['R4']);
    expect(r4[0].message).toContain('结果维持(13) + 结果纠正(2) + 其他结果(4) + 尚未审结(0) = 19');
    expect(r4[0].cells).toContainEqual({ table: 't4', row: 'suit_after', col: 'total' });
    expect(shs.cells.find((c) => c.table === 't4' && c.row === 'suit_after' && c.col === 'total')?.value.num).toBe(15);
    // No report of the unit's 2023 in the archive: nothing to compare with.
    expect(shs.previous).toBeNull();
  });

  it('reads a filled 填报模板 by position and checks it against the archive’s report of the year before', () => {
    const tpl = check.files[1];
    if (!tpl.ok) throw new Error(tpl.message);
    expect([tpl.agency, tpl.year, tpl.format]).toEqual(['平潭综合实验区财政金融局', 2024, 'xlsx']);
    expect(tpl.cells.find((c) => c.table === 't3' && c.row === 'carry' && c.col === 'natural')?.source).toMatch(/^填报模板 表三 第\d+行 第\d+列$/);
    expect(tpl.previous).toMatchObject({ year: 2023, agency: '平潭综合实验区财政金融局' });
    const x1 = tpl.findings.filter((f) => f.rule === 'X1');
    expect(x1.map((f) => f.cells[0].col)).toEqual(['natural', 'total']);
    expect(x1[0].message).toContain('而2023年度报告“四、结转下年度继续办理”为');
    // The year's own sums hold: the only errors are against the year before.
    expect(tpl.findings.filter((f) => f.severity === 'error').map((f) => f.rule)).toEqual(['X1', 'X1']);
    expect(tpl.inArchive).toBeNull();
  });

  it('gives a damaged file its Chinese reason, as import does', () => {
    expect(check.files[2]).toEqual({ name: '财政金融局2024年报.docx', ok: false, message: expect.stringMatching(/损坏或不完整/) });
  });

  it('writes nothing to the archive', () => {
    expect(rt.archive.count()).toBe(1);
    expect(archiveBytes()).toBe(before);
  });

  it('answers the same check again by its token (its printed sheet), and its 审核意见 as a draft not recorded', async () => {
    expect((await h.selfCheckResult({ token: check.token })).files.map((f) => f.name)).toEqual(check.files.map((f) => f.name));
    const r = await h.saveSelfCheckNotice({ token: check.token, file: 0, deadline: '2025-02-20' });
    expect(r.saved).toBe(true);
    expect(r.path).toMatch(/审核意见（自查草稿）_平潭综合实验区社会事业局_2024年度\.docx$/);
    const html = (await mammoth.convertToHtml({ path: r.path! })).value;
    expect(html).toContain('关于平潭综合实验区社会事业局2024年度政府信息公开工作年度报告的审核意见');
    expect(html).toContain('结果维持(13)');
    expect(rt.archive.db.prepare('SELECT COUNT(*) AS n FROM notices').get()).toEqual({ n: 0 });
    expect(archiveBytes()).toBe(before);
    await expect(h.saveSelfCheckNotice({ token: check.token, file: 2 })).rejects.toThrow('这个文件没有读出报告，无法生成审核意见');
  });

  it('imports the same files through the normal import with the grant it hands back, once', async () => {
    const job = await h.startImport({ grant: check.importGrant!.grant });
    await rt.importer.wait(job.jobId);
    expect(rt.importer.status(job.jobId)!.items.map((i) => [i.name, i.status]).sort()).toEqual([
      ['report.docx', 'imported'],
      ['平潭综合实验区财政金融局-2024年度政府信息公开工作年度报告（填报模板）.xlsx', 'imported'],
    ]);
    expect(rt.archive.count()).toBe(3);
    expect(await dispatch(h, 'startImport', { grant: check.importGrant!.grant })).toEqual({ ok: false, error: '导入授权已失效，请重新选择文件或文件夹' });
    // Checked again now, the file is found in the archive.
    const again = await selfCheck([fixture('real/pt-shs-2024/report.docx')]);
    expect(again.files[0].ok && again.files[0].inArchive).toBeGreaterThan(0);
  });

  it('takes only grants main made, validated like every call, and says in Chinese when a token is spent', async () => {
    expect(await dispatch(h, 'selfCheck', { grant: '../../etc/passwd' })).toEqual({ ok: false, error: '请求参数不正确' });
    expect(await dispatch(h, 'selfCheck', { grant: 'AAAAAAAAAAAAAAAA', path: '/etc' })).toEqual({ ok: false, error: '请求参数不正确' });
    expect(await dispatch(h, 'selfCheck', { grant: 'AAAAAAAAAAAAAAAA' })).toEqual({ ok: false, error: '导入授权已失效，请重新选择文件或文件夹' });
    expect(await dispatch(h, 'selfCheckResult', { token: 'AAAAAAAAAAAAAAAA' })).toMatchObject({ ok: false, error: expect.stringContaining('这次自查的结果已不在') });
  });
});

// 年报审核意见: built from a real report's findings, written as .docx and read back (mammoth),
// and written by `check --out` for each draft with findings.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { noticeDocx } from '../../src/main/node/export/notice-docx.ts';
import { allChecks } from '../../src/shared/report/checks/index.ts';
import { buildNotice } from '../../src/shared/report/notice.ts';
import { parseReport } from '../../src/shared/report/parse/index.ts';

const root = new URL('../../', import.meta.url).pathname;
const fixtures = new URL('../fixtures/', import.meta.url).pathname;
const real = (p: string) => {
  const r = parseReport(readFileSync(join(fixtures, p), 'utf8').split('\n').map((text) => ({ type: 'p' as const, text })));
  return { ...r, findings: allChecks(r) };
};
const opts = { officeName: '平潭综合实验区管委会办公室', deadline: '2025-02-20', today: '2025-02-10', disabledRules: [] as string[] };

describe('the notice', () => {
  it('lists every finding of a real report with where it is and what to fix, errors first', () => {
    const r = real('reports/utf8/seed-001.txt'); // four errors of the sums
    const n = buildNotice(r, opts);
    expect(n.title).toBe('关于宁波市科学技术局2019年度政府信息公开工作年度报告的审核意见');
    expect(n.to).toBe('宁波市科学技术局：');
    expect(n.intro).toMatch(/^你单位报送的2019年度政府信息公开工作年度报告已收悉。经审核，发现以下\d+处问题（其中统计数据错误须改正），请对照修改：$/);
    expect(n.items.length).toBe(r.findings.length);
    expect(n.items.slice(0, 4).map((i) => i.severity)).toEqual(['error', 'error', 'error', 'error']);
    expect(n.items[0]).toMatchObject({ no: 1, where: expect.stringMatching(/^表三“.+”行“.+”列$/), fix: expect.stringContaining('核对表三各列') });
    expect(n.closing).toBe('请于2025年2月20日前修改完善后重新报送。');
    expect([n.office, n.date]).toEqual(['平潭综合实验区管委会办公室', '2025年2月10日']);
    expect(n.skipped).toBeNull();
  });

  it('leaves out the checks the office switched off, and says so', () => {
    const r = real('real/pt-czj-2021/page.txt');
    expect(r.findings.some((f) => f.rule === 'W2')).toBe(true);
    const n = buildNotice(r, { ...opts, disabledRules: ['W2'] });
    expect(n.items.some((i) => i.problem.includes('半角'))).toBe(false);
    expect(n.skipped).toBe('本次审核未进行以下检查：标点符号使用不规范。');
    const w1 = n.items.find((i) => i.problem.startsWith('单位名称写作'))!;
    expect(w1).toMatchObject({ where: '开头或落款', fix: '统一使用单位的规范全称' });
  });

  it('reads back from the .docx: title, the table of findings, deadline and signature', async () => {
    const n = buildNotice(real('real/pt-czj-2021/page.txt'), opts);
    const bytes = await noticeDocx(n);
    const html = (await mammoth.convertToHtml({ buffer: Buffer.from(bytes) })).value;
    expect(html).toContain(`<p>${n.title}</p>`);
    expect(html).toContain('<table>');
    const rows = [...html.matchAll(/<tr>(.*?)<\/tr>/g)].map((m) => [...m[1].matchAll(/<t[dh]><p>(.*?)<\/p><\/t[dh]>/g)].map((c) => c[1]));
    expect(rows[0]).toEqual(['序号', '位置', '问题', '修改意见']);
    expect(rows.slice(1).map((r) => r[0])).toEqual(n.items.map((i) => String(i.no)));
    expect(rows.slice(1).map((r) => r[2])).toEqual(n.items.map((i) => i.problem.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')));
    expect(html).toContain('请于2025年2月20日前修改完善后重新报送。');
    expect(html).toContain('<p>平潭综合实验区管委会办公室</p><p>2025年2月10日</p>');
  });

  it('is written by check --out for each draft with findings', async () => {
    const out = mkdtempSync(join(tmpdir(), 'nianbao-notices-'));
    const r = spawnSync(join(root, 'node_modules/.bin/node'), [join(root, 'src/cli/index.ts'), 'check', join(fixtures, 'real/pt-czj-2021/page.txt'), '--out', out, '--office', '平潭综合实验区管委会办公室', '--deadline', '2025-02-20'], { encoding: 'utf8' });
    expect(r.stdout).toContain('已写出审核意见：');
    expect(readdirSync(out)).toEqual(['审核意见_平潭综合实验区财政金融局_2021年度.docx']);
    const text = (await mammoth.extractRawText({ path: join(out, readdirSync(out)[0]) })).value;
    expect(text).toContain('关于平潭综合实验区财政金融局2021年度政府信息公开工作年度报告的审核意见');
    expect(text).toContain('单位名称写作“平潭综合实验区财政全融局”');
    expect(spawnSync(join(root, 'node_modules/.bin/node'), [join(root, 'src/cli/index.ts'), 'check', join(fixtures, 'real/pt-czj-2021/page.txt'), '--out', out, '--deadline', '2月20日'], { encoding: 'utf8' }).stderr).toContain('整改期限写作 2025-02-20 这样的日期');
  });
});

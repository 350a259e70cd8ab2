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
import { rectify } from '../../src/shared/report/rectification.ts';
import { findingKey } from '../../src/shared/report/revision.ts';
import { revisedText } from '../fixtures/revised-report.ts';

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

describe('the 再次审核意见', () => {
  it('lists only what is still open of the notice before (and what is new), and says what was fixed', async () => {
    const first = real('reports/t2021/t2021-errors-2024.txt');
    const n1 = buildNotice(first, opts);
    expect(n1.items.every((i) => i.key && i.rule)).toBe(true);
    const revised = parseReport(revisedText().split('\n').map((text) => ({ type: 'p' as const, text })));
    const second = { ...revised, findings: allChecks(revised) };
    // The clerk said W3 (统计期限) no longer applies.
    const listed = n1.items.map((i) => ({ key: i.key, rule: i.rule, message: i.problem, dismissed: i.rule === 'W3' ? '该单位另行说明' : null }));
    const r = rectify(listed, second.findings);
    expect(r.items.filter((i) => i.state === '已整改').map((i) => i.rule).sort()).toEqual(['C3', 'K2', 'N1', 'R3']);
    expect(r.counts).toEqual({ open: n1.items.length - 5, fixed: 4, dismissed: 1, fresh: 1 });
    const n2 = buildNotice(second, { ...opts, today: '2025-02-25', previous: { day: '2025-02-10', items: r.items } });
    expect(n2.title).toBe('关于某市教育局2024年度政府信息公开工作年度报告的再次审核意见');
    expect(n2.intro).toBe(
      `你单位重新报送的2024年度政府信息公开工作年度报告已收悉。2025年2月10日审核意见所列${n1.items.length}处问题，已整改4处，1处不再要求修改；经再次审核，仍有${r.counts.open}处未整改，另新发现1处问题（其中统计数据错误须改正），请对照修改：`,
    );
    // Still open first (as listed before), then the new one; the dismissed one is not asked again.
    expect(n2.items.map((i) => i.key)).toEqual([...r.items.filter((i) => i.state === '未整改').map((i) => i.key).sort((a, b) => order(n1, a) - order(n1, b)), r.fresh.map(findingKey)[0]]);
    expect(n2.items.at(-1)!.problem).toMatch(/^（新发现）表三/);
    expect(n2.items.some((i) => i.rule === 'W3')).toBe(false);
    expect(n2.fixed).toEqual(r.items.filter((i) => i.state === '已整改').map((i) => i.message));
    // The .docx says what was fixed too.
    const html = (await mammoth.convertToHtml({ buffer: Buffer.from(await noticeDocx(n2)) })).value;
    expect(html).toContain('<p>已整改的问题：</p>');
    for (const m of n2.fixed!) expect(html).toContain(m.replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
  });

  it('with nothing left open says so and asks for nothing', () => {
    const r = real('reports/t2021/t2021-errors-2024.txt');
    const prev = { day: '2025-02-10', items: [{ key: 'C3##', message: '第六部分没有说明信息处理费', state: '已整改' as const }] };
    const n = buildNotice({ ...r, findings: [] }, { ...opts, previous: prev });
    expect(n.intro).toBe('你单位重新报送的2024年度政府信息公开工作年度报告已收悉。2025年2月10日审核意见所列1处问题，已整改1处，经再次审核，未发现需要修改的问题。');
    expect([n.items, n.closing, n.fixed]).toEqual([[], '', ['第六部分没有说明信息处理费']]);
  });
});

const order = (n: { items: { key: string }[] }, key: string) => n.items.findIndex((i) => i.key === key);

// 报送前自查 in real Chromium: the clerk picks a unit's drafts (through the host's fake dialog, a
// grant as in the app), sees what was read and the findings, a finding marks its cell; the sheet
// printed as PDF, a 审核意见 draft, and 导入档案 through the normal import. Nothing reaches the
// archive until then.
import { execFileSync } from 'node:child_process';
import { copyFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { carriedOneMore, filledTemplate } from '../helpers/filled-template.ts';
import { openSession, OUT as out, type Session } from './session.ts';

let session: Session;
let page: Page;
let drafts: string[];

beforeAll(async () => {
  session = await openSession({ fixtures: { 'real/pt-czj-2023': 'czj-2023', 'real/pt-shs-2024': 'shs-2024' } });
  const rt = session.host.runtime;
  // The archive holds 财政金融局's 2023 report: its 2024 draft is checked against it.
  await rt.importer.wait(rt.importer.start([join(session.dir, 'in/czj-2023/page.txt')]));
  const damaged = join(session.dir, '海坛片区2024年报.docx');
  copyFileSync(new URL('../fixtures/bad/truncated.docx', import.meta.url).pathname, damaged);
  drafts = [join(session.dir, 'in/shs-2024/report.docx'), await filledTemplate(join(session.dir, 'template'), '平潭综合实验区财政金融局', 2024, 'pt-czj-2024/page.txt', carriedOneMore), damaged];
  page = session.page;
  await page.setViewportSize({ width: 1366, height: 768 });
});

afterAll(async () => session?.close());

const reports = () => session.host.runtime.archive.count();

describe('报送前自查', () => {
  it('checks the files the clerk picks and shows what was read and the findings, without archiving them', async () => {
    await page.goto(`${session.host.url}#/`);
    await page.getByRole('navigation').getByRole('link', { name: '报送前自查' }).click();
    await page.getByRole('heading', { name: '报送前自查' }).waitFor();
    session.host.setAnswer(drafts);
    await page.getByRole('button', { name: '选择文件' }).click();
    const result = page.getByRole('article', { name: '自查结果：report.docx' });
    await result.waitFor();
    expect(await result.getByRole('heading', { level: 2 }).first().innerText()).toMatch(/^平潭综合实验区社会事业局\s*2024年度\s*有错误$/);
    expect(await result.locator('.self-check-summary').innerText()).toBe('1 处错误、2 处提醒（其中体检 2 处）');
    const meta = await result.locator('dl.meta').innerText();
    expect(meta).toContain('Word（.docx）');
    expect(meta).toContain('2021版');
    expect(meta).toContain('档案中没有该单位2023年度的报告，未做跨年度核对');
    // The three files, the damaged one said to be so.
    const files = page.getByRole('list', { name: '自查的文件' }).getByRole('button');
    expect(await files.count()).toBe(3);
    expect(await files.nth(2).innerText()).toContain('无法检查');
    expect(reports()).toBe(1);
    expect(page.url()).toMatch(/#\/selfcheck\?token=[\w-]+$/);
    await page.screenshot({ path: join(out, 'self-check-1366.png') });
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.screenshot({ path: join(out, 'self-check-1920.png') });
    await page.setViewportSize({ width: 1366, height: 768 });
  });

  it('marks the cells of a finding clicked, and says where a selected cell was read', async () => {
    const result = page.getByRole('article', { name: '自查结果：report.docx' });
    const cell = result.locator('[data-cell="t4|suit_after|total"]');
    expect(await cell.getAttribute('class')).toContain('error');
    expect(await cell.getAttribute('class')).not.toContain('focus');
    await result.getByRole('button', { name: /R4|复议后起诉/ }).first().click();
    await expect.poll(() => cell.getAttribute('class')).toContain('focus');
    expect(await cell.innerText()).toBe('15');
    await cell.focus();
    await page.keyboard.press('Enter');
    expect(await result.locator('.self-check-cell').innerText()).toMatch(/^表四“复议后起诉”行“总计”列：原文“15”，来源：/);
    await page.screenshot({ path: join(out, 'self-check-focus-1366.png') });
  });

  it('shows the filled template against the archive’s 2023 report, and the damaged file’s reason', async () => {
    const files = page.getByRole('list', { name: '自查的文件' }).getByRole('button');
    await files.nth(1).click();
    const tpl = page.getByRole('article', { name: /^自查结果：平潭综合实验区财政金融局-2024年度/ });
    await tpl.waitFor();
    expect(await tpl.locator('dl.meta').innerText()).toContain('与2023年度已归档报告比较');
    expect(await tpl.locator('.self-check-summary').innerText()).toMatch(/^2 处错误、/);
    expect(await tpl.locator('[data-cell="t3|carry|natural"]').getAttribute('class')).toContain('error');
    expect(await tpl.locator('[data-cell="t3|carry|natural"]').getAttribute('title')).toMatch(/来源：填报模板 表三 第\d+行 第\d+列/);
    await page.screenshot({ path: join(out, 'self-check-template-1366.png') });
    // The archived report it was compared with opens; back (Alt+←) shows the check again, from main.
    await tpl.getByRole('link', { name: '与2023年度已归档报告比较' }).click();
    await page.getByRole('heading', { name: /平潭综合实验区财政金融局\s*2023年度/ }).waitFor();
    await page.keyboard.press('Alt+ArrowLeft');
    await page.getByRole('article', { name: '自查结果：report.docx' }).waitFor();
    await files.nth(2).click();
    await page.getByRole('alert').filter({ hasText: '无法检查：' }).filter({ hasText: '损坏或不完整' }).waitFor();
  });

  it('prints the result as an A4 sheet and writes a 审核意见 draft, still archiving nothing', async () => {
    await page.getByRole('button', { name: '打印自查结果…' }).click();
    await page.getByRole('dialog', { name: '打印自查结果' }).getByRole('button', { name: '保存为PDF' }).click();
    await page.locator('.banner').filter({ hasText: '已保存：' }).waitFor();
    const pdf = session.host.saved.find((p) => p.endsWith('报送前自查结果.pdf'))!;
    expect(pdf).toMatch(/平潭综合实验区社会事业局2024年度报送前自查结果\.pdf$/);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(text).toContain('政府信息公开工作年度报告报送前自查结果');
    expect(text).toContain('检查结果：1处错误、2处提醒（其中体检2处）');
    expect(text).toContain('与2023年度已归档报告比较');
    expect(text).toContain('无法检查：');
    expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })).toMatch(/Page size:.*\(A4\)/);
    execFileSync('pdftoppm', ['-r', '60', '-png', pdf, join(out, 'self-check-sheet')]);
    expect(readdirSync(out).filter((f) => f.startsWith('self-check-sheet')).length).toBeGreaterThan(2);

    await page.getByRole('list', { name: '自查的文件' }).getByRole('button').first().click();
    await page.getByRole('button', { name: '导出审核意见' }).click();
    const dialog = page.getByRole('dialog', { name: '导出审核意见' });
    await dialog.getByRole('button', { name: '保存为Word' }).click();
    await page.locator('.banner').filter({ hasText: '已保存审核意见（草稿）：' }).waitFor();
    expect(session.host.saved.some((p) => p.endsWith('审核意见（自查草稿）_平潭综合实验区社会事业局_2024年度.docx'))).toBe(true);
    expect(reports()).toBe(1);
    expect(session.host.runtime.archive.db.prepare('SELECT COUNT(*) AS n FROM notices').get()).toEqual({ n: 0 });
  });

  it('imports the same files through the normal import (导入档案)', async () => {
    await page.getByRole('button', { name: '导入档案' }).click();
    const dialog = page.getByRole('dialog', { name: '导入报告' });
    await dialog.getByRole('heading', { name: '导入完成' }).waitFor();
    expect(reports()).toBe(3);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: '已导入档案' }).waitFor();
    expect(await page.getByRole('button', { name: '已导入档案' }).isDisabled()).toBe(true);
  });

  it('checks files dropped on the page (the preload’s grant) instead of importing them', async () => {
    // The preload, as in the app: the contract plus onDropGrant, which here the test fires with a
    // grant main made (the host's dialog), as the preload does with the grant for a real drop.
    const dropPage = await session.browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    await dropPage.addInitScript(() => {
      const listeners: ((r: unknown) => void)[] = [];
      (window as unknown as { drop: (r: unknown) => void }).drop = (r) => listeners.forEach((l) => l(r));
      (window as unknown as { api: unknown }).api = new Proxy(
        {},
        {
          get: (_t, name: string) =>
            name === 'onDropGrant'
              ? (l: (r: unknown) => void) => (listeners.push(l), () => {})
              : async (args: unknown) => {
                  const res = await fetch(`/api/${name}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(args ?? {}) });
                  const env = (await res.json()) as { ok: boolean; value?: unknown; error?: string };
                  if (!env.ok) throw new Error(env.error);
                  return env.value;
                },
        },
      );
    });
    await dropPage.goto(`${session.host.url}#/selfcheck`);
    await dropPage.getByRole('heading', { name: '报送前自查' }).waitFor();
    session.host.setAnswer([join(session.dir, 'in/shs-2024/report.docx')]);
    await dropPage.evaluate(async () => {
      const w = window as unknown as { api: { chooseImportSources: (a: unknown) => Promise<unknown> }; drop: (r: unknown) => void };
      w.drop({ grant: await w.api.chooseImportSources({ kind: 'files' }) });
    });
    const result = dropPage.getByRole('article', { name: '自查结果：report.docx' });
    await result.waitFor();
    expect(await result.locator('.self-check-summary').innerText()).toBe('1 处错误、2 处提醒（其中体检 2 处）');
    // Now in the archive (imported above): said so, and still nothing imported by the drop.
    expect(await result.getByRole('note').innerText()).toContain('档案中已有这个文件');
    expect(await dropPage.getByRole('dialog', { name: '导入报告' }).count()).toBe(0);
    expect(reports()).toBe(3);
    await dropPage.close();
  });
});

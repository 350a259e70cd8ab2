// 识别存疑 as the clerk meets it: a real report read from a PDF whose 本年新收 总计 reads 7 while the
// text says 共受理…申请2件 (a misreading, as the page-edge and wrapped cells gave before): the
// rules it fails are 识别存疑, violet, naming the reading that satisfies them; the report is not
// 有错误; the 审核意见 dialog says they are left out; 已核对原文，数值无误 makes them the document's.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileId, openSession, OUT as out, type Session } from './session.ts';
import { changeCell } from '../../src/main/node/archive/cells.ts';

let session: Session;
let page: Page;
let id: number;

beforeAll(async () => {
  session = await openSession({ fixtures: { 'real/pt-jsp-2023/report.pdf': 'jsp/report.pdf' }, importFirst: true });
  page = session.page;
  await page.setViewportSize({ width: 1366, height: 768 });
  id = fileId(session, 'report.pdf');
  // The misreading, stored as the reader would have stored it, and the report checked again.
  const archive = session.host.runtime.archive;
  changeCell(archive, id, { table: 't3', row: 'new', col: 'total' }, (c) => ({ ...c!, value: { kind: 'number', num: 7, raw: '7' } }));
  archive.recheck(id);
});
afterAll(async () => session?.close());

describe('识别存疑', () => {
  it('shows failed rules over PDF cells as 识别存疑 with the reading that satisfies them, and the report is not 有错误', async () => {
    await page.goto(`${session.host.url}#/report/${id}`);
    const findings = page.locator('section.findings');
    await findings.waitFor();
    const text = await findings.innerText();
    expect(text).toMatch(/识别存疑 \d+ 条/);
    expect(text).toContain('读作2（正文：“共受理政府信息公开申请2件”）');
    expect(text).not.toMatch(/错误 \d+ 条/);
    expect(await page.locator('header, .report-head, article').first().innerText()).not.toContain('有错误');
    await page.screenshot({ path: join(out, 'reading-doubt-1366.png') });
  });

  it('tells in the 审核意见 dialog that they are left out', async () => {
    await page.getByRole('button', { name: '审核意见…' }).click();
    await page.getByText(/另有 \d+ 处识别存疑/).waitFor();
    await page.getByRole('button', { name: '取消' }).click();
  });

  it('makes them the document’s errors once the clerk has checked the original', async () => {
    await page.getByRole('button', { name: '已核对原文，数值无误' }).first().click();
    await page.locator('section.findings').getByText(/错误 \d+ 条/).waitFor();
    expect(await page.locator('section.findings').innerText()).not.toMatch(/识别存疑 \d+ 条/);
    expect(session.host.runtime.archive.listReports({})[0].status).toBe('error');
  });
});

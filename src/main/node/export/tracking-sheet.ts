// 整改跟踪 as an Excel workbook: one row per unit sent a 审核意见 (sent, deadline, revised or not,
// findings open / fixed / no longer applying / new), overdue rows in red as on the page, and a
// second sheet with every listed finding and its state, so the office can filter by unit or state.
import type ExcelJS from 'exceljs';
import { excel } from './excel.ts';
import type { Tracking } from '../../../shared/contract/types.ts';
import { trackingSheetName } from '../../../shared/print-page.ts';
import { trackingStatus } from '../../../shared/report/rectification.ts';

const RED = { color: { argb: 'FFB42318' }, bold: true };

export async function trackingXlsx(t: Tracking): Promise<Uint8Array> {
  const wb = new (await excel()).Workbook();
  wb.creator = '年报档案';
  wb.title = trackingSheetName(t.year);
  const units = wb.addWorksheet('各单位整改情况', { views: [{ state: 'frozen', ySplit: 1 }] });
  units.addRow(['单位', '审核稿次', '审核意见日期', '整改期限', '修改稿', '修改稿导入日期', '未整改', '已整改', '不再适用', '新问题', '状态']).font = { bold: true };
  units.columns.forEach((c, i) => (c.width = [36, 10, 14, 14, 10, 16, 10, 10, 10, 10, 12][i]));
  for (const r of t.rows) {
    const row = units.addRow([
      r.agency,
      `第${r.version}稿`,
      r.sent,
      r.deadline ?? '未定',
      r.revised ? `第${r.revised.version}稿` : '未报送',
      r.revised?.day ?? null,
      r.open,
      r.fixed,
      r.dismissed,
      r.fresh,
      trackingStatus(r),
    ]);
    if (r.overdue) row.font = RED;
  }
  units.addRow([]);
  units.addRow([`统计日：${t.today}。逾期：已过整改期限仍未报送修改稿（标红）。`]);
  const items = wb.addWorksheet('审核意见所列问题', { views: [{ state: 'frozen', ySplit: 1 }] });
  items.addRow(['单位', '序号', '规则', '问题', '状态', '不再适用的理由']).font = { bold: true };
  items.columns.forEach((c, i) => (c.width = [36, 8, 8, 80, 10, 30][i]));
  for (const r of t.rows) r.findings.forEach((f, i) => items.addRow([r.agency, i + 1, f.rule, f.message, f.state, f.dismissed]));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}


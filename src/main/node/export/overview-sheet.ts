// 态势 as an Excel workbook: 报送情况 by kind of unit, each unit's indicators ranked by 行政复议
// 纠错率 (as on the printed sheet) with those above the office's thresholds in red, and the area
// over the years. Rates are numbers formatted as percentages, so the office can sort and
// compute with them; a rate that cannot be worked out is left blank, never 0.
import type ExcelJS from 'exceljs';
import { excel } from './excel.ts';
import type { Overview } from '../../../shared/contract/types.ts';
import { INDICATORS } from '../../../shared/compare/indicators.ts';
import { OVERVIEW_RATES, rankUnits } from '../../../shared/area/ranking.ts';

const label = (id: string) => INDICATORS.find((i) => i.id === id)?.label ?? id;
const PERCENT = '0.0%';
const RED = { color: { argb: 'FFB42318' }, bold: true };

function sheet(wb: ExcelJS.Workbook, name: string, header: string[], widths: number[]) {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addRow(header).font = { bold: true };
  ws.columns.forEach((c, i) => (c.width = widths[i] ?? 14));
  return ws;
}

export async function overviewXlsx(o: Overview): Promise<Uint8Array> {
  const wb = new (await excel()).Workbook();
  wb.creator = '年报档案';
  wb.title = `${o.region ?? ''}${o.year}年度政府信息公开工作年度报告态势`;

  const kinds = sheet(wb, '报送情况', ['单位类别', '应报', '已报', '缺报', '迟报', '有错误'], [14, 10, 10, 10, 10, 10]);
  for (const k of o.byKind) kinds.addRow([k.kind, k.expected, k.received, k.missing, k.late, k.errors]);
  if (o.byKind.length > 1) {
    const total = kinds.addRow(['合计', ...(['expected', 'received', 'missing', 'late', 'errors'] as const).map((f) => o.byKind.reduce((s, k) => s + k[f], 0))]);
    total.font = { bold: true };
  }

  kinds.addRow([]);
  const r = o.rectification;
  kinds.addRow(['审核意见整改', '发出审核意见', '已报送修改稿', '问题已整改', '问题未整改']).font = { bold: true };
  kinds.addRow(['', r.notices, r.revised, r.fixed, r.open]);

  const units = sheet(wb, '各单位的主要指标', ['排名', '单位', '类别', ...OVERVIEW_RATES.map(label)], [8, 36, 12, 12, 12, 16, 16]);
  rankUnits(o.units, 'reviewCorrection').forEach((u, i) => {
    const row = units.addRow([i + 1, u.agency, u.kind, ...OVERVIEW_RATES.map((id) => u.indicators[id] ?? null)]);
    OVERVIEW_RATES.forEach((id, k) => {
      const cell = row.getCell(4 + k);
      cell.numFmt = PERCENT;
      if (u.flagged.includes(id)) cell.font = RED;
    });
  });
  units.addRow([]);
  units.addRow([`按行政复议纠错率排名。标红：${Object.entries(o.thresholds).map(([id, v]) => `${label(id)}超过${Math.round(v * 1000) / 10}%`).join('，')}。空白：该报告的统计表算不出此项。`]);

  const years = sheet(wb, '历年情况', ['年度', '报告数', '本年新收申请', '公开率', '行政复议纠错率'], [10, 10, 14, 12, 16]);
  for (const s of o.series) {
    const row = years.addRow([s.year, s.reports, s.applications, s.openRate, s.reviewCorrection]);
    row.getCell(4).numFmt = PERCENT;
    row.getCell(5).numFmt = PERCENT;
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

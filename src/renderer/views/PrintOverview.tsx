// The printed 态势 (A4 landscape): the same tables as the page, ranked by 行政复议纠错率.
import { api } from '../api.ts';
import { OverviewTables } from '../components/OverviewTables.tsx';
import { printDate, useSheetData } from '../components/print.tsx';
import { formatRate, INDICATORS } from '../../shared/compare/indicators.ts';

export function PrintOverview({ year, region }: { year: number; region: string | null }) {
  const { data: o, error } = useSheetData(() => api.overview({ year, ...(region ? { region } : {}) }), `${year}|${region}`);
  if (error) return <p className="error-text">{error}</p>;
  if (!o) return null;
  return (
    <div className="print-sheet overview">
      <h1>
        {o.region ?? ''}
        {o.year}年度政府信息公开工作年度报告态势
      </h1>
      <p className="print-sub">
        阈值：{Object.entries(o.thresholds).map(([id, v]) => `${INDICATORS.find((i) => i.id === id)?.label ?? id}超过${formatRate(v)}标红`).join('，')} · {printDate()}
      </p>
      <OverviewTables o={o} sort="reviewCorrection" />
    </div>
  );
}

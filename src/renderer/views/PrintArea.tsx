// The printed 区域汇总表 (A4 portrait): the area's tables in the official layout with the
// units counted, 缺报 and 迟报, the notes on formats, and the own report's differences.
import { areaCells } from '../../shared/area/sum.ts';
import { api } from '../api.ts';
import { printDate, useSheetData } from '../components/print.tsx';
import { ReportTables } from '../components/ReportTables.tsx';
import { AreaDifferences } from '../components/AreaDifferences.tsx';
import { selectionText } from '../../shared/area/selection.ts';

export function PrintArea({ year, region, own }: { year: number; region: string | null; own: 'include' | 'exclude' }) {
  const { data: a, error } = useSheetData(() => api.areaSummary({ year, own, ...(region ? { region } : {}) }), `${year}|${region}|${own}`);
  if (error) return <p className="error-text">{error}</p>;
  if (!a) return null;
  return (
    <div className="print-sheet portrait">
      <h1>
        {a.region ?? ''}
        {a.year}年度政府信息公开工作情况汇总表
      </h1>
      <p className="print-sub">
        {selectionText(a)}{a.own ? `（${a.own.included ? '含' : '不含'}本级“${a.own.agency}”）` : ''} · 按{a.template === 'T2021' ? '2021版' : '2019版'}格式 · {printDate()}
      </p>
      {a.missing.length > 0 && <p className="print-note">缺报：{a.missing.join('、')}</p>}
      {a.variants.length > 0 && <p className="print-note">已报（名称不同）：{a.variants.map((v) => `${v.unit}（报告名称为${v.agency}）`).join('；')}</p>}
      {a.late.length > 0 && <p className="print-note">迟报：{a.late.map((l) => `${l.agency}（${l.date ?? '日期不明'}）`).join('、')}</p>}
      {a.notes.map((n) => (
        <p key={n} className="print-note">
          注：{n}
        </p>
      ))}
      <ReportTables template={a.template} cells={areaCells(a)} marked={new Map()} focused={new Set()} sums />
      <p className="print-note">空白和“/”等不计为0；各格的单位明细见导出的 Excel。</p>
      {a.own && a.differences.length > 0 && (
        <section className="print-section">
          <h2>本级“{a.own.agency}”报告与各单位之和不一致的格子（{a.differences.length} 个）</h2>
          <AreaDifferences a={a} numbered />
        </section>
      )}
    </div>
  );
}

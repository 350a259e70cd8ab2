// 汇总: every agency of one year as a row, key figures and indicators as columns, sortable,
// with a total row; agencies that reported last year and not this year are listed as missing.
import { useEffect, useState } from 'react';
import { FIGURES } from '../../shared/compare/figures.ts';
import { FigureCells, SummaryTotals } from '../components/FigureCells.tsx';
import type { YearSummary } from '../../shared/contract/types.ts';
import { api } from '../api.ts';
import { BatchPanel, useBatch } from '../components/BatchPanel.tsx';
import { Modal } from '../components/Modal.tsx';
import { NoOfficeLine, useOfficeName } from '../components/NoticeDialog.tsx';
import { useAction } from '../components/useAction.ts';
import { statusLabel } from '../format.ts';

export function SummaryView({ years, year }: { years: number[]; year: number | null }) {
  const y = year ?? years[0] ?? null;
  const [s, setS] = useState<YearSummary | null>(null);
  const [sort, setSort] = useState<{ key: string; desc: boolean }>({ key: 'agency', desc: false });
  const [message, run] = useAction();
  const batch = useBatch(y ?? 0);

  useEffect(() => {
    if (y !== null) api.yearSummary({ year: y }).then(setS);
  }, [y]);
  // The notices are signed with the office's name: a batch without it says so before it is written.
  const office = useOfficeName();
  const [ask, setAsk] = useState(false);
  const [crops, setCrops] = useState(false);
  const saveNotices = run(async () => {
    const r = await api.saveNotices({ year: y!, ...(crops ? { crops } : {}) });
    if (!r) return { message: '已取消' };
    const pics = r.pictures === undefined ? '' : r.pictures ? `（共附原文截图 ${r.pictures} 处）` : '（所列问题没有涉及能对照原文的格子）';
    return { message: `已在 ${r.folder} 生成 ${r.written} 份审核意见${pics}${r.dropped ? `；${r.dropped} 处原文截图不合要求，未附上` : ''}` };
  });
  if (y === null) return <p className="muted pad">档案里还没有报告。</p>;
  if (!s) return <p className="muted pad">正在汇总…</p>;
  const rows = [...s.rows].sort((a, b) => {
    const d = sort.desc ? -1 : 1;
    if (sort.key === 'agency') return d * (a.agency ?? '').localeCompare(b.agency ?? '', 'zh-CN');
    const x = a.figures[sort.key];
    const z = b.figures[sort.key];
    if (x === null) return 1;
    if (z === null) return -1;
    return d * (x - z);
  });
  const head = (key: string, label: string) => (
    <th key={key} className={key === 'agency' ? '' : 'num'}>
      <button className="link sort" onClick={() => setSort({ key, desc: sort.key === key ? !sort.desc : key !== 'agency' })}>
        {label}
        {sort.key === key ? (sort.desc ? ' ↓' : ' ↑') : ''}
      </button>
    </th>
  );
  return (
    <section className="summary-view">
      <div className="report-head">
        <h1 className="page-title">{s.year}年度汇总</h1>
        <select aria-label="汇总年度" value={s.year} onChange={(e) => (location.hash = `#/summary?year=${e.target.value}`)}>
          {years.map((x) => (
            <option key={x} value={x}>
              {x}年
            </option>
          ))}
        </select>
        <span className="muted">共 {s.rows.length} 个单位</span>
        <span className="spacer" />
        <button onClick={run(() => api.printSheet({ sheet: 'summary', year: s.year, action: 'preview' }))}>打印预览</button>
        <button onClick={run(() => api.printSheet({ sheet: 'summary', year: s.year, action: 'save' }))}>保存为PDF</button>
        <button onClick={run(() => api.exportSummary({ year: s.year, format: 'xlsx' }))}>导出Excel</button>
        <button onClick={run(() => api.exportSummary({ year: s.year, format: 'csv' }))}>导出CSV</button>
        <button
          title={`为每个有${s.year - 1}年度报告的单位生成与上一年的比较表（Excel和PDF），以及本年度汇总表`}
          onClick={batch.start}
          disabled={batch.running}
        >
          {batch.running ? '正在批量生成…' : '批量生成与上一年的比较表'}
        </button>
        <button
          title={`为${s.year}年度每份有检查结果的报告生成一份审核意见（Word），保存到选定的文件夹`}
          onClick={() => setAsk(true)}
        >
          生成审核意见…
        </button>
        <a className="button-link" href={`#/tracking?year=${s.year}`} title="已发审核意见的单位是否按期报送修改稿、所列问题是否整改">
          整改跟踪
        </a>
        <a className="button-link" href="#/selfcheck" title="单位报来的年报先检查、生成审核意见，不存入档案">
          报送前自查
        </a>
      </div>
      {ask && (
        <Modal label="生成审核意见" small onClose={() => setAsk(false)}>
          <h2>生成 {s.year} 年度的审核意见</h2>
          <p className="muted">为每份有检查结果的报告生成一份审核意见（Word），保存到选定的文件夹。</p>
          {office === '' && <NoOfficeLine onGo={() => setAsk(false)} />}
          <label className="field check-field">
            <input type="checkbox" checked={crops} onChange={(e) => setCrops(e.target.checked)} />
            附原文截图
            <span className="muted">（每条问题下附上所涉格子在原文件中的截图，红框标出格子；份数多时较慢）</span>
          </label>
          <div className="modal-actions">
            <button onClick={() => setAsk(false)}>取消</button>
            <button className="primary" autoFocus onClick={() => (setAsk(false), saveNotices())}>
              {office === '' ? '仍然生成' : '生成'}
            </button>
          </div>
        </Modal>
      )}
      {message && <div className="banner">{message}</div>}
      {batch.error && <div className="banner error">{batch.error}</div>}
      {batch.status && <BatchPanel status={batch.status} onClose={batch.dismiss} />}
      <table className="grid cmp year-summary">
        <thead>
          <tr>
            {head('agency', '单位')}
            <th>状态</th>
            {FIGURES.map((f) => head(f.id, f.label))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.reportId} data-agency={r.agency ?? ''}>
              <td>
                <a href={`#/report/${r.reportId}`}>{r.agency ?? '（未识别单位）'}</a>
                {r.group && (
                  <a className="series-link" href={`#/agency?name=${encodeURIComponent(r.group)}`} title="这个单位各年度的情况">
                    历年
                  </a>
                )}
              </td>
              <td>
                <span className={`status status-${r.status}`}>{statusLabel(r.status)}</span>
              </td>
              <FigureCells figures={r.figures} />
            </tr>
          ))}
        </tbody>
        <tfoot>
          <SummaryTotals s={s} className="total" />
        </tfoot>
      </table>
      {s.missing.length > 0 && (
        <section className="missing">
          <h2>缺报单位（{s.year - 1}年度有报告，{s.year}年度没有）</h2>
          <ul>
            {s.missing.map((m) => (
              <li key={m.lastReportId}>
                <a href={`#/report/${m.lastReportId}`}>{m.agency}</a>
              </li>
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}

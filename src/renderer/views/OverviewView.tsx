// 态势: one page a leader can read for a year: reports received, missing, late and with errors by
// kind of unit; each unit's indicators with those above the office's thresholds in red, ranked
// by the column clicked; the area's figures over the years.
import { useEffect, useState } from 'react';
import type { Overview } from '../../shared/contract/types.ts';
import { indicatorLabel as label, OverviewTables } from '../components/OverviewTables.tsx';
import { api } from '../api.ts';
import { YearRegion } from '../components/YearRegion.tsx';
import { useAction } from '../components/useAction.ts';

export function OverviewView({ years, params }: { years: number[]; params: URLSearchParams }) {
  const year = Number(params.get('year')) || years[0] || 0;
  const region = params.get('region') ?? '';
  const [o, setO] = useState<Overview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [sort, setSort] = useState<string>('reviewCorrection');
  const [message, run] = useAction();
  useEffect(() => {
    if (!year) return;
    setO(null);
    api.overview({ year, ...(region ? { region } : {}) }).then(setO, (e: Error) => setError(e.message));
  }, [year, region]);
  if (!year) return <p className="muted pad">档案中还没有报告。</p>;
  const go = (y: number, r: string) => (location.hash = `#/overview?${new URLSearchParams({ year: String(y), ...(r ? { region: r } : {}) })}`);
  const setThreshold = async (id: string, percent: string) => {
    const v = Number(percent) / 100;
    if (!o || !Number.isFinite(v) || v < 0 || v > 1) return;
    await api.setSettings({ thresholds: { ...o.thresholds, [id]: v } });
    setO(await api.overview({ year, ...(region ? { region } : {}) }));
  };

  return (
    <section className="overview">
      <div className="report-head">
        <h1 className="page-title">态势</h1>
        <YearRegion label="态势年度" years={years} year={year} region={region} submit="查看" placeholder="所属政府（不填为全部报告）" onChange={go} />
        <span className="spacer" />
        <button onClick={run(() => api.printSheet({ sheet: 'overview', year, ...(region ? { region } : {}), action: 'preview' }))}>打印预览</button>
        <button onClick={run(() => api.printSheet({ sheet: 'overview', year, ...(region ? { region } : {}), action: 'save' }))}>保存为PDF</button>
        <button disabled={!o?.units.length} onClick={run(() => api.exportOverview({ year, ...(region ? { region } : {}) }))}>
          导出Excel
        </button>
      </div>
      {error && <p className="error-text">{error}</p>}
      {message && <div className="banner">{message}</div>}
      {o && (
        <>
          <OverviewTables o={o} sort={sort} onSort={setSort}>
            <p className="muted">
              超过阈值的标红（阈值可改）：
              {Object.entries(o.thresholds).map(([id, v]) => (
                <label key={id} className="threshold">
                  {label(id)} &gt;
                  <input aria-label={`${label(id)}阈值`} type="number" min={0} max={100} step={1} defaultValue={Math.round(v * 100)} onBlur={(e) => void setThreshold(id, e.target.value)} />%
                </label>
              ))}
            </p>
          </OverviewTables>
        </>
      )}
    </section>
  );
}

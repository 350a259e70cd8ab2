// Agencies: names as found in the reports. Declaring two names the same body (宁波市科技局 =
// 宁波市科学技术局) joins their years for the cross-year checks, filters and comparisons.
import { useEffect, useState } from 'react';
import type { AgencyInfo } from '../../shared/contract/types.ts';
import { api } from '../api.ts';

export function AgenciesView() {
  const [rows, setRows] = useState<AgencyInfo[] | null>(null);
  const [into, setInto] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const load = () => api.listAgencies({}).then(setRows, (e: Error) => setError(e.message));
  useEffect(() => void load(), []);

  const act = (f: () => Promise<unknown>) => async () => {
    setError(null);
    try {
      await f();
      await load();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  if (!rows) return <p className="muted pad">正在读取…</p>;
  const canonical = rows.filter((r) => r.group === r.name);

  return (
    <section className="agencies">
      <div className="report-head">
        <h1 className="page-title">单位</h1>
        <span className="spacer" />
        <a href="#/directory">单位目录（上级、类别、应报）</a>
      </div>
      <p className="muted">同一单位在不同年份可能写法不同（如“宁波市科技局”和“宁波市科学技术局”）。合并后，它们的报告按同一单位做跨年度核对和比较。</p>
      {error && <p className="error-text">{error}</p>}
      <table className="grid">
        <thead>
          <tr>
            <th>报告中的名称</th>
            <th>报告数</th>
            <th>年度</th>
            <th>归入</th>
            <th>操作</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((a) => (
            <tr key={a.name} data-agency={a.name}>
              <td>
                <a href={`#/agency?name=${encodeURIComponent(a.group)}`}>{a.display}</a>
              </td>
              <td>{a.reports}</td>
              <td>{a.firstYear === a.lastYear ? (a.firstYear ?? '—') : `${a.firstYear}–${a.lastYear}`}</td>
              <td>{a.group === a.name ? <span className="muted">（本名）</span> : a.group}</td>
              <td>
                {a.group !== a.name ? (
                  <button onClick={act(() => api.unmergeAgency({ alias: a.name }))}>取消合并</button>
                ) : (
                  <span className="merge">
                    {a.suggestion && (
                      <span className="suggestion">
                        可能与“{a.suggestion.display}”是同一单位（{a.suggestion.why}）
                        <button onClick={act(() => api.mergeAgencies({ from: a.name, into: a.suggestion!.into }))}>合并到该单位</button>
                      </span>
                    )}
                    <select aria-label={`把“${a.display}”合并到`} value={into[a.name] ?? ''} onChange={(e) => setInto({ ...into, [a.name]: e.target.value })}>
                      <option value="">合并到…</option>
                      {canonical
                        .filter((c) => c.name !== a.name)
                        .map((c) => (
                          <option key={c.name} value={c.name}>
                            {c.display}
                          </option>
                        ))}
                    </select>
                    <button disabled={!into[a.name]} onClick={act(() => api.mergeAgencies({ from: a.name, into: into[a.name] }))}>
                      合并
                    </button>
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

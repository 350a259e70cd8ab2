// One report: metadata, findings (click to see the cells), the tables, the six parts.
import { useEffect, useMemo, useState } from 'react';
import type { ReportDetail } from '../../shared/contract/types.ts';
import type { Finding } from '../../shared/report/model.ts';
import { PART_TITLES } from '../../shared/report/parse/parts.ts';
import { api } from '../api.ts';
import { keyOf, ReportTables } from '../components/ReportTables.tsx';
import { formatDateTime, formatSignDate, formatSize, statusLabel, templateLabel } from '../format.ts';

export function ReportView({ id, onRemoved }: { id: number; onRemoved: () => void }) {
  const [report, setReport] = useState<ReportDetail | null | undefined>(undefined);
  const [focus, setFocus] = useState<Finding | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  useEffect(() => {
    setReport(undefined);
    api.getReport({ id }).then(setReport, (e: Error) => setMessage(e.message));
  }, [id]);

  const marked = useMemo(() => {
    const m = new Map<string, 'error' | 'warning'>();
    for (const f of report?.findings ?? [])
      for (const c of f.cells) {
        const k = keyOf(c.table, c.row, c.col);
        if (m.get(k) !== 'error') m.set(k, f.severity);
      }
    return m;
  }, [report]);
  const focused = useMemo(() => new Set(focus?.cells.map((c) => keyOf(c.table, c.row, c.col)) ?? []), [focus]);

  useEffect(() => {
    if (!focus) return;
    document.querySelector(`[data-cell="${CSS.escape(keyOf(focus.cells[0].table, focus.cells[0].row, focus.cells[0].col))}"]`)?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, [focus]);

  if (report === undefined) return <p className="muted pad">正在读取…</p>;
  if (report === null)
    return (
      <p className="pad">
        档案中没有这份报告。<a href="#/">返回报告列表</a>
      </p>
    );

  const open = async () => {
    const r = await api.openOriginal({ id });
    setMessage(r.opened ? '已用系统默认程序打开原文件' : (r.message ?? '无法打开原文件'));
  };
  const remove = async () => {
    await api.removeReport({ id });
    setConfirming(false);
    onRemoved();
  };

  return (
    <article className="report">
      <div className="report-head">
        <a href="#/" className="back">
          ← 返回列表
        </a>
        <h1>
          {report.agency ?? '（未识别单位）'} <span className="year">{report.year ? `${report.year}年度` : '年度未识别'}</span>
        </h1>
        <span className={`status status-${report.status}`}>{statusLabel(report.status)}</span>
        <span className="spacer" />
        <button onClick={open}>打开原文件</button>
        <button className="danger" onClick={() => setConfirming(true)}>
          从档案中删除
        </button>
      </div>
      {message && <div className="banner">{message}</div>}
      <dl className="meta">
        <dt>报告格式</dt>
        <dd>{templateLabel(report.template)}</dd>
        <dt>落款日期</dt>
        <dd>{formatSignDate(report.date)}</dd>
        <dt>源文件</dt>
        <dd title={report.sourcePath}>{report.fileName}</dd>
        <dt>文件</dt>
        <dd>
          {report.format === 'txt' ? `文本（${report.encoding}）` : `Word（.${report.format}）`}，{formatSize(report.size)}
        </dd>
        <dt>导入时间</dt>
        <dd>{formatDateTime(report.importedAt)}</dd>
      </dl>

      <section className="findings">
        <h2>检查结果</h2>
        {report.findings.length === 0 && report.notes.length === 0 && <p className="ok-text">未发现问题。</p>}
        <ul>
          {report.findings.map((f, i) => (
            <li key={i} className={`finding ${f.severity} ${focus === f ? 'active' : ''}`} onClick={() => setFocus(focus === f ? null : f)}>
              <span className="sev">{f.severity === 'error' ? '错误' : '提醒'}</span>
              <span>{f.message}</span>
            </li>
          ))}
          {report.notes.map((n, i) => (
            <li key={`n${i}`} className="finding note">
              <span className="sev">说明</span>
              <span>{n.message}</span>
            </li>
          ))}
        </ul>
      </section>

      {report.cells.length > 0 ? (
        <ReportTables template={report.template} cells={report.cells} marked={marked} focused={focused} />
      ) : (
        <p className="muted">{report.template === 'pre2019' ? '2019年以前的报告没有全国统一的统计表。' : '未识别出统计表。'}</p>
      )}

      <section className="parts">
        <h2>报告正文</h2>
        {report.parts.map((p) => (
          <section key={p.no} className="part">
            <h3 title={`标准标题：${PART_TITLES[p.no]}`}>{p.heading}</h3>
            {p.text.split('\n').map((line, i) => (
              <p key={i}>{line}</p>
            ))}
          </section>
        ))}
      </section>

      {confirming && (
        <div className="modal-backdrop">
          <div className="modal small" role="dialog" aria-label="确认删除">
            <h2>从档案中删除这份报告？</h2>
            <p>
              将删除“{report.agency ?? report.fileName}”{report.year ? `${report.year}年度` : ''}报告及其保存的原文件副本。源文件夹中的文件不受影响。
            </p>
            <div className="modal-actions">
              <button onClick={() => setConfirming(false)}>取消</button>
              <button className="danger" onClick={remove}>
                删除
              </button>
            </div>
          </div>
        </div>
      )}
    </article>
  );
}

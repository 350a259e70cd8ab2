// One file of a self-check (报送前自查): what was read (单位、年度、格式), the summary line, the
// findings as the report page lists them (a finding marks its cells), the tables read-only (a
// cell's source on the line under them), and the parts with a 体检 finding's words marked.
import { useEffect, useMemo, useState } from 'react';
import type { SelfCheckFile } from '../../shared/contract/types.ts';
import type { Cell, TableId } from '../../shared/report/model.ts';
import { cellTarget } from '../../shared/report/corrections.ts';
import { formatLabel, formatSignDate, formatSize, statusLabel, templateLabel } from '../format.ts';
import { describeTarget } from './correction-text.ts';
import { Findings, type FocusCells } from './Findings.tsx';
import { keyOf, ReportTables } from './ReportTables.tsx';
import { markedCells, previousLine, summaryLine } from './self-check-text.ts';

type Read = Extract<SelfCheckFile, { ok: true }>;

export function SelfCheckReport({ file }: { file: Read }) {
  const [focus, setFocus] = useState<FocusCells | null>(null);
  const [cell, setCell] = useState<{ table: TableId; row: string; col: string; cell: Cell | undefined } | null>(null);
  const marked = useMemo(() => markedCells(file.findings), [file]);
  const focused = useMemo(() => new Set(focus?.cells.map((c) => keyOf(c.table, c.row, c.col)) ?? []), [focus]);

  // A finding clicked: its first cell, or its words in the text, brought into view.
  useEffect(() => {
    if (focus?.cells.length) document.querySelector(`[data-cell="${CSS.escape(keyOf(focus.cells[0].table, focus.cells[0].row, focus.cells[0].col))}"]`)?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    else if (focus?.at) document.querySelector(`[data-part="${focus.at.part}"] mark.finding-quote`)?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, [focus]);

  return (
    <article className="report self-check-report" aria-label={`自查结果：${file.name}`}>
      <h2 className="self-check-title">
        {file.agency ?? '（未识别单位）'} <span className="year">{file.year ? `${file.year}年度` : '年度未识别'}</span>
        <span className={`status status-${file.status}`}>{statusLabel(file.status)}</span>
      </h2>
      <p className={`self-check-summary ${file.findings.some((f) => f.severity === 'error' && f.fault !== 'reading') ? 'error-text' : ''}`} role="status">
        {summaryLine(file.findings)}
      </p>
      <dl className="meta">
        <dt>文件</dt>
        <dd>
          {file.name}（{formatLabel(file.format, file.encoding)}，{formatSize(file.size)}
          {file.extensionMismatch ? '，扩展名与内容不符，已按实际格式读取' : ''}）
        </dd>
        <dt>报告格式</dt>
        <dd>{templateLabel(file.template)}</dd>
        <dt>落款日期</dt>
        <dd>{formatSignDate(file.date)}</dd>
        <dt>跨年度核对</dt>
        <dd>
          {file.previous ? (
            <a href={`#/report/${file.previous.id}`} title="打开档案中的上一年度报告">
              {previousLine(file)}
            </a>
          ) : (
            previousLine(file)
          )}
        </dd>
      </dl>
      {file.inArchive && (
        <p className="banner" role="note">
          档案中已有这个文件（内容完全相同）：<a href={`#/report/${file.inArchive}`}>打开档案中的报告</a>
        </p>
      )}
      <Findings findings={file.findings} notes={file.notes} focus={focus} onFocus={setFocus} />

      {file.template === 'pre2019' ? (
        <p className="muted">2019年以前的报告没有全国统一的统计表。</p>
      ) : file.cells.length > 0 ? (
        <section className="self-check-tables">
          <h2>统计表</h2>
          <p className="muted hint">检查结果涉及的格子标红（错误）或标黄（提醒），点检查结果定位到格子。选中格子（方向键移动，回车或点击）在表下说明它的原文和来源。</p>
          <ReportTables template={file.template} cells={file.cells} marked={marked} focused={focused} hint="点击查看原文和来源" onEdit={(table, row, col, c) => setCell({ table, row, col, cell: c })} />
          {cell && (
            <p className="cell-info self-check-cell" role="status">
              {describeTarget(file.template, cellTarget(cell.table, cell.row, cell.col))}：
              {cell.cell ? `原文“${cell.cell.value.raw || '（空白）'}”，来源：${cell.cell.source}` : '报告中没有这一格'}
            </p>
          )}
        </section>
      ) : (
        <p className="muted">未识别出统计表。</p>
      )}

      <section className="parts">
        <h2>报告正文</h2>
        {file.parts.length === 0 && <p className="muted">{file.format === 'xlsx' ? 'Excel填报模板只有统计表，报告正文以Word为准。' : '未识别出报告的各个部分。'}</p>}
        {file.parts.map((p) => (
          <section key={p.no} className="part" data-part={p.no}>
            <h3>{p.heading}</h3>
            {p.text.split('\n').map((line, i) => {
              const quote = focus?.at && focus.at.part === p.no && line.includes(focus.at.quote) ? focus.at.quote : null;
              if (!quote) return <p key={i}>{line}</p>;
              const at = line.indexOf(quote);
              return (
                <p key={i}>
                  {line.slice(0, at)}
                  <mark className="finding-quote">{quote}</mark>
                  {line.slice(at + quote.length)}
                </p>
              );
            })}
          </section>
        ))}
      </section>
    </article>
  );
}

// One report: metadata, findings (click to see the cells), the tables, the six parts.
import { OriginalPanel, pdfPage, type OriginalTarget } from '../components/OriginalPanel.tsx';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ReportDetail } from '../../shared/contract/types.ts';
import type { MetaEvidence, TableId } from '../../shared/report/model.ts';
import { PART_TITLES } from '../../shared/report/parse/parts.ts';
import { api } from '../api.ts';
import { Highlighted } from '../components/Highlighted.tsx';
import { findRanges, parseQuery } from '../../shared/search/query.ts';
import { CorrectionDialog, MetaDialog, type EditTarget } from '../components/CorrectionDialog.tsx';
import { keyOf, ReportTables } from '../components/ReportTables.tsx';
import { Findings, type FocusCells } from '../components/Findings.tsx';
import { BackLink } from '../components/BackLink.tsx';
import { ReportFiles } from '../components/ReportFiles.tsx';
import { Modal } from '../components/Modal.tsx';
import { NoticeDialog } from '../components/NoticeDialog.tsx';
import { ReportPrintDialog } from '../components/ReportPrintDialog.tsx';
import { cellTarget } from '../../shared/report/corrections.ts';
import { describeTarget, shownValue } from '../components/correction-text.ts';
import { formatDateTime, formatLabel, formatSignDate, formatSize, statusLabel, templateLabel } from '../format.ts';

/** A 体检 finding's words outside the six parts (the opening paragraph, the signature): the line they stand in, marked. */
function OutsideQuote({ text, quote }: { text: string; quote: string }) {
  const line = text.split('\n').find((l) => l.includes(quote));
  if (!line) return null;
  const at = line.indexOf(quote);
  const from = Math.max(0, at - 60);
  return (
    <p className="outside-quote" role="note">
      <span className="muted">六个部分以外的文字（开头或落款）：</span>
      {from > 0 ? '…' : ''}
      {line.slice(from, at)}
      <mark className="finding-quote">{quote}</mark>
      {line.slice(at + quote.length, at + quote.length + 60)}
      {at + quote.length + 60 < line.length ? '…' : ''}
    </p>
  );
}

const FIELD_NAMES = { agency: '单位', year: '年度', date: '落款日期' } as const;

/** Where a metadata field was read, so a reviewer knows what to trust. */
function Evidence({ e }: { e: MetaEvidence }) {
  return (
    <>
      <dt>{FIELD_NAMES[e.field]}依据</dt>
      <dd className="evidence" title={e.text}>
        <span className="source">{e.inferred ? `由${e.source}推断` : e.source}</span>
        <span className="quote">“{e.text.length > 48 ? `${e.text.slice(0, 48)}…` : e.text}”</span>
      </dd>
    </>
  );
}

export function ReportView({ id, onRemoved, query = '', part = null }: { id: number; onRemoved: () => void; query?: string; part?: number | null }) {
  const terms = useMemo(() => parseQuery(query).highlight, [query]);
  const [report, setReport] = useState<ReportDetail | null | undefined>(undefined);
  const [focus, setFocus] = useState<FocusCells | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [editing, setEditing] = useState<EditTarget | null>(null);
  const [editingMeta, setEditingMeta] = useState(false);
  const [noPrevious, setNoPrevious] = useState(false);
  const [notice, setNotice] = useState(false);
  const [printing, setPrinting] = useState(false);
  const [original, setOriginal] = useState<(OriginalTarget & { key: string }) | null>(null);
  const showOriginal = async (table: TableId, row: string, col: string) => {
    // A PDF the page holds already is not sent again: only where the cell stands.
    const cell = report?.cells.find((c) => c.table === table && c.row === row && c.col === col);
    // Keyed by the file's content (the report's hash; a copy's file within it): never another archive's file of the same number.
    const pdfKey = `${report?.sha256}|${cell?.file ?? ''}`;
    const held = cell?.at && cell.at.kind !== 'words' && cell.at.place ? (await pdfPage()).hasPdf(pdfKey) : false;
    return api.originalOf({ id, table, row, col, ...(held ? { bytes: false } : {}) }).then(
      (view) => report && setOriginal({ id, pdfKey, key: keyOf(table, row, col), label: describeTarget(report.template, cellTarget(table, row, col)), view }),
      (e: Error) => setMessage(e.message),
    );
  };
  const saving = useRef<Promise<void>>(Promise.resolve());

  useEffect(() => {
    setReport(undefined);
    setOriginal(null);
    api.getReport({ id }).then(setReport, (e: Error) => setMessage(e.message));
  }, [id]);

  // A report read from a PDF: pdf.js and the file are made ready once the page is shown, so the
  // first 查看原文 draws at once instead of loading them then.
  const sha = report?.sha256;
  useEffect(() => {
    const cell = report?.cells.find((c) => !c.file && c.at && c.at.kind !== 'words' && c.at.place);
    if (!cell || !sha) return;
    const timer = setTimeout(() => {
      void pdfPage().then(async ({ hasPdf, pdfOf, drawPage }) => {
        const key = `${sha}|`;
        if (hasPdf(key)) return;
        const view = await api.originalOf({ id, table: cell.table, row: cell.row, col: cell.col });
        // Its tables' page drawn once out of sight: fonts and character maps are then ready.
        if (view.kind === 'pdf') await drawPage(await pdfOf(key, view.data), view.page, document.createElement('canvas'), 1.5);
      }).catch(() => {}); // shown on the click instead, with its reason
    }, 400);
    return () => clearTimeout(timer);
  }, [id, sha]); // eslint-disable-line react-hooks/exhaustive-deps -- once per report

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

  // Opened from a search hit: scroll to the first highlighted term.
  useEffect(() => {
    if (!report || terms.length === 0) return;
    const target = document.querySelector(part !== null ? `[data-part="${part}"] mark` : 'mark') ?? document.querySelector('mark');
    target?.scrollIntoView({ block: 'center' });
  }, [report, terms, part]);

  // A finding about the writing: its words, marked in the part and scrolled to.
  useEffect(() => {
    if (!focus?.at) return;
    document.querySelector(`[data-part="${focus.at.part}"] mark.finding-quote`)?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, [focus]);

  useEffect(() => {
    if (!focus || focus.cells.length === 0) return; // a missing part has no cells to show
    document.querySelector(`[data-cell="${CSS.escape(keyOf(focus.cells[0].table, focus.cells[0].row, focus.cells[0].col))}"]`)?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, [focus]);

  if (report === undefined) return <p className="muted pad">正在读取…</p>;
  if (report === null)
    return (
      <p className="pad">
        档案中没有这份报告。<a href="#/">返回报告列表</a>
      </p>
    );

  /** One cell corrected in place; saves go in the order typed, each answer the report as it then is. */
  const saveCell = (table: TableId, row: string, col: string, text: string) => {
    const saved = saving.current.then(() => api.correctCell({ id, table, row, col, text })).then(setReport);
    saving.current = saved.catch(() => {});
    return saved;
  };
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
        <BackLink />
        <h1>
          {report.agency ?? '（未识别单位）'} <span className="year">{report.year ? `${report.year}年度` : '年度未识别'}</span>
        </h1>
        <span className={`status status-${report.status}`}>{statusLabel(report.status)}</span>
        {report.agencyGroup && (
          <a className="nowrap" href={`#/agency?name=${encodeURIComponent(report.agencyGroup)}`} title="这个单位各年度的报告和主要数字">
            历年情况
          </a>
        )}
        <span className="spacer" />
        <button
          onClick={async () => {
            const prev = await api.previousReport({ id });
            if (prev) location.hash = `#/compare?ids=${prev.id},${id}`;
            else setNoPrevious(true);
          }}
        >
          与上一年比较
        </button>
        <button onClick={() => setEditingMeta(true)}>更正单位/年度</button>
        <button onClick={() => setNotice(true)}>审核意见…</button>
        <button onClick={() => setPrinting(true)}>打印核对表…</button>
        <button onClick={open}>打开原文件</button>
        <button className="danger" onClick={() => setConfirming(true)}>
          从档案中删除
        </button>
      </div>
      {message && <div className="banner">{message}</div>}
      {noPrevious && (
        <div className="banner" role="status">
          档案中没有{report.agency ?? '该单位'}{report.year ? `${report.year - 1}年度` : '上一年度'}的报告。如果上一年的报告单位名称写法不同，可以在<a href="#/agencies">“单位”页</a>把两个名称合并。
        </div>
      )}
      <dl className="meta">
        <dt>报告格式</dt>
        <dd>{templateLabel(report.template)}</dd>
        <dt>落款日期</dt>
        <dd>{formatSignDate(report.date)}</dd>
        <dt>源文件</dt>
        <dd title={report.sourcePath}>{report.fileName}</dd>
        <dt>文件</dt>
        <dd>
          {formatLabel(report.format, report.encoding)}，{formatSize(report.size)}
        </dd>
        <dt>导入时间</dt>
        <dd>{formatDateTime(report.importedAt)}</dd>
        {report.evidence.map((e) => (
          <Evidence key={e.field} e={e} />
        ))}
      </dl>

      <ReportFiles report={report} onChanged={(r) => (r ? setReport(r) : onRemoved())} />

      {report.rectification && (
        <RectificationLine r={report.rectification} id={report.id} year={report.year} later={report.files?.versions.find((v) => v.version > report.version)?.version ?? null} />
      )}
      <Findings
        open={new Set(report.rectification?.findings.filter((f) => f.state === '未整改').map((f) => f.key))}
        findings={report.findings}
        notes={report.notes}
        focus={focus}
        onFocus={setFocus}
        onConfirm={(cells) => api.confirmCells({ id, cells }).then(setReport, (e: Error) => setMessage(e.message))}
        links={report.year && report.agency ? { A1: { href: `#/area?${new URLSearchParams({ year: String(report.year), region: report.agency, own: 'exclude' })}`, text: '查看区域汇总表' } } : {}}
      />
      {focus?.at?.part === 0 && <OutsideQuote text={report.text} quote={focus.at.quote} />}

      {report.template === 'pre2019' && report.cells.length > 0 ? (
        <section className="stated">
          <h2>正文中陈述的数字</h2>
          <p className="muted">2019年以前的报告没有全国统一的统计表，以下数字取自报告正文。</p>
          <table className="grid">
            <tbody>
              {report.cells.map((c) => (
                <tr key={`${c.table}|${c.row}|${c.col}`}>
                  <td>{describeTarget(report.template, cellTarget(c.table, c.row, c.col))}</td>
                  <td>{c.value.num}</td>
                  <td className="muted">{c.source}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : report.cells.length > 0 ? (
        <>
          <p className="muted hint">表中的数值像电子表格一样更正：选中格子直接输入（双击或 F2 修改原值），回车保存并移到下一行，Tab 保存并右移，Esc 取消；表下一行说明所选格子的原文和来源，右键或“详情…”可恢复解析值。原解析值仍保留，检查会重新运行。</p>
          {report.cells.some((c) => c.how === 'inferred') && (
            <p className="hint inferred-legend">
              <span className="inferred-sample">12</span> 带虚线的数字是推断的：原文表格的分隔丢失，数字连在一起，按勾稽关系只有一种拆分。请对照原文核对。
            </p>
          )}
          <div className={original ? 'with-original' : undefined}>
            <ReportTables
              template={report.template}
              cells={report.cells}
              marked={marked}
              focused={focused}
              correct={{ save: saveCell, details: (table, row, col, cell) => setEditing({ table, row, col, cell }), original: showOriginal }}
            />
            {original && (
              <OriginalPanel
                target={original}
                onClose={() => {
                  setOriginal(null);
                  document.querySelector<HTMLElement>(`[data-cell="${CSS.escape(original.key)}"]`)?.focus();
                }}
              />
            )}
          </div>
        </>
      ) : (
        <p className="muted">{report.template === 'pre2019' ? '2019年以前的报告没有全国统一的统计表。' : '未识别出统计表。'}</p>
      )}

      <section className="parts">
        <h2>报告正文</h2>
        {report.parts.length === 0 && <p className="muted">未识别出报告的各个部分{report.format === 'pdf' && report.status === 'incomplete' ? '（扫描件没有文字，可“打开原文件”查看）' : ''}。</p>}
        {report.parts.map((p) => (
          <section key={p.no} className="part" data-part={p.no}>
            <h3 title={`标准标题：${PART_TITLES[p.no]}`}>
              <Highlighted text={p.heading} ranges={findRanges(p.heading, terms)} />
            </h3>
            {p.text.split('\n').map((line, i) => {
              const quote = focus?.at && focus.at.part === p.no && line.includes(focus.at.quote) ? focus.at.quote : null;
              if (quote) {
                const at = line.indexOf(quote);
                return (
                  <p key={i}>
                    <Highlighted text={line.slice(0, at)} ranges={findRanges(line.slice(0, at), terms)} />
                    <mark className="finding-quote">{quote}</mark>
                    <Highlighted text={line.slice(at + quote.length)} ranges={findRanges(line.slice(at + quote.length), terms)} />
                  </p>
                );
              }
              return (
                <p key={i}>
                  <Highlighted text={line} ranges={findRanges(line, terms)} />
                </p>
              );
            })}
          </section>
        ))}
      </section>

      {report.corrections.length > 0 && (
        <section className="corrections">
          <h2>人工更正记录</h2>
          <ul>
            {report.corrections.map((c) => (
              <li key={c.target}>
                {describeTarget(report.template, c.target)}：{shownValue(c.original)} → {shownValue(c.value)}（{c.by}，{formatDateTime(c.at)}）
              </li>
            ))}
          </ul>
        </section>
      )}

      {editing && (
        <CorrectionDialog
          template={report.template}
          target={editing}
          onClose={() => {
            setEditing(null);
            // Back to the cell the dialog was opened on, so the keyboard goes on in the table.
            document.querySelector<HTMLElement>(`[data-cell="${CSS.escape(keyOf(editing.table, editing.row, editing.col))}"]`)?.focus();
          }}
          onSave={async (text) => setReport(await api.correctCell({ id, table: editing.table, row: editing.row, col: editing.col, text }))}
          onRevert={async () => setReport(await api.revertCorrection({ id, target: cellTarget(editing.table, editing.row, editing.col) }))}
        />
      )}
      {printing && <ReportPrintDialog report={report} onClose={() => setPrinting(false)} onDone={setMessage} />}
      {notice && <NoticeDialog id={id} held={report.findings.filter((f) => f.fault === 'reading').length} onClose={() => setNotice(false)} onDone={setMessage} />}
      {editingMeta && (
        <MetaDialog
          agency={report.agency}
          year={report.year}
          onClose={() => setEditingMeta(false)}
          onSave={async (agency, year) => setReport(await api.correctMeta({ id, agency, ...(year ? { year } : {}) }))}
        />
      )}

      {confirming && (
        <Modal label="确认删除" small onClose={() => setConfirming(false)}>
            <h2>从档案中删除这份报告？</h2>
            <p>
              将删除“{report.agency ?? report.fileName}”{report.year ? `${report.year}年度` : ''}报告及其保存的原文件副本。源文件夹中的文件不受影响。
            </p>
            {report.otherFiles > 0 && (
              <p className="warn-text">
                只删除这一份文件（{report.fileName}）；这份报告另有 {report.otherFiles} 份文件仍保留在档案中，报告改以其中一份为准。
              </p>
            )}
            <div className="modal-actions">
              <button onClick={() => setConfirming(false)}>取消</button>
              <button className="danger" onClick={remove} autoFocus>
                删除
              </button>
            </div>
        </Modal>
      )}
    </article>
  );
}

/** The 审核意见 this file answers (or was written on): when, the deadline, and what became of what it listed. */
function RectificationLine({ r, id, year, later }: { r: NonNullable<ReportDetail['rectification']>; id: number; year: number | null; later: number | null }) {
  const n = (s: string) => r.findings.filter((f) => f.state === s).length;
  const day = (d: string) => `${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;
  return (
    <p className="rectification" role="status">
      {day(r.sent)}已发审核意见{r.noticedId === id ? '' : `（针对第${r.noticedVersion}稿）`}
      {r.deadline ? `，整改期限${day(r.deadline)}` : ''}：
      {r.noticedId === id ? (
        <span className="warn-text">
          所列 {r.findings.length} 处问题{later ? `，单位已报送第${later}稿（整改情况见该稿）` : '待修改稿'}
        </span>
      ) : (
        <>
          <span className="ok-text">已整改 {n('已整改')} 处</span>，<span className="warn-text">未整改 {n('未整改')} 处</span>
          {n('不再适用') > 0 && `，不再适用 ${n('不再适用')} 处`}
        </>
      )}
      {year && (
        <>
          {' '}
          <a href={`#/tracking?year=${year}`}>整改跟踪</a>
        </>
      )}
    </p>
  );
}

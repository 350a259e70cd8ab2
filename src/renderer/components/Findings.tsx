// The findings panel: errors first, many findings of one rule in one table folded into one line
// (expand it to see each; clicking a line highlights its cells in the tables), and the panel
// itself can be folded away so the tables stay in view.
import { useMemo, useState } from 'react';
import { groupFindings } from '../../shared/report/checks/groups.ts';
import type { Finding, ParseNote } from '../../shared/report/model.ts';
import { findingLabel, isReviewRule } from '../../shared/report/status.ts';
import { findingKey } from '../../shared/report/revision.ts';

export interface FocusCells {
  key: string;
  cells: Finding['cells'];
  /** A finding about the writing: the words to show in the report's text. */
  at?: Finding['at'];
}

/** `links`: a page that shows more about a rule's findings (A1: the 区域汇总表 of the report's area). */
/** `onConfirm`: the clerk checked a 识别存疑 finding's cells against the original and they stand as read. */
/** `open`: findingKeys a 审核意见 listed that are still there (整改跟踪), marked 未整改. */
export function Findings({
  findings,
  notes,
  focus,
  onFocus,
  onConfirm,
  links = {},
  open: unfixed,
}: {
  findings: Finding[];
  notes: ParseNote[];
  focus: FocusCells | null;
  onFocus: (f: FocusCells | null) => void;
  onConfirm?: (cells: Finding['cells']) => void;
  links?: Record<string, { href: string; text: string }>;
  open?: Set<string>;
}) {
  const isOpen = (f: Finding) => !!unfixed?.has(findingKey(f));
  const groups = useMemo(() => groupFindings(findings), [findings]);
  const [open, setOpen] = useState<Set<string>>(new Set());
  const [folded, setFolded] = useState(false);
  const errors = findings.filter((f) => f.severity === 'error').length;
  const advice = findings.filter((f) => isReviewRule(f.rule)).length;
  const doubts = findings.filter((f) => f.fault === 'reading').length;
  const warnings = findings.length - errors - advice - doubts;
  const pick = (key: string, cells: Finding['cells'], at?: Finding['at']) => onFocus(focus?.key === key ? null : { key, cells, ...(at ? { at } : {}) });
  const shownNotes = notes.filter((n) => n.code !== 'meta-disagree');

  return (
    <section className="findings">
      <h2>
        检查结果
        {findings.length > 0 && (
          <span className="tally">
            {errors > 0 && <span className="error-text">错误 {errors} 条</span>}
            {doubts > 0 && (
              <span className="doubt-text" title="数值由程序从PDF等读取，按另一种读法规则即成立：可能是读取有误，请核对原文">
                识别存疑 {doubts} 条
              </span>
            )}
            {warnings > 0 && <span className="warn-text">提醒 {warnings} 条</span>}
            {advice > 0 && (
              <span className="muted" title="年报体检：审核人员通常会指出的写法问题，不影响报告状态">
                体检 {advice} 条
              </span>
            )}
          </span>
        )}
        {(findings.length > 0 || shownNotes.length > 0) && (
          <button className="link" aria-expanded={!folded} onClick={() => setFolded(!folded)}>
            {folded ? '展开' : '收起'}
          </button>
        )}
      </h2>
      {findings.length === 0 && shownNotes.length === 0 && <p className="ok-text">未发现问题。</p>}
      {!folded && (
        <ul className="finding-list">
          {groups.map((g) => {
            const many = g.findings.length > 1;
            const expanded = open.has(g.key);
            return (
              <li key={g.key} className={`finding ${g.fault === 'reading' ? 'doubt' : g.severity} ${focus?.key === g.key ? 'active' : ''}`}>
                <button
                  className="finding-line"
                  aria-expanded={many ? expanded : undefined}
                  onClick={() => {
                    pick(g.key, g.findings.flatMap((f) => f.cells), g.findings[0].at);
                    if (many) setOpen((s) => (s.has(g.key) ? new Set([...s].filter((k) => k !== g.key)) : new Set([...s, g.key])));
                  }}
                >
                  <span className="sev">{findingLabel(g)}</span>
                  {g.findings.some(isOpen) && (
                    <span className="tag warn unfixed" title="审核意见已列出，仍未整改">
                      未整改{many ? ` ${g.findings.filter(isOpen).length}` : ''}
                    </span>
                  )}
                  {many && <span className="fold">{expanded ? '▾' : '▸'}</span>}
                  <span>{g.title}</span>
                </button>
                {g.findings[0].why && (!many || expanded || g.fault === 'reading') && <p className={`finding-why ${g.fault ?? ''}`}>{g.findings[0].why}</p>}
                {g.fault === 'reading' && onConfirm && (
                  <button className="finding-confirm" onClick={() => onConfirm(g.findings.flatMap((f) => f.cells))} title="对照原文后，确认这些格子的数值与原文一致：规则不成立即为报告本身的问题">
                    已核对原文，数值无误
                  </button>
                )}
                {links[g.rule] && (
                  <a className="finding-link" href={links[g.rule].href}>
                    {links[g.rule].text}
                  </a>
                )}
                {many && expanded && (
                  <ul>
                    {g.findings.map((f, i) => (
                      <li key={i} className={focus?.key === `${g.key}#${i}` ? 'active' : ''}>
                        <button className="finding-line" onClick={() => pick(`${g.key}#${i}`, f.cells, f.at)}>
                          {isOpen(f) && <span className="tag warn unfixed">未整改</span>}
                          {f.message}
                        </button>
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            );
          })}
          {shownNotes.map((n, i) => (
            <li key={`n${i}`} className="finding note">
              <span className="finding-line">
                <span className="sev">说明</span>
                <span>{n.message}</span>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

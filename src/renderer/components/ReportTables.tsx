// The three statistical tables in the national form's layout, built from the templates.
// Blank cells look different from 0; cells named by a finding are highlighted. A report's own
// tables are corrected in place, as in a spreadsheet (see `correct`).
import { useRef, useState } from 'react';
import type { Cell, TableId, TemplateId } from '../../shared/report/model.ts';
import { notAValue } from '../../shared/report/corrections.ts';
import { TABLE_TITLES, TEMPLATES, T3_COLUMNS, T3_ROWS, T4_COLUMNS, T4_ROWS } from '../../shared/report/templates/index.ts';
import { CellInfo, CellInput, cellText, neighbour, type Move } from './cell-editing.tsx';

type CellKey = string;
export const keyOf = (t: TableId, row: string, col: string): CellKey => `${t}|${row}|${col}`;

interface Props {
  template: TemplateId;
  cells: Cell[];
  marked: Map<CellKey, 'error' | 'warning'>;
  focused: Set<CellKey>;
  /** Clicking a value cell shows where it comes from (an area's sums). */
  onEdit?: (table: TableId, row: string, col: string, cell: Cell | undefined) => void;
  /** What a click does, for the cell's tooltip. */
  hint?: string;
  /** A report's own table: 原文 and 来源 in the tooltip; an area's sums say only their source. */
  sums?: boolean;
  /**
   * A report's own tables, corrected in place: typing on a cell replaces its value, F2, Enter or
   * a double click edit it with the value selected; Enter saves and goes down, Tab right, Esc
   * cancels. `details` opens the correction dialog (source, notes, 恢复解析值): the right button,
   * or 详情… on the line under the table that describes the focused cell.
   */
  correct?: {
    save: (table: TableId, row: string, col: string, text: string) => Promise<void>;
    details: (table: TableId, row: string, col: string, cell: Cell | undefined) => void;
    /** 原文对照: show where the cell's value stands in the original. */
    original?: (table: TableId, row: string, col: string) => void;
  };
}

/** One cell's editing, as the table hands it to the cell. */
interface CellEdit {
  editing: { initial: string; select: boolean } | null;
  pending: string | undefined;
  invalid: boolean;
  start: (initial: string, select: boolean) => void;
  commit: (text: string, move: Move | null, td: HTMLElement) => void;
  cancel: (td: HTMLElement) => void;
  focus: () => void;
  details: () => void;
  original?: () => void;
}

const STARTS_EDIT = /^[0-9.\/／\-—+]$/;

function shown(v: Cell['value']): string {
  return v.kind === 'number' ? String(v.num) : v.kind === 'blank' ? '空白' : v.raw;
}

function Value({ cell, k, marked, focused, span, onEdit, hint = '点击查看来源', sums = false, edit }: { cell: Cell | undefined; k: CellKey; marked: Props['marked']; focused: Props['focused']; span: number; onEdit?: () => void; hint?: string; sums?: boolean; edit?: CellEdit }) {
  const cls = ['v', marked.get(k) ?? '', focused.has(k) ? 'focus' : '', cell?.original ? 'corrected' : '', cell?.how === 'inferred' ? 'inferred' : '', onEdit || edit ? 'editable' : '', edit?.pending !== undefined ? 'saving' : ''];
  const keys = edit
    ? {
        tabIndex: -1,
        onFocus: (e: React.FocusEvent) => e.target === e.currentTarget && edit.focus(),
        onDoubleClick: () => edit.start(cellText(cell?.value), true),
        onContextMenu: (e: React.MouseEvent) => (e.preventDefault(), edit.details()),
        onKeyDown: (e: React.KeyboardEvent) => {
          if (e.target !== e.currentTarget || e.ctrlKey || e.altKey || e.metaKey) return; // the editor's own keys, shortcuts
          if (e.key === ' ' && edit.original) edit.original();
          else if (e.key === 'Enter' || e.key === 'F2') edit.start(cellText(cell?.value), true);
          else if (e.key === 'Backspace' || e.key === 'Delete') edit.start('', false);
          else if (STARTS_EDIT.test(e.key)) edit.start(e.key, false);
          else return;
          e.preventDefault();
        },
      }
    : onEdit
      ? { tabIndex: -1, onClick: onEdit, onKeyDown: (e: React.KeyboardEvent) => (e.key === 'Enter' || e.key === 'F2') && (e.preventDefault(), onEdit()) }
      : {};
  if (edit?.editing)
    return (
      <td colSpan={span} className={[...cls, 'editing'].join(' ')} data-cell={k} {...keys}>
        <CellInput initial={edit.editing.initial} select={edit.editing.select} invalid={edit.invalid} onCommit={edit.commit} onCancel={edit.cancel} />
      </td>
    );
  const tip = edit ? `直接输入即可更正（双击或F2修改原值）；右键查看详情${edit.original ? '；空格键查看原文' : ''}` : onEdit ? hint : '';
  if (edit?.pending !== undefined)
    return (
      <td colSpan={span} className={cls.join(' ')} data-cell={k} title="正在保存…" {...keys}>
        {edit.pending.trim() || '空'}
      </td>
    );
  if (!cell) return <td colSpan={span} className={[...cls, 'missing'].join(' ')} data-cell={k} title={sums ? '没有单位填报这一格' : `报告中没有这一格${edit ? '（输入数字可补录）' : ''}`} {...keys} />;
  const v = cell.value;
  const title = sums
    ? `${cell.source}${tip ? `\n${tip}` : ''}`
    : // 原文 is what the document says: for a corrected cell, the parsed value's text, not the typed one.
      `原文：“${(cell.original ?? v).raw || '（空白）'}”\n来源：${cell.original ? '报告原文' : cell.source}${v.unit ? `\n单位：${v.unit}` : ''}` +
    (cell.how === 'inferred' ? '\n推断：原文表格的分隔丢失，按勾稽关系拆分得出' : '') +
    (cell.original ? `\n已人工更正，解析值为：${shown(cell.original)}` : '') +
    (tip ? `\n${tip}` : '');
  if (v.kind === 'blank')
    return (
      <td colSpan={span} className={[...cls, 'blank'].join(' ')} data-cell={k} title={title} {...keys}>
        空
      </td>
    );
  return (
    <td colSpan={span} className={[...cls, v.kind].join(' ')} data-cell={k} title={title} {...keys}>
      {v.kind === 'number' ? String(v.num) : v.raw}
    </td>
  );
}

/**
 * Arrow keys move between the value cells of a table as in a spreadsheet (up and down by the
 * cell under the same point, since header cells span). Each table is one Tab stop: Tab enters
 * at its first cell.
 */
function moveFocus(e: React.KeyboardEvent<HTMLTableElement>) {
  const from = e.target as HTMLElement;
  const dir = ({ ArrowLeft: 'left', ArrowRight: 'right', ArrowUp: 'up', ArrowDown: 'down' } as const)[e.key as 'ArrowLeft'];
  if (!dir || from.tagName !== 'TD' || !from.dataset.cell) return; // an editor's arrows are its own
  e.preventDefault();
  neighbour(from, dir)?.focus();
}

/** The table takes Tab once and hands the focus to its first value cell. */
const tableKeys = {
  tabIndex: 0,
  onKeyDown: moveFocus,
  onFocus: (e: React.FocusEvent<HTMLTableElement>) => {
    if (e.target === e.currentTarget) e.currentTarget.querySelector<HTMLElement>('td[data-cell][tabindex]')?.focus();
  },
};

export function ReportTables(props: Props) {
  const { template, cells, correct } = props;
  const map = new Map(cells.map((c) => [keyOf(c.table, c.row, c.col), c]));
  const has = (t: TableId) => cells.some((c) => c.table === t);
  const keyed = !!(props.onEdit || correct);

  const [editing, setEditing] = useState<{ k: CellKey; initial: string; select: boolean } | null>(null);
  // The cell being edited, read by commit: leaving the editor (blur) after Enter must not save twice.
  const editingKey = useRef<CellKey | null>(null);
  const [active, setActive] = useState<CellKey | null>(null);
  const [pending, setPending] = useState<Record<CellKey, string>>({});
  const [error, setError] = useState<{ k: CellKey; message: string; open: boolean } | null>(null);

  const editOf = (k: CellKey, t: TableId, row: string, col: string): CellEdit | undefined =>
    correct && {
      editing: editing?.k === k ? editing : null,
      pending: pending[k],
      invalid: error?.k === k && error.open,
      focus: () => setActive(k),
      details: () => correct.details(t, row, col, map.get(k)),
      ...(correct.original ? { original: () => correct.original!(t, row, col) } : {}),
      start: (initial, select) => {
        editingKey.current = k;
        setError(null);
        setEditing({ k, initial, select });
      },
      cancel: (td) => {
        editingKey.current = null;
        setEditing(null);
        setError(null);
        td.focus();
      },
      commit: (text, move, td) => {
        if (editingKey.current !== k) return;
        const wrong = notAValue(text);
        if (wrong) {
          // Typed keys keep the editor open on what was typed; leaving it by mouse drops the edit.
          setError({ k, message: move ? wrong : `${wrong}（未保存）`, open: !!move });
          if (move) return;
        }
        editingKey.current = null;
        setEditing(null);
        if (!wrong && text.trim() !== cellText(map.get(k)?.value)) {
          setPending((p) => ({ ...p, [k]: text }));
          correct
            .save(t, row, col, text)
            .then(
              () => setError((e) => (e?.k === k && !e.open ? null : e)), // an editor open again on the cell keeps its own
              (e: Error) => setError({ k, message: e.message, open: false }),
            )
            .finally(() => setPending(({ [k]: _, ...rest }) => rest));
        }
        if (move) (neighbour(td, move) ?? td).focus();
      },
    };

  const val = (t: TableId, row: string, col: string, span = 1) => {
    const k = keyOf(t, row, col);
    const edit = props.onEdit;
    return (
      <Value
        key={k}
        k={k}
        cell={map.get(k)}
        marked={props.marked}
        focused={props.focused}
        span={span}
        hint={props.hint}
        sums={props.sums}
        onEdit={edit ? () => edit(t, row, col, map.get(k)) : undefined}
        edit={editOf(k, t, row, col)}
      />
    );
  };
  /** Under each table, the line about its focused cell (and a refused value). */
  const info = (t: TableId) => {
    if (!correct) return null;
    const [, row, col] = active?.split('|') ?? [];
    const refused = error?.k.startsWith(`${t}|`);
    if (!refused && !active?.startsWith(`${t}|`)) return null;
    // Kept in sight at the window's bottom while the table is (sticky), the refusal with it.
    return (
      <div className="cell-info">
        {refused && (
          <p role="alert" className="error-text">
            {error!.message}
          </p>
        )}
        {active?.startsWith(`${t}|`) && <CellInfo template={template} k={active} cell={map.get(active)} onDetails={() => correct.details(t, row, col, map.get(active))} {...(correct.original ? { onOriginal: () => correct.original!(t, row, col) } : {})} />}
      </div>
    );
  };
  const def = template === 'T2021' ? TEMPLATES.T2021 : TEMPLATES.T2019;
  const t3Rows = T3_ROWS.filter((r) => cells.some((c) => c.table === 't3' && c.row === r.id));
  const result = t3Rows.filter((r) => !['new', 'carry', 'next'].includes(r.id));

  return (
    <div className="report-tables">
      {has('t2') && (
        <figure>
          <figcaption>{TABLE_TITLES.t2}</figcaption>
          <table className="form t2" {...(keyed ? tableKeys : {})} aria-label={TABLE_TITLES.t2}>
            <tbody>
              {def.t2.map((b) => {
                const span = (i: number) => (i === b.columns.length - 1 ? 4 - b.columns.length : 1);
                return [
                  <tr key={`${b.id}-h`} className="block">
                    <th colSpan={4}>{b.label}</th>
                  </tr>,
                  <tr key={`${b.id}-c`}>
                    <th>信息内容</th>
                    {b.columns.map((c, i) => (
                      <th key={c.id} colSpan={span(i)}>
                        {c.label}
                        {c.money && !c.label.includes('万元') ? '（万元）' : ''}
                      </th>
                    ))}
                  </tr>,
                  ...b.rows.map((r) => (
                    <tr key={`${b.id}-${r.id}`}>
                      <th className="label">{r.label}</th>
                      {b.columns.map((c, i) => val('t2', r.id, c.id, span(i)))}
                    </tr>
                  )),
                ];
              })}
            </tbody>
          </table>
          {info('t2')}
        </figure>
      )}
      {has('t3') && (
        <figure>
          <figcaption>{TABLE_TITLES.t3}</figcaption>
          <table className="form t3" {...(keyed ? tableKeys : {})} aria-label={TABLE_TITLES.t3}>
            <thead>
              <tr>
                <th colSpan={3} rowSpan={3} className="note">
                  （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）
                </th>
                <th colSpan={7}>申请人情况</th>
              </tr>
              <tr>
                <th rowSpan={2}>自然人</th>
                <th colSpan={5}>法人或其他组织</th>
                <th rowSpan={2}>总计</th>
              </tr>
              <tr>
                {T3_COLUMNS.slice(1, 6).map((c) => (
                  <th key={c.id}>{c.label}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {t3Rows.map((r) => {
                const cols = T3_COLUMNS.map((c) => val('t3', r.id, c.id));
                if (!result.includes(r))
                  return (
                    <tr key={r.id}>
                      <th colSpan={3} className="label">
                        {r.label}
                      </th>
                      {cols}
                    </tr>
                  );
                const first = r === result[0] ? (
                  <th rowSpan={result.length} className="vertical">
                    三、本年度办理结果
                  </th>
                ) : null;
                if (!r.group)
                  return (
                    <tr key={r.id}>
                      {first}
                      <th colSpan={2} className="label">
                        {r.label}
                      </th>
                      {cols}
                    </tr>
                  );
                const group = result.filter((x) => x.group === r.group);
                return (
                  <tr key={r.id}>
                    {first}
                    {r === group[0] && (
                      <th rowSpan={group.length} className="group">
                        {r.group}
                      </th>
                    )}
                    <th className="label">{r.label}</th>
                    {cols}
                  </tr>
                );
              })}
            </tbody>
          </table>
          {info('t3')}
        </figure>
      )}
      {has('t4') && (
        <figure>
          <figcaption>{TABLE_TITLES.t4}</figcaption>
          <table className="form t4" {...(keyed ? tableKeys : {})} aria-label={TABLE_TITLES.t4}>
            <thead>
              <tr>
                <th colSpan={5}>行政复议</th>
                <th colSpan={10}>行政诉讼</th>
              </tr>
              <tr>
                {T4_COLUMNS.map((c) => (
                  <th key={c.id} rowSpan={2}>
                    {c.label}
                  </th>
                ))}
                <th colSpan={5}>未经复议直接起诉</th>
                <th colSpan={5}>复议后起诉</th>
              </tr>
              <tr>
                {[...T4_COLUMNS, ...T4_COLUMNS].map((c, i) => (
                  <th key={i}>{c.label}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              <tr>{T4_ROWS.flatMap((r) => T4_COLUMNS.map((c) => val('t4', r.id, c.id)))}</tr>
            </tbody>
          </table>
          {info('t4')}
        </figure>
      )}
    </div>
  );
}

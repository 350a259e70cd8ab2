// The three statistical tables in the national form's layout, built from the templates.
// Blank cells look different from 0; cells named by a finding are highlighted.
import type { Cell, TableId, TemplateId } from '../../shared/report/model.ts';
import { TABLE_TITLES, TEMPLATES, T3_COLUMNS, T3_ROWS, T4_COLUMNS, T4_ROWS } from '../../shared/report/templates/index.ts';

type CellKey = string;
export const keyOf = (t: TableId, row: string, col: string): CellKey => `${t}|${row}|${col}`;

interface Props {
  template: TemplateId;
  cells: Cell[];
  marked: Map<CellKey, 'error' | 'warning'>;
  focused: Set<CellKey>;
  /** Clicking a value cell asks to correct it (or, with `hint`, to see where it comes from). */
  onEdit?: (table: TableId, row: string, col: string, cell: Cell | undefined) => void;
  /** What a click does, for the cell's tooltip (default 点击可更正). */
  hint?: string;
  /** A report's own table: 原文 and 来源 in the tooltip; an area's sums say only their source. */
  sums?: boolean;
}

function shown(v: Cell['value']): string {
  return v.kind === 'number' ? String(v.num) : v.kind === 'blank' ? '空白' : v.raw;
}

function Value({ cell, k, marked, focused, span, onEdit, hint = '点击可更正', sums = false }: { cell: Cell | undefined; k: CellKey; marked: Props['marked']; focused: Props['focused']; span: number; onEdit?: () => void; hint?: string; sums?: boolean }) {
  const cls = ['v', marked.get(k) ?? '', focused.has(k) ? 'focus' : '', cell?.original ? 'corrected' : '', cell?.how === 'inferred' ? 'inferred' : '', onEdit ? 'editable' : ''];
  const keys = onEdit ? { tabIndex: -1, onKeyDown: (e: React.KeyboardEvent) => (e.key === 'Enter' || e.key === 'F2') && (e.preventDefault(), onEdit()) } : {};
  if (!cell) return <td colSpan={span} className={[...cls, 'missing'].join(' ')} data-cell={k} title={sums ? '没有单位填报这一格' : '报告中没有这一格（点击可补录）'} onClick={onEdit} {...keys} />;
  const v = cell.value;
  const title = sums
    ? `${cell.source}${onEdit ? `\n${hint}` : ''}`
    : // 原文 is what the document says: for a corrected cell, the parsed value's text, not the typed one.
      `原文：“${(cell.original ?? v).raw || '（空白）'}”\n来源：${cell.original ? '报告原文' : cell.source}${v.unit ? `\n单位：${v.unit}` : ''}` +
    (cell.how === 'inferred' ? '\n推断：原文表格的分隔丢失，按勾稽关系拆分得出' : '') +
    (cell.original ? `\n已人工更正，解析值为：${shown(cell.original)}` : '') +
    (onEdit ? `\n${hint}` : '');
  if (v.kind === 'blank')
    return (
      <td colSpan={span} className={[...cls, 'blank'].join(' ')} data-cell={k} title={title} onClick={onEdit} {...keys}>
        空
      </td>
    );
  return (
    <td colSpan={span} className={[...cls, v.kind].join(' ')} data-cell={k} title={title} onClick={onEdit} {...keys}>
      {v.kind === 'number' ? String(v.num) : v.raw}
    </td>
  );
}


/**
 * Arrow keys move between the value cells of a table as in a spreadsheet (up and down by the
 * cell under the same point, since header cells span); Enter or F2 opens the correction. Each
 * table is one Tab stop: Tab enters at its first cell.
 */
function moveFocus(e: React.KeyboardEvent<HTMLTableElement>) {
  const from = (e.target as HTMLElement).closest('td[data-cell]') as HTMLTableCellElement | null;
  if (!from || !['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown'].includes(e.key)) return;
  e.preventDefault();
  const cells = [...e.currentTarget.querySelectorAll<HTMLTableCellElement>('td[data-cell]')];
  const r = from.getBoundingClientRect();
  const cx = r.left + r.width / 2;
  const cy = r.top + r.height / 2;
  let best: HTMLTableCellElement | null = null;
  let bestD = Infinity;
  for (const c of cells) {
    if (c === from) continue;
    const b = c.getBoundingClientRect();
    const x = b.left + b.width / 2;
    const y = b.top + b.height / 2;
    const ok = e.key === 'ArrowLeft' ? x < cx - 1 && Math.abs(y - cy) < 2 : e.key === 'ArrowRight' ? x > cx + 1 && Math.abs(y - cy) < 2 : e.key === 'ArrowUp' ? y < cy - 1 && b.left <= cx && b.right >= cx : y > cy + 1 && b.left <= cx && b.right >= cx;
    const d = Math.abs(x - cx) + Math.abs(y - cy);
    if (ok && d < bestD) [best, bestD] = [c, d];
  }
  best?.focus();
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
  const { template, cells } = props;
  const map = new Map(cells.map((c) => [keyOf(c.table, c.row, c.col), c]));
  const has = (t: TableId) => cells.some((c) => c.table === t);
  const val = (t: TableId, row: string, col: string, span = 1) => {
    const k = keyOf(t, row, col);
    const edit = props.onEdit;
    return (
      <Value key={k} k={k} cell={map.get(k)} marked={props.marked} focused={props.focused} span={span} hint={props.hint} sums={props.sums} onEdit={edit ? () => edit(t, row, col, map.get(k)) : undefined} />
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
          <table className="form t2" {...(props.onEdit ? tableKeys : {})} aria-label={TABLE_TITLES.t2}>
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
        </figure>
      )}
      {has('t3') && (
        <figure>
          <figcaption>{TABLE_TITLES.t3}</figcaption>
          <table className="form t3" {...(props.onEdit ? tableKeys : {})} aria-label={TABLE_TITLES.t3}>
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
        </figure>
      )}
      {has('t4') && (
        <figure>
          <figcaption>{TABLE_TITLES.t4}</figcaption>
          <table className="form t4" {...(props.onEdit ? tableKeys : {})} aria-label={TABLE_TITLES.t4}>
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
        </figure>
      )}
    </div>
  );
}

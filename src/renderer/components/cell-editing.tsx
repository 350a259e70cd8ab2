// Editing a table cell in place, as in a spreadsheet: the editor inside the cell, the cell a
// move lands on (up and down by the cell under the same point, since header cells span), and
// the line under the table that says what the focused cell holds and where it comes from.
import { useLayoutEffect, useRef } from 'react';
import type { Cell, TableId, TemplateId } from '../../shared/report/model.ts';
import { cellTarget } from '../../shared/report/corrections.ts';
import { describeTarget, shownValue } from './correction-text.ts';

export type Move = 'up' | 'down' | 'left' | 'right';

/** A value as the clerk types it: the number, the mark, or nothing for a blank. */
export const cellText = (v: Cell['value'] | undefined) => (!v ? '' : v.kind === 'number' ? String(v.num) : v.kind === 'blank' ? '' : v.raw);

/** The value cell next to `from` in its table, or null at the edge. */
export function neighbour(from: HTMLElement, dir: Move): HTMLElement | null {
  const table = from.closest('table');
  if (!table) return null;
  const r = from.getBoundingClientRect();
  const cx = r.left + r.width / 2;
  const cy = r.top + r.height / 2;
  let best: HTMLElement | null = null;
  let bestD = Infinity;
  for (const c of table.querySelectorAll<HTMLElement>('td[data-cell]')) {
    if (c === from) continue;
    const b = c.getBoundingClientRect();
    const x = b.left + b.width / 2;
    const y = b.top + b.height / 2;
    const ok =
      dir === 'left' ? x < cx - 1 && Math.abs(y - cy) < 2 : dir === 'right' ? x > cx + 1 && Math.abs(y - cy) < 2 : dir === 'up' ? y < cy - 1 && b.left <= cx && b.right >= cx : y > cy + 1 && b.left <= cx && b.right >= cx;
    const d = Math.abs(x - cx) + Math.abs(y - cy);
    if (ok && d < bestD) [best, bestD] = [c, d];
  }
  return best;
}

/**
 * The editor in a cell. Started by typing, it holds what was typed; by F2, Enter or a double
 * click, the value selected so that typing replaces it. Enter saves and goes down (Shift+Enter
 * up), Tab right (Shift+Tab left), ↑↓ save and move; Esc cancels; leaving it by mouse saves.
 */
export function CellInput(props: { initial: string; select: boolean; invalid: boolean; onCommit: (text: string, move: Move | null, td: HTMLElement) => void; onCancel: (td: HTMLElement) => void }) {
  const ref = useRef<HTMLInputElement>(null);
  useLayoutEffect(() => {
    const input = ref.current!;
    input.focus();
    if (props.select) input.select();
    else input.setSelectionRange(input.value.length, input.value.length);
  }, []); // once: the editor is new for each edit
  const td = () => ref.current!.closest('td') as HTMLElement;
  return (
    <input
      ref={ref}
      className="cell-input"
      size={1} // the cell's width, not the input's own
      aria-label="更正数值"
      aria-invalid={props.invalid}
      defaultValue={props.initial}
      onKeyDown={(e) => {
        const move: Move | null =
          e.key === 'Enter' ? (e.shiftKey ? 'up' : 'down') : e.key === 'Tab' ? (e.shiftKey ? 'left' : 'right') : e.key === 'ArrowDown' ? 'down' : e.key === 'ArrowUp' ? 'up' : null;
        e.stopPropagation(); // the cell's and the table's keys are not the editor's
        if (e.nativeEvent.isComposing) return; // Enter ending an IME composition
        if (move) {
          e.preventDefault();
          props.onCommit(e.currentTarget.value, move, td());
        } else if (e.key === 'Escape') {
          e.preventDefault();
          e.nativeEvent.stopImmediatePropagation();
          props.onCancel(td());
        }
      }}
      onBlur={(e) => props.onCommit(e.currentTarget.value, null, td())}
    />
  );
}

/** The focused cell described under its table: where it is, what the document says, whether it was corrected. */
export function CellInfo({ template, k, cell, onDetails, onOriginal }: { template: TemplateId; k: string; cell: Cell | undefined; onDetails: () => void; onOriginal?: () => void }) {
  const [table, row, col] = k.split('|') as [TableId, string, string];
  return (
    <p>
      <span>{describeTarget(template, cellTarget(table, row, col))}</span>
      {!cell ? (
        <span className="muted">报告中没有这一格</span>
      ) : (
        <>
          <span>
            原文“{(cell.original ?? cell.value).raw || '（空白）'}”，来源：{cell.source === '人工更正' ? '人工补录（原表无此格）' : cell.source}
            {cell.value.unit ? `，单位：${cell.value.unit}` : ''}
          </span>
          {cell.how === 'inferred' && <span className="muted">推断：原文表格的分隔丢失，按勾稽关系拆分得出</span>}
          {cell.how === 'geometry' && <span className="muted">按PDF版面位置读取</span>}
          {cell.alt?.map((a, i) => (
            <span key={i} className="doubt-text">
              另一读法：{a.value.raw || '空白'}（{a.why}）
            </span>
          ))}
          {cell.original && <span className="corrected-note">已人工更正，解析值为 {shownValue(cell.original)}</span>}
        </>
      )}
      {cell && onOriginal && (
        <button type="button" className="link" onClick={onOriginal} title="空格键">
          查看原文
        </button>
      )}
      <button type="button" className="link" onClick={onDetails}>
        详情…
      </button>
    </p>
  );
}

// Correcting one cell: the parsed value stays on record; the checks run again on save.
import { useRef, useState } from 'react';
import { AgencyInput } from './AgencyInput.tsx';
import { nameQuestions } from './agency-name-check.ts';
import { NameQuestions } from './BulkMetaDialog.tsx';
import { useEscape } from './Modal.tsx';
import type { Cell, TableId, TemplateId } from '../../shared/report/model.ts';
import { columnLabel, rowLabel, TABLE_TITLES } from '../../shared/report/templates/index.ts';

export interface EditTarget {
  table: TableId;
  row: string;
  col: string;
  cell: Cell | undefined;
}

const text = (v: Cell['value'] | undefined) => (!v ? '' : v.kind === 'number' ? String(v.num) : v.kind === 'blank' ? '' : v.raw);
const shown = (v: Cell['value'] | undefined) => (!v ? '（原表无此格）' : v.kind === 'blank' ? '空白' : text(v));

export function CorrectionDialog(props: {
  template: TemplateId;
  target: EditTarget;
  onSave: (text: string) => Promise<void>;
  onRevert: () => Promise<void>;
  onClose: () => void;
}) {
  const { template, target } = props;
  useEscape(props.onClose);
  const [value, setValue] = useState(text(target.cell?.value));
  const [error, setError] = useState<string | null>(null);
  const run = (f: () => Promise<void>) => async () => {
    try {
      await f();
      props.onClose();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <div className="modal-backdrop">
      <form
        className="modal small"
        role="dialog"
        aria-label="更正数值"
        onSubmit={(e) => {
          e.preventDefault();
          void run(() => props.onSave(value))();
        }}
      >
        <h2>更正数值</h2>
        <p>
          {TABLE_TITLES[target.table]}
          <br />“{rowLabel(template, target.table, target.row)}”行，“{columnLabel(template, target.table, target.col)}”列
        </p>
        <p className="muted">
          {target.cell?.original ? `解析值：${shown(target.cell.original)}，当前更正值：${shown(target.cell.value)}` : `解析值：${shown(target.cell?.value)}`}
          {target.cell ? `（来源：${target.cell.source}）` : ''}
        </p>
        <label className="field">
          新的数值
          <input aria-label="新的数值" autoFocus onFocus={(e) => e.currentTarget.select()} value={value} onChange={(e) => setValue(e.target.value)} placeholder="数字；留空表示空白格；也可填“/”" />
        </label>
        {error && <p className="error-text">{error}</p>}
        <div className="modal-actions">
          {target.cell?.original && (
            <button type="button" onClick={run(props.onRevert)}>
              恢复解析值
            </button>
          )}
          <span className="spacer" />
          <CancelSave onClose={props.onClose} />
        </div>
      </form>
    </div>
  );
}

export function MetaDialog(props: { agency: string | null; year: number | null; onSave: (agency: string, year: number | null) => Promise<void>; onClose: () => void }) {
  useEscape(props.onClose);
  const [agency, setAgency] = useState(props.agency ?? '');
  const [year, setYear] = useState(props.year ? String(props.year) : '');
  const [error, setError] = useState<string | null>(null);
  const [asking, setAsking] = useState<string[] | null>(null);
  const busy = useRef(false);
  const nameBox = useRef<HTMLInputElement>(null);
  const save = async (confirmed: boolean) => {
    if (busy.current) return; // Enter pressed again while saving
    const y = year.trim() ? Number(year) : null;
    if (y !== null && (!Number.isInteger(y) || y < 1990 || y > 2100)) return setError('年度应为四位数字，如 2024');
    const name = agency.trim();
    if (!name) return setError('请填写单位名称');
    busy.current = true;
    try {
      if (!confirmed && name !== props.agency) {
        const questions = await nameQuestions(name);
        if (questions.length) return setAsking(questions);
      }
      await props.onSave(name, y);
      props.onClose();
    } catch (err) {
      setError((err as Error).message);
    } finally {
      busy.current = false;
    }
  };
  return (
    <div className="modal-backdrop">
      <form
        className="modal small"
        role="dialog"
        aria-label="更正单位和年度"
        onSubmit={(e) => {
          e.preventDefault();
          void save(false);
        }}
      >
        <h2>更正单位和年度</h2>
        <label className="field">
          单位名称
          <AgencyInput value={agency} onChange={(v) => (setAgency(v), setAsking(null))} autoFocus inputRef={nameBox} />
        </label>
        <label className="field">
          报告年度
          <input aria-label="报告年度" value={year} inputMode="numeric" onChange={(e) => setYear(e.target.value)} />
        </label>
        {error && <p className="error-text">{error}</p>}
        {asking ? (
          <NameQuestions questions={asking} busy={false} onConfirm={() => void save(true)} onBack={() => (setAsking(null), nameBox.current?.focus())} />
        ) : (
          <div className="modal-actions">
            <CancelSave onClose={props.onClose} />
          </div>
        )}
      </form>
    </div>
  );
}

/** The two buttons every correction dialog ends with. */
function CancelSave({ onClose }: { onClose: () => void }) {
  return (
    <>
      <button type="button" onClick={onClose}>
        取消
      </button>
      <button type="submit" className="primary">
        保存更正
      </button>
    </>
  );
}

// One agency and/or year for the selected reports (or their values confirmed as they are).
// Saved once however often Enter is pressed; a new or odd-looking name is asked about first.
import { useRef, useState } from 'react';
import { AgencyInput } from './AgencyInput.tsx';
import { nameQuestions } from './agency-name-check.ts';
import { Modal } from './Modal.tsx';

export function BulkMetaDialog(props: {
  count: number;
  /** The values to start from: shared by every selected report, or empty. */
  agency: string;
  year: number | null;
  onSave: (change: { agency?: string; year?: number }) => Promise<void>;
  onClose: () => void;
}) {
  const [agency, setAgency] = useState(props.agency);
  const [year, setYear] = useState(props.year ? String(props.year) : '');
  const [error, setError] = useState<string | null>(null);
  const [asking, setAsking] = useState<string[] | null>(null);
  const [saving, setSaving] = useState(false);
  // A ref, not state: a second Enter arrives before React has re-rendered with `saving`.
  const busy = useRef(false);
  const nameBox = useRef<HTMLInputElement>(null);

  const save = async (confirmed: boolean) => {
    if (busy.current) return;
    const y = year.trim() ? Number(year.trim()) : undefined;
    if (y !== undefined && (!Number.isInteger(y) || y < 1990 || y > 2100)) return setError('年度应为四位数字，如 2024');
    const name = agency.trim();
    if (!name && y === undefined) return setError('请填写单位或年度（留空的一项不修改）');
    busy.current = true;
    setSaving(true);
    setError(null);
    try {
      if (name && !confirmed && name !== props.agency) {
        const questions = await nameQuestions(name);
        if (questions.length) return setAsking(questions);
      }
      await props.onSave({ ...(name ? { agency: name } : {}), ...(y !== undefined ? { year: y } : {}) });
      props.onClose();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      busy.current = false;
      setSaving(false);
    }
  };
  const back = () => {
    setAsking(null);
    nameBox.current?.focus();
  };
  return (
    <Modal label="设置单位和年度" small onClose={props.onClose} onSubmit={() => void save(false)}>
      <h2>设置 {props.count} 份报告的单位和年度</h2>
      <p className="muted">留空的一项不修改。原解析值保留，可以撤销。</p>
      <label className="field">
        单位名称
        <AgencyInput value={agency} onChange={(v) => (setAgency(v), setAsking(null))} autoFocus inputRef={nameBox} />
      </label>
      <label className="field">
        报告年度
        <input aria-label="报告年度" value={year} inputMode="numeric" placeholder="如 2024" onChange={(e) => setYear(e.target.value)} />
      </label>
      {error && <p className="error-text">{error}</p>}
      {asking ? (
        <NameQuestions questions={asking} onBack={back} onConfirm={() => void save(true)} busy={saving} />
      ) : (
        <div className="modal-actions">
          <button type="button" onClick={props.onClose}>
            取消
          </button>
          <button type="submit" className="primary" disabled={saving}>
            {saving ? '正在保存…' : `应用到 ${props.count} 份`}
          </button>
        </div>
      )}
    </Modal>
  );
}

/** The questions about a name, answered 确定 or 返回修改; the focus starts on 返回修改, so a stray Enter saves nothing. */
export function NameQuestions(props: { questions: string[]; onBack: () => void; onConfirm: () => void; busy: boolean }) {
  return (
    <div className="ask" role="group" aria-label="确认名称">
      {props.questions.map((q) => (
        <p key={q}>{q}</p>
      ))}
      <div className="modal-actions">
        <button type="button" onClick={props.onBack} autoFocus>
          返回修改
        </button>
        <button type="button" className="primary" onClick={props.onConfirm} disabled={props.busy}>
          确定
        </button>
      </div>
    </div>
  );
}

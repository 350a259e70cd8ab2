// One agency and/or year for the selected reports (or their values confirmed as they are).
import { useState } from 'react';
import { AgencyInput } from './AgencyInput.tsx';
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
  const save = async () => {
    const y = year.trim() ? Number(year.trim()) : undefined;
    if (y !== undefined && (!Number.isInteger(y) || y < 1990 || y > 2100)) return setError('年度应为四位数字，如 2024');
    if (!agency.trim() && y === undefined) return setError('请填写单位或年度（留空的一项不修改）');
    try {
      await props.onSave({ ...(agency.trim() ? { agency: agency.trim() } : {}), ...(y !== undefined ? { year: y } : {}) });
      props.onClose();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <Modal label="设置单位和年度" small onClose={props.onClose} onSubmit={save}>
      <h2>设置 {props.count} 份报告的单位和年度</h2>
      <p className="muted">留空的一项不修改。原解析值保留，可以撤销。</p>
      <label className="field">
        单位名称
        <AgencyInput value={agency} onChange={setAgency} autoFocus />
      </label>
      <label className="field">
        报告年度
        <input aria-label="报告年度" value={year} inputMode="numeric" placeholder="如 2024" onChange={(e) => setYear(e.target.value)} />
      </label>
      {error && <p className="error-text">{error}</p>}
      <div className="modal-actions">
        <button type="button" onClick={props.onClose}>
          取消
        </button>
        <button type="submit" className="primary">
          应用到 {props.count} 份
        </button>
      </div>
    </Modal>
  );
}

// 审核意见 for one report: the clerk sets the deadline for the corrected report, then saves the
// notice as Word (the unit can edit it) or PDF, or opens the print preview.
import { useEffect, useState } from 'react';
import { api } from '../api.ts';
import { Modal } from './Modal.tsx';
import { localDay } from '../../shared/dates.ts';

const inDays = (n: number) => localDay(new Date(Date.now() + n * 86400000));

/** The office's name from 设置 (signed under every notice), '' when none is set, null until read. */
export function useOfficeName(): string | null {
  const [office, setOffice] = useState<string | null>(null);
  useEffect(() => {
    api.getSettings({}).then((s) => setOffice(s.officeName.trim()), () => setOffice(null));
  }, []);
  return office;
}

/** Said before a notice is written without the office's name; the clerk may still go on. */
export function NoOfficeLine({ onGo }: { onGo: () => void }) {
  return (
    <p className="warn-line" role="note">
      尚未设置机构名称，落款将为空 —{' '}
      <a href="#/settings" onClick={onGo}>
        去设置
      </a>
    </p>
  );
}

/** `held`: the report's 识别存疑 findings, which a notice leaves out until the clerk has checked them. */
export function NoticeDialog({ id, held = 0, onClose, onDone }: { id: number; held?: number; onClose: () => void; onDone: (message: string) => void }) {
  const [deadline, setDeadline] = useState(inDays(7));
  const [busy, setBusy] = useState(false);
  const [crops, setCrops] = useState(false);
  const office = useOfficeName();
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(deadline);
  const run = async (f: () => Promise<string>) => {
    setBusy(true);
    try {
      onDone(await f());
      onClose();
    } catch (e) {
      onDone((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const save = (format: 'docx' | 'pdf') => run(async () => {
    const r = await api.saveNotice({ id, format, ...(valid ? { deadline } : {}), ...(crops ? { crops } : {}) });
    if (!r.saved) return '已取消保存';
    const pics = r.pictures === undefined ? '' : r.pictures ? `（附原文截图 ${r.pictures} 处）` : '（所列问题没有涉及能对照原文的格子）';
    return `已保存审核意见：${r.path}${pics}${r.dropped ? `；${r.dropped} 处原文截图不合要求，未附上` : ''}`;
  });
  return (
    <Modal label="审核意见" small onClose={onClose}>
      <h2>生成审核意见</h2>
      <p className="muted">列出这份报告的全部检查结果、所在位置和修改意见，落款为“设置”页填写的机构名称。</p>
      {office === '' && <NoOfficeLine onGo={onClose} />}
      {held > 0 && (
        <p className="warn-line doubt-text" role="note">
          另有 {held} 处识别存疑（数值由程序从PDF等读取，可能是读取有误）不列入审核意见。请先在报告页点“查看原文”核对，数值无误的点“已核对原文，数值无误”。
        </p>
      )}
      <DeadlineField value={deadline} onChange={setDeadline} />
      <label className="field check-field">
        <input type="checkbox" checked={crops} onChange={(e) => setCrops(e.target.checked)} />
        附原文截图
        <span className="muted">（每条问题下附上所涉格子在原文件中的截图，红框标出格子）</span>
      </label>
      <div className="modal-actions">
        <button onClick={onClose}>取消</button>
        <button disabled={busy} onClick={() => run(async () => (await api.printSheet({ sheet: 'notice', id, ...(valid ? { deadline } : {}), ...(crops ? { crops } : {}), action: 'preview' })).message)}>
          打印预览
        </button>
        <button disabled={busy} onClick={() => save('pdf')}>
          保存为PDF
        </button>
        <button className="primary" disabled={busy} onClick={() => save('docx')} autoFocus>
          保存为Word
        </button>
      </div>
    </Modal>
  );
}

/** The 整改期限 a notice gives the unit. */
export function DeadlineField({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  return (
    <label className="field">
      整改期限
      <input type="date" aria-label="整改期限" value={value} onChange={(e) => onChange(e.target.value)} />
    </label>
  );
}

// What the print dialogs (核对表, 自查结果) share: a finding's 附原文截图 box, and the ending
// 取消 / 打印预览 / 打印 / 保存为PDF, which sends the sheet to main with the action chosen.
import { useState } from 'react';
import type { Finding } from '../../shared/report/model.ts';
import { findingLabel } from '../../shared/report/status.ts';

export type PrintAction = 'preview' | 'save' | 'print';

export function CropPick({ finding, checked, onToggle }: { finding: Finding; checked: boolean; onToggle: () => void }) {
  return (
    <li>
      <label>
        <input type="checkbox" checked={checked} onChange={onToggle} />【{findingLabel(finding)}】{finding.message}
      </label>
    </li>
  );
}

export function PrintActions({ print, onClose, onDone }: { print: (action: PrintAction) => Promise<{ message: string }>; onClose: () => void; onDone: (message: string) => void }) {
  const [busy, setBusy] = useState(false);
  const run = async (action: PrintAction) => {
    setBusy(true);
    try {
      onDone((await print(action)).message);
      onClose();
    } catch (e) {
      onDone((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="modal-actions">
      <button onClick={onClose}>取消</button>
      <button disabled={busy} onClick={() => run('preview')}>
        打印预览
      </button>
      <button disabled={busy} onClick={() => run('print')}>
        打印
      </button>
      <button className="primary" disabled={busy} onClick={() => run('save')} autoFocus>
        保存为PDF
      </button>
    </div>
  );
}

// 打印自查结果: the 自查 sheet printed, saved as PDF or previewed. As on the check sheet, each
// finding naming a cell whose original can be shown gets a box to print the draft's original
// beside it (附原文截图), ticked to begin with for 识别存疑; the crops are read again in main from
// the files checked.
import { useState } from 'react';
import type { SelfCheck } from '../../shared/contract/types.ts';
import { api } from '../api.ts';
import { Modal } from './Modal.tsx';
import { hasOriginal } from './OriginalCrops.tsx';
import { CropPick, PrintActions } from './PrintActions.tsx';

export function SelfCheckPrintDialog({ check, onClose, onDone }: { check: SelfCheck; onClose: () => void; onDone: (message: string) => void }) {
  // Each finding offered as file.finding (the sheet's `crops`), by file.
  const offered = check.files.flatMap((f, i) => (f.ok ? f.findings.flatMap((x, j) => (hasOriginal(i, f.cells, x) ? [{ key: `${i}.${j}`, file: i, finding: x }] : [])) : []));
  const [picked, setPicked] = useState(() => new Set(offered.filter((o) => o.finding.fault === 'reading').map((o) => o.key)));
  const toggle = (k: string) => setPicked((p) => (p.has(k) ? new Set([...p].filter((x) => x !== k)) : new Set([...p, k])));
  const files = [...new Set(offered.map((o) => o.file))];
  return (
    <Modal label="打印自查结果" onClose={onClose}>
      <h2>打印自查结果</h2>
      <p className="muted">自查结果列出每个文件的检查结果和统计表（每个文件另起一页）。勾选的检查结果下附上所涉格子在原文件中的截图（PDF、扫描件的页面，Word、网页的表格，文本的那一行），红框标出格子。</p>
      {offered.length === 0 ? (
        <p className="muted">检查结果没有涉及能对照原文的格子。</p>
      ) : (
        <fieldset className="crop-picks">
          <legend>附原文截图</legend>
          {files.map((i) => (
            <div key={i}>
              {files.length > 1 || check.files.length > 1 ? <p className="muted">{check.files[i].name}</p> : null}
              <ul>
                {offered
                  .filter((o) => o.file === i)
                  .map((o) => (
                    <CropPick key={o.key} finding={o.finding} checked={picked.has(o.key)} onToggle={() => toggle(o.key)} />
                  ))}
              </ul>
            </div>
          ))}
        </fieldset>
      )}
      <PrintActions print={(action) => api.printSheet({ sheet: 'selfcheck', token: check.token, crops: offered.filter((o) => picked.has(o.key)).map((o) => o.key), action })} onClose={onClose} onDone={onDone} />
    </Modal>
  );
}

// 打印核对表: the report's check sheet printed, saved as PDF or previewed. For each finding naming
// a cell whose original can be shown (a PDF or scanned page, a Word or web table, a text line),
// a box to print the original beside it; ticked to begin with for 识别存疑, which the clerk
// checks against the original.
import { useState } from 'react';
import type { ReportDetail } from '../../shared/contract/types.ts';
import { api } from '../api.ts';
import { Modal } from './Modal.tsx';
import { hasOriginal } from './OriginalCrops.tsx';
import { CropPick, PrintActions } from './PrintActions.tsx';

export function ReportPrintDialog({ report, onClose, onDone }: { report: ReportDetail; onClose: () => void; onDone: (message: string) => void }) {
  const offered = report.findings.flatMap((f, i) => (hasOriginal(report.id, report.cells, f) ? [i] : []));
  const [picked, setPicked] = useState(() => new Set(offered.filter((i) => report.findings[i].fault === 'reading')));
  const toggle = (i: number) => setPicked((p) => (p.has(i) ? new Set([...p].filter((x) => x !== i)) : new Set([...p, i])));
  return (
    <Modal label="打印核对表" onClose={onClose}>
      <h2>打印核对表</h2>
      <p className="muted">核对表列出检查结果和三张统计表。勾选的检查结果下附上所涉格子在原文件中的截图（PDF、扫描件的页面，Word、网页的表格，文本的那一行），红框标出格子。</p>
      {offered.length === 0 ? (
        <p className="muted">检查结果没有涉及能对照原文的格子。</p>
      ) : (
        <fieldset className="crop-picks">
          <legend>附原文截图</legend>
          <ul>
            {offered.map((i) => (
              <CropPick key={i} finding={report.findings[i]} checked={picked.has(i)} onToggle={() => toggle(i)} />
            ))}
          </ul>
        </fieldset>
      )}
      <PrintActions print={(action) => api.printSheet({ sheet: 'report', id: report.id, crops: offered.filter((i) => picked.has(i)), action })} onClose={onClose} onDone={onDone} />
    </Modal>
  );
}

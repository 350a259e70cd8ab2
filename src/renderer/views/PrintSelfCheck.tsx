// The printed 报送前自查 result (A4 portrait): each file checked, what was read, the summary line,
// the findings and the tables with the cells they name marked; the files that could not be read
// with their reason. The report is not in the archive: the sheet says so. The findings picked in
// the print dialog (`crops`, file.finding; absent: the 识别存疑 ones) carry the crop of the draft's
// original, read again in main from the file checked.
import { findingKey } from '../../shared/report/revision.ts';
import { api } from '../api.ts';
import { OriginalCrops } from '../components/OriginalCrops.tsx';
import { PrintFindings, printDate, useSheetData } from '../components/print.tsx';
import { ReportTables } from '../components/ReportTables.tsx';
import { markedCells, previousLine, summaryLine } from '../components/self-check-text.ts';
import { formatLabel, formatSignDate, templateLabel } from '../format.ts';

export function PrintSelfCheck({ token, crops }: { token: string; crops: string[] | null }) {
  const { data: c, error } = useSheetData(() => api.selfCheckResult({ token }), token);
  if (error) return <p className="error-text">{error}</p>;
  if (!c) return null;
  const at = new Date(c.at);
  return (
    <div className="print-sheet portrait self-check-sheet">
      <h1>政府信息公开工作年度报告报送前自查结果</h1>
      <p className="print-sub">
        检查时间：{at.getFullYear()}年{at.getMonth() + 1}月{at.getDate()}日 · 共 {c.files.length} 个文件 · {printDate()}
      </p>
      <p className="print-note">本结果为报送前自查，按导入档案时的同样规则检查；报告未存入档案。</p>
      {c.files.some((f) => !f.ok) && (
        <section className="print-section">
          <h2>无法检查的文件</h2>
          <ol>
            {c.files.map((f, i) => !f.ok && <li key={i}>{f.name}：无法检查：{f.message}</li>)}
          </ol>
        </section>
      )}
      {c.files.map(
        (f, i) =>
          f.ok && (
            <section key={i} className="print-section self-check-file">
              <h2>
                {f.agency ?? '（未识别单位）'}
                {f.year ? `${f.year}年度` : ''}政府信息公开工作年度报告
              </h2>
              <p className="print-sub">
                文件：{f.name}（{formatLabel(f.format, f.encoding)}） · {templateLabel(f.template)} · 落款日期：{formatSignDate(f.date)} · {previousLine(f)}
              </p>
              <p>
                <strong>检查结果：{summaryLine(f.findings)}</strong>
              </p>
              {f.findings.length > 0 && (
                <PrintFindings
                  findings={f.findings}
                  after={(j) =>
                    (crops ? crops.includes(`${i}.${j}`) : f.findings[j].fault === 'reading') && (
                      <OriginalCrops id={i} token={token} cells={f.cells} finding={f.findings[j]} pickKey={`${i}|${findingKey(f.findings[j])}`} />
                    )
                  }
                />
              )}
              {f.template !== 'pre2019' && f.cells.length > 0 && (
                <>
                  <ReportTables template={f.template} cells={f.cells} marked={markedCells(f.findings)} focused={new Set()} />
                  <p className="print-note">红底为有错误的格子，黄底为有提醒的格子。</p>
                </>
              )}
            </section>
          ),
      )}
    </div>
  );
}

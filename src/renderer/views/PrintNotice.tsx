// The printed 年报审核意见 (A4 portrait): the same notice as the .docx, from buildNotice.
import { Fragment } from 'react';
import { buildNotice, previousNotice } from '../../shared/report/notice.ts';
import { api } from '../api.ts';
import { useSheetData } from '../components/print.tsx';
import { findingKey } from '../../shared/report/revision.ts';
import { hasOriginal, OriginalCrops } from '../components/OriginalCrops.tsx';

/** `crops` (附原文截图): under each finding the crop of its cells' original; main reads them back for the .docx. */
export function PrintNotice({ id, deadline, crops = false }: { id: number; deadline: string | null; crops?: boolean }) {
  const { data, error } = useSheetData(
    () => Promise.all([api.getReport({ id }), api.getSettings({})]).then(([r, s]) => (r ? { r, s } : Promise.reject(new Error(`档案中没有报告 #${id}`)))),
    `${id}|${deadline}`,
  );
  if (error) return <p className="error-text">{error}</p>;
  if (!data) return null;
  const n = buildNotice(data.r, { officeName: data.s.officeName, deadline, disabledRules: data.s.disabledRules, previous: previousNotice(data.r) });
  return (
    <div className="print-sheet portrait notice">
      <h1>{n.title}</h1>
      <p>{n.to}</p>
      <p className="indent">{n.intro}</p>
      {n.items.length > 0 && (
        <table className="print-table notice-items">
          <thead>
            <tr>
              <th>序号</th>
              <th>位置</th>
              <th>问题</th>
              <th>修改意见</th>
            </tr>
          </thead>
          <tbody>
            {n.items.map((i) => {
              const f = crops ? data.r.findings.find((x) => findingKey(x) === i.key) : undefined;
              return (
                <Fragment key={i.no}>
                  <tr>
                    <td className="num">{i.no}</td>
                    <td>{i.where}</td>
                    <td>{i.problem}</td>
                    <td>{i.fix}</td>
                  </tr>
                  {f && hasOriginal(data.r.id, data.r.cells, f) && (
                    <tr className="notice-crop">
                      <td colSpan={4}>
                        <OriginalCrops id={data.r.id} cells={data.r.cells} finding={f} pickKey={i.key} lead={`第${i.no}条的`} />
                      </td>
                    </tr>
                  )}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      )}
      {n.fixed && n.fixed.length > 0 && (
        <>
          <p className="indent">已整改的问题：</p>
          <ol className="notice-fixed">
            {n.fixed.map((m, i) => (
              <li key={i}>{m}</li>
            ))}
          </ol>
        </>
      )}
      {n.closing && <p className="indent">{n.closing}</p>}
      {n.skipped && <p className="print-note">{n.skipped}</p>}
      <p className="sign">
        {n.office}
        <br />
        {n.date}
      </p>
    </div>
  );
}

// 报送前自查: the clerk drops the files a unit sent (or picks them with 选择文件, main's dialog),
// main reads and checks them as an import would, against the archive's year before, and keeps
// nothing. The page shows each file's result; prints them, writes a file's 审核意见 as a draft,
// or imports the same files through the normal import. The check's token stays in the address,
// so coming back from an opened report shows it again.
import { useEffect, useRef, useState } from 'react';
import type { ImportGrant, SelfCheck } from '../../shared/contract/types.ts';
import { localDay } from '../../shared/dates.ts';
import { api } from '../api.ts';
import { Modal } from '../components/Modal.tsx';
import { DeadlineField, NoOfficeLine, useOfficeName } from '../components/NoticeDialog.tsx';
import { SelfCheckPrintDialog } from '../components/SelfCheckPrintDialog.tsx';
import { SelfCheckReport } from '../components/SelfCheckReport.tsx';
import { summaryLine } from '../components/self-check-text.ts';
import { useAction } from '../components/useAction.ts';
import { ImportDialog } from './ImportDialog.tsx';

const FORMATS = 'Word（.docx、.doc、.wps）、PDF（扫描件也可）、扫描的图片（.jpg、.png、.tif）、网页（.html、.mht）、文本（.txt）或填好的填报模板（.docx、.xlsx）';

/**
 * `dropped`: the grant of files dropped on the window while this page is shown (the app routes
 * drops here); `taken` tells the app it is used (a grant is spent once).
 */
export function SelfCheckView({ params, dropped, taken, onImported }: { params: URLSearchParams; dropped: ImportGrant | null; taken: () => void; onImported: () => void }) {
  const [check, setCheck] = useState<SelfCheck | null>(null);
  const [busy, setBusy] = useState<string[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState(0);
  const [notice, setNotice] = useState(false);
  const [printing, setPrinting] = useState(false);
  const [importing, setImporting] = useState<ImportGrant | null>(null);
  const [imported, setImported] = useState(false);
  const [message, run] = useAction();
  const token = params.get('token');
  const shown = useRef<string | null>(null);

  const show = (c: SelfCheck) => {
    shown.current = c.token;
    setCheck(c);
    setImported(false);
    setSelected(Math.max(0, c.files.findIndex((f) => f.ok)));
  };

  const checkGrant = async (g: ImportGrant) => {
    setBusy(g.labels);
    setError(null);
    try {
      const c = await api.selfCheck({ grant: g.grant });
      show(c);
      history.replaceState(null, '', `#/selfcheck?token=${c.token}`);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(null);
    }
  };
  const choose = async () => {
    try {
      const g = await api.chooseImportSources({ kind: 'files', purpose: 'check' });
      if (g) await checkGrant(g);
    } catch (e) {
      setError((e as Error).message);
    }
  };

  useEffect(() => {
    if (!dropped) return;
    taken();
    void checkGrant(dropped);
  }, [dropped]); // eslint-disable-line react-hooks/exhaustive-deps -- once per drop
  // Back at the page's address: the check it names, while main still keeps it.
  useEffect(() => {
    if (token && token !== shown.current) api.selfCheckResult({ token }).then(show, (e: Error) => setError(e.message));
  }, [token]);

  const file = check?.files[selected];
  return (
    <section className="self-check">
      <div className="report-head">
        <h1 className="page-title">报送前自查</h1>
        <span className="spacer" />
        <button className="primary" onClick={choose} disabled={!!busy}>
          选择文件
        </button>
      </div>
      <div className={`self-check-drop ${busy ? 'busy' : ''} ${check ? 'compact' : ''}`}>
        {busy ? (
          <p role="status">正在读取和检查：{busy.join('、')}…</p>
        ) : check ? (
          <p>再把其他文件拖到这里，或点“选择文件”，检查下一批（按导入时的同样规则检查，不存入档案）。</p>
        ) : (
          <>
            <p>把单位报来的年度报告拖到这里，或点“选择文件”（可选多个）。</p>
            <p className="muted">
              可检查{FORMATS}。按导入时的同样规则读取和检查，并与档案中该单位上一年度的报告核对；<strong>不会存入档案</strong>。
            </p>
          </>
        )}
      </div>
      {error && (
        <p className="banner error" role="alert">
          {error}
        </p>
      )}
      {message && <div className="banner">{message}</div>}
      {check && (
        <>
          <div className="report-head self-check-actions">
            <span>
              {new Date(check.at).toLocaleTimeString('zh-CN', { hour: '2-digit', minute: '2-digit' })} 检查了 {check.files.length} 个文件
              {check.files.some((f) => !f.ok) ? `，${check.files.filter((f) => !f.ok).length} 个无法检查` : ''}
            </span>
            <span className="spacer" />
            <button disabled={!check.files.some((f) => f.ok)} onClick={() => setPrinting(true)} title="打印或保存为PDF，可附原文截图">
              打印自查结果…
            </button>
            <button disabled={!file?.ok} onClick={() => setNotice(true)} title="为所选文件生成审核意见（Word草稿）；报告未存入档案，不记入整改跟踪">
              导出审核意见
            </button>
            <button
              disabled={!check.importGrant || imported}
              onClick={() => setImporting(check.importGrant)}
              title="把这些文件按正常导入存入档案（与“导入文件”相同）"
            >
              {imported ? '已导入档案' : '导入档案'}
            </button>
          </div>
          {check.leftOut > 0 && <p className="warn-text">另有 {check.leftOut} 个文件未检查：一次最多自查 {check.files.length} 个文件，更多的文件请直接导入。</p>}
          {check.files.length > 1 && (
            <ul className="self-check-files" aria-label="自查的文件">
              {check.files.map((f, i) => (
                <li key={i}>
                  <button aria-current={i === selected ? 'true' : undefined} className={i === selected ? 'active' : ''} onClick={() => setSelected(i)}>
                    <span className="name">{f.name}</span>
                    <span className={f.ok ? (f.status === 'error' ? 'error-text' : 'muted') : 'error-text'}>
                      {f.ok ? `${f.agency ?? '未识别单位'} ${f.year ? `${f.year}年度` : ''}：${summaryLine(f.findings)}` : '无法检查'}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          )}
          {file && !file.ok && (
            <div className="self-check-failed" role="alert">
              <h2>{file.name}</h2>
              <p className="error-text">无法检查：{file.message}</p>
            </div>
          )}
          {file?.ok && <SelfCheckReport key={`${check.token}|${selected}`} file={file} />}
        </>
      )}
      {printing && check && <SelfCheckPrintDialog check={check} onClose={() => setPrinting(false)} onDone={(m) => run(async () => ({ message: m }))()} />}
      {notice && check && file?.ok && (
        <SelfCheckNotice
          token={check.token}
          file={selected}
          name={file.name}
          onClose={() => setNotice(false)}
          onDone={(r) => run(async () => r)()}
        />
      )}
      {importing && (
        <ImportDialog
          grant={importing}
          onProgress={onImported}
          onClose={() => {
            setImporting(null);
            setImported(true);
            onImported();
          }}
        />
      )}
    </section>
  );
}

/** 导出审核意见: the deadline, then the .docx saved where the clerk chooses; a draft, not recorded for 整改跟踪. */
function SelfCheckNotice({ token, file, name, onClose, onDone }: { token: string; file: number; name: string; onClose: () => void; onDone: (r: { saved: boolean; path?: string } | { message: string }) => void }) {
  const [deadline, setDeadline] = useState(localDay(new Date(Date.now() + 7 * 86400000)));
  const [busy, setBusy] = useState(false);
  const office = useOfficeName();
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(deadline);
  const save = async () => {
    setBusy(true);
    try {
      const r = await api.saveSelfCheckNotice({ token, file, ...(valid ? { deadline } : {}) });
      onDone(r.saved ? { message: `已保存审核意见（草稿）：${r.path}` } : { message: '已取消保存' });
      onClose();
    } catch (e) {
      onDone({ message: (e as Error).message });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal label="导出审核意见" small onClose={onClose}>
      <h2>导出审核意见</h2>
      <p className="muted">为“{name}”生成审核意见（Word，可修改），列出自查发现的问题和修改意见。报告未存入档案，这份审核意见不记入整改跟踪。</p>
      {office === '' && <NoOfficeLine onGo={onClose} />}
      <DeadlineField value={deadline} onChange={setDeadline} />
      <div className="modal-actions">
        <button onClick={onClose}>取消</button>
        <button className="primary" disabled={busy} onClick={save} autoFocus>
          保存为Word
        </button>
      </div>
    </Modal>
  );
}

// 备份与恢复: the archive file, its rotated backups with their days and report counts, a backup
// now (beside the archive or to a folder the clerk picks, such as a USB stick), and a restore
// that first says what will happen. Main chooses every path; the page names a backup by its day.
import { useEffect, useRef, useState } from 'react';
import type { BackupEntry, BackupList } from '../../shared/contract/types.ts';
import { api } from '../api.ts';
import { formatSize } from '../format.ts';
import { Modal } from '../components/Modal.tsx';

/** 2026-12-01 → 2026年12月1日 */
const dayLabel = (d: string) => `${d.slice(0, 4)}年${Number(d.slice(5, 7))}月${Number(d.slice(8))}日`;

type Pending = { kind: 'day'; entry: BackupEntry } | { kind: 'file' };

export function BackupView({ onChanged }: { onChanged: () => void }) {
  const [list, setList] = useState<BackupList | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const load = () => api.listBackups({}).then(setList, (e: Error) => setMessage({ text: e.message, error: true }));
  useEffect(() => void load(), []);

  /** Runs one action at a time; its outcome is said in the line under the buttons. */
  const run = async (label: string, f: () => Promise<{ message: string; ok: boolean } | null>) => {
    setBusy(label);
    setMessage(null);
    try {
      const r = await f();
      if (r) setMessage({ text: r.message, error: !r.ok });
    } catch (e) {
      setMessage({ text: (e as Error).message, error: true });
    } finally {
      setBusy(null);
      await load();
      onChanged();
    }
  };
  const backupNow = () => run('正在备份…', async () => api.backupNow({}).then((r) => ({ message: r.message, ok: !!r.path })));
  const backupToFolder = () => run('正在备份…', async () => api.backupToFolder({}).then((r) => r && { message: r.message, ok: !!r.path }));
  const restore = (p: Pending) => {
    setPending(null);
    return run('正在恢复…', async () => {
      const r = await api.restoreBackup(p.kind === 'day' ? { date: p.entry.date } : { fromFile: true });
      return r && { message: r.message, ok: r.restored };
    });
  };

  if (!list) return <p className="muted pad">正在读取…</p>;
  return (
    <section className="backup-page">
      <h1 className="page-title">备份与恢复</h1>
      <dl className="archive-file">
        <dt>档案文件</dt>
        <dd className="path">{list.archivePath}</dd>
        <dt>内容</dt>
        <dd>
          {list.reports} 份报告，{formatSize(list.archiveBytes)}
        </dd>
      </dl>
      <div className="actions">
        <button className="primary" disabled={!!busy} onClick={backupNow}>
          立即备份
        </button>
        <button disabled={!!busy} onClick={backupToFolder}>
          备份到U盘或其他文件夹…
        </button>
        <button disabled={!!busy} onClick={() => setPending({ kind: 'file' })}>
          从备份文件恢复…
        </button>
        {busy && <span className="muted">{busy}</span>}
      </div>
      {message && (
        <p className={message.error ? 'error-text' : 'ok-text'} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
      <h2>自动备份</h2>
      <p className="muted">
        每天第一次打开程序时自动备份一次，保留最近 7 天的备份和近 12 个月每月的第一份。每份备份都经过完整性检查。备份文件夹：
        <span className="path">{list.folder}</span>
      </p>
      {list.backups.length === 0 ? (
        <p className="muted">还没有备份。</p>
      ) : (
        <table className="grid backups">
          <thead>
            <tr>
              <th>备份日期</th>
              <th className="num">报告数</th>
              <th className="num">大小</th>
              <th>操作</th>
            </tr>
          </thead>
          <tbody>
            {list.backups.map((b) => (
              <tr key={b.date} data-date={b.date}>
                <td>{dayLabel(b.date)}</td>
                <td className="num">{b.reports >= 0 ? b.reports : <span className="error-text">无法读取</span>}</td>
                <td className="num">{formatSize(b.bytes)}</td>
                <td>
                  <button disabled={!!busy || b.reports < 0} onClick={() => setPending({ kind: 'day', entry: b })}>
                    恢复到这一天
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {pending && <ConfirmRestore pending={pending} current={list.reports} onCancel={() => setPending(null)} onConfirm={() => restore(pending)} />}
    </section>
  );
}

function ConfirmRestore({ pending, current, onCancel, onConfirm }: { pending: Pending; current: number; onCancel: () => void; onConfirm: () => void }) {
  const ok = useRef<HTMLButtonElement>(null);
  useEffect(() => ok.current?.focus(), []);
  const what = pending.kind === 'day' ? `${dayLabel(pending.entry.date)}的备份（${pending.entry.reports} 份报告）` : '您选择的备份文件';
  return (
    <Modal label="确认恢复" small onClose={onCancel}>
        <h2>用{what}替换当前档案？</h2>
        <p>
          当前档案有 {current} 份报告。恢复后，备份之后导入和修改的内容将不在档案中；当前档案文件会改名保存在原文件夹，不会删除。
          {pending.kind === 'file' && '点“恢复”后请选择备份文件。'}
        </p>
        <div className="modal-actions">
          <button onClick={onCancel}>取消</button>
          <button ref={ok} className="danger" onClick={onConfirm}>
            恢复
          </button>
        </div>
    </Modal>
  );
}

// 单位目录: every unit with its 上级, 类别 and whether it must report (应报), proposed from the
// names where the office has not said (marked 建议); each change is kept at once; 确认全部建议
// takes the proposals as they are; Excel out and in, as offices keep such lists.
import { useEffect, useState } from 'react';
import type { DirectoryUnit } from '../../shared/contract/types.ts';
import { UNIT_KINDS } from '../../shared/area/directory.ts';
import { api } from '../api.ts';

type Kind = DirectoryUnit['kind'];

export function DirectoryView() {
  const [units, setUnits] = useState<DirectoryUnit[] | null>(null);
  const [message, setMessage] = useState<{ text: string; error?: boolean } | null>(null);
  useEffect(() => void api.listDirectory({}).then(setUnits, (e: Error) => setMessage({ text: e.message, error: true })), []);

  const save = async (list: DirectoryUnit[], said: string) => {
    try {
      setUnits(await api.saveUnits({ units: list.map(({ name, parent, kind, required, aliases }) => ({ name, parent, kind, required, aliases })) }));
      setMessage({ text: said });
    } catch (e) {
      setMessage({ text: (e as Error).message, error: true });
    }
  };
  const change = (u: DirectoryUnit, patch: Partial<DirectoryUnit>) => {
    setUnits((all) => all && all.map((x) => (x.name === u.name ? { ...x, ...patch } : x))); // at once; main's answer follows
    void save([{ ...u, ...patch }], `已保存：${u.name}`);
  };
  if (!units) return <p className="muted pad">{message?.text ?? '正在读取…'}</p>;
  const proposed = units.filter((u) => u.proposed);

  return (
    <section className="directory">
      <div className="report-head">
        <h1 className="page-title">单位目录</h1>
        <span className="muted">共 {units.length} 个单位{proposed.length ? `，${proposed.length} 个为建议` : ''}</span>
        <span className="spacer" />
        <button disabled={!proposed.length} onClick={() => save(proposed, `已确认 ${proposed.length} 个单位的建议`)}>
          确认全部建议
        </button>
        <button
          onClick={async () => {
            const r = await api.exportDirectory({});
            setMessage({ text: r.saved ? `已导出：${r.path}` : '已取消导出' });
          }}
        >
          导出Excel
        </button>
        <button
          onClick={async () => {
            try {
              const r = await api.importDirectory({});
              if (!r) return;
              setUnits(await api.listDirectory({}));
              setMessage({ text: `已导入 ${r.imported} 个单位` });
            } catch (e) {
              setMessage({ text: (e as Error).message, error: true });
            }
          }}
        >
          从Excel导入…
        </button>
      </div>
      <p className="muted">
        每个单位的上级（它向哪一级政府报送）、类别和是否每年应报。“区域汇总”按上级汇总各单位的统计表，并列出应报而没有报告的单位（缺报）。标“建议”的是按名称推断的，改动或确认后保存。Excel 的列为：单位名称、上级、类别、应报、别名。
      </p>
      {message && (
        <p className={message.error ? 'error-text' : 'ok-text'} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
      <table className="grid directory-table">
        <thead>
          <tr>
            <th>单位名称</th>
            <th>上级</th>
            <th>类别</th>
            <th>应报</th>
            <th>别名</th>
            <th>报告</th>
          </tr>
        </thead>
        <tbody>
          {units.map((u) => (
            <tr key={u.name} data-unit={u.name} className={u.proposed ? 'proposed' : ''}>
              <td>
                {u.name}
                {u.proposed && <span className="tag">建议</span>}
              </td>
              <td>
                <input aria-label={`${u.name}的上级`} defaultValue={u.parent ?? ''} onBlur={(e) => e.target.value.trim() !== (u.parent ?? '') && change(u, { parent: e.target.value.trim() || null })} />
              </td>
              <td>
                <select aria-label={`${u.name}的类别`} value={u.kind} onChange={(e) => change(u, { kind: e.target.value as Kind })}>
                  {UNIT_KINDS.map((k) => (
                    <option key={k}>{k}</option>
                  ))}
                </select>
              </td>
              <td>
                <input type="checkbox" aria-label={`${u.name}应报`} checked={u.required} onChange={(e) => change(u, { required: e.target.checked })} />
              </td>
              <td>
                <input
                  aria-label={`${u.name}的别名`}
                  defaultValue={u.aliases.join('、')}
                  onBlur={(e) => {
                    const aliases = e.target.value.split(/[、，,]/).map((a) => a.trim()).filter(Boolean);
                    if (aliases.join('、') !== u.aliases.join('、')) change(u, { aliases });
                  }}
                />
              </td>
              <td className="muted nowrap">{u.reports ? `${u.reports} 份（${u.years.join('、')}）` : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

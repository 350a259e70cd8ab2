// 设置: the office's name (signed under the notices to units) and the 年报体检 checks, each of
// which the office may switch off for its area; a switched-off check is said on every notice.
import { useEffect, useState } from 'react';
import type { Settings } from '../../shared/contract/types.ts';
import { REVIEW_RULES } from '../../shared/report/checks/review.ts';
import { TEMPLATE_NAMES } from '../../shared/report/templates/index.ts';
import { api } from '../api.ts';

export function SettingsView() {
  const [s, setS] = useState<Settings | null>(null);
  const [office, setOffice] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => {
    api.getSettings({}).then((x) => (setS(x), setOffice(x.officeName)), (e: Error) => setMessage(e.message));
  }, []);
  if (!s) return <p className="muted pad">{message ?? '正在读取…'}</p>;
  const save = async (patch: Partial<Settings>, said: string) => {
    try {
      setS(await api.setSettings(patch));
      setMessage(said);
    } catch (e) {
      setMessage((e as Error).message);
    }
  };
  return (
    <section className="settings-page">
      <h1 className="page-title">设置</h1>
      <h2>本单位</h2>
      <form
        className="office"
        onSubmit={(e) => {
          e.preventDefault();
          void save({ officeName: office }, '已保存单位名称');
        }}
      >
        <label className="field">
          政务公开工作机构名称（审核意见的落款）
          <input aria-label="机构名称" value={office} maxLength={60} placeholder="如：平潭综合实验区管委会办公室" onChange={(e) => setOffice(e.target.value)} />
        </label>
        <button type="submit" className="primary" disabled={office.trim() === s.officeName}>
          保存
        </button>
      </form>
      <h2>年报体检的检查规则</h2>
      <p className="muted">审核人员通常会指出的写法问题。关闭的检查不再显示在报告中，也不写入审核意见；审核意见会注明本次未进行的检查。统计表的勾稽关系检查始终进行。</p>
      <table className="grid rules">
        <thead>
          <tr>
            <th>启用</th>
            <th>编号</th>
            <th>检查内容</th>
            <th>适用格式</th>
            <th>修改意见</th>
          </tr>
        </thead>
        <tbody>
          {REVIEW_RULES.map((r) => {
            const on = !s.disabledRules.includes(r.id);
            return (
              <tr key={r.id}>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`启用“${r.title}”`}
                    checked={on}
                    onChange={() => {
                      const disabledRules = on ? [...s.disabledRules, r.id] : s.disabledRules.filter((x) => x !== r.id);
                      setS({ ...s, disabledRules }); // at once; main's answer follows
                      void save({ disabledRules }, on ? `已关闭：${r.title}` : `已启用：${r.title}`);
                    }}
                  />
                </td>
                <td>{r.id}</td>
                <td>{r.title}</td>
                <td className="nowrap">{r.templates.map((t) => TEMPLATE_NAMES[t]).join('、')}</td>
                <td className="muted">{r.fix}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {message && (
        <p className="ok-text" role="status">
          {message}
        </p>
      )}
    </section>
  );
}

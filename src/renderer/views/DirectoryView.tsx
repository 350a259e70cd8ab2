// 单位目录: every unit with its 上级, 类别 and whether it must report (应报), proposed from the
// names where the office has not said (marked 建议); each change is kept at once; 确认全部建议
// takes the proposals as they are; Excel out and in, as offices keep such lists; 生成填报模板
// writes the template of a year for one unit or every 应报 unit into a folder the clerk picks.
import { useEffect, useState } from 'react';
import type { DirectoryUnit } from '../../shared/contract/types.ts';
import { UNIT_KINDS } from '../../shared/area/directory.ts';
import { api } from '../api.ts';

type Kind = DirectoryUnit['kind'];

export function DirectoryView() {
  const [units, setUnits] = useState<DirectoryUnit[] | null>(null);
  const [message, setMessage] = useState<{ text: string; error?: boolean } | null>(null);
  const [template, setTemplate] = useState<{ year: string; unit: string } | null>(null);
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
        <button onClick={() => setTemplate((t) => (t ? null : { year: String(reportYear()), unit: '' }))} aria-expanded={!!template}>
          生成填报模板
        </button>
        <a className="button-link" href="#/selfcheck" title="单位报来的年报（或填好的填报模板）先检查，不存入档案">
          报送前自查
        </a>
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
      {template && <TemplateForm units={units} value={template} onChange={setTemplate} onDone={(text, error) => (setMessage({ text, error }), !error && setTemplate(null))} />}
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

/** The year units report on now: the last year until autumn, when offices send templates for the current one. */
const reportYear = () => {
  const d = new Date();
  return d.getMonth() >= 9 ? d.getFullYear() : d.getFullYear() - 1;
};

/** 生成填报模板: a year and one unit or every 应报 unit; main asks for the folder. */
function TemplateForm({ units, value, onChange, onDone }: { units: DirectoryUnit[]; value: { year: string; unit: string }; onChange: (v: { year: string; unit: string }) => void; onDone: (text: string, error?: boolean) => void }) {
  const required = units.filter((u) => u.required).length;
  const year = Number(value.year);
  const valid = Number.isInteger(year) && year >= 2019 && year <= 2100;
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="template-form"
      aria-label="生成填报模板"
      onSubmit={async (e) => {
        e.preventDefault();
        if (!valid) return;
        setBusy(true);
        try {
          const r = await api.saveTemplates({ year, ...(value.unit ? { unit: value.unit } : {}) });
          if (r) onDone(`已生成 ${r.units} 个单位的${year}年度填报模板（Excel和Word各一份，共 ${r.files} 个文件）：${r.folder}`);
        } catch (err) {
          onDone((err as Error).message, true);
        } finally {
          setBusy(false);
        }
      }}
    >
      <label>
        年度
        <input aria-label="填报模板的年度" inputMode="numeric" size={6} value={value.year} onChange={(e) => onChange({ ...value, year: e.target.value.trim() })} />
      </label>
      <label>
        单位
        <select aria-label="填报模板的单位" value={value.unit} onChange={(e) => onChange({ ...value, unit: e.target.value })}>
          <option value="">全部应报单位（{required} 个）</option>
          {units.map((u) => (
            <option key={u.name} value={u.name}>
              {u.name}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="primary" disabled={!valid || busy || (!value.unit && !required)}>
        {busy ? '正在生成…' : '选择文件夹并生成'}
      </button>
      <span className="muted">{valid ? `按${year >= 2021 ? '2021' : '2019'}年版格式；单位填好后交回，导入时按填报位置读取每个数字。` : '年度应为2019年及以后'}</span>
    </form>
  );
}

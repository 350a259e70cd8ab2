// The year and the government (region) an area page is about, as 区域汇总 and 态势 pick them;
// the governments of the 单位目录 (本级政府 and every 上级 named) are offered as the user types.
import { useEffect, useState } from 'react';
import { api } from '../api.ts';

export function YearRegion(props: { label: string; years: number[]; year: number; region: string; submit: string; placeholder: string; onChange: (year: number, region: string) => void }) {
  const [text, setText] = useState(props.region);
  const [governments, setGovernments] = useState<string[]>([]);
  useEffect(() => {
    api.listDirectory({}).then(
      (units) => setGovernments([...new Set(units.flatMap((u) => [...(u.kind === '本级政府' ? [u.name] : []), ...(u.parent ? [u.parent] : [])]))].sort((a, b) => a.localeCompare(b, 'zh-CN'))),
      () => setGovernments([]),
    );
  }, []);
  return (
    <>
      <select aria-label={props.label} value={props.year} onChange={(e) => props.onChange(Number(e.target.value), props.region)}>
        {props.years.map((y) => (
          <option key={y} value={y}>
            {y}年
          </option>
        ))}
      </select>
      <form
        className="region"
        onSubmit={(e) => {
          e.preventDefault();
          props.onChange(props.year, text.trim());
        }}
      >
        <input aria-label="区域" list="region-governments" placeholder={props.placeholder} value={text} onChange={(e) => setText(e.target.value)} />
        <datalist id="region-governments">
          {governments.map((g) => (
            <option key={g} value={g} />
          ))}
        </datalist>
        <button type="submit">{props.submit}</button>
      </form>
    </>
  );
}

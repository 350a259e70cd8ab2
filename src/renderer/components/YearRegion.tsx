// The year and the government (region) an area page is about, as 区域汇总 and 态势 pick them.
import { useState } from 'react';

export function YearRegion(props: { label: string; years: number[]; year: number; region: string; submit: string; placeholder: string; onChange: (year: number, region: string) => void }) {
  const [text, setText] = useState(props.region);
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
        <input aria-label="区域" placeholder={props.placeholder} value={text} onChange={(e) => setText(e.target.value)} />
        <button type="submit">{props.submit}</button>
      </form>
    </>
  );
}

// Picking 2 to 6 reports to compare, in the library or in search results; the pick stays
// while the list changes, so reports found by different queries can be compared.
import { useState } from 'react';

export function useCompareSelection() {
  const [selected, setSelected] = useState<number[]>([]);
  const toggle = (id: number) => setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : [...s, id]));
  return { selected, toggle };
}

export function CompareSelectedButton({ selected }: { selected: number[] }) {
  return (
    <button
      className="primary"
      title="勾选2至6份报告进行比较"
      disabled={selected.length < 2 || selected.length > 6}
      onClick={() => (location.hash = `#/compare?ids=${selected.join(',')}`)}
    >
      比较所选（{selected.length}）
    </button>
  );
}

export function CompareCheckbox({ id, label, selected, toggle }: { id: number; label: string; selected: number[]; toggle: (id: number) => void }) {
  return <input type="checkbox" aria-label={`选择 ${label} 进行比较`} checked={selected.includes(id)} onChange={() => toggle(id)} />;
}

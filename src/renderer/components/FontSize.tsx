// 字号: 中 / 大 / 特大 for the whole window, remembered on this PC across starts (the window's
// own storage). The app is scaled as a whole (CSS zoom), so tables keep their proportions;
// printed sheets are not affected.
import { useEffect, useState } from 'react';

export const FONT_SIZES = [
  { id: 'm', label: '中', zoom: 1 },
  { id: 'l', label: '大', zoom: 1.15 },
  { id: 'xl', label: '特大', zoom: 1.3 },
] as const;
type SizeId = (typeof FONT_SIZES)[number]['id'];
const KEY = 'nianbao.fontSize';

function stored(): SizeId {
  try {
    const v = localStorage.getItem(KEY);
    return FONT_SIZES.some((s) => s.id === v) ? (v as SizeId) : 'm';
  } catch {
    return 'm';
  }
}

/** The zoom of the chosen size, and the picker for the top bar. */
export function useFontSize(): [number, React.ReactNode] {
  const [size, setSize] = useState<SizeId>(stored);
  useEffect(() => {
    try {
      localStorage.setItem(KEY, size);
    } catch {
      // storage refused: the size holds for this session
    }
  }, [size]);
  const picker = (
    <label className="font-size" title="界面文字大小（会记住）">
      字号
      <select aria-label="字号" value={size} onChange={(e) => setSize(e.target.value as SizeId)}>
        {FONT_SIZES.map((s) => (
          <option key={s.id} value={s.id}>
            {s.label}
          </option>
        ))}
      </select>
    </label>
  );
  return [FONT_SIZES.find((s) => s.id === size)!.zoom, picker];
}

// The agency field: suggests the names already in the archive as the clerk types part of a
// name or its pinyin initials (平潭 or ptzh); ↑↓ pick, Enter takes one, Esc closes the list.
// A pre-filled name starts selected, so what the clerk types replaces it instead of appending.
import { useEffect, useId, useRef, useState } from 'react';
import { api } from '../api.ts';

export function AgencyInput({ value, onChange, autoFocus, inputRef }: { value: string; onChange: (v: string) => void; autoFocus?: boolean; inputRef?: React.RefObject<HTMLInputElement | null> }) {
  const own = useRef<HTMLInputElement>(null);
  const ref = inputRef ?? own;
  useEffect(() => {
    if (autoFocus) ref.current?.select();
  }, []); // once, as the dialog opens
  const [items, setItems] = useState<{ name: string; reports: number }[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const listId = useId();

  useEffect(() => {
    let live = true;
    const t = setTimeout(() => {
      if (!value.trim()) return setItems([]);
      api.suggestAgencies({ text: value }).then(
        (r) => live && (setItems(r.filter((x) => x.name !== value)), setActive(-1)),
        () => live && setItems([]),
      );
    }, 120);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [value]);

  const shown = open && items.length > 0;
  const take = (name: string) => {
    onChange(name);
    setOpen(false);
  };
  return (
    <span className="suggest">
      <input
        ref={ref}
        aria-label="单位名称"
        role="combobox"
        aria-expanded={shown}
        aria-controls={listId}
        aria-autocomplete="list"
        autoFocus={autoFocus}
        value={value}
        placeholder="输入名称的一部分或拼音首字母，如 ptzh"
        onChange={(e) => {
          onChange(e.target.value);
          setOpen(true);
        }}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={(e) => {
          if (!shown) return;
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((a) => (e.key === 'ArrowDown' ? Math.min(items.length - 1, a + 1) : Math.max(0, a - 1)));
          } else if (e.key === 'Enter' && active >= 0) {
            e.preventDefault();
            take(items[active].name);
          } else if (e.key === 'Escape') {
            e.stopPropagation(); // closes the list, not the dialog
            e.nativeEvent.stopImmediatePropagation();
            setOpen(false);
          }
        }}
      />
      {shown && (
        <ul id={listId} role="listbox" className="suggestions">
          {items.map((s, i) => (
            <li key={s.name} role="option" aria-selected={i === active} className={i === active ? 'active' : ''} onMouseDown={(e) => (e.preventDefault(), take(s.name))}>
              {s.name}
              <span className="muted"> {s.reports} 份</span>
            </li>
          ))}
        </ul>
      )}
    </span>
  );
}

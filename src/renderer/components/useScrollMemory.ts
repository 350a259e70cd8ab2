// Where the clerk was on a list page, kept per address for this window's session: back from a
// report returns to the same row, not to the top. `ready` is true once the list is drawn.
import { useEffect, useRef } from 'react';

const KEY = (hash: string) => `scroll:${hash}`;

export function useScrollMemory(ready: boolean): void {
  // Nothing is saved until the list is drawn and put back where it was: while it loads, the
  // short page scrolls to the top by itself, and that must not overwrite the place.
  const settled = useRef(false);
  useEffect(() => {
    const on = () => settled.current && sessionStorage.setItem(KEY(location.hash), String(Math.round(window.scrollY)));
    window.addEventListener('scroll', on, { passive: true });
    return () => window.removeEventListener('scroll', on);
  }, []);
  useEffect(() => {
    if (!ready || settled.current) return;
    const y = Number(sessionStorage.getItem(KEY(location.hash)));
    requestAnimationFrame(() => {
      if (y > 0) window.scrollTo(0, y);
      settled.current = true;
    });
  }, [ready]);
}

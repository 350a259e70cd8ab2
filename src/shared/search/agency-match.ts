// Finding an agency by what a clerk types: part of the name (平潭), its pinyin initials (ptzh),
// or its pinyin (pingtan), as office software's name pickers do. pinyin-pro knows the readings
// of place names' characters and matches initials and whole syllables in one pass.
import { match } from 'pinyin-pro';

/** Where `typed` matches `name`: 0 for a match at the start, larger further in; null for none. */
export function agencyMatch(name: string, typed: string): number | null {
  const t = typed.trim();
  if (!t) return 0;
  const plain = name.indexOf(t);
  if (plain >= 0) return plain;
  if (!/^[a-z]+$/i.test(t)) return null;
  const at = match(name, t.toLowerCase(), { continuous: true });
  return at && at.length ? at[0] : null;
}

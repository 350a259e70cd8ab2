// Part by part text comparison: paragraphs aligned, changes marked at word level (Chinese word
// segmentation by Intl.Segmenter) or character level, and how much of this year's text repeats
// last year's (assessments penalise reports that copy more than half of it).
import { diffArrays } from 'diff';

export type Granularity = 'word' | 'char';

export interface Span {
  text: string;
  /** same: in both; removed: only last year's; added: only this year's. */
  op: 'same' | 'removed' | 'added';
}

export interface ParagraphPair {
  old: Span[] | null;
  new: Span[] | null;
}

export interface PartDiff {
  no: number;
  title: string;
  pairs: ParagraphPair[];
  /** Share of this year's characters (punctuation and spaces aside) found unchanged in last year's. */
  similarity: number | null;
  /** The diff gave up at its time limit; paragraphs are shown without marks. */
  timedOut: boolean;
}

const segmenter = typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter('zh-CN', { granularity: 'word' }) : null;

export function tokens(text: string, g: Granularity): string[] {
  if (g === 'char' || !segmenter) return [...text];
  return [...segmenter.segment(text)].map((s) => s.segment);
}

const countable = (s: string) => s.replace(/[\s\p{P}\p{S}]/gu, '').length;

function bigrams(s: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + 1 < s.length; i++) out.add(s.slice(i, i + 2));
  return out;
}

/** Paragraphs this alike count as the same paragraph, edited. */
function similar(a: string, b: string): boolean {
  if (a === b) return true;
  const x = bigrams(a);
  const y = bigrams(b);
  if (x.size === 0 || y.size === 0) return false;
  let common = 0;
  for (const g of x) if (y.has(g)) common++;
  return (2 * common) / (x.size + y.size) >= 0.5;
}

function spans(oldText: string, newText: string, g: Granularity, deadline: number): { old: Span[]; new: Span[]; same: number } | null {
  const parts = diffArrays(tokens(oldText, g), tokens(newText, g), { timeout: Math.max(1, deadline - Date.now()) });
  if (!parts) return null;
  const old: Span[] = [];
  const neu: Span[] = [];
  let same = 0;
  for (const p of parts) {
    const text = p.value.join('');
    if (p.added) neu.push({ text, op: 'added' });
    else if (p.removed) old.push({ text, op: 'removed' });
    else {
      old.push({ text, op: 'same' });
      neu.push({ text, op: 'same' });
      same += countable(text);
    }
  }
  return { old, new: neu, same };
}

export function diffPart(no: number, title: string, oldText: string, newText: string, g: Granularity = 'word', timeLimitMs = 2000): PartDiff {
  const deadline = Date.now() + timeLimitMs;
  const oldParas = oldText.split('\n').filter((p) => p.trim());
  const newParas = newText.split('\n').filter((p) => p.trim());
  const plain = (t: string): Span[] => [{ text: t, op: 'same' }];
  const aligned = diffArrays(oldParas, newParas, { comparator: similar, timeout: timeLimitMs });
  if (!aligned) {
    const n = Math.max(oldParas.length, newParas.length);
    const pairs = Array.from({ length: n }, (_, i) => ({ old: oldParas[i] ? plain(oldParas[i]) : null, new: newParas[i] ? plain(newParas[i]) : null }));
    return { no, title, pairs, similarity: null, timedOut: true };
  }
  const pairs: ParagraphPair[] = [];
  let same = 0;
  let timedOut = false;
  let oi = 0;
  let ni = 0;
  for (const p of aligned) {
    if (p.added) for (const t of p.value) pairs.push({ old: null, new: [{ text: t, op: 'added' }] }), ni++;
    else if (p.removed) for (const t of p.value) pairs.push({ old: [{ text: t, op: 'removed' }], new: null }), oi++;
    else
      for (let k = 0; k < p.count!; k++) {
        const a = oldParas[oi++];
        const b = newParas[ni++];
        const s = timedOut ? null : spans(a, b, g, deadline);
        if (!s) {
          timedOut = true;
          pairs.push({ old: plain(a), new: plain(b) });
          continue;
        }
        same += s.same;
        pairs.push({ old: s.old, new: s.new });
      }
  }
  const total = countable(newParas.join(''));
  return { no, title, pairs, similarity: timedOut ? null : total ? same / total : null, timedOut };
}

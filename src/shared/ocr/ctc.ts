// Reading the recogniser's output (CTC: a distribution over the dictionary for each slice of
// the line) into text, keeping what a number needs to be checked: each character's probability
// and the engine's second choice where it hesitated (8/3/6/0, 1/7).

export interface OcrChar {
  ch: string;
  p: number;
  /** The engine's next best character at the same place, when it is a real character. */
  alt?: { ch: string; p: number };
}

export interface OcrText {
  text: string;
  chars: OcrChar[];
  /** The lowest character probability (a number is as sure as its least sure digit). */
  conf: number;
}

/**
 * `probs`: `steps` × `classes` scores (softmax), class 0 the CTC blank, class i the dictionary's
 * (i-1)th entry. Repeated classes collapse unless a blank separates them.
 */
export function decodeCtc(probs: ArrayLike<number>, steps: number, classes: number, dict: string[]): OcrText {
  const chars: OcrChar[] = [];
  const same = lookAlikes(dict);
  let prev = 0;
  for (let t = 0; t < steps; t++) {
    const o = t * classes;
    let best = 0;
    let bestP = -1;
    let second = 0;
    let secondP = -1;
    for (let c = 0; c < classes; c++) {
      const p = probs[o + c];
      if (p > bestP) {
        second = best;
        secondP = bestP;
        best = c;
        bestP = p;
      } else if (p > secondP) {
        second = c;
        secondP = p;
      }
    }
    // A digit's look-alikes (0 and O, 1 and l, a full-width 8) are one glyph to the eye: their
    // probabilities add up, and the second choice is another glyph.
    const group = same.get(best);
    if (group) {
      bestP = group.reduce((sum, c) => sum + probs[o + c], 0);
      second = 0;
      secondP = -1;
      for (let c = 1; c < classes; c++) if (!group.includes(c) && probs[o + c] > secondP) [second, secondP] = [c, probs[o + c]];
      if (probs[o] > secondP) [second, secondP] = [0, probs[o]];
    }
    if (best !== 0 && best !== prev) {
      const ch = dict[best - 1] ?? '';
      const c: OcrChar = { ch, p: bestP };
      if (second !== 0 && dict[second - 1]) c.alt = { ch: dict[second - 1], p: secondP };
      chars.push(c);
    } else if (best !== 0 && best === prev) {
      // The same character over several slices: it is as sure as its surest slice, and a second choice seen there counts.
      const last = chars[chars.length - 1];
      if (bestP > last.p) last.p = bestP;
      if (second !== 0 && dict[second - 1] && (!last.alt || secondP > last.alt.p)) last.alt = { ch: dict[second - 1], p: secondP };
    }
    prev = best;
  }
  const text = chars.map((c) => c.ch).join('');
  return { text, chars, conf: chars.length ? Math.min(...chars.map((c) => c.p)) : 0 };
}

const LOOK_ALIKE = ['0Oo０〇○', '1lI|１丨', '2２', '3３', '4４', '5５', '6６', '7７', '8８', '9９'];
const lookAlikeCache = new WeakMap<string[], Map<number, number[]>>();

/** Class index -> the classes of the glyphs that look the same (digits and what a recogniser takes them for). */
function lookAlikes(dict: string[]): Map<number, number[]> {
  const hit = lookAlikeCache.get(dict);
  if (hit) return hit;
  const index = new Map(dict.map((ch, i) => [ch, i + 1]));
  const out = new Map<number, number[]>();
  for (const g of LOOK_ALIKE) {
    const ids = [...g].map((ch) => index.get(ch)).filter((i): i is number => i !== undefined);
    for (const i of ids) out.set(i, ids);
  }
  lookAlikeCache.set(dict, out);
  return out;
}

/** A cell read as digits and their look-alikes ("1O", "o"): the digits it shows. Anything else: null. */
export function asDigits(text: string): string | null {
  const t = text.trim();
  if (!/^[0-9Oo０〇○lI|１丨２-９,，]+$/.test(t) || !/[0-9０-９]|^[Oo〇○]+$/.test(t)) return null;
  return t.replace(/[Oo０〇○]/g, '0').replace(/[lI|１丨]/g, '1').replace(/[２-９]/g, (c) => String(c.charCodeAt(0) - 0xff10)).replace(/[,，]/g, ',');
}

/** A digit below this probability is doubtful: the sums must confirm it. */
export const SURE_DIGIT = 0.9;

/**
 * Other readings of a number the engine hesitated over: each doubtful digit replaced by the
 * engine's second choice when that is a digit too (at most `max`, the likeliest first).
 */
export function digitCandidates(t: OcrText, max = 4): string[] {
  const doubtful = t.chars
    .map((c, i) => ({ c, i }))
    .filter(({ c }) => asDigits(c.ch) !== null && c.p < SURE_DIGIT && c.alt && asDigits(c.alt.ch) !== null);
  const out: { text: string; p: number }[] = [];
  // Every combination of the doubtful digits (few: a cell has a handful of digits).
  const n = Math.min(doubtful.length, 3);
  for (let mask = 1; mask < 1 << n; mask++) {
    const chars = t.chars.map((c) => c.ch);
    let p = 1;
    for (let k = 0; k < n; k++) {
      const { c, i } = doubtful[k];
      if (mask & (1 << k)) {
        chars[i] = asDigits(c.alt!.ch)!;
        p *= c.alt!.p;
      } else p *= c.p;
    }
    out.push({ text: asDigits(chars.join('')) ?? chars.join(''), p });
  }
  return out
    .sort((a, b) => b.p - a.p)
    .slice(0, max)
    .map((o) => o.text);
}

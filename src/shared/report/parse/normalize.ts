// Text normalisation used for matching labels: full-width to half-width (NFKC),
// no white space. Labels are matched on this form, never displayed in it.

export function norm(s: string): string {
  return s.normalize('NFKC').replace(/[\s\u3000]+/g, '');
}

/** Agency names: full-width brackets, no spaces, as most offices print them. */
export function normalizeAgency(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/[\s\u3000]+/g, '')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）');
}

const CN_DIGITS: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** "二〇二〇" -> 2020, "十二" -> 12, "二十一" -> 21, "3" -> 3. */
export function parseCnNumber(s: string): number | null {
  const t = s.normalize('NFKC').trim();
  if (/^\d+$/.test(t)) return Number(t);
  if (!/^[〇零一二三四五六七八九十]+$/.test(t)) return null;
  if (!t.includes('十')) return Number([...t].map((c) => CN_DIGITS[c]).join(''));
  const [tens, ones] = t.split('十');
  return (tens ? CN_DIGITS[tens] : 1) * 10 + (ones ? CN_DIGITS[ones] : 0);
}

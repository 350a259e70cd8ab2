// One cell's text -> a value. Blank is never 0; marks ('/', '—') stay marks.
import type { CellValue } from '../model.ts';

const MARK = /^(?:[\/／\\]+|[—–－\-─―]+|无|空)$/;
const NUMBER = /^([+\-−＋－]?)(\d{1,3}(?:[,，]\d{3})+|\d+)(?:\.(\d+))?(万元|元|件|条|个|项|次|篇|家|笔|宗|份|批)?$/;

/** Returns null when the text is a label, not a value. */
export function parseValue(raw: string): CellValue | null {
  // "22（其中修订16件）": the cell's value is its number; the note stays in raw.
  const text = raw.normalize('NFKC').replace(/[\s\u3000]+/g, '').replace(/(?<=\d)\((?:其中|含|包括|另有|注)[^()]{0,30}\)$/, '');
  if (text === '') return { kind: 'blank', num: null, raw: raw.trim() };
  if (MARK.test(text)) return { kind: 'mark', num: null, raw: raw.trim() };
  // "34/55（含自然失效29件）": two numbers in one cell are not one value, but they hold its place.
  if (/^\d+[\/／]\d+(?:\(.*\))?$/.test(text)) return { kind: 'mark', num: null, raw: raw.trim() };
  const m = NUMBER.exec(text);
  if (!m) return null;
  const sign = m[1] === '' || m[1] === '+' || m[1] === '＋' ? 1 : -1;
  const num = sign * Number(`${m[2].replace(/[,，]/g, '')}${m[3] ? `.${m[3]}` : ''}`);
  const v: CellValue = { kind: 'number', num, raw: raw.trim() };
  if (m[4] === '万元' || m[4] === '元') v.unit = m[4];
  return v;
}

/**
 * Money to 万元. An explicit unit on the value wins; then the header's; a header that says 元
 * over a value with more than two decimals is taken as 万元 (real reports do this).
 */
export function toWanYuan(v: CellValue, headerUnit: '元' | '万元' | null): { value: CellValue; guessed: boolean; from: '元' | '万元' | null } {
  if (v.kind !== 'number' || v.num === null) return { value: v, guessed: false, from: null };
  const decimals = (/\.(\d+)/.exec(v.raw.normalize('NFKC'))?.[1] ?? '').length;
  let unit: '元' | '万元';
  let guessed = false;
  if (v.unit === '元' || v.unit === '万元') unit = v.unit;
  else if (headerUnit === '万元') unit = '万元';
  else if (headerUnit === '元') {
    unit = decimals > 2 ? '万元' : '元';
    guessed = decimals > 2;
  } else {
    unit = decimals > 0 || Math.abs(v.num) < 100000 ? '万元' : '元';
    guessed = true;
  }
  const num = unit === '元' ? round(v.num / 10000) : v.num;
  return { value: { ...v, num, unit: '万元' }, guessed: guessed && v.num !== 0, from: unit };
}

function round(n: number): number {
  return Math.round(n * 1e8) / 1e8;
}

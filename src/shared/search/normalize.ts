// Search normalisation, one UTF-16 code unit to one, so that an offset in the normalised text
// is the same offset in the original (highlighting needs that). Full-width to half-width,
// upper to lower case, and common traditional characters to simplified ones.

// Traditional -> simplified for characters that occur in these reports (cheap, not complete).
const T2S_PAIRS =
  '開开資资訊讯報报務务處处費费複复議议訴诉訟讼請请審审結结計计總总機机關关縣县區区鎮镇國国門门會会規规範范條条網网單单與与應应對对經经發发據据統统數数獲获實实難难預预決决歸归檔档號号產产環环衛卫醫医療疗稅税財财貨货違违規规標标準准級级權权責责聯联絡络據据辦办證证營营業业認认項项類类當当體体務务徵征農农險险華华東东廣广邊边員员職职稱称齊齐於于為为這这個个們们來来時时間间後后過过還还進进運运達达選选從从們们讓让說说話话語语議议論论記记錄录認认識识訂订設设許许試试詢询調调諮咨謀谋護护償偿優优價价傳传參参協协雙双變变項项願愿顧顾類类題题風风飛飞館馆驗验體体點点黨党齡龄龍龙';
const T2S = new Map<number, number>();
for (let i = 0; i + 1 < T2S_PAIRS.length; i += 2) T2S.set(T2S_PAIRS.charCodeAt(i), T2S_PAIRS.charCodeAt(i + 1));

const cache = new Map<number, number>();

function normUnit(c: number): number {
  const hit = cache.get(c);
  if (hit !== undefined) return hit;
  let out = c;
  if (c >= 0xd800 && c <= 0xdfff) out = c; // half of an astral character: keep
  else {
    const t = T2S.get(c);
    if (t !== undefined) out = t;
    else {
      const k = String.fromCharCode(c).normalize('NFKC').toLowerCase();
      if (k.length === 1) out = k.charCodeAt(0);
    }
  }
  cache.set(c, out);
  return out;
}

/** Same length as the input, unit for unit. */
export function normSearch(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += String.fromCharCode(normUnit(s.charCodeAt(i)));
  return out;
}

/** Characters a query term keeps: letters, digits and ideographs; punctuation never matters. */
export function cleanTerm(s: string): string {
  return normSearch(s).replace(/[^\p{L}\p{N}]+/gu, '');
}

/** The single-character index's form of a text: every character a token. */
export function spaced(norm: string): string {
  return [...norm.replace(/[^\p{L}\p{N}]+/gu, ' ')].join(' ').replace(/\s+/g, ' ');
}

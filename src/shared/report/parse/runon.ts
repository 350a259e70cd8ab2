// Run-on text: a web page copied or crawled with its paragraphs joined into a few long lines.
// Cut where a part heading, a table or a sub-heading starts, and where the heading ends, so
// that parts, tables and the closing signature are found as in a document with line breaks.

const PART_TOPIC =
  '(?:总体情况|概述|基本情况|概况|主动公开|行政机关主动公开|依申请公开|收到和处理|政府信息公开行政复议|政府信息公开的行政复议|因政府信息公开|政府信息公开工作存在|存在的主要问题|存在的问题|主要问题|其他需要?报告|其他事项|政府信息公开的收费|政府信息公开收费|收费及减免)';
// "…12月31日。一、总体情况 2025年，…", "…0 0 00四、政府信息公开行政复议…".
const INLINE_HEADING = new RegExp(`(?<=[。；;！？!?”’）)】\\s\\d%])(?=[一二三四五六七]\\s*[、.．]\\s*${PART_TOPIC})`, 'g');
// A table starting inside a line.
const INLINE_TABLE = /(?=第二十条第\s*[（(]一[）)]\s*项)|(?=[（(]本列数据的勾稽关系)/;
// A sub-heading after a sentence or after a table's numbers ("…5949.09(二)主动公开政府信息的主要类别"),
// but not the sub-items of table 三.
const INLINE_SUBHEADING = /(?<=[。；;！？!?]|\d)(?=[（(][一二三四五六七八九十][）)](?!予以公开|部分公开|不予公开|无法提供|不予处理|其他处理|总计)[\u4e00-\u9fff]{4})/g;

export function splitRunOn(line: string): string[] {
  if (line.length < 12) return splitSignature(line);
  const out: string[] = [];
  for (const piece of line.split(INLINE_HEADING)) {
    const end = headingEnd(piece);
    const halves = end > 0 ? [piece.slice(0, end), piece.slice(end)] : [piece];
    for (const h of halves)
      for (const t of h.split(INLINE_TABLE))
        for (const u of t.length > 60 ? t.split(INLINE_SUBHEADING) : [t]) if (u.trim()) out.push(u);
  }
  if (out.length === 0) return [line];
  return out.flatMap(splitSignature);
}

/** Where a part heading at the start of a run-on piece ends ("一、总体情况2023年，…" → after 情况). */
function headingEnd(piece: string): number {
  const m = /^[一二三四五六七]\s*[、.．]\s*/.exec(piece);
  if (!m || piece.length < 10) return 0;
  const body = piece.slice(m[0].length);
  const stop = body.search(/[（(\d，。,：:；;！？\s]/);
  const head = body.slice(0, stop < 0 ? 40 : Math.min(stop, 40));
  // The heading's last word (情况, 事项, 措施 …); past it the body or a table header runs on.
  const last = /^.*(?:情况|事项|措施|概述|概况)/.exec(head) ?? /^.*?问题/.exec(head);
  const cut = m[0].length + (last ? last[0].length : head.length);
  return cut < piece.length ? cut : 0;
}

/** The last word of a body that signs a report. */
export const SIGNER_END = /(人民政府|政府|办公室|办公厅|委员会|管委会|局|厅|委|办|中心|院|署|处|办事处|街道|镇|乡|所|队|会|部|站|馆)$/;

const DATE = '(?:19|20)\\d\\d\\s*年\\s*\\d{1,2}\\s*月\\s*\\d{1,2}\\s*日';
// "…无收取信息处理费情况。 平潭综合实验区财政金融局 2024年1月29日": the signature glued to the last paragraph.
const GLUED_SIGNATURE = new RegExp(`^(.*[。；;！？!?”）)])\\s+([^。；;，,：:\\s“”《》()（）]{4,40}?)\\s*(${DATE})?\\s*$`);
const GLUED_SIGNATURE_DATED = new RegExp(`^(.*[。；;！？!?”）)])\\s*([^。；;，,：:\\s“”《》()（）\\d]{4,40}?)\\s*(${DATE})\\s*$`);
const GLUED_DATE = new RegExp(`^(.*[。；;！？!?”）)])\\s*(${DATE})\\s*$`);
// "无平潭综合实验区行政审批局": part 六 says 无 and the signer follows without a break.
const NONE_THEN_SIGNER = new RegExp(`^(无[。.]?)([^。；;，,：:\\s“”《》]{4,40}?)\\s*(${DATE})?\\s*$`);

function splitSignature(piece: string): string[] {
  for (const re of [GLUED_SIGNATURE, GLUED_SIGNATURE_DATED, NONE_THEN_SIGNER]) {
    const m = re.exec(piece);
    // 无锡市…: "无" starts the name of a place, not a word of its own.
    if (m && SIGNER_END.test(m[2]) && !(re === NONE_THEN_SIGNER && /^锡/.test(m[2]))) return [m[1], m[2], ...(m[3] ? [m[3]] : [])];
  }
  const d = GLUED_DATE.exec(piece);
  if (d) return [d[1], d[2]];
  return [piece];
}

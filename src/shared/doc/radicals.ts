// Some PDF fonts map a character's glyph to its radical's code point (the Kangxi Radicals and CJK
// Radicals Supplement blocks), so the text layer says 人⺠政府 where the page shows 人民政府. A radical
// standing in a line of Chinese text is the character it looks like: Kangxi radicals by Unicode's
// own compatibility mapping (NFKC), the supplement's simplified forms by this table.
const SUPPLEMENT: Record<string, string> = {
  '⺀': '冫', '⺁': '厂', '⺇': '几', '⺈': '刀', '⺊': '卜', '⺌': '小', '⺍': '小', '⺎': '兀', '⺏': '尢', '⺐': '尢',
  '⺑': '尢', '⺒': '巳', '⺓': '幺', '⺔': '彐', '⺕': '彐', '⺖': '心', '⺗': '心', '⺘': '手', '⺙': '攴', '⺛': '旡',
  '⺜': '日', '⺝': '月', '⺞': '歹', '⺟': '母', '⺠': '民', '⺡': '水', '⺢': '水', '⺣': '火', '⺤': '爪', '⺥': '爪',
  '⺦': '丬', '⺧': '牛', '⺨': '犬', '⺩': '王', '⺪': '疋', '⺫': '目', '⺬': '示', '⺭': '示', '⺮': '竹', '⺯': '糸',
  '⺰': '糸', '⺱': '网', '⺲': '网', '⺳': '网', '⺴': '网', '⺵': '网', '⺶': '羊', '⺷': '羊', '⺸': '羊', '⺹': '老',
  '⺺': '聿', '⺻': '聿', '⺼': '肉', '⺽': '臼', '⺾': '艸', '⺿': '艸', '⻀': '艸', '⻁': '虎', '⻂': '衣', '⻃': '襾',
  '⻄': '西', '⻅': '见', '⻆': '角', '⻇': '角', '⻈': '讠', '⻉': '贝', '⻋': '车', '⻌': '辶', '⻍': '辶', '⻎': '辶',
  '⻏': '阝', '⻐': '钅', '⻑': '長', '⻒': '镸', '⻓': '长', '⻔': '门', '⻕': '阜', '⻖': '阝', '⻗': '雨', '⻘': '青',
  '⻙': '韦', '⻚': '页', '⻛': '风', '⻜': '飞', '⻝': '食', '⻞': '食', '⻟': '食', '⻠': '饣', '⻡': '首', '⻢': '马',
  '⻣': '骨', '⻤': '鬼', '⻥': '鱼', '⻦': '鸟', '⻧': '卤', '⻨': '麦', '⻩': '黄', '⻪': '黾', '⻫': '齐', '⻬': '齐',
  '⻭': '齿', '⻮': '齿', '⻯': '龙', '⻰': '龙', '⻱': '龟', '⻲': '龟', '⻳': '龟',
};

const RADICAL = /[\u2e80-\u2eff\u2f00-\u2fdf]/;

export function fromRadicals(text: string): string {
  return RADICAL.test(text) ? text.replace(new RegExp(RADICAL.source, 'g'), (ch) => SUPPLEMENT[ch] ?? ch.normalize('NFKC')) : text;
}

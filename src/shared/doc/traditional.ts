// Reports in Traditional characters: what a government portal's 繁體 view gives when it is saved
// or copied, sometimes with a pinyin gloss after a character (鄉(xiāng)). The parser's labels and
// the gazetteer are Simplified, so such a document is read as Simplified (OpenCC's Traditional →
// mainland conversion, opencc-js); the original file stays in the archive as it was.
import * as OpenCC from 'opencc-js/t2cn';
import type { DocBlock } from './blocks.ts';

const toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });
const CJK = /[\u3400-\u9fff]/g;
/** A character's pinyin in brackets, with a tone mark: "鄉(xiāng)". (Not global: `test` on a global regex carries lastIndex from one document to the next.) */
const GLOSS = /([\u3400-\u9fff])[(（]([a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]*)[)）]/;
const GLOSSES = new RegExp(GLOSS.source, 'g');

/**
 * Words a portal's 繁體 view took from Taiwan usage, back to the labels the tables print: 規範性檔案
 * is 规范性文件; a Big5 gateway's 政府資訊公開 / 資訊內容 is 政府信息公开 / 信息内容.
 */
const MAINLAND: Record<string, string> = { 规范性档案: '规范性文件', 政府资讯: '政府信息', 资讯公开: '信息公开', 资讯内容: '信息内容' };
const TAIWAN_WORDS = new RegExp(Object.keys(MAINLAND).join('|'), 'g');

const textOf = (blocks: DocBlock[]) => blocks.map((b) => (b.type === 'p' ? b.text : b.rows.map((r) => r.map((c) => c.text).join(' ')).join('\n'))).join('\n');

/** Traditional when at least 2 % of its Chinese characters (and 20 in all) change: a Simplified report changes next to none. */
export function isTraditional(text: string): boolean {
  const sample = text.slice(0, 20000);
  const cjk = sample.match(CJK)?.length ?? 0;
  if (cjk === 0) return false;
  const converted = toSimplified(sample);
  let changed = 0;
  for (let i = 0; i < sample.length && i < converted.length; i++) if (sample[i] !== converted[i]) changed++;
  return changed >= 20 && changed / cjk >= 0.02;
}

/** The blocks in Simplified characters, glosses dropped; `converted` says whether anything was Traditional. */
export function simplifiedBlocks(blocks: DocBlock[]): { blocks: DocBlock[]; converted: boolean } {
  const text = textOf(blocks);
  const glossed = GLOSS.test(text);
  const traditional = isTraditional(text);
  if (!glossed && !traditional) return { blocks, converted: false };
  const fix = (s: string) => {
    const t = s.replace(GLOSSES, '$1');
    return traditional ? toSimplified(t).replace(TAIWAN_WORDS, (w: string) => MAINLAND[w]) : t;
  };
  return {
    converted: traditional,
    blocks: blocks.map((b) => (b.type === 'p' ? { ...b, text: fix(b.text) } : { ...b, rows: b.rows.map((r) => r.map((c) => ({ ...c, text: fix(c.text) }))) })),
  };
}

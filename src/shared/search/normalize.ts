// Search normalisation, one UTF-16 code unit to one, so that an offset in the normalised text
// is the same offset in the original (highlighting needs that). Full-width to half-width,
// upper to lower case, and common traditional characters to simplified ones. Matching then
// looks at letters and digits only: punctuation, spaces and line breaks never stop a match
// ("行政复议、行政诉讼" is found as typed, and as "行政复议行政诉讼").

// Traditional -> simplified for characters common in these reports (cheap, not complete):
// space-separated pairs, checked when loaded so a slip cannot shift the table.
const T2S_PAIRS = `
開开 資资 訊讯 報报 務务 處处 費费 複复 議议 訴诉 訟讼 請请 審审 結结 計计 總总 機机 關关 縣县 區区
鎮镇 國国 門门 會会 規规 範范 條条 網网 單单 與与 應应 對对 經经 發发 據据 統统 數数 獲获 實实 難难
預预 決决 歸归 檔档 號号 產产 環环 衛卫 醫医 療疗 稅税 財财 貨货 違违 標标 準准 級级 權权 責责 聯联
絡络 辦办 證证 營营 業业 認认 項项 類类 當当 體体 徵征 農农 險险 華华 東东 廣广 邊边 員员 職职 稱称
齊齐 於于 為为 這这 個个 們们 來来 時时 間间 後后 過过 還还 進进 運运 達达 選选 從从 讓让 說说 話话
語语 論论 記记 錄录 識识 訂订 設设 許许 試试 詢询 調调 諮咨 謀谋 護护 償偿 優优 價价 傳传 參参 協协
雙双 變变 願愿 顧顾 題题 風风 飛飞 館馆 驗验 點点 黨党 齡龄 龍龙 內内 況况 組组 織织 維维 綜综 線线
練练 續续 紀纪 層层 隊队 勞劳 異异 劃划 讀读 講讲 評评 診诊 貫贯 買买 賣卖 質质 車车 軍军 轉转 遞递
遠远 適适 鄉乡 銷销 錢钱 長长 陳陈 陽阳 隨随 際际 雖虽 電电 靜静 響响 頁页 順顺 領领 頻频 餘余 麼么
盡尽 監监 閱阅 陸陆 雜杂 簡简 籌筹 糧粮 約约 細细 終终 給给 絕绝 繼继 義义 習习 聽听 舉举 舊旧 藥药
術术 補补 製制 覺觉 觀观 視视 親亲 覽览 訓训 詳详 誤误 誠诚 談谈 謝谢 豐丰 負负 貢贡 敗败 貧贫 購购
賠赔 跡迹 較较 載载 輔辅 輸输 釋释 銀银 鐵铁 閉闭 問问 隱隐 雲云 離离 頭头 額额 顯显 養养 驅驱 髮发
鬥斗 黃黄 億亿 儀仪 兩两 冊册 創创 勵励 勝胜 卻却 啟启 嚴严 團团 圖图 場场 壓压 壞坏 夠够 奮奋 婦妇
學学 寧宁 將将 專专 導导 屆届 帶带 幣币 幫帮 廠厂 廢废 態态 慶庆 憲宪 懷怀 戰战 戶户 擁拥 擇择 擔担
擊击 擴扩 攝摄 斷断 書书 極极 構构 樣样 樹树 橋桥 歡欢 歷历 氣气 沒没 滿满 潔洁 濟济 災灾 熱热 爭争
獎奖 現现 畢毕 確确 碼码 禮礼 種种 穩稳 競竞 節节 築筑 簽签 臺台 灣湾 鄰邻 齒齿 屬属 擬拟 補补 務务
`;
const T2S = new Map<number, number>();
for (const pair of T2S_PAIRS.split(/\s+/).filter(Boolean)) {
  if (pair.length !== 2) throw new Error(`T2S table: bad pair ${pair}`);
  T2S.set(pair.charCodeAt(0), pair.charCodeAt(1));
}

// Lookup tables for the whole BMP, filled on first use: normalising a 10 KB report for a
// snippet is then a table walk, not 10,000 calls to String.normalize.
let TABLE: Uint16Array | null = null;
/** 1 where the normalised unit is part of a letter or digit (halves of astral characters
 *  count as such), 0 for punctuation, symbols and white space. */
let WORD: Uint8Array | null = null;

function table(): Uint16Array {
  if (TABLE) return TABLE;
  const t = new Uint16Array(65536);
  const w = new Uint8Array(65536);
  for (let c = 0; c < 65536; c++) {
    if (c >= 0xd800 && c <= 0xdfff) {
      t[c] = c; // half of an astral character: keep
      w[c] = 1;
      continue;
    }
    const simplified = T2S.get(c);
    if (simplified !== undefined) t[c] = simplified;
    else {
      const k = String.fromCharCode(c).normalize('NFKC').toLowerCase();
      t[c] = k.length === 1 ? k.charCodeAt(0) : c;
    }
    w[c] = /[\p{L}\p{N}]/u.test(String.fromCharCode(t[c])) ? 1 : 0;
  }
  WORD = w;
  return (TABLE = t);
}

const decoder = new TextDecoder('utf-16le');

/** Same length as the input, unit for unit. */
export function normSearch(s: string): string {
  const t = table();
  const out = new Uint16Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = t[s.charCodeAt(i)];
  return decoder.decode(out);
}

/**
 * The normalised letters and digits of a text, and for each unit of them its offset in the
 * text: what the trigram index holds and what hits are found in.
 */
export function compactSearch(s: string): { flat: string; at: Int32Array } {
  const t = table();
  const w = WORD!;
  const out = new Uint16Array(s.length);
  const at = new Int32Array(s.length);
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = t[s.charCodeAt(i)];
    if (w[c]) {
      out[n] = c;
      at[n++] = i;
    }
  }
  return { flat: decoder.decode(out.subarray(0, n)), at: at.subarray(0, n) };
}

/** Characters a query term keeps: letters, digits and ideographs; punctuation never matters. */
export function cleanTerm(s: string): string {
  return compactSearch(s).flat;
}

/** The single-character index's form of a text: every character a token. */
export function spaced(norm: string): string {
  return [...norm.replace(/[^\p{L}\p{N}]+/gu, ' ')].join(' ').replace(/\s+/g, ' ');
}

// Agency, report year and signature date, weighed from every piece of evidence the document
// and its file give: the title block, the closing signature, the opening paragraph, the page's
// own information (a crawler's 标题/发布机构 lines, a saved page's title) and the file name.
// Each field keeps where it came from; evidence that disagrees with the choice is a note.
import type { MetaEvidence, MetaSource, ParseNote } from '../model.ts';
import { repairPlace } from '../../places/gazetteer.ts';
import { normalizeAgency, parseCnNumber } from './normalize.ts';
import { SIGNER_END } from './runon.ts';
import type { PageInfo, Unit } from './units.ts';

export interface MetaContext {
  page?: PageInfo;
  /** The file's name and the folders above it, as the importer found them. */
  fileName?: string;
  folder?: string;
}

export interface Meta {
  agency: string | null;
  year: number | null;
  date: string | null;
  evidence: MetaEvidence[];
  notes: ParseNote[];
}

const Y = '((?:19|20)\\d\\d)';
// ("关于2021年度政府信息公开工作的年度报告": 的 before 年度报告 too.)
const KIND = '(?:政府信息|政务|信息)(?:工作)?公开(?:工作)?(?:年度)?(?:工作)?(?:情况)?的?(?:年度)?(?:报告|年报)';
/** Title forms seen in real reports: agency first or year first, the year in brackets after. */
const TITLES: { re: RegExp; agency: number; year: number }[] = [
  { re: new RegExp(`^(.*?)(?:关于)?${Y}年?度?的?${KIND}`), agency: 1, year: 2 },
  { re: new RegExp(`^${Y}年度?(.{2,40}?)${KIND}`), agency: 2, year: 1 },
  { re: new RegExp(`^(.*?)${KIND}[（(]${Y}年?度?[）)]`), agency: 1, year: 2 },
  { re: new RegExp(`^(.*?)(?:政府|政务)?信息公开(?:工作)?${Y}年度?(?:报告|年报)`), agency: 1, year: 2 },
];
// (A state farm or forest farm reports too: "某某国有林场", "园艺场"; a market or a square does not.)
const AGENCY_END = /(人民政府|政府|办公室|办公厅|委员会|管委会|局|厅|委|办|中心|院|署|处|办事处|街道|镇|乡|区|县|市|省|州|旗|盟|所|队|会|部|站|馆|(?<=林|农|牧|渔|茶|园艺|良种|种畜)场)$/;
/** A date as reports print it: 2024年1月29日, 二〇二四年一月二十九日, 二○一○年四月十日 (year, month, day captured). */
export const DATE = /((?:19|20)\d\d|[〇○零一二三四五六七八九]{4})\s*年\s*([\d一二三四五六七八九十]{1,3})\s*月(?:\s*([\d一二三四五六七八九十]{1,3})\s*日)?/;
const STAT_YEAR = [
  new RegExp(`统计(?:时间|期限|期间|时限|区间)[^。]{0,30}?${Y}\\s*年\\s*(?:1\\s*月\\s*1\\s*日\\s*)?(?:起\\s*)?(?:至|到|—|-)?[^。]{0,12}?12\\s*月\\s*31\\s*日`),
  new RegExp(`${Y}\\s*年\\s*1\\s*月\\s*1\\s*日\\s*(?:起\\s*)?(?:至|到|—|-)\\s*(?:\\1\\s*年\\s*)?12\\s*月\\s*31\\s*日`),
];

// Page chrome that a line above the title or a joined line brings into a name: breadcrumbs,
// bullets, the site's links ("首页", "无障碍", "打印"), the column name "政府信息公开".
const CHROME_IN_NAME = /[>»|•·]|首页|当前位置|无障碍|长者|关怀版|登录|注册|打印|关闭|分享|字[号体]|浏览|搜索|网站|热搜|主办|欢迎/;
const COLUMN_IN_NAME = /信息公开(?!(?:工作)?(?:领导小组)?(?:办公室|办))|公开年报/;
// A name ending in a bracket: "遵义市播州区人民政府(区政府办公室)", "…管委会(浒墅关镇人民政府)"; the
// bracket names a body, not a place ("高新区(新市区)") nor a short form ("以下简称…").
const BODY_BRACKET = /[（(]([^（()）]{2,20})[）)]$/;
const BODY_WORD = /(人民政府|政府|办公室|办公厅|委员会|管委会|局|厅|委|办|中心|办事处)$/;

export function looksLikeAgency(s: string): boolean {
  let t = normalizeAgency(s);
  if (t.length < 2 || t.length > 40 || /[。，,；：:“”、《》]/.test(t) || /\d{4}/.test(t) || /^(本|我|该|各|全)/.test(t)) return false;
  if (CHROME_IN_NAME.test(t) || COLUMN_IN_NAME.test(t) || SPAM.test(t)) return false;
  const bracket = BODY_BRACKET.exec(t);
  if (bracket) {
    if (/以下简称|简称/.test(bracket[1]) || !BODY_WORD.test(bracket[1])) return false;
    t = t.slice(0, bracket.index);
  }
  // A body word alone ("政府", "办公室") names nobody.
  return AGENCY_END.test(t) && t.replace(AGENCY_END, '') !== '';
}

/** "区政府办公室", "市政府办公厅": a body named without its place, which no archive can tell apart. */
export const placeless = (s: string) => /^(?:省|市|县|区|州|镇|乡|自治区|街道)/.test(normalizeAgency(s)) && !/^市中区/.test(normalizeAgency(s));

// A place named alone, as a government ("四川省2019年…", "现公布桐梓县2022年…"): not a zone or a park.
const PLACE = /^[\u4e00-\u9fff]{2,16}?(?:省|自治区|市|县|自治县|区|自治州|州|盟|旗)$/;
const NOT_A_GOVERNMENT = /(?:开发区|新区|园区|景区|示范区|试验区|实验区|管理区|功能区|保税区|合作区|度假区|商务区|片区|社区|小区|街区|校区|矿区|林区|牧区|垦区)$|(?:局|委|办|厅|中心|政府|办事处|公司)/;
export const barePlace = (s: string) => PLACE.test(normalizeAgency(s)) && !NOT_A_GOVERNMENT.test(normalizeAgency(s));

// Words a mirror site injects (gambling ads) where it cut a place's name: "新葡京博彩官网流花街道办事处",
// "必威体育app某某镇". No body's name holds them.
const SPAM = /博彩|投注|官网|官方网站|电竞|棋牌|彩票|赌场|娱乐城|葡京|威尼斯人|必威|[Aa][Pp][Pp]|[Bb]et\d*/;
/** The name after the last spam word, where a name follows it directly ("…官网流花街道办事处"). */
const SPAM_BEFORE = new RegExp(`^.*(?:${SPAM.source})(?=[\u4e00-\u9fff])`);

/** A name read off a title: no markdown, no spaces, no chrome or spam before it, 人民政府 kept whole. */
function cleanName(raw: string): string {
  let t = raw
    .replace(/[#*>\s　]+/g, '')
    .replace(SPAM_BEFORE, '')
    // "特编制并向社会公布X…": the verb's tail is no part of the name; "现公布X2020年…" on a line of its
    // own, read as a title: nor is the verb.
    .replace(/^并?向社会(?:公众)?(?:公布|发布|公开)(?:了)?/, '')
    .replace(/^(?:现|特|兹)(?:向社会(?:公众)?)?(?:公布|发布|公开|编制|印发)(?:了)?/, '')
    // "现将我乡2014年…报告公开如下" on a line of its own: the verb, then 我乡, no name.
    .replace(/^(?:现|特)(?:将|把|就)/, '')
    .replace(/[（(]以下简称[^）)]*[）)]/g, '')
    // "某镇政府(机关)": the body's own offices as against its area, not a part of its name.
    .replace(/[（(](?:机关|本级|本机关)[）)]$/, '')
    .replace(/^[^\u3400-\u9fff（(]+/, '')
    .replace(/^[“"《【]|[”"》】]$/g, '')
    .replace(/关于$/, '')
    // "…官网区人民政府某某街道办事处": the place a mirror cut leaves its government's word, placeless,
    // before the street's or the town's own name.
    .replace(/^(?:省|市|县|区)人民政府(?=[\u4e00-\u9fff]{2,}(?:街道办事处|街道|(?:乡|镇)(?:人民政府)?)$)/, '');
  // "淮安市人民政府信息公开工作年度报告": the title's 政府 is the name's.
  if (/人民$/.test(t)) t += '政府';
  // A name printed twice ("高平市人民政府高平市人民政府"), or its place twice ("北京市大兴区北京市大兴区发展…").
  return t.replace(/^(.{2,20})\1$/, '$1').replace(/^([\u4e00-\u9fff]{2,12}?[省市县区])\1(?=[\u4e00-\u9fff]{2})/, '$1');
}

interface Found {
  agency?: string;
  year?: number;
  text: string;
}

/** A title's agency and year, from one line or a title broken over lines. */
export function readTitle(text: string): Found | null {
  const t = text
    .normalize('NFKC')
    .replace(/[\s　]+/g, '')
    .replace(/^#+/, '')
    // "标   题 县政府办2022年度…", "名  称 某局…": a metadata key, spaced out, before the title.
    .replace(/^(?:标题|名称|题名|信息名称|文件名称)[:：]?/, '')
    // "2015年年度政府信息公开…": the year's word typed twice.
    .replace(/((?:19|20)\d\d)年年度/, '$1年度')
    // "(文字版)2017年芜湖市…": a note on the page before the title.
    .replace(/^[（(【[][^（()）【】[\]]{1,8}[）)】\]]/, '')
    .replace(/[（(]以下简称[^）)]*[）)]/g, '');
  for (const f of TITLES) {
    const m = f.re.exec(t);
    // A sentence that names the report ("…编制完成2023年度政府信息公开工作年度报告。") is not its title.
    if (!m || /[。，,；;：:、《》“”]/.test(m[f.agency] ?? '') || m[0].length > 80) continue;
    const name = cleanName(m[f.agency] ?? '');
    return { agency: name.length >= 2 && looksLikeAgency(name) ? name : undefined, year: Number(m[f.year]), text: text.trim() };
  }
  return null;
}

/** The short name a title uses ("财金局", "区财政金融局", "市科委") is the full one's, written shorter. */
export function isShortFor(short: string, full: string): boolean {
  const s = normalizeAgency(short);
  const f = normalizeAgency(full);
  if (s.length >= f.length || s.length < 2) return false;
  const ending = (x: string) => x.replace(/委员会$/, '委').slice(-1);
  if (ending(s) !== ending(f)) return false;
  let i = 0;
  for (const ch of f) if (ch === s[i]) i++;
  return i === s.length;
}

export function findMeta(units: Unit[], firstHeadingUnit: number, ctx: MetaContext = {}): Meta {
  const lines = units.filter((u): u is Extract<Unit, { kind: 'line' }> => u.kind === 'line' && u.text.trim() !== '');
  const notes: ParseNote[] = [];
  const agencies: (MetaEvidence & { value: string })[] = [];
  const years: (MetaEvidence & { value: number })[] = [];
  const add = (source: MetaSource, f: Found | null, text = f?.text ?? '') => {
    if (!f) return;
    if (f.agency) agencies.push({ field: 'agency', value: f.agency, source, text });
    if (f.year) years.push({ field: 'year', value: f.year, source, text });
  };

  // Title block: the lines before part 一 (past a portal's menus and metadata). A line that reads
  // as a title alone wins over a reading that joins it to the chrome above; a title broken over
  // two or three lines is joined; a title with a year but no name ("2020年度") does not end the
  // search while a later line names the body.
  const head = lines.filter((l) => l.index < Math.max(firstHeadingUnit, 1)).slice(0, 80);
  const headText = (i: number, k: number) =>
    head
      .slice(i, i + k)
      .map((l) => l.text.trim())
      .join('');
  let title: { found: Found; at: number } | null = null;
  for (let i = 0; i < head.length; i++) {
    let found: Found | null = null;
    for (let k = 1; k <= 3 && i + k <= head.length && !found; k++) {
      const text = headText(i, k);
      if (k > 1 && text.length > 90) break;
      const f = readTitle(text);
      // Joined lines are a title only where the first is part of it, not chrome above a title of its own.
      if (f && k > 1 && readTitle(headText(i + 1, k - 1))?.agency) break;
      found = f;
    }
    if (!found) continue;
    // The name on a line of its own above the title, or under it ("2025年政府信息公开工作年度报告" / "区数据局").
    if (!found.agency && i > 0 && looksLikeAgency(cleanName(head[i - 1].text))) found = { ...found, agency: cleanName(head[i - 1].text), text: `${head[i - 1].text.trim()} ${found.text}` };
    const below = head[i + 1] ? cleanName(head[i + 1].text) : '';
    if (!found.agency && below && looksLikeAgency(below) && below.length <= 25) found = { ...found, agency: below, text: `${found.text} ${head[i + 1].text.trim()}` };
    if (!title || (!title.found.agency && found.agency)) title = { found, at: i };
    if (title.found.agency) break;
  }
  // A title with no year ("某某街道办事处政府信息公开工作年度报告"): its name, where no title has a year.
  if (!title)
    for (const l of head) {
      const m = new RegExp(`^(.{2,30}?)${KIND}$`).exec(l.text.normalize('NFKC').replace(/[\s　]+/g, ''));
      const name = m ? cleanName(m[1]) : '';
      if (name && looksLikeAgency(name) && !placeless(name)) {
        agencies.push({ field: 'agency', value: name, source: '标题', text: l.text.trim() });
        break;
      }
    }
  if (title) add('标题', title.found);

  // Closing signature: a name over a date among the last lines.
  let date: MetaEvidence | null = null;
  // Only below the title and part 一: a month under the title ("2017年3月") is when it was published.
  const bodyFrom = firstHeadingUnit < units.length ? firstHeadingUnit : title ? head[title.at].index : -1;
  const tail = lines.filter((l) => l.index > bodyFrom).slice(-8);
  for (let i = tail.length - 1; i >= 0; i--) {
    const t = tail[i].text.trim();
    const m = DATE.exec(t);
    if (!m || t.length > 20) continue;
    const d = formatDate(m);
    if (d) date = { field: 'date', value: d, source: '落款', text: t };
    const above = i > 0 ? cleanName(tail[i - 1].text) : '';
    if (above && looksLikeAgency(above) && SIGNER_END.test(above)) agencies.push({ field: 'agency', value: above, source: '落款', text: `${tail[i - 1].text.trim()} ${t}` });
    break;
  }
  const last = tail[tail.length - 1];
  if (!date && last && last.index > firstHeadingUnit) {
    // Signed without a date: a name alone on the last line.
    const name = cleanName(last.text);
    if (looksLikeAgency(name) && SIGNER_END.test(name) && name.length >= 4) agencies.push({ field: 'agency', value: name, source: '落款', text: last.text.trim() });
  }
  if (!date) {
    // "（2020年1月）" under the title.
    for (const l of head) {
      const m = /^[（(]\s*((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月\s*(?:(\d{1,2})\s*日)?\s*[）)]$/.exec(l.text.trim());
      const d = m ? formatDate(m) : null;
      if (d) date = { field: 'date', value: d, source: '标题', text: l.text.trim() };
    }
  }

  // The page's own information: a crawler's header, a saved page's title and publisher.
  if (ctx.page?.title) add('网页信息', readTitle(ctx.page.title), `标题：${ctx.page.title}`);
  const publisher = ctx.page?.publisher ? cleanName(ctx.page.publisher) : '';
  if (publisher && looksLikeAgency(publisher) && !placeless(publisher))
    agencies.push({ field: 'agency', value: publisher, source: '网页信息', text: `发布机构：${ctx.page!.publisher}` });

  // The opening paragraph: the lines above part 一 (or the first ones), "(以下简称…)" left out.
  const intro = lines
    .filter((l, i) => i < 40 || l.index < firstHeadingUnit)
    .slice(0, 120)
    .map((l) => l.text)
    .join('\n')
    .replace(/[（(]以下简称[^）)]*[）)]/g, '');
  // (Spaces a document-sharing site put between words, "现公布苏州市 2017 年…", are no part of a name.)
  const opening = openingName(intro.replace(/[ \t\u3000]+/g, ''));
  if (opening) agencies.push({ field: 'agency', value: opening.name, source: '正文', text: opening.text });
  const subject = opening ? null : subjectName(firstLines(lines, firstHeadingUnit));
  if (subject) agencies.push({ field: 'agency', value: subject.name, source: '正文', text: subject.text });
  // A body that calls itself 我局/我委 is no government (weighed below).
  const whole = lines.map((l) => l.text).join('');
  const department = /[我本](?:局|委|厅|办|中心)/.test(whole) && !/[我本](?:省|市|县|区|州|镇|乡|街道)/.test(whole);
  const contact = opening || subject ? null : contactName(intro, department);
  if (contact) agencies.push({ field: 'agency', value: contact.name, source: '正文', text: contact.text, inferred: true });
  const stated = statedYear(intro, lines, firstHeadingUnit);
  if (stated) years.push({ field: 'year', value: stated.year, source: '正文', text: stated.text });

  // The file's name and its folders: evidence where the text lacks a field.
  if (ctx.fileName) add('文件名', readTitle(ctx.fileName.replace(/\.[a-z0-9]{2,5}$/i, '')) ?? nameOnly(ctx.fileName), ctx.fileName);
  if (ctx.folder) {
    const y = /(?:^|[\\/])((?:19|20)\d\d)\s*年?度?(?:[\\/]|$)/.exec(ctx.folder);
    if (y) years.push({ field: 'year', value: Number(y[1]), source: '文件名', text: ctx.folder });
  }

  // A department's text: a government's name in its opening ("结合2021年度某区人民政府信息公开工作
  // 实际") is the government's work it joins, not its own name.
  const own = department ? agencies.filter((c) => !(c.source === '正文' && /(?:政府|[省市县区州])$/.test(normalizeAgency(c.value)))) : agencies;
  // "结合2021年度某区人民政府信息公开工作实际…请联系某区民政局": the contact line names the 我局.
  const fallback = !own.length && (opening || subject) ? contactName(intro, department) : null;
  if (fallback) own.push({ field: 'agency', value: fallback.name, source: '正文', text: fallback.text, inferred: true });
  // Nothing names the body but the text itself: "我局…" and, once or more, "2022年,某市农业农村局在…".
  const self = own.length ? null : (selfNamed(whole) ?? ownNamed(whole));
  if (self) own.push({ field: 'agency', value: self.name, source: '正文', text: self.text, inferred: true });
  const agency = chooseAgency(own, notes);
  // 沐阳县 is no place, 沭阳县 is, one look-alike character away: a slip (OCR, typing).
  const fix = agency ? repairPlace(normalizeAgency(agency.value as string)) : null;
  if (agency && fix) {
    notes.push({ code: 'place-repaired', message: `单位名称中的“${fix.from}”不是行政区划名称，与“${fix.to}”只差一个形近字，已按“${fix.repaired}”记录（原文写作“${agency.value}”）` });
    agency.value = fix.repaired;
  }
  // Nothing else gives a year: part 一's sentences of the body's own work ("2019年,我局按照…").
  const selfYear = years.length ? null : selfSubjectYear(lines, firstHeadingUnit, agency ? (agency.value as string) : null);
  if (selfYear) years.push({ field: 'year', value: selfYear.year, source: '正文', text: selfYear.text, inferred: true });
  // "2017年3月" under the title: when it was published. The report is on the year before, but
  // only where nothing else says which year.
  const published = (title ? head.slice(title.at + 1, title.at + 4) : head.slice(0, 6)).find((l) => /^(?:19|20)\d\d\s*年\s*\d{1,2}\s*月$/.test(l.text.trim()));
  if (!years.length && !date && published)
    years.push({ field: 'year', value: Number(published.text.trim().slice(0, 4)) - 1, source: '标题', text: published.text.trim(), inferred: true });
  const year = chooseYear(years, date, notes);
  const evidence = [agency, year, date].filter((e): e is MetaEvidence => e !== null);
  return {
    agency: agency ? (agency.value as string) : null,
    year: year ? (year.value as number) : null,
    date: date ? (date.value as string) : null,
    evidence,
    notes,
  };
}


const NAME = '([^\\s，,。；;：:、《》“”"]{2,30}?)';
const AFTER_PUNCT = '(?<=^|[\\s，,。；;：:)）》])';
/** The opening sentence's ways of naming the body, most telling first. */
const OPENING: RegExp[] = [
  // "现公布X2020年…报告", "特编制X…", "现发布《X2021年…》", "现将X2022年…报告进行公开", "现就X2020年度政府信息公开情况报告如下".
  // "编写沙洋县2017年度政府信息公开工作年度报告".
  new RegExp(`(?:公布|发布|公开|编制(?:完成|形成)?|编写|现将|现把|现就)(?:了|的)?《?${NAME}${Y}年度?(?:的)?(?:${KIND}|(?:政府信息公开|政务公开)(?:工作)?(?:情况)?报告如下)`, 'g'),
  // "特编制2013年安康市汉滨区人民政府信息公开年度报告", "现将2020年度市人社局信息公开工作总结报告如下".
  new RegExp(`(?:公布|发布|公开|编制|现将|现把|现就)(?:了|的)?《?${Y}年度?${NAME}(?:政府|政务)?信息公开(?:工作)?(?:年度)?(?:工作)?(?:总结)?(?:报告|年报)`, 'g'),
  // "本报告由X根据…编制而成", "由X编制": the body that compiled it, anywhere in the first paragraph.
  // "由X组织编制": the body that organised it, as 编制.
  new RegExp(`由${NAME}(?:组织)?(?:根据|依据|按照|遵照|负责|牵头|综合|汇总|编制|编写)`, 'g'),
  // "X编制了2015年…报告", "X形成了《2016年…报告》".
  new RegExp(`${AFTER_PUNCT}${NAME}(?:编制|形成|编印)了《?(?:本|${Y}年)`, 'g'),
  // "根据X2022年政府信息公开工作情况编制本报告".
  new RegExp(`根据${NAME}${Y}年度?[^。]{0,30}?编制(?:了)?本(?:报告|年报)`, 'g'),
  // "某县人民政府办公室根据《中华人民共和国政府信息公开条例》…": the body that speaks first.
  /^(\S{2,30}?)(?:根据|依据|按照|遵照)《/gm,
  new RegExp(`结合${Y}年度?(\\S{2,30}?)(?:政府|政务)?信息公开工作实际`, 'g'),
  // "在某区人民政府某街道办事处2017年度政府信息公开工作的基础上编制": the body, beside the year before.
  new RegExp(`在${NAME}${Y}年度?(?:的)?(?:政府信息公开|政务公开|信息公开)工作的?基础上`, 'g'),
  // A government's report summing up its parts: "综合2017年度丽水市各县(市、区)政府和市级各部门的…
  // 报告编制", "在2016年度东城区人民政府各街道办事处、各委办局的…年度报告的基础上编制".
  new RegExp(`(?:在|综合|汇总|以及)${Y}年度?${NAME}(?:和|及|、)?各[^。]{0,80}?(?:报告|年报)`, 'g'),
  // What the report covers: "涵盖了2022年某区自然资源局政府信息公开工作", "涵盖某市农业农村局在2021年1月1日
  // 至…期间的政府信息公开工作", "涵盖2020年1月1日至12月21日某县人民政府信息公开工作".
  new RegExp(`涵盖(?:了)?(?:${Y}年度?|${Y}年\\d{1,2}月\\d{1,2}日起?(?:至|到|—|-)(?:${Y}年)?\\d{1,2}月\\d{1,2}日止?)${NAME}(?:的)?(?:政府|政务)?信息公开工作`, 'g'),
  new RegExp(`涵盖(?:了)?${NAME}(?:在)?${Y}年[^。]{0,40}?(?:期间)?的?(?:政府|政务)?信息公开工作`, 'g'),
];

// A mirror's spam run ending in a colon where it cut the place: "《uedbet体育_uedbet官网@:某镇人民政府2023年…".
const SPAM_COLON = new RegExp(`[A-Za-z][A-Za-z0-9_@\\u4e00-\\u9fff]{0,30}?(?:${SPAM.source})[A-Za-z0-9_@]*[:：]`, 'g');

// A department's short name with no place ("区水利局", "省市场监管局"), as the sentence that publishes its
// report gives it: the body, as a title would give it (a government's or its office's is no one's).
const shortDepartment = (name: string) => /(?:局|委员会|委|厅|中心)$/.test(name) && !/政府/.test(name);

function openingName(raw: string): { name: string; text: string } | null {
  const intro = raw.replace(SPAM_COLON, '');
  for (const [i, re] of OPENING.entries()) {
    re.lastIndex = 0;
    for (let m = re.exec(intro); m; m = re.exec(intro)) {
      const name = bodyOf(cleanName(m.slice(1).find((g) => g && !/^\d{4}$/.test(g)) ?? ''));
      if (looksLikeAgency(name) && (!placeless(name) || (i < 2 && shortDepartment(name)))) return { name, text: m[0] };
      // Not a name here ("编制的《安顺市…"): look from the next character on.
      re.lastIndex = m.index + 1;
    }
  }
  return null;
}

// An office inside a body that compiles its report or answers for it is the body's: "某镇人民政府党政
// 办公室", "某镇政府综合督考办公室", "某乡人民政府党政办", "某局行政办公室". (Not "某市人民政府外事
// 办公室", an office of its own subject, nor a government's own 办公室, which also reports for itself.)
// A street's or a town's offices are all its own: "某街道办事处综合保障办公室", "某街道办事处信息公开办公室".
const INTERNAL_OFFICE: [RegExp, string][] = [
  [/^(.*(?:办事处|街道|(?:乡|镇)(?:人民政府|政府)?))[\u4e00-\u9fff]{2,8}?(?:办公室|办|室)$/, '$1'],
  [/((?:人民)?政府)(?:党政综合|党政|综合督考|综合|行政)办(?:公室)?$/, '$1'],
  [/(局|厅|委员会|委)(?:行政|综合)?办公室$/, '$1'],
];
const bodyOf = (name: string) => INTERNAL_OFFICE.reduce((n, [re, to]) => n.replace(re, to), name);

// A unit of the body answering questions ("综合科", "电子政务股") is cut off; a department's own
// 办公室 is the department's.
// (A street's 办事处 under a government's name is a body of its own, not a unit of it.)
const SUB_UNIT = /^(?![\u4e00-\u9fff]*(?:办公|办事处))[\u4e00-\u9fff]{1,10}?(?:科|股|组|处|室)$/;
const BODY_AT = /(?:人民政府|政府|办公室|办公厅|委员会|管委会|管理局|局|厅|委|办事处|中心)/g;

const OWN_GROUP = /^(\S{2,30}?(?:(?:乡|镇)(?:人民政府|政府)?|街道(?:办事处)?|办事处|局|厅|委员会))(?:政府)?(?:信息公开|政务公开)(?:工作)?领导小组(?:办公室)?$/;

/** "请与X联系", "如有疑问，请联系：X，电话…": the contact office's body, where nothing else names one. */
function contactName(intro: string, department = false): { name: string; text: string } | null {
  const m =
    /请与([^\s，,。；;：:、《》“”()（）]{2,40}?)联系|请与([^\s，,。；;：:、《》“”()（）]{2,40}?)[（(](?:地址|电话|联系电话|邮编)|请联系\s*[:：]\s*([^\s，,。；;：:、《》“”()（）]{2,40})[，,;；(（]|(?:请|可)联系([^\s，,。；;：:、《》“”()（）]{2,40}?)(?:[，,]\s*|[（(])(?:地址|电话|联系电话|邮编|邮政编码)/.exec(intro);
  const full = m ? normalizeAgency(m[1] ?? m[2] ?? m[3] ?? m[4]) : '';
  if (!m || !full) return null;
  // A town's or a bureau's own openness group ("某乡信息公开领导小组办公室", "某局政府信息公开领导小组
  // 办公室") answers for that body alone, unlike a government's, which answers for its departments too.
  const group = OWN_GROUP.exec(full);
  if (group) return looksLikeAgency(group[1]) && !placeless(group[1]) ? { name: group[1], text: m[0] } : null;
  const raw = bodyOf(full);
  // "某乡党政办公室": the town itself, named without 人民政府.
  if (/(?:乡|镇|街道|办事处)$/.test(raw) && raw !== full) return looksLikeAgency(raw) && !placeless(raw) ? { name: raw, text: m[0] } : null;
  let name = '';
  for (const b of raw.matchAll(BODY_AT)) {
    const end = b.index + b[0].length;
    const rest = raw.slice(end);
    if (rest === '' || SUB_UNIT.test(rest)) {
      name = raw.slice(0, end);
      break;
    }
  }
  // The openness office answers for the government and its departments alike, a government's own
  // 办公室 for the government as often as for itself: which body reports cannot be told.
  // (A report that calls itself 我局 and gives a 政务服务…局 to write to is that bureau's own.)
  if (/信息公开|政务公开|电子政务|政府办公[室厅]$/.test(name) || (/政务服务/.test(name) && !(department && /局$/.test(name)))) return null;
  return looksLikeAgency(name) && !placeless(name) ? { name, text: m[0] } : null;
}

// The 统计期限, also as pages garble it ("2022年11日至1231日", "20191月1日起", "自2018年1月1日起至2018年12月31日止").
const PERIOD_YEAR = [
  ...STAT_YEAR,
  new RegExp(`统计(?:时间|期限|期间|时限|区间)[^。]{0,30}?${Y}\\s*年?\\s*1?\\s*月?\\s*1\\s*日\\s*(?:起\\s*)?(?:至|到|—|-)\\s*(?:\\1\\s*年?\\s*)?12\\s*月?\\s*31\\s*日`),
];
// A book title in the opening: "现发布《重庆市2021年政府信息公开工作年度报告》".
const BOOK_YEAR = new RegExp(`《[^《》]{0,40}?${Y}年度?[^《》]{0,6}?${KIND}》`);
// The first words of the report or of part 一: "2014年，按照…", "2023年是…", "2009年年报根据…",
// "儋州市2016年政府信息公开工作，…".
const DOES = '(?:认真|深入|坚持|高度|紧紧|严格|按照|始终|围绕|全面|持续|积极|不断|进一步|扎实|大力|继续|切实|贯彻|以)';
// ("根据《条例》要求，2010年，我局…": the law cited first.)
const OPENING_YEAR = new RegExp(`^(?:(?:根据|依据|按照)《[^《》]{1,30}》[^，,。；;《]{0,10}[，,])?[^，,。；;《]{0,15}?${Y}\\s*年度?(?:以来|是|[，,]|年[报報]|(?:的)?(?:政府信息公开|政务公开)工作[，,]|(?=[^，,。；;]{2,24}?${DOES}))`);
// A report's title named in its opening without book-title marks: "…编制。2017年度安义县政府信息公开年度报告全文包括…".
// ("由某县人民政府编制的2012年政府信息公开年度报告": the year of the report it compiled.)
const NAMED_YEAR = new RegExp(
  `(?:^|[。；;\\s])${Y}年度?[^。，,；;《》]{2,30}?${KIND}|(?:现将|现把|现就|特编制|现编制|现公布|现发布|特公布)[^。；;，,《]{0,20}?${Y}\\s*年度?[^。；;]{0,20}?(?:报告|年报)|编制的${Y}年度?[^。；;，,《》]{0,12}?${KIND}`,
);
// The report the opening says it compiles or the work it reports: "认真编制了2016年度政府信息公开年度
// 报告", "编制本局2018年度政府信息公开报告", "汇报我镇2023年政府信息公开工作" (not a notice's title,
// "《关于编制2019年度…年度报告的通知》", which names every body's reports of that year).
const SAID_YEAR = new RegExp(
  `(?:编制|编写|汇报|形成)(?:了)?(?:[我本](?:局|委|厅|办|中心|乡|镇|街道|单位|部门|机关))?${Y}\\s*年度?(?:的)?(?:${KIND}|(?:政府信息公开|政务公开)工作)`,
  'g',
);

/** The year of the report a text says it compiles ("编制了2016年度…年度报告"), outside a book title. */
export function compiledYear(text: string): { year: number; text: string } | null {
  for (const m of text.matchAll(SAID_YEAR)) {
    const before = text.slice(0, m.index);
    if (before.lastIndexOf('《') > before.lastIndexOf('》') || /关于$/.test(before)) continue;
    return { year: Number(m[1]), text: m[0] };
  }
  return null;
}

// The first sentence of the report or of part 一 naming who did the work: "2020年，武汉市坚持…",
// "2020年，在市委、市政府的正确领导下，二七区切实贯彻…" (a page's stray "??" before it); or the
// opening's, after the law it cites: "根据《条例》规定和上级有关要求，彝良县坚持…".
const SUBJECT = new RegExp(
  `^[^\\u4e00-\\u9fff\\d]{0,4}${Y}\\s*年度?(?:以来)?[，,]?\\s*(?:在[^，,。；;]{2,40}?(?:领导|指导|部署|支持)下[，,]\\s*)?([^\\s，,。；;：:、《》“”"]{2,30}?)(?:的)?(?:政府信息公开|政务公开|信息公开)?(?:工作)?${DOES}`,
);
// "抚顺市认真贯彻落实…", "儋州市2016年政府信息公开工作，认真…": the body first, no year before it.
const SUBJECT_FIRST = new RegExp(
  `^()([^\\s，,。；;：:、《》“”"\\d]{2,30}?)(?:${Y}年度?(?:的)?(?:政府信息公开|政务公开)工作[，,]|(?:认真|深入|坚持|切实|高度重视))`,
);
// A party committee (中共某县委, 某镇党委), or the committee and the government named together
// (某乡党委政府), is no body of a government's report.
const PARTY = /^中共|党(?:工)?委|[省市县区]委$/;
const SUBJECT_AFTER_LAW = new RegExp(`^(?:根据|依据|按照)《[^。]{0,80}?(?:要求|规定)[，,]\\s*()([^\\s，,。；;：:、《》“”"]{2,30}?)${DOES}`);

const SUB_HEADING = /^[（(][一二三四五六七八九十]{1,3}[）)][^。，,；;：:]{1,12}。/;

/** The opening's first paragraphs and the first two lines of part 一. */
function firstLines<L extends { text: string; index: number }>(lines: L[], firstHeadingUnit: number): L[] {
  return [...lines.filter((l) => l.index < firstHeadingUnit && l.text.trim().length >= 20).slice(0, 3), ...lines.filter((l) => l.index > firstHeadingUnit).slice(0, 2)];
}

function subjectName(first: { text: string }[]): { name: string; text: string } | null {
  for (const l of first) {
    const m = SUBJECT.exec(l.text.trim()) ?? SUBJECT_AFTER_LAW.exec(l.text.trim()) ?? SUBJECT_FIRST.exec(l.text.trim());
    const name = m && !PARTY.test(cleanName(m[2])) ? cleanName(m[2]) : '';
    if (m && looksLikeAgency(name) && !placeless(name)) return { name, text: m[0] };
  }
  return null;
}

// What a body calls itself (我局, 我乡) and how its full name ends.
const SELF_KINDS: [RegExp, string][] = [
  [/我局/, '局'],
  [/我厅/, '厅'],
  [/我委/, '委(?:员会)?'],
  [/我(?:乡)(?![镇村])/, '乡(?:人民政府|政府)?'],
  [/我镇/, '镇(?:人民政府|政府)?'],
  [/我(?:街道|街办)/, '街道(?:办事处)?'],
];
// Verbs that run into the name after them ("健全完善某镇人民政府…"); no body's name holds them.
const VERBS_BEFORE = /^.*(?:进一步|健全|完善|加强|推进|落实|开展|建立|修订|提升|做好|强化|规范|深化|加大|推动|制定|更新|明确)/;
// A verb or a preposition inside a run of characters: a clause, not a name.
const CLAUSE = /按照|根据|通过|要求|关于|依据|结合|配合|的|对|向|将|把|由|经|在|与|及|和(?!社会|信息化|城乡|改革|旅游|体育|文化|广播|科技|应急|自然|林业|农村|生态|环境|草原|民族|宗教|规划|人力|卫生|计划|健康)/;

/**
 * The body a text names where it speaks of itself only as 我局/我乡: the one full name of that kind
 * (a place before it) standing at the start of a clause, said twice or as the subject after a date
 * ("截至2019年12月31日,某乡人民政府通过…"). Two such names, or a text that is several kinds of body
 * at once, name nobody.
 */
function selfNamed(whole: string): { name: string; text: string } | null {
  const kinds = SELF_KINDS.filter(([re]) => re.test(whole));
  if (kinds.length !== 1) return null;
  const run = new RegExp(`(?<![\\u4e00-\\u9fff])([\\u4e00-\\u9fff]{2,20}?${kinds[0][1]})(?![\\u4e00-\\u9fff]*?(?:局|厅|委员会|办事处|人民政府)(?:[^\\u4e00-\\u9fff]|$))`, 'g');
  const found = new Map<string, { count: number; subject: boolean; placed: boolean; text: string }>();
  for (const m of whole.matchAll(run)) {
    // "进一步健全完善某镇人民政府信息公开工作机制": the verbs before a name are the clause's, not the name's.
    // ("2021年县统计局…": the date's 年 is no part of the name.)
    const name = cleanName(m[1]).replace(VERBS_BEFORE, '').replace(/^(?:年度?|月|日|底)(?=[\u4e00-\u9fff]{2})/, '');
    // (A department's short name, "县统计局", is one too: its 我局 says which kind of body it is; not
    // where a mirror's spam stands for the cut place, "…投注官网市市场监管局".)
    const short = placeless(name) && shortDepartment(name) && !SPAM.test(m[1]);
    // A town named without its county ("某某乡"): only as the subject of a dated sentence, below.
    const placed = /[省市县区州旗盟乡镇]/.test(name.slice(0, -1));
    const town = /(?:乡|镇|街道)$/.test(name) && name.length >= 3 && !TOWN_WORD.test(name) && !/[我本]/.test(name);
    if (!looksLikeAgency(name) || (placeless(name) && !short) || CLAUSE.test(name) || (!placed && !town)) continue;
    const before = whole.slice(Math.max(0, m.index - 12), m.index);
    const f = found.get(normalizeAgency(name)) ?? { count: 0, subject: false, placed, text: `${before}${m[1]}` };
    f.count++;
    f.subject ||= /(?:\d日|年度?|年底|以来)[，,]\s*$/.test(before);
    found.set(normalizeAgency(name), f);
  }
  const names = [...found.keys()].filter((n) => ![...found.keys()].some((o) => o !== n && isShortFor(n, o)));
  if (names.length !== 1) return null;
  const f = found.get(names[0])!;
  return (f.count >= 2 && f.placed) || f.subject ? { name: names[0], text: f.text } : null;
}

// Words ending like a town that name none: 城乡, 乡镇, 村镇, 集镇, 小城镇.
const TOWN_WORD = /^(?:城|乡|村|集|小|市|各|该|全|本|我)/;

// The body's own openness group, rules, guide or catalogue: "…为成员的某县农业农村局政府信息公开工作
// 领导小组", "《某县农业农村局政府信息与政务公开工作制度》".
const OWN_THING = '(?:政府)?信息(?:与政务)?公开(?:工作)?(?:领导小组|工作制度|管理制度|制度|指南|目录)';

/**
 * The body a 我局/我乡 text names only as the owner of its own openness group or rules: one full name
 * of that kind, a place before it, however often.
 */
function ownNamed(whole: string): { name: string; text: string } | null {
  const kinds = SELF_KINDS.filter(([re]) => re.test(whole));
  if (kinds.length !== 1) return null;
  const re = new RegExp(`([\\u4e00-\\u9fff]{2,24}?${kinds[0][1]})(?=${OWN_THING})`, 'g');
  const found = new Map<string, string>();
  for (const m of whole.matchAll(re)) {
    // "…为成员的某县农业农村局": the clause before the name is no part of it.
    const name = cleanName(m[1]).replace(/^.*[的了将把对向在由]/, '').replace(VERBS_BEFORE, '');
    if (!looksLikeAgency(name) || placeless(name) || CLAUSE.test(name) || !/[省市县区州旗盟]/.test(name.slice(0, -1))) continue;
    if (!found.has(normalizeAgency(name))) found.set(normalizeAgency(name), m[0]);
  }
  const names = [...found.keys()].filter((n) => ![...found.keys()].some((o) => o !== n && isShortFor(n, o)));
  return names.length === 1 ? { name: names[0], text: found.get(names[0])! } : null;
}

// "2019年,我局按照…", "2020年度我街办未接到…": the body itself doing the work of a year.
// ("截止2023年12月31日我局通过…": the body's work up to the year's end.)
const SELF_YEAR = new RegExp(`^(?:[（(][一二三四五六七八九十]{1,3}[）)][^。，,；;]{0,12}。)?\\s*(?:截[止至]\\s*)?${Y}\\s*年度?(?:\\s*12\\s*月\\s*31\\s*日|底)?[，,]?\\s*[我本](?:局|委|厅|办|中心|乡|镇|街道|街办|街|区|县|市|单位|部门)`);

/**
 * The year of part 一's sentences whose subject is the body itself, where they agree on one: at the
 * start of its lines, or of any sentence of its first lines ("某区住建局高度重视…。2019年，某区住建局
 * 共主动公开…"), the body called 我局 or by the name the text gives it.
 */
function selfSubjectYear(lines: { text: string; index: number }[], firstHeadingUnit: number, agency: string | null): { year: number; text: string } | null {
  const named = agency ? new RegExp(`^${Y}\\s*年度?[，,]?\\s*${agency.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) : null;
  const part1 = lines.filter((l) => l.index > firstHeadingUnit).slice(0, 30);
  const sentences = part1.flatMap((l, i) => (i < 3 ? l.text.split(/[。；;]/) : [l.text]).map((t) => t.trim()));
  const found = sentences.map((text) => ({ m: SELF_YEAR.exec(text) ?? named?.exec(text) ?? null, text })).filter((x) => x.m);
  const years = new Set(found.map((x) => Number(x.m![1])));
  return years.size === 1 ? { year: [...years][0], text: found[0].text.slice(0, 40) } : null;
}

function statedYear(intro: string, lines: { text: string; index: number }[], firstHeadingUnit: number): { year: number; text: string } | null {
  for (const re of PERIOD_YEAR) {
    const m = re.exec(intro);
    // "自2008年5月1日起，至2018年12月31日止": the year the period ends in.
    const end = m && /((?:19|20)\d\d)\s*年\s*12\s*月\s*31\s*日/.exec(m[0]);
    if (m) return { year: Number(end ? end[1] : m[1]), text: m[0] };
  }
  const book = BOOK_YEAR.exec(intro) ?? NAMED_YEAR.exec(intro);
  if (book) return { year: Number(book[1] ?? book[2] ?? book[3]), text: book[0].replace(/^[。；;\s]/, '') };
  const compiled = compiledYear(intro);
  if (compiled) return compiled;
  for (const l of firstLines(lines, firstHeadingUnit)) {
    // "（一）主动公开情况。2022年,…": a sub-heading run into its first sentence.
    const m = OPENING_YEAR.exec(l.text.trim().replace(SUB_HEADING, ''));
    if (m) return { year: Number(m[1]), text: m[0] };
  }
  return null;
}

function nameOnly(fileName: string): Found | null {
  const stem = fileName.replace(/\.[a-z0-9]{2,5}$/i, '');
  const m = /^(.{2,40}?)(?:政府|政务)?信息公开/.exec(stem.replace(/\s+/g, ''));
  return m && looksLikeAgency(cleanName(m[1])) ? { agency: cleanName(m[1]), text: fileName } : null;
}

// The report's own words win over the page's publisher line; a contact office is the last resort.
const rank = (c: MetaEvidence) =>
  c.source === '标题' ? 0 : c.source === '网页信息' && c.text.startsWith('标题') ? 1 : c.source === '落款' ? 2 : c.source === '正文' && !c.inferred ? 3 : c.source === '网页信息' ? 4 : c.source === '正文' ? 5 : 6;

function chooseAgency(cands: (MetaEvidence & { value: string })[], notes: ParseNote[]): MetaEvidence | null {
  const ordered = [...cands].sort((a, b) => rank(a) - rank(b));
  let chosen = ordered[0];
  if (!chosen) return null;
  // A short name in the title, the full one in the signature or elsewhere: the full one.
  const fuller = ordered.filter((c) => isShortFor(chosen.value, c.value)).sort((a, b) => b.value.length - a.value.length)[0];
  if (fuller) {
    notes.push({ code: 'agency-expanded', message: `${chosen.source}中的单位名称“${chosen.value}”是简称，按${fuller.source}中的全称“${fuller.value}”记录` });
    chosen = fuller;
  }
  // "忻府区2020年度…" under "来源：忻州市忻府区人民政府": the place's government named in full elsewhere.
  const bare = chosen.value;
  const inFull = barePlace(bare) ? ordered.find((c) => new RegExp(`${bare}(?:人民)?政府$`).test(normalizeAgency(c.value))) : undefined;
  if (inFull) {
    notes.push({ code: 'agency-expanded', message: `${chosen.source}中只写了地名“${bare}”，按${inFull.source}中的“${inFull.value}”记录` });
    chosen = inFull;
  }
  // "四川省2019年…", "现公布桐梓县2022年…": a place named as its government, where no other body is named.
  const gov = `${chosen.value}人民政府`;
  if (barePlace(chosen.value) && ordered.every((c) => [chosen.value, gov].some((v) => normalizeAgency(v) === normalizeAgency(c.value)))) {
    notes.push({ code: 'agency-completed', message: `${chosen.source}中只写了地名“${chosen.value}”，没有写单位名称，按“${gov}”记录` });
    chosen = { ...chosen, value: gov, inferred: true };
  }
  const same = (c: MetaEvidence & { value: string }) =>
    normalizeAgency(c.value) === normalizeAgency(chosen.value) || isShortFor(c.value, chosen.value) || normalizeAgency(`${c.value}人民政府`) === normalizeAgency(chosen.value);
  const other = ordered.find((c) => !same(c) && c.source !== '网页信息');
  // The office that compiles a report often names itself in the text: a note, not a warning.
  if (other && other.source === '文件名')
    notes.push({ code: 'meta-disagree', message: `文件名中的单位“${other.value}”与正文的“${chosen.value}”不同，按正文记录，请核对` });
  else if (other) notes.push({ code: 'meta-other-name', message: `${other.source}的单位“${other.value}”与${chosen.source}的“${chosen.value}”不同，按${chosen.source}记录` });
  return chosen;
}

const YEAR_ORDER: MetaSource[] = ['标题', '网页信息', '正文', '文件名'];

function chooseYear(cands: (MetaEvidence & { value: number })[], date: MetaEvidence | null, notes: ParseNote[]): MetaEvidence | null {
  const ordered = [...cands].sort((a, b) => YEAR_ORDER.indexOf(a.source) - YEAR_ORDER.indexOf(b.source));
  const chosen = ordered[0];
  if (!chosen) {
    if (!date) return null;
    // Signed in January 2024: a report on 2023.
    return { field: 'year', value: Number(String(date.value).slice(0, 4)) - 1, source: '落款', text: date.text, inferred: true };
  }
  for (const c of ordered) {
    if (c.value === chosen.value) continue;
    const where = c.source === '文件名' ? '文件名' : c.source === '正文' ? '统计期限' : c.source;
    notes.push({ code: 'meta-disagree', message: `${where}的年度（${c.value}年）与${chosen.source}的${chosen.value}年不同，按${chosen.source}记录，请核对（“${c.text.slice(0, 40)}”）` });
    break;
  }
  return chosen;
}

function formatDate(m: RegExpExecArray): string | null {
  const y = parseCnNumber(m[1].replace(/○/g, '〇'));
  const mo = parseCnNumber(m[2]);
  const d = m[3] ? parseCnNumber(m[3]) : null;
  if (!y || !mo || mo > 12 || (d !== null && (d < 1 || d > 31))) return null;
  const p = (n: number) => String(n).padStart(2, '0');
  return d ? `${y}-${p(mo)}-${p(d)}` : `${y}-${p(mo)}`;
}

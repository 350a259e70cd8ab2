// 年报审核意见: the notice the 政务公开 office sends back to a unit about its draft report: every
// finding, where it is and what to fix, in the office's wording, with its name, the date and the
// deadline for the corrected report. One builder, read by the printed sheet (renderer) and the
// .docx the unit can edit (main), so the two say the same.
import type { Finding, TemplateId } from './model.ts';
import { REVIEW_RULES } from './checks/review.ts';
import { PART_TITLES, partOrdinal } from './parse/parts.ts';
import { columnLabel, rowLabel, TABLE_TITLES } from './templates/index.ts';
import { localDay } from '../dates.ts';
import { findingKey } from './revision.ts';
import type { ListedState } from './rectification.ts';

/** What to do about each rule of the tables and completeness (the 体检 rules carry their own). */
const FIXES: Record<string, string> = {
  R1: '核对表三各列：本年新收与上年结转之和应等于办理结果总计与结转下年度之和',
  R2: '核对表三各行：总计应等于各类申请人之和',
  R3: '核对表三各列：（七）总计应等于各项办理结果之和',
  R4: '核对表四各组：总计应等于各项结果之和',
  V1: '件数应为非负整数，请改正',
  V2: '填写数字（没有的填0），不要空白或填写符号',
  X1: '与上一年度报告核对：本年“上年结转”应等于上年“结转下年度继续办理”',
  X2: '与上一年度报告核对现行有效件数',
  N1: '使正文中的数字与表格一致',
  N2: '使正文中的数字与表格一致',
  N3: '使正文中的数字与表格一致',
  T1: '按规定时限公开年度报告',
  C1: '补全全国统一格式的六个部分',
  C2: '补全统一格式的统计表',
  C3: '在第六部分说明信息处理费的收取情况',
  M1: '核对报告的单位名称和年度',
};

export interface NoticeItem {
  no: number;
  /** The finding's findingKey and rule: what the archive records of a notice (整改跟踪). */
  key: string;
  rule: string;
  /** Where: a part, a table's cell, or the report as a whole. */
  where: string;
  problem: string;
  fix: string;
  severity: 'error' | 'warning';
}

export interface Notice {
  title: string;
  /** The unit addressed, as its report names it. */
  to: string;
  intro: string;
  items: NoticeItem[];
  closing: string;
  office: string;
  date: string;
  /** The checks the office switched off, said so the unit knows what was not looked at. */
  skipped: string | null;
  /** For the clerk, not the unit: findings left out because they may be our reading's (识别存疑). */
  held: string | null;
  /** A 再次审核意见: what the unit fixed since the notice before (its problems as then written). */
  fixed: string[] | null;
}

/**
 * The notice written before on an earlier version of the same report, with each finding it listed
 * in its state against this version (rectification.ts): the 再次审核意见 lists only what is still
 * open (and what is new), and says what was fixed.
 */
export interface PreviousNotice {
  /** The day it was written, YYYY-MM-DD. */
  day: string;
  items: { key: string; message: string; state: ListedState }[];
}

export interface NoticeInput {
  agency: string | null;
  year: number | null;
  template: TemplateId;
  findings: Finding[];
}

const chineseDate = (iso: string) => `${Number(iso.slice(0, 4))}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;

function whereOf(f: Finding, template: TemplateId): string {
  if (f.at) return f.at.part === 0 ? '开头或落款' : `${partOrdinal(f.at.part)}（${PART_TITLES[f.at.part]?.slice(2) ?? ''}）`;
  const c = f.cells[0];
  if (c) return `${TABLE_TITLES[c.table].split(' ')[0]}“${rowLabel(template, c.table, c.row)}”行“${columnLabel(template, c.table, c.col)}”列`;
  const part = /第([一二三四五六])部分/.exec(f.message);
  return part ? `第${part[1]}部分` : '全文';
}

/** `today` (YYYY-MM-DD) dates the notice: the PC's own day unless a test says. */
export function buildNotice(
  r: NoticeInput,
  opts: { officeName: string; deadline: string | null; today?: string; disabledRules: string[]; previous?: PreviousNotice | null },
): Notice {
  const unit = r.agency ?? '（单位）';
  const report = `${r.year ? `${r.year}年度` : ''}政府信息公开工作年度报告`;
  const prev = opts.previous ?? null;
  // Findings the clerk said no longer apply are not asked for again.
  const dismissed = new Set(prev?.items.filter((i) => i.state === '不再适用').map((i) => i.key));
  const listed = new Set(prev?.items.map((i) => i.key));
  // A rule that may fail in our reading of a PDF is not the unit's until the clerk has checked the original.
  const held = r.findings.filter((f) => f.fault === 'reading');
  const shown = r.findings.filter((f) => !opts.disabledRules.includes(f.rule) && f.fault !== 'reading' && !dismissed.has(findingKey(f)));
  // Errors first, then the rest in the order the checks found them; in a 再次审核意见 what is still
  // open of the notice before comes first, then what the revision brought.
  const bySeverity = (fs: Finding[]) => [...fs.filter((f) => f.severity === 'error'), ...fs.filter((f) => f.severity !== 'error')];
  const ordered = prev ? [...bySeverity(shown.filter((f) => listed.has(findingKey(f)))), ...bySeverity(shown.filter((f) => !listed.has(findingKey(f))))] : bySeverity(shown);
  const items = ordered.map((f, i) => ({
    no: i + 1,
    key: findingKey(f),
    rule: f.rule,
    where: whereOf(f, r.template),
    problem: prev && !listed.has(findingKey(f)) ? `（新发现）${f.message}` : f.message,
    fix: REVIEW_RULES.find((x) => x.id === f.rule)?.fix ?? FIXES[f.rule] ?? '请核对并修改',
    severity: f.severity,
  }));
  const off = REVIEW_RULES.filter((x) => opts.disabledRules.includes(x.id));
  const fixed = prev ? prev.items.filter((i) => i.state === '已整改').map((i) => i.message) : null;
  const errors = items.some((x) => x.severity === 'error') ? '（其中统计数据错误须改正）' : '';
  return {
    title: `关于${unit}${report}的${prev ? '再次' : ''}审核意见`,
    to: `${unit}：`,
    intro: prev ? againIntro(report, prev, items, errors) : items.length
      ? `你单位报送的${report}已收悉。经审核，发现以下${items.length}处问题${errors}，请对照修改：`
      : `你单位报送的${report}已收悉。经审核，未发现需要修改的问题。`,
    items,
    closing: items.length ? (opts.deadline ? `请于${chineseDate(opts.deadline)}前修改完善后重新报送。` : '请修改完善后重新报送。') : '',
    office: opts.officeName.trim() || '政务公开工作机构',
    date: chineseDate(opts.today ?? localDay()),
    skipped: off.length ? `本次审核未进行以下检查：${off.map((x) => x.title).join('；')}。` : null,
    held: held.length ? `另有${held.length}处识别存疑（数值由程序从PDF等读取，可能是读取有误），未列入本意见；请在报告页核对原文，确认数值无误后再生成审核意见。` : null,
    fixed,
  };
}

/** The opening of a 再次审核意见: what the notice before asked, what was fixed, what is left. */
function againIntro(report: string, prev: PreviousNotice, items: { problem: string }[], errors: string): string {
  const count = (s: ListedState) => prev.items.filter((i) => i.state === s).length;
  const fresh = items.filter((i) => i.problem.startsWith('（新发现）')).length;
  const open = items.length - fresh;
  const told = `你单位重新报送的${report}已收悉。${chineseDate(prev.day)}审核意见所列${prev.items.length}处问题，已整改${count('已整改')}处${count('不再适用') ? `，${count('不再适用')}处不再要求修改` : ''}`;
  if (!items.length) return `${told}，经再次审核，未发现需要修改的问题。`;
  return `${told}；经再次审核，${open ? `仍有${open}处未整改` : '所列问题均已整改'}${fresh ? `，另新发现${fresh}处问题` : ''}${errors}，请对照修改：`;
}

/**
 * The notice before, for a 再次审核意见: the one an earlier version of this report was sent
 * (ReportDetail.rectification), or null when this file is the one it was written on, or none was.
 */
export function previousNotice(d: { id: number; rectification?: { noticedId: number; sent: string; findings: { key: string; message: string; state: ListedState }[] } }): PreviousNotice | null {
  const r = d.rectification;
  return r && r.noticedId !== d.id ? { day: r.sent, items: r.findings } : null;
}

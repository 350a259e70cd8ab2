// T1: was the report signed by its deadline? 《条例》(2019) 第四十九条: departments by 31 January,
// governments by 31 March; before the 2019 revision (2007 条例 第三十一条) everyone by 31 March.
import type { Finding } from '../model.ts';

export function isGovernment(agency: string): boolean {
  return /人民政府$|政府$/.test(agency.replace(/[（(].*?[）)]/g, ''));
}

export function checkTimeliness(r: { agency: string | null; year: number | null; date: string | null }): Finding[] {
  if (!r.date || !r.year) return [];
  const [y, m, d] = r.date.split('-').map(Number);
  const deadlineYear = r.year + 1;
  const gov = r.agency ? isGovernment(r.agency) : false;
  const newRules = r.year >= 2019;
  const deadlineMonth = newRules && !gov ? 1 : 3;
  const deadlineDay = deadlineMonth === 1 ? 31 : 31;
  // A date printed without a day ("2020年2月") counts as that month's last day.
  const day = d ?? new Date(y, m, 0).getDate();
  const late = y > deadlineYear || (y === deadlineYear && (m > deadlineMonth || (m === deadlineMonth && day > deadlineDay)));
  if (!late) return [];
  const why = !newRules
    ? '2019年以前的报告适用2007年《条例》第三十一条：每年3月31日前公布'
    : gov
      ? '本单位是人民政府，《条例》第四十九条规定政府应于每年3月31日前公布'
      : '本单位是政府部门（名称不是“人民政府”），《条例》第四十九条规定部门应于每年1月31日前公布';
  const shown = d ? `${y}年${m}月${d}日` : `${y}年${m}月`;
  return [
    {
      rule: 'T1',
      severity: 'warning',
      message: `落款日期${shown}晚于截止日期${deadlineYear}年${deadlineMonth}月${deadlineDay}日：${why}`,
      cells: [],
    },
  ];
}

// The 单位目录: every unit with the government it reports under (上级), its kind and whether it
// must report each year. Proposed from the names alone, as an office would read them: a place
// and 人民政府 (or 管委会) is a government; 某镇人民政府, 某街道办事处 a town or street under the
// place before it; anything else a department of the government its name begins with.
import { leadingPlaces } from '../places/gazetteer.ts';

export type UnitKind = '本级政府' | '部门' | '乡镇街道' | '其他';
export const UNIT_KINDS: UnitKind[] = ['本级政府', '部门', '乡镇街道', '其他'];

export interface UnitEntry {
  name: string;
  /** The government it reports under, or null for a government at the top of the list. */
  parent: string | null;
  kind: UnitKind;
  /** Must report every year (缺报 counts only these). */
  required: boolean;
  aliases: string[];
}

/** A government's name ends so: 某某县人民政府, 某某区管委会. */
export const GOV = /(?:人民政府|管理委员会|管委会)$/;
const TOWN = /(?:镇|乡|街道)(?:人民政府|办事处)?$|街道办事处$/;

/** 平潭综合实验区管委会 → 平潭综合实验区: the area a government governs. */
export const governed = (gov: string) => gov.replace(GOV, '');

/**
 * The kind and 上级 of `name`, given the governments already known (their names). A department
 * goes under the known government whose area its name begins with (the longest such); failing
 * that, under the last place its name begins with, as that place's 人民政府.
 */
export function proposeUnit(name: string, governments: string[]): { kind: UnitKind; parent: string | null } {
  const { places, rest } = leadingPlaces(name);
  const under = governments
    .filter((g) => g !== name && name.startsWith(governed(g)) && governed(g).length >= 2)
    .sort((a, b) => governed(b).length - governed(a).length)[0];
  // A town's government: 某某镇人民政府, under the county it lies in.
  if (TOWN.test(name) && (rest.length > 0 || places.length > 0)) return { kind: '乡镇街道', parent: under ?? (places.length ? `${places.at(-1)}人民政府` : null) };
  if (GOV.test(name) && (rest === '人民政府' || rest === '管委会' || rest === '管理委员会' || !under)) {
    // A government: under the one before it when its name carries more than one place (淮安市洪泽区 → 淮安市).
    const above = places.length >= 2 ? `${places.at(-2)}人民政府` : null;
    return { kind: '本级政府', parent: under ?? above };
  }
  if (under) return { kind: '部门', parent: under };
  if (places.length) return { kind: '部门', parent: `${places.at(-1)}人民政府` };
  return { kind: '其他', parent: null };
}

/** Proposals for a list of names: governments first, so departments find the one they are under. */
export function proposeDirectory(names: string[]): UnitEntry[] {
  const governments = names.filter((n) => GOV.test(n) && !TOWN.test(n));
  return names.map((name) => ({ name, ...proposeUnit(name, governments), required: true, aliases: [] }));
}

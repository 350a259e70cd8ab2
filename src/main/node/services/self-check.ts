// 报送前自查: a draft a unit sends (or will send) checked as an import would check it, against
// the archive's previous year, without putting it in the archive. The answers are kept in main
// by token, the latest few, for the printed sheet and the 审核意见 (a draft: not recorded for
// 整改跟踪, since the report is not archived).
import { createHash, randomBytes } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import type { Handlers, SelfCheck, SelfCheckFile } from '../../../shared/contract/index.ts';
import { fileSafe } from '../../../shared/print-page.ts';
import { buildNotice } from '../../../shared/report/notice.ts';
import { statusOf } from '../../../shared/report/status.ts';
import { againstPreviousYear } from '../archive/previous-year.ts';
import { noticeDocx } from '../export/notice-docx.ts';
import { readDrafts, type DraftRead } from '../import/read-drafts.ts';
import { LIMITS } from '../import/readers/index.ts';
import { originalIn } from '../original.ts';
import type { ServiceContext } from './context.ts';

type SelfCheckHandlers = Pick<Handlers, 'selfCheck' | 'selfCheckResult' | 'selfCheckOriginal' | 'saveSelfCheckNotice'>;

/** Files one self-check reads; a folder of more is a job for 导入. */
export const SELF_CHECK_MAX_FILES = 30;

export function selfCheckHandlers({ archive, pool, grants, platform, selfChecks }: ServiceContext): SelfCheckHandlers {
  const get = (token: string) => selfChecks.get(token);

  /** One file as the page shows it: what was read, its own findings and the cross-year ones, less the checks the office switched off. */
  function fileOf(d: DraftRead, off: string[]): SelfCheckFile {
    if (!d.ok) return { name: d.name, ok: false, message: d.message };
    const { report: r, findings: own } = d.read;
    const cross = againstPreviousYear(archive, r);
    const findings = [...own, ...cross.findings].filter((f) => !off.includes(f.rule));
    return {
      name: d.name,
      ok: true,
      format: d.read.format,
      encoding: d.read.encoding,
      extensionMismatch: d.read.extensionMismatch,
      size: d.size,
      agency: r.agency,
      year: r.year,
      date: r.date,
      template: r.template,
      complete: r.complete,
      status: statusOf(r.complete, findings),
      cells: r.cells,
      findings,
      notes: r.notes,
      parts: r.parts,
      evidence: r.evidence,
      previous: cross.previous,
      inArchive: archive.hasOriginal(d.sha256),
    };
  }

  return {
    selfCheck: async ({ grant }) => {
      const { files, leftOut } = await readDrafts(pool, grants.take(grant), SELF_CHECK_MAX_FILES);
      const off = archive.settings().disabledRules;
      const read = files.filter((f) => f.ok).map((f) => f.path);
      const check: SelfCheck = {
        token: randomBytes(12).toString('base64url'),
        at: new Date().toISOString(),
        files: files.map((f) => fileOf(f, off)),
        importGrant: read.length ? grants.grant(read) : null,
        leftOut,
      };
      selfChecks.keep(
        check,
        files.map((f) => (f.ok ? { path: f.path, sha256: f.sha256 } : null)),
      );
      return check;
    },
    selfCheckResult: ({ token }) => get(token),
    selfCheckOriginal: async ({ token, file, table, row, col, bytes }) => {
      const f = get(token).files[file];
      const source = selfChecks.source(token, file);
      if (!f?.ok || !source) return { kind: 'none', why: '这个文件没有读出报告' };
      const cell = f.cells.find((c) => c.table === table && c.row === row && c.col === col);
      if (!cell) return { kind: 'none', why: '报告中没有这一格' };
      // The draft is not kept: read again from the path granted for the check, the same size limit,
      // and only if it is still the file that was checked.
      let data: Uint8Array;
      try {
        if ((await stat(source.path)).size > LIMITS.maxFileBytes) return { kind: 'none', why: '文件自查后已改动，请重新自查' };
        data = new Uint8Array(await readFile(source.path));
      } catch {
        return { kind: 'none', why: '无法再次读取该文件（可能已被移走，或没有读取权限）' };
      }
      if (createHash('sha256').update(data).digest('hex') !== source.sha256) return { kind: 'none', why: '文件自查后已改动，请重新自查' };
      return originalIn(cell, { fileName: f.name, bytes: data }, file, bytes ?? true);
    },
    saveSelfCheckNotice: async ({ token, file, deadline }) => {
      const f = get(token).files[file];
      if (!f?.ok) throw new Error('这个文件没有读出报告，无法生成审核意见');
      const s = archive.settings();
      const n = buildNotice(f, { officeName: s.officeName, deadline: deadline ?? null, disabledRules: s.disabledRules });
      const name = fileSafe(`审核意见（自查草稿）_${f.agency ?? f.name}${f.year ? `_${f.year}年度` : ''}`);
      const path = await platform.saveFile(await noticeDocx(n), `${name}.docx`, { name: 'Word 文档', extensions: ['docx'] });
      return path ? { saved: true, path } : { saved: false };
    },
  };
}

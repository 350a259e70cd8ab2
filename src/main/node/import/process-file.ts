// One file's bytes -> a parsed, checked report, or the reason it cannot be imported.
// Runs inside a worker thread; pure apart from the readers.
import { allChecks } from '../../../shared/report/checks/index.ts';
import type { Finding, ParsedReport } from '../../../shared/report/model.ts';
import { parseReport } from '../../../shared/report/parse/index.ts';
import { attachAlternate } from '../../../shared/report/parse/alternate.ts';
import { readFileBytes, ReadError } from './readers/index.ts';
import { logTechnical } from './reasons.ts';

export type Processed =
  | {
      ok: true;
      format: 'docx' | 'doc' | 'txt' | 'html' | 'mht' | 'pdf';
      encoding: string;
      extensionMismatch: boolean;
      report: ParsedReport;
      findings: Finding[];
      text: string;
    }
  | { ok: false; code: string; message: string };

/** What the importer knows of a file besides its bytes: its name and the folders above it are evidence for agency and year. */
export interface FileContext {
  fileName?: string;
  folder?: string;
}

export async function processFile(bytes: Uint8Array, ext: string, file: FileContext = {}): Promise<Processed> {
  try {
    const read = await readFileBytes(bytes, ext);
    const report = parseReport(read.content.blocks, { ...file, page: read.content.page });
    // A PDF's tables read by their rules, and the same pages read as lines: the second reading's values are kept as alternatives.
    if (read.content.alternate) attachAlternate(report, parseReport(read.content.alternate, { ...file, page: read.content.page }));
    if (read.scan) {
      // Kept as a report that still needs its data: agency and year from the file name where it has them.
      report.isReport = true;
      report.complete = false;
      report.notes.unshift({ code: 'scan', message: '扫描件，没有可识别的文字（需要文字版或人工录入）' });
    }
    if (!report.isReport)
      return { ok: false, code: 'not-report', message: '内容不像政府信息公开工作年度报告（找不到报告的组成部分或统计表）' };
    return {
      ok: true,
      format: read.format,
      encoding: read.content.encoding,
      extensionMismatch: read.extensionMismatch,
      report,
      findings: allChecks(report),
      text: report.text,
    };
  } catch (e) {
    if (e instanceof ReadError) return { ok: false, code: e.code, message: e.message };
    logTechnical('读取文件时出错', e);
    // "Maximum call stack size exceeded", "sourceStart is out of range": the file's structure broke a reader.
    return { ok: false, code: 'internal', message: '文件结构异常，读取时出错，已放弃该文件（文件可能已损坏）' };
  }
}

// One file's bytes -> a parsed, checked report, or the reason it cannot be imported.
// Runs inside a worker thread; pure apart from the readers.
import { allChecks } from '../../../shared/report/checks/index.ts';
import type { Finding, ParsedReport } from '../../../shared/report/model.ts';
import { parseReport } from '../../../shared/report/parse/index.ts';
import { attachAlternate } from '../../../shared/report/parse/alternate.ts';
import { applyTemplate, withoutGuidance } from '../../../shared/report/read-template.ts';
import { availableParallelism } from 'node:os';
import type { DocContent } from '../../../shared/doc/blocks.ts';
import { settleOcrDigits } from '../../../shared/report/checks/ocr-digits.ts';
import { OcrFailed, openOcrProcess } from '../ocr/ocr-client.ts';
import { readScan } from '../ocr/read-scan.ts';
import { imageKind, imagePages } from '../ocr/page-images.ts';
import { LIMITS, readFileBytes, ReadError, type ReadResult } from './readers/index.ts';
import { logTechnical } from './reasons.ts';

export type Processed =
  | {
      ok: true;
      format: 'docx' | 'doc' | 'txt' | 'html' | 'mht' | 'pdf' | 'xlsx' | 'image';
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

/** What the worker tells while it works on a file: the OCR's page. */
export interface FileHooks {
  onPage?: (page: number, pages: number) => void;
  /** Scans read by OCR (default); false keeps them as reports whose data is still to be typed in. */
  ocr?: boolean;
  /** The OCR process's script: the app's bundle beside the worker's (ocr-client.ts finds it in the sources). */
  ocrEntry?: URL;
}

export async function processFile(bytes: Uint8Array, ext: string, file: FileContext = {}, hooks: FileHooks = {}): Promise<Processed> {
  return processRead(() => readFileBytes(bytes, ext), file, hooks);
}

/**
 * Photos or scans of one report's pages, one image per page in the order given (页1.jpg, 页2.jpg
 * …): one report. A TIFF among them gives all its pages.
 */
export async function processPageImages(images: Uint8Array[], file: FileContext = {}, hooks: FileHooks = {}): Promise<Processed> {
  return processRead(async () => {
    if (images.length === 0) throw new ReadError('empty', '文件夹中没有图片');
    if (images.length > LIMITS.maxPdfPages) throw new ReadError('too-large', `图片过多（${images.length}张），不像是一份年度报告`);
    const each = images.map((b) => {
      if (!imageKind(b)) throw new ReadError('unsupported', '文件夹中有不是图片的文件，不能作为一份报告的各页导入');
      return imagePages(b);
    });
    return {
      content: { blocks: [], encoding: `图片（${images.length}张）` },
      format: 'image' as const,
      scan: true,
      pages: { count: each.reduce((n, e) => n + e.count, 0), images: function* () { for (const e of each) yield* e.images(); } },
      extensionMismatch: false,
    };
  }, file, hooks);
}

async function processRead(reading: () => Promise<ReadResult>, file: FileContext, hooks: FileHooks): Promise<Processed> {
  try {
    const read = await reading();
    // A scan: its pages read by OCR, then parsed as any other document.
    const ocr = read.scan && read.pages?.count && hooks.ocr !== false ? await recognise(read.pages, hooks) : null;
    const content = ocr?.content ? { ...ocr.content, page: read.content.page } : read.content;
    // A 填报模板: its guidance lines are no text of the unit's; its tables are then read by position.
    const blocks = read.template ? withoutGuidance(content.blocks) : content.blocks;
    const report = parseReport(blocks, { ...file, page: content.page });
    if (read.template) applyTemplate(report, read.template, blocks, read.format === 'xlsx');
    if (ocr?.content && report.isReport) {
      // A number read from a recognised line rather than a ruled cell (a table whose rules the scan
      // lost, a number in the text) has no cell of its own: it stands only if the sums confirm it.
      for (const c of report.cells)
        if (c.how !== 'ocr' && !c.original) {
          c.how = 'ocr';
          c.conf = 0;
          c.source = `${c.source}，文字识别（OCR，按文字行读取，须经勾稽关系验证）`;
        }
      // Every number the recogniser hesitated over is settled by the sums, or left blank.
      settleOcrDigits(report);
      report.notes.unshift({ code: 'ocr', message: `扫描件，已用文字识别（OCR）读取${ocr.pages}页：识别的数值已标明来源和把握，请对照原文核对` });
    } else if (read.scan) {
      // An image that reads as no report is no report; a scanned PDF is kept as a report that still
      // needs its data: agency and year from the file name where it has them.
      if (read.format === 'image' && ocr?.content)
        return { ok: false, code: 'not-report', message: '图片中识别出的文字不像政府信息公开工作年度报告' };
      report.isReport = true;
      report.complete = false;
      report.notes.unshift({ code: 'scan', message: ocr?.why ?? '扫描件，没有可识别的文字（需要文字版或人工录入）' });
    }
    if (!report.isReport)
      return { ok: false, code: 'not-report', message: '内容不像政府信息公开工作年度报告（找不到报告的组成部分或统计表）' };
    let findings = allChecks(report);
    // A PDF's tables read by their rules: where a rule fails, the same pages read as lines are a
    // second reading, whose differing values the checks weigh (the reading's doubt or the document's error).
    if (content.alternate && findings.some((f) => f.cells.length > 0 && (f.severity === 'error' || f.fault))) {
      attachAlternate(report, parseReport(content.alternate, { ...file, page: content.page }));
      findings = allChecks(report);
    }
    return {
      ok: true,
      format: read.format,
      encoding: !ocr?.content ? content.encoding : read.format === 'pdf' ? 'PDF（扫描件，文字识别）' : read.content.encoding,
      extensionMismatch: read.extensionMismatch,
      report,
      findings,
      text: report.text,
    };
  } catch (e) {
    if (e instanceof ReadError) return { ok: false, code: e.code, message: e.message };
    logTechnical('读取文件时出错', e);
    // "Maximum call stack size exceeded", "sourceStart is out of range": the file's structure broke a reader.
    return { ok: false, code: 'internal', message: '文件结构异常，读取时出错，已放弃该文件（文件可能已损坏）' };
  }
}

/**
 * A scan's pages through the OCR. No text at all (blank pages, pictures that are no text), or an
 * engine that cannot start on this machine: the scan is kept as before, saying why.
 */
async function recognise(pages: NonNullable<ReadResult['pages']>, hooks: FileHooks): Promise<{ content: DocContent | null; pages: number; why?: string }> {
  let engine;
  try {
    engine = await openOcrProcess(Math.min(2, availableParallelism()), hooks.ocrEntry);
  } catch (e) {
    logTechnical('文字识别组件无法加载', e);
    return { content: null, pages: pages.count, why: '扫描件：本机的文字识别组件无法加载，未能识别（需要文字版或人工录入）' };
  }
  try {
    const { content, stats } = await readScan(pages.images(), pages.count, engine, hooks.onPage);
    const chars = content.blocks.reduce((n, b) => n + (b.type === 'p' ? b.text.length : b.rows.reduce((m, r) => m + r.reduce((k, c) => k + c.text.length, 0), 0)), 0);
    if (chars < 20) return { content: null, pages: stats.pages, why: '扫描件，文字识别未读出文字（需要文字版或人工录入）' };
    return { content, pages: stats.pages - stats.skipped };
  } catch (e) {
    if (!(e instanceof OcrFailed)) throw e;
    logTechnical('文字识别中止', e);
    // The scan is kept, unread, with the reason: a clerk can still type it in.
    const why = e.why === 'memory' ? '扫描件：文字识别占用内存过多（页面过大或文件异常），已停止，未能识别（需要文字版或人工录入）' : '扫描件：文字识别意外中止，未能识别（需要文字版或人工录入）';
    return { content: null, pages: pages.count, why };
  } finally {
    engine.close();
  }
}

// exceljs, loaded when a workbook is first written or read, not when main starts: importing it
// cost main ~40 MB of resident memory and over a second of start-up (node, measured alone), and
// most sessions write no workbook.
import type ExcelJSModule from 'exceljs';

let loaded: Promise<typeof ExcelJSModule> | null = null;
export const excel = (): Promise<typeof ExcelJSModule> => (loaded ??= import('exceljs').then((m) => m.default));

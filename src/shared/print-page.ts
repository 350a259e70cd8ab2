// The printed page, the same whichever Chromium renders it (Electron's printToPDF in the app,
// a headless browser for the CLI and the tests): A4, margins in inches, 第 N 页 共 M 页.
export const PRINT_MARGINS_IN = { top: 0.4, bottom: 0.6, left: 0.4, right: 0.4 } as const;

export const PRINT_HEADER = '<span></span>';

export const PRINT_FOOTER =
  '<div style="width:100%;font-size:8px;text-align:center;font-family:sans-serif">第 <span class="pageNumber"></span> 页 共 <span class="totalPages"></span> 页</div>';

/** The renderer's print route of each sheet (App.tsx reads them back). */
export const SHEET_ROUTES = {
  compare: (ids: number[]) => `/print/compare?ids=${ids.join(',')}`,
  summary: (year: number) => `/print/summary?year=${year}`,
  series: (agency: string) => `/print/series?agency=${encodeURIComponent(agency)}`,
  /** `crops`: the findings (by index) printed with their original's crop; absent: the 识别存疑 ones. */
  report: (id: number, crops?: number[]) => `/print/report?id=${id}${crops ? `&crops=${crops.join(',')}` : ''}`,
  overview: (year: number, region?: string) => `/print/overview?year=${year}${region ? `&region=${encodeURIComponent(region)}` : ''}`,
  area: (year: number, region?: string, own?: string) => `/print/area?year=${year}${region ? `&region=${encodeURIComponent(region)}` : ''}${own ? `&own=${own}` : ''}`,
  /** `crops`: each finding with the crop of its original (附原文截图). */
  notice: (id: number, deadline?: string, crops?: boolean) => `/print/notice?id=${id}${deadline ? `&deadline=${deadline}` : ''}${crops ? '&crops=1' : ''}`,
  tracking: (year: number) => `/print/tracking?year=${year}`,
  /** `crops`: the findings (file.finding) printed with their original's crop; absent: the 识别存疑 ones. */
  selfcheck: (token: string, crops?: string[]) => `/print/selfcheck?token=${token}${crops ? `&crops=${crops.join(',')}` : ''}`,
};

/** The file name of a year's summary, without extension. */
export const summarySheetName = (year: number) => `${year}年度政府信息公开工作年度报告汇总表`;

/** The file name of a year's 整改跟踪 sheet, without extension. */
export const trackingSheetName = (year: number) => `${year}年度年报审核意见整改跟踪表`;

/** A name made safe as a file name on Windows and Linux: the characters either forbids become _. */
export const fileSafe = (name: string) => name.replace(/[\\/:*?"<>|]/g, '_');

/**
 * Run in a sheet's page once it is ready: the crops of originals it drew (OriginalCrops), as
 * main reads them for the .docx. Main checks what it gets: the page is not trusted to be right.
 */
export const PICTURES_SCRIPT = `[...document.querySelectorAll('img[data-crop-key]')].map((i) => ({ key: i.dataset.cropKey, caption: i.dataset.cropCaption, width: Number(i.dataset.cropWidth), data: i.getAttribute('src') }))`;

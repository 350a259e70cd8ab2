// A cell says where it was read: for text, the line of the file a clerk opens it at.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../src/shared/report/parse/index.ts';

const text = (path: string) => readFileSync(new URL(`../fixtures/${path}`, import.meta.url), 'utf8');
const lineOf = (src: string, start: string) => src.split(/\r\n|\r|\n/).findIndex((l) => l.startsWith(start)) + 1;

describe('cell sources', () => {
  it('name the line of the file the numbers are on, counting the lines the parser set aside', () => {
    for (const [file, start] of [
      ['reports/samples/huaian-city-gov-2024.txt', '一、本年新收政府信息公开申请数量'],
      ['real/pt-czj-2023/page.txt', '标题'], // a crawled page: header lines above the report are not text, but are lines
    ] as const) {
      const src = text(file);
      const r = parseReport(src.split(/\r\n|\r|\n/).map((t) => ({ type: 'p' as const, text: t })));
      const cell = r.cells.find((c) => c.table === 't3' && c.row === 'new' && c.col === 'total')!;
      const m = /^第(\d+)行/.exec(cell.source);
      expect(m, `${file}: ${cell.source}`).not.toBeNull();
      const shown = src.split(/\r\n|\r|\n/)[Number(m![1]) - 1];
      // The line named holds the cell's own text.
      expect(shown, file).toContain(cell.value.raw);
      if (start !== '标题') expect(Number(m![1])).toBe(lineOf(src, start));
    }
  });
});

// Y2 where the archive is: a part copied from the same agency's previous report is found when
// both years are in, kept with its place, and goes when the earlier report is removed.
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { openRuntime } from '../../src/main/node/runtime.ts';

it('finds part 五 of 平潭 财政金融局 2023 copied from 2022, and forgets it when 2022 goes', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-y2-'));
  for (const y of [2022, 2023]) cpSync(new URL(`../fixtures/real/pt-czj-${y}/page.txt`, import.meta.url).pathname, join(dir, `czj-${y}.txt`));
  const rt = openRuntime(join(dir, 'a.sqlite'));
  await rt.importer.wait(rt.importer.start([dir]));
  const id = (y: number) => rt.archive.listReports({}).find((r) => r.year === y)!.id;
  const y2 = () => rt.archive.findingsOf(id(2023)).filter((f) => f.rule === 'Y2');
  expect(y2().map((f) => f.at)).toEqual([{ part: 5, quote: expect.stringMatching(/^\(一\)存在问题/) }]);
  expect(rt.archive.findingsOf(id(2022)).some((f) => f.rule === 'Y2')).toBe(false);
  expect(rt.archive.getReport(id(2023))!.status).not.toBe('warning'); // advice, not a status
  rt.archive.removeReport(id(2022));
  expect(y2()).toEqual([]);
  await rt.close();
});

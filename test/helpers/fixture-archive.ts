// The migration tests' starting point: the fixture reports imported into a fresh archive of the
// current schema, then opened without the importer, with its reports' ids.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Archive } from '../../src/main/node/archive/archive.ts';
import type { SearchQuery } from '../../src/shared/contract/types.ts';
import { openRuntime } from '../../src/main/node/runtime.ts';

export async function fixtureArchive(prefix: string): Promise<{ dir: string; path: string; archive: Archive; ids: number[] }> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const path = join(dir, 'now.sqlite');
  const rt = openRuntime(path);
  await rt.importer.wait(rt.importer.start([new URL('../fixtures/reports', import.meta.url).pathname]));
  await rt.close();
  const archive = new Archive(path);
  const ids = archive.db.prepare('SELECT id FROM reports ORDER BY id').pluck().all() as number[];
  return { dir, path, archive, ids };
}

/** What a migration must keep: every report and file's cells as read back, and what the searches find (ranks and snippets too). */
export function archiveState(archive: Archive, ids: number[], queries: SearchQuery[]) {
  return {
    reports: ids.map((id) => archive.getReport(id)),
    files: ids.map((id) => archive.fileCellsOf(id)),
    searches: queries.map((q) => archive.search({ limit: 100, ...q })),
  };
}

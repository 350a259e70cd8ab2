// One migration per schema version, applied in order; PRAGMA user_version records the last.
import type { Database } from 'better-sqlite3';
import { up as v1 } from './0001-init.ts';
import { up as v2 } from './0002-review.ts';
import { up as v3 } from './0003-search.ts';
import { up as v4 } from './0004-search-facets.ts';
import { up as v5 } from './0005-search-letters.ts';
import { up as v6 } from './0006-evidence.ts';
import { up as v7 } from './0007-finding-place.ts';
import { up as v8 } from './0008-settings.ts';
import { up as v9 } from './0009-directory.ts';
import { up as v10 } from './0010-report-files.ts';
import { up as v11 } from './0011-cell-origin.ts';
import { up as v12 } from './0012-compact.ts';
import { up as v13 } from './0013-notices.ts';
import { up as v14 } from './0014-search-listing.ts';
import { up as v15 } from './0015-packed-cells.ts';
import { up as v16 } from './0016-own-words.ts';

export const MIGRATIONS: ((db: Database) => void)[] = [v1, v2, v3, v4, v5, v6, v7, v8, v9, v10, v11, v12, v13, v14, v15, v16];

export const SCHEMA_VERSION = MIGRATIONS.length;

/** The version that compacted the archive: an upgrade across it ends with VACUUM (Archive.open). */
export const COMPACT_VERSION = MIGRATIONS.indexOf(v12) + 1;

/** The version that packed each file's cells into one value: it frees as much again, so an upgrade across it ends with VACUUM too. */
export const PACKED_CELLS_VERSION = MIGRATIONS.indexOf(v15) + 1;

/** The version that indexed every report again without its tables' labels: the indexes shrink, so an upgrade across it ends with VACUUM too. */
export const OWN_WORDS_VERSION = MIGRATIONS.indexOf(v16) + 1;

export function migrate(db: Database, target = SCHEMA_VERSION): void {
  const version = () => db.pragma('user_version', { simple: true }) as number;
  if (version() > SCHEMA_VERSION) throw new Error(`档案文件的版本（${version()}）比本程序新，请升级程序后再打开`);
  // Each step reads the version under the write lock (BEGIN IMMEDIATE): two processes opening a
  // new archive at once would otherwise both read 0 and both create the tables.
  const step = db.transaction(() => {
    const v = version();
    if (v >= target) return false;
    MIGRATIONS[v](db);
    db.pragma(`user_version = ${v + 1}`);
    return true;
  });
  while (step.immediate()) {
    // next version
  }
}

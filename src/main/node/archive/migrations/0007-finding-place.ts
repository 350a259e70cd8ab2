// Schema version 7: where in the text a finding about the writing is (年报体检: the part and the
// words, which the report view highlights). The archive re-checks the reports of an older
// schema once after migrating (Archive.open), so they get the new checks and their places.
import type { Database } from 'better-sqlite3';

export function up(db: Database): void {
  db.exec('ALTER TABLE findings ADD COLUMN at_json TEXT');
}

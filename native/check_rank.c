/*
 * Loads a build of nianbao_rank into a SQLite built for the same platform and checks that its
 * scores equal bm25()'s (with the IDFs computed as bm25() does, and its length cache in use).
 * Midway, another query with a newer stamp replaces the kept lengths while the first still
 * uses them (they must outlive the replacement). scripts/build-native.sh runs it for every
 * build (natively, under qemu-aarch64, under Wine) and once with AddressSanitizer.
 *   check_rank <path of the extension>   exits 0 when every score matches
 */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "sqlite3.h"

static const char *WORDS[] = {"政府信息公开", "依申请公开", "行政复议", "信息处理费", "保密审查", "主动公开"};
static const char *PHRASES[] = {"\"信息公开\"", "\"行政复议\"", "\"信息处理费\""};
#define NROW 300

int main(int argc, char **argv) {
  sqlite3 *db;
  char *err = 0;
  if (argc != 2 || sqlite3_open(":memory:", &db) != SQLITE_OK) return 2;
  sqlite3_enable_load_extension(db, 1);
  if (sqlite3_load_extension(db, argv[1], 0, &err) != SQLITE_OK) {
    printf("%s: does not load: %s\n", argv[1], err);
    return 1;
  }
  sqlite3_exec(db, "CREATE VIRTUAL TABLE t USING fts5(x, content='', contentless_delete=1, tokenize='trigram')", 0, 0, 0);
  sqlite3_stmt *ins, *count, *mine, *theirs;
  sqlite3_prepare_v2(db, "INSERT INTO t(rowid, x) VALUES (?, ?)", -1, &ins, 0);
  for (int i = 1; i <= NROW; i++) { /* rows of different lengths and mixes of words */
    char text[4096] = "";
    for (int j = 0; j < 5 + i % 23; j++) {
      strcat(text, WORDS[(i * 7 + j * (i % 5 + 1)) % 6]);
      strcat(text, "，");
    }
    sqlite3_bind_int(ins, 1, i);
    sqlite3_bind_text(ins, 2, text, -1, SQLITE_TRANSIENT);
    sqlite3_step(ins);
    sqlite3_reset(ins);
  }
  double idf[3];
  sqlite3_prepare_v2(db, "SELECT count(*) FROM t WHERE t MATCH ?", -1, &count, 0);
  for (int k = 0; k < 3; k++) {
    sqlite3_bind_text(count, 1, PHRASES[k], -1, SQLITE_STATIC);
    sqlite3_step(count);
    double n = sqlite3_column_double(count, 0);
    sqlite3_reset(count);
    idf[k] = log((NROW - n + 0.5) / (n + 0.5));
    if (idf[k] <= 0) idf[k] = 1e-6;
  }
  char *sql = sqlite3_mprintf(
      "SELECT rowid, rank FROM t WHERE t MATCH ?1 AND rank MATCH 'nianbao_bm25(''t'', ''1'', ''%!.17g'', ''%!.17g'', ''%!.17g'')' ORDER BY rowid",
      idf[0], idf[1], idf[2]);
  const char *match = "\"信息公开\" OR \"行政复议\" OR \"信息处理费\"";
  if (sqlite3_prepare_v2(db, sql, -1, &mine, 0) != SQLITE_OK) {
    printf("%s: %s\n", argv[1], sqlite3_errmsg(db));
    return 1;
  }
  sqlite3_prepare_v2(db, "SELECT rowid, bm25(t) FROM t WHERE t MATCH ?1 ORDER BY rowid", -1, &theirs, 0);
  sqlite3_bind_text(mine, 1, match, -1, SQLITE_STATIC);
  sqlite3_bind_text(theirs, 1, match, -1, SQLITE_STATIC);
  sqlite3_stmt *newer;
  sqlite3_prepare_v2(db, "SELECT count(*) FROM t WHERE t MATCH ?1 AND rank MATCH 'nianbao_bm25(''t'', ''2'')' AND rank < 0", -1, &newer, 0);
  sqlite3_bind_text(newer, 1, match, -1, SQLITE_STATIC);
  int rows = 0, replaced = 0;
  double worst = 0;
  for (;;) {
    int a = sqlite3_step(mine), b = sqlite3_step(theirs);
    if (a != b) break;
    if (a != SQLITE_ROW) break;
    if (sqlite3_column_int64(mine, 0) != sqlite3_column_int64(theirs, 0)) break;
    double d = fabs(sqlite3_column_double(mine, 1) - sqlite3_column_double(theirs, 1));
    if (d > worst) worst = d;
    if (++rows == 10) replaced = sqlite3_step(newer) == SQLITE_ROW && sqlite3_column_int(newer, 0) > NROW / 2;
  }
  sqlite3_finalize(count);
  sqlite3_finalize(mine);
  sqlite3_finalize(theirs);
  sqlite3_finalize(newer);
  sqlite3_finalize(ins);
  sqlite3_free(sql);
  int ok = rows > NROW / 2 && worst < 1e-12 && replaced && sqlite3_close(db) == SQLITE_OK;
  printf("%s: %d rows, largest difference from bm25() %g: %s\n", argv[1], rows, worst, ok ? "ok" : "WRONG");
  return ok ? 0 : 1;
}

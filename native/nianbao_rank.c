/*
 * nianbao_bm25: FTS5's bm25 ranking, with each phrase's IDF given by the caller.
 *
 * FTS5's built-in bm25() counts, on every query, the documents holding each phrase: one more
 * pass over the whole posting list per phrase. With 10,000 reports that all hold a common term,
 * that pass and bm25's use of xInst cost two thirds of the query. The app keeps these counts
 * between queries (they change only when the archive does) and passes each phrase's IDF, worked
 * out as bm25() does; the rest is exactly bm25() (k1 = 1.2, b = 0.75), reading term frequencies
 * with xPhraseFirst/xPhraseNext. No libm: the IDF's logarithm is the caller's, so the Linux
 * builds ask nothing of glibc and load on the older glibc of UOS and Kylin.
 *
 *   ORDER BY nianbao_bm25(tbl [, idf_of_phrase_0, idf_of_phrase_1, ...])
 *
 * A phrase without an IDF weighs 1, which orders a single-phrase query exactly as bm25() does
 * (its IDF is then one factor common to every row). Lower is better, as with bm25().
 *
 * Built by scripts/build-native.sh into resources/sqlite/<platform>-<arch>/; loaded with
 * better-sqlite3's loadExtension (entry point sqlite3_nianbaorank_init, from the file name).
 */
#include "sqlite3ext.h"
SQLITE_EXTENSION_INIT1

#define K1 1.2
#define B 0.75

typedef struct Bm25 {
  int nPhrase;
  double avgdl; /* mean tokens per row */
  double *idf;  /* per phrase, from the caller */
} Bm25;

static void bm25Free(void *p) { sqlite3_free(p); }

/* What does not change from row to row of one query: computed on the first row. */
static int bm25Setup(const Fts5ExtensionApi *api, Fts5Context *ctx, int nArg, sqlite3_value **args, Bm25 **out) {
  Bm25 *d = (Bm25 *)api->xGetAuxdata(ctx, 0);
  if (d) {
    *out = d;
    return SQLITE_OK;
  }
  int nPhrase = api->xPhraseCount(ctx);
  d = (Bm25 *)sqlite3_malloc64(sizeof(Bm25) + sizeof(double) * (nPhrase > 0 ? nPhrase : 1));
  if (!d) return SQLITE_NOMEM;
  d->nPhrase = nPhrase;
  d->idf = (double *)&d[1];

  sqlite3_int64 nRow = 0, nToken = 0;
  int rc = api->xRowCount(ctx, &nRow);
  if (rc == SQLITE_OK) rc = api->xColumnTotalSize(ctx, -1, &nToken);
  if (rc != SQLITE_OK) {
    sqlite3_free(d);
    return rc;
  }
  d->avgdl = nRow > 0 && nToken > 0 ? (double)nToken / (double)nRow : 1.0;
  for (int i = 0; i < nPhrase; i++) {
    d->idf[i] = i < nArg && sqlite3_value_type(args[i]) != SQLITE_NULL ? sqlite3_value_double(args[i]) : 1.0;
  }
  rc = api->xSetAuxdata(ctx, d, bm25Free);
  if (rc != SQLITE_OK) return rc; /* xSetAuxdata frees d on failure */
  *out = d;
  return SQLITE_OK;
}

static void nianbaoBm25(const Fts5ExtensionApi *api, Fts5Context *ctx, sqlite3_context *result, int nArg, sqlite3_value **args) {
  Bm25 *d = 0;
  int rc = bm25Setup(api, ctx, nArg, args, &d);
  int nTok = 0;
  if (rc == SQLITE_OK) rc = api->xColumnSize(ctx, -1, &nTok);
  if (rc != SQLITE_OK) {
    sqlite3_result_error_code(result, rc);
    return;
  }
  double norm = K1 * (1.0 - B + B * (double)nTok / d->avgdl);
  double score = 0.0;
  for (int i = 0; i < d->nPhrase; i++) {
    Fts5PhraseIter it;
    int iCol = 0, iOff = 0, tf = 0;
    rc = api->xPhraseFirst(ctx, i, &it, &iCol, &iOff);
    if (rc != SQLITE_OK) {
      sqlite3_result_error_code(result, rc);
      return;
    }
    for (; iCol >= 0; api->xPhraseNext(ctx, &it, &iCol, &iOff)) tf++;
    if (tf > 0) score += d->idf[i] * ((double)tf * (K1 + 1.0)) / ((double)tf + norm);
  }
  sqlite3_result_double(result, -1.0 * score);
}

static int fts5ApiOf(sqlite3 *db, fts5_api **out) {
  sqlite3_stmt *stmt = 0;
  *out = 0;
  int rc = sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &stmt, 0);
  if (rc != SQLITE_OK) return rc;
  sqlite3_bind_pointer(stmt, 1, (void *)out, "fts5_api_ptr", 0);
  sqlite3_step(stmt);
  return sqlite3_finalize(stmt);
}

#ifdef _WIN32
__declspec(dllexport)
#endif
int sqlite3_nianbaorank_init(sqlite3 *db, char **pzErrMsg, const sqlite3_api_routines *pApi) {
  SQLITE_EXTENSION_INIT2(pApi);
  fts5_api *fts5 = 0;
  int rc = fts5ApiOf(db, &fts5);
  if (rc != SQLITE_OK) return rc;
  /* xPhraseFirst/xPhraseNext and xColumnSize(-1) are in every fts5_api since version 2. */
  if (!fts5 || fts5->iVersion < 2) {
    *pzErrMsg = sqlite3_mprintf("nianbao_rank: FTS5 missing or too old");
    return SQLITE_ERROR;
  }
  return fts5->xCreateFunction(fts5, "nianbao_bm25", 0, nianbaoBm25, 0);
}

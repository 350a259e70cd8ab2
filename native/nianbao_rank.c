/*
 * nianbao_bm25: FTS5's bm25 ranking, cheaper on terms that are in nearly every report.
 *
 * FTS5's built-in bm25() does, on every query, two things whose results change only when the
 * index does: it counts the rows holding each phrase (one more pass over the posting lists per
 * phrase, for the IDF), and it looks up every matching row's length in the table's %_docsize
 * (a b-tree search per row). With 10,000 reports holding a common term, these are most of the
 * query. This function computes exactly what bm25() computes (k1 = 1.2, b = 0.75), but takes
 * the IDFs from the caller, who keeps the counts between queries, and keeps the row lengths in
 * memory, read once per state of the index. Term frequencies come from xPhraseFirst/Next.
 *
 *   ORDER BY nianbao_bm25(tbl, table_name, stamp [, idf_of_phrase_0, idf_of_phrase_1, ...])
 *
 * stamp names the state of the index (the caller changes it whenever anything may have been
 * written); the lengths are read again when it changes. With table_name or stamp NULL every
 * length is looked up, as bm25() does. A phrase without an IDF weighs 1, which orders a
 * single-phrase query exactly as bm25() does (its IDF is then one factor common to every row).
 * Lower is better, as with bm25(). No libm: the logarithm of the IDF is the caller's, so the
 * Linux builds need only glibc's oldest symbol versions and load on the older glibc of UOS
 * and Kylin (scripts/build-native.sh checks this).
 *
 * Built by scripts/build-native.sh into resources/sqlite/<platform>-<arch>/; loaded with
 * better-sqlite3's loadExtension (entry point sqlite3_nianbaorank_init, from the file name).
 */
#include "sqlite3ext.h"
SQLITE_EXTENSION_INIT1
#include <string.h>

#define K1 1.2
#define B 0.75

/* The length in tokens of every row of one FTS5 table, by rowid, as of one stamp. Shared by
 * the queries that use it; freed when the last of them ends and a newer stamp replaced it. */
typedef struct Lengths {
  char *zTable;
  char *zStamp;
  sqlite3_int64 *aRowid; /* ascending */
  int *aLen;
  int n;
  int nRef; /* the connection's list, and each query using it */
  struct Lengths *pNext;
} Lengths;

/* Per connection: the lengths read so far. */
typedef struct Conn {
  sqlite3 *db;
  Lengths *pList;
} Conn;

static void lengthsUnref(Lengths *p) {
  if (p && --p->nRef == 0) {
    sqlite3_free(p->zTable);
    sqlite3_free(p->zStamp);
    sqlite3_free(p->aRowid);
    sqlite3_free(p->aLen);
    sqlite3_free(p);
  }
}

static void connFree(void *pv) {
  Conn *c = (Conn *)pv;
  while (c->pList) {
    Lengths *p = c->pList;
    c->pList = p->pNext;
    lengthsUnref(p);
  }
  sqlite3_free(c);
}

/* SQLite's varint, as FTS5 writes the sizes in %_docsize. */
static int getVarint32(const unsigned char *p, int n, unsigned int *v) {
  unsigned int x = 0;
  for (int i = 0; i < n && i < 5; i++) {
    x = (x << 7) | (p[i] & 0x7f);
    if (!(p[i] & 0x80)) {
      *v = x;
      return i + 1;
    }
  }
  return 0;
}

/* Reads the lengths of every row of zTable; null when they cannot be read (the caller then
 * looks each row up as bm25() does). */
static Lengths *lengthsRead(sqlite3 *db, const char *zTable, const char *zStamp) {
  char *zSql = sqlite3_mprintf("SELECT id, sz FROM main.\"%w_docsize\" ORDER BY id", zTable);
  if (!zSql) return 0;
  sqlite3_stmt *stmt = 0;
  int rc = sqlite3_prepare_v2(db, zSql, -1, &stmt, 0);
  sqlite3_free(zSql);
  if (rc != SQLITE_OK) return 0;
  Lengths *p = (Lengths *)sqlite3_malloc64(sizeof(Lengths));
  if (!p) {
    sqlite3_finalize(stmt);
    return 0;
  }
  memset(p, 0, sizeof(*p));
  p->zTable = sqlite3_mprintf("%s", zTable);
  p->zStamp = sqlite3_mprintf("%s", zStamp);
  int cap = 0, ok = p->zTable && p->zStamp;
  while (ok && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
    if (p->n == cap) {
      cap = cap ? cap * 2 : 1024;
      sqlite3_int64 *aRowid = (sqlite3_int64 *)sqlite3_realloc64(p->aRowid, sizeof(sqlite3_int64) * cap);
      if (aRowid) p->aRowid = aRowid;
      int *aLen = (int *)sqlite3_realloc64(p->aLen, sizeof(int) * cap);
      if (aLen) p->aLen = aLen;
      if (!aRowid || !aLen) ok = 0;
      if (!ok) break;
    }
    /* The row's size: one varint per column; bm25() uses their sum. */
    const unsigned char *sz = (const unsigned char *)sqlite3_column_blob(stmt, 1);
    int nSz = sqlite3_column_bytes(stmt, 1), total = 0;
    for (int off = 0; off < nSz;) {
      unsigned int v = 0;
      int k = getVarint32(sz + off, nSz - off, &v);
      if (k == 0) {
        ok = 0;
        break;
      }
      total += (int)v;
      off += k;
    }
    p->aRowid[p->n] = sqlite3_column_int64(stmt, 0);
    p->aLen[p->n] = total;
    p->n++;
  }
  sqlite3_finalize(stmt);
  if (!ok || rc != SQLITE_DONE) {
    p->nRef = 1;
    lengthsUnref(p);
    return 0;
  }
  return p;
}

/* The lengths of zTable as of zStamp, with a reference for the caller; null if unreadable. */
static Lengths *lengthsFor(Conn *c, const char *zTable, const char *zStamp) {
  Lengths **pp = &c->pList;
  for (; *pp; pp = &(*pp)->pNext) {
    if (strcmp((*pp)->zTable, zTable) == 0) break;
  }
  if (*pp && strcmp((*pp)->zStamp, zStamp) == 0) {
    (*pp)->nRef++;
    return *pp;
  }
  Lengths *fresh = lengthsRead(c->db, zTable, zStamp);
  if (!fresh) return 0;
  if (*pp) { /* replace the outdated one; queries still using it keep it alive */
    Lengths *old = *pp;
    fresh->pNext = old->pNext;
    lengthsUnref(old);
    *pp = fresh;
  } else {
    fresh->pNext = c->pList;
    c->pList = fresh;
  }
  fresh->nRef = 2; /* the list's and the caller's */
  return fresh;
}

typedef struct Bm25 {
  int nPhrase;
  double avgdl;      /* mean tokens per row */
  double *idf;       /* per phrase, from the caller */
  Lengths *lengths;  /* or null: look every row up */
  int hint;          /* where the last row was found: rows mostly come in rowid order */
} Bm25;

static void bm25Free(void *pv) {
  Bm25 *d = (Bm25 *)pv;
  lengthsUnref(d->lengths);
  sqlite3_free(d);
}

/* What does not change from row to row of one query: worked out on the first row. */
static int bm25Setup(const Fts5ExtensionApi *api, Fts5Context *ctx, int nArg, sqlite3_value **args, Bm25 **out) {
  Bm25 *d = (Bm25 *)api->xGetAuxdata(ctx, 0);
  if (d) {
    *out = d;
    return SQLITE_OK;
  }
  int nPhrase = api->xPhraseCount(ctx);
  d = (Bm25 *)sqlite3_malloc64(sizeof(Bm25) + sizeof(double) * (nPhrase > 0 ? nPhrase : 1));
  if (!d) return SQLITE_NOMEM;
  memset(d, 0, sizeof(*d));
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
    int a = i + 2;
    d->idf[i] = a < nArg && sqlite3_value_type(args[a]) != SQLITE_NULL ? sqlite3_value_double(args[a]) : 1.0;
  }
  if (nArg >= 2 && sqlite3_value_type(args[0]) == SQLITE_TEXT && sqlite3_value_type(args[1]) == SQLITE_TEXT) {
    d->lengths = lengthsFor((Conn *)api->xUserData(ctx), (const char *)sqlite3_value_text(args[0]), (const char *)sqlite3_value_text(args[1]));
  }
  rc = api->xSetAuxdata(ctx, d, bm25Free);
  if (rc != SQLITE_OK) return rc; /* xSetAuxdata frees d on failure */
  *out = d;
  return SQLITE_OK;
}

/* The row's length from memory; -1 if the row is not there (written after the stamp). */
static int lengthOf(Bm25 *d, sqlite3_int64 rowid) {
  Lengths *p = d->lengths;
  if (!p || p->n == 0) return -1;
  int i = d->hint + 1;
  if (i >= p->n || p->aRowid[i] != rowid) {
    int lo = 0, hi = p->n - 1;
    i = -1;
    while (lo <= hi) {
      int mid = lo + (hi - lo) / 2;
      if (p->aRowid[mid] == rowid) {
        i = mid;
        break;
      }
      if (p->aRowid[mid] < rowid) lo = mid + 1;
      else hi = mid - 1;
    }
    if (i < 0) return -1;
  }
  d->hint = i;
  return p->aLen[i];
}

static void nianbaoBm25(const Fts5ExtensionApi *api, Fts5Context *ctx, sqlite3_context *result, int nArg, sqlite3_value **args) {
  Bm25 *d = 0;
  int rc = bm25Setup(api, ctx, nArg, args, &d);
  int nTok = rc == SQLITE_OK ? lengthOf(d, api->xRowid(ctx)) : 0;
  if (rc == SQLITE_OK && nTok < 0) rc = api->xColumnSize(ctx, -1, &nTok);
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
  /* xPhraseFirst/xPhraseNext, xRowid and xColumnSize(-1) are in every fts5_api since version 2. */
  if (!fts5 || fts5->iVersion < 2) {
    *pzErrMsg = sqlite3_mprintf("nianbao_rank: FTS5 missing or too old");
    return SQLITE_ERROR;
  }
  Conn *c = (Conn *)sqlite3_malloc64(sizeof(Conn));
  if (!c) return SQLITE_NOMEM;
  c->db = db;
  c->pList = 0;
  /* FTS5 calls connFree when the connection closes; not if registering fails. */
  rc = fts5->xCreateFunction(fts5, "nianbao_bm25", (void *)c, nianbaoBm25, connFree);
  if (rc != SQLITE_OK) sqlite3_free(c);
  return rc;
}

// What a user reads when a file fails for a reason that is not the file's: the archive (SQLite)
// or the program itself. Library and SQLite English never reaches the user; it goes to the log
// (standard error, which the app's log keeps), with the file it was about.

export interface StorageFailure {
  /** The user's reason, in Chinese. */
  message: string;
  /** The import cannot go on (the disk is full): stop instead of failing every file the same way. */
  stop: boolean;
  /** Another process stored the same file meanwhile: a duplicate, not a failure. */
  duplicate: boolean;
  /** Why the import stops, in the words that open its end message (磁盘空间不足). */
  stopWhy?: string;
}

export function storageFailure(e: unknown): StorageFailure {
  const code = (e as { code?: string }).code ?? '';
  const text = e instanceof Error ? e.message : String(e);
  const is = (c: string, words: RegExp) => code.startsWith(c) || words.test(text);
  // The file itself, read from the disk.
  if (code === 'EACCES' || code === 'EPERM') return { message: '没有权限读取该文件', stop: false, duplicate: false };
  if (code === 'ENOENT') return { message: '文件已不存在（导入时被移走或删除）', stop: false, duplicate: false };
  if (code === 'EBUSY') return { message: '文件正被其他程序占用，无法读取', stop: false, duplicate: false };
  if (code === 'EISDIR' || code === 'EIO') return { message: '读取文件时出错（磁盘或设备错误）', stop: false, duplicate: false };
  if (is('SQLITE_FULL', /disk is full|database or disk is full/i))
    return { message: '磁盘空间不足，无法写入档案，导入已停止（已导入的报告不受影响；腾出空间后再导入一次，已导入的文件会自动跳过）', stop: true, duplicate: false, stopWhy: '磁盘空间不足' };
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' && /sha256/.test(text)) return { message: '同样内容的文件刚由另一个程序导入档案，未重复导入', stop: false, duplicate: true };
  if (is('SQLITE_BUSY', /database is locked|database is busy/i)) return { message: '档案文件正被另一个程序使用，等待超时，该文件未导入，请稍后再导入', stop: false, duplicate: false };
  if (is('SQLITE_READONLY', /readonly/i)) return { message: '档案文件是只读的，无法写入，导入已停止', stop: true, duplicate: false, stopWhy: '档案文件是只读的' };
  if (is('SQLITE_CORRUPT', /malformed|corrupt/i)) return { message: '档案文件已损坏，无法写入，导入已停止（请从备份恢复）', stop: true, duplicate: false, stopWhy: '档案文件已损坏' };
  if (is('SQLITE_IOERR', /disk I\/O error/i)) return { message: '读写档案文件时出错（磁盘错误），该文件未导入', stop: false, duplicate: false };
  return { message: '写入档案时出错，该文件未导入（档案未写入该文件的任何内容）', stop: false, duplicate: false };
}

/** The technical text, for the log only. */
export function logTechnical(where: string, e: unknown): void {
  const text = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  console.warn(`[年报档案] ${where}: ${text}`);
}

// What the page reads when a contract call fails: always Chinese. A service's own message
// (thrown on purpose, in Chinese) is shown as it is; anything else, a library's or SQLite's or
// the JavaScript engine's English, becomes a generic Chinese message and its text goes to the
// log. Electron's IPC and the browser test host both serialise errors through `pageError`.

export const BAD_REQUEST = '请求参数不正确';
export const FAILED = '操作失败，请重试；如果仍然失败，请重新打开程序';
export const REFUSED = '拒绝来自未知页面的调用';

/** A refusal or a bad request worked out by the contract itself: its message is the user's, its detail the log's. */
export class ContractError extends Error {
  readonly detail: string;
  constructor(message: string, detail: string) {
    super(message);
    this.detail = detail;
  }
}

const HAN = /[\u3400-\u9fff]/;
// Two Latin words in a row ("Unexpected token", "no such table", "Invalid input: expected"),
// or an engine's and Node's error words: a sentence of a library, not one of ours. Single
// names such as PDF, Excel, Word or a file name typed by the user are fine.
const ENGLISH = /[A-Za-z]{2,}['’]?[A-Za-z]*[ \t]*[:,.]?[ \t]+[A-Za-z]{2,}|\b(?:undefined|null|NaN|E[A-Z]{3,}|SQLITE_\w+|Error)\b/;

/** Whether a message can go to the page as it is. */
export function isChineseMessage(text: string): boolean {
  // Words in Chinese quotes are the user's or the document's (“abc”不是数字), not a library's.
  const own = text.replace(/“[^”]*”|《[^》]*》/g, '“”');
  return HAN.test(own) && !ENGLISH.test(own);
}

/** The page's message for an error, and the technical text to log when it is not shown. */
export function pageError(e: unknown): { message: string; log?: string } {
  if (e instanceof ContractError) return { message: e.message, log: e.detail };
  const text = e instanceof Error ? e.message : String(e);
  const technical = e instanceof Error ? `${e.name}: ${e.message}` : text;
  // Only our own plain Errors speak to the user; a TypeError or SqliteError never does.
  const ours = e instanceof Error && e.name === 'Error' && Object.getPrototypeOf(e) === Error.prototype;
  if (ours && isChineseMessage(text)) return { message: text };
  // "无法打开原文件：<the system's English>": the Chinese part says what failed.
  const head = text.split(/[：:]/)[0]!.trim();
  if (ours && head !== text && isChineseMessage(head)) return { message: `${head}（详细原因已记入日志）`, log: technical };
  return { message: FAILED, log: technical };
}

/**
 * "无法打开原文件：<reason>" for the page, where the reason is the system's (the desktop's
 * "No application is associated…", a printer's): kept when it is Chinese, else left to the log.
 */
export function withReason(what: string, reason: string): { message: string; log?: string } {
  return isChineseMessage(reason) ? { message: `${what}：${reason}` } : { message: `${what}（详细原因已记入日志）`, log: reason };
}

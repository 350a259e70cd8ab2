// Saved web pages: .html/.htm/.shtml, and .mht/.mhtml (the single-file pages 360, IE, Edge and
// WPS save: a MIME message whose HTML part may be quoted-printable or base64). Decoded by the
// page's own charset, then the text reader's detection (GBK pages are common); read into blocks
// by html-blocks.ts. Scripts are never run: the page is only parsed.
import type { DocContent } from '../../../../shared/doc/blocks.ts';
import { LIMITS, ReadError } from './errors.ts';
import { htmlToBlocks } from './html-blocks.ts';
import { decodeText } from './text.ts';

export function readHtml(bytes: Uint8Array): DocContent {
  if (bytes.length > LIMITS.maxHtmlBytes) throw new ReadError('too-large', `网页文件过大（${mb(bytes.length)}，上限${mb(LIMITS.maxHtmlBytes)}），不像是年度报告`);
  const { text, encoding } = decodeHtml(bytes);
  return fromHtml(text, encoding);
}

export function readMht(bytes: Uint8Array): DocContent {
  if (bytes.length > LIMITS.maxHtmlBytes) throw new ReadError('too-large', `网页文件过大（${mb(bytes.length)}，上限${mb(LIMITS.maxHtmlBytes)}），不像是年度报告`);
  const part = htmlPart(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1'));
  if (!part) throw new ReadError('corrupt', '单一网页文件（.mht）中找不到网页内容，文件可能已损坏');
  const body = part.encoding === 'base64' ? Buffer.from(part.body.replace(/\s+/g, ''), 'base64') : part.encoding === 'quoted-printable' ? quotedPrintable(part.body) : Buffer.from(part.body, 'latin1');
  const { text, encoding } = decodeHtml(new Uint8Array(body), part.charset);
  return fromHtml(text, `MHT ${encoding}`);
}

function fromHtml(html: string, encoding: string): DocContent {
  let elements = 0;
  for (let i = html.indexOf('<'); i >= 0; i = html.indexOf('<', i + 1)) if (/[a-zA-Z]/.test(html[i + 1] ?? '') && ++elements > LIMITS.maxHtmlElements)
    throw new ReadError('too-large', `网页结构过于复杂（超过${LIMITS.maxHtmlElements / 10000}万个元素），不像是年度报告`);
  const { blocks, page } = htmlToBlocks(html);
  if (blocks.length === 0) throw new ReadError('not-report', '网页中没有正文文字');
  return { blocks, encoding, page };
}

/** The page's own charset (BOM, then <meta charset>), else the text reader's detection. */
export function decodeHtml(bytes: Uint8Array, declared?: string): { text: string; encoding: string } {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const label = (declared ?? /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head)?.[1])?.toLowerCase();
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  if (label && !bom) {
    // GBK and GB2312 pages are read as GB18030, their superset, so no character is lost.
    const real = /^(gb2312|gbk|x-gbk|gb18030|cp936)$/.test(label) ? 'gb18030' : label;
    try {
      return { text: new TextDecoder(real, { fatal: true }).decode(bytes), encoding: real === 'gb18030' ? 'GB18030' : real.toUpperCase() };
    } catch {
      // A page that lies about its charset: detect as for a text file.
    }
  }
  return decodeText(bytes);
}

/** The first text/html part of a MIME message, with its transfer encoding and charset. */
function htmlPart(mime: string): { body: string; encoding: string; charset?: string } | null {
  const boundary = /boundary\s*=\s*"?([^";\r\n]+)"?/i.exec(mime.slice(0, 8192))?.[1];
  const parts = boundary ? mime.split(`--${boundary}`) : [mime];
  for (const p of parts) {
    const split = p.search(/\r?\n\r?\n/);
    if (split < 0) continue;
    const headers = p.slice(0, split);
    if (!/content-type\s*:\s*text\/html/i.test(headers)) continue;
    return {
      body: p.slice(split).replace(/^\r?\n\r?\n/, ''),
      encoding: (/content-transfer-encoding\s*:\s*([\w-]+)/i.exec(headers)?.[1] ?? '').toLowerCase(),
      charset: /charset\s*=\s*"?([\w-]+)/i.exec(headers)?.[1],
    };
  }
  return null;
}

function quotedPrintable(s: string): Buffer {
  const out: number[] = [];
  const t = s.replace(/=\r?\n/g, '');
  for (let i = 0; i < t.length; i++) {
    if (t[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(t.slice(i + 1, i + 3))) {
      out.push(Number.parseInt(t.slice(i + 1, i + 3), 16));
      i += 2;
    } else out.push(t.charCodeAt(i) & 0xff);
  }
  return Buffer.from(out);
}

const mb = (n: number) => `${(n / 1048576).toFixed(0)} MB`;

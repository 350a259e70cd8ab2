// What a file is, from its first bytes, whatever its extension says.
export type Format = 'docx' | 'doc' | 'txt' | 'html' | 'mht' | 'pdf' | 'rtf' | 'zip' | 'wps' | 'binary';

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function sniff(bytes: Uint8Array): Format {
  const starts = (sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts([0x50, 0x4b, 0x03, 0x04]) || starts([0x50, 0x4b, 0x05, 0x06])) {
    return hasZipEntry(bytes, 'word/document.xml') ? 'docx' : 'zip';
  }
  if (starts(OLE2)) return hasUtf16Name(bytes, 'WordDocument') || hasUtf16Name(bytes, 'EncryptedPackage') ? 'doc' : 'binary';
  if (starts([0x25, 0x50, 0x44, 0x46])) return 'pdf'; // %PDF
  if (starts([0x7b, 0x5c, 0x72, 0x74, 0x66])) return 'rtf'; // {\rtf
  return markup(bytes);
}

/** OLE2 directory entries name their streams in UTF-16LE. */
export function hasUtf16Name(bytes: Uint8Array, name: string): boolean {
  const needle = Buffer.from(name, 'utf16le');
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(needle);
}

function hasZipEntry(bytes: Uint8Array, name: string): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(Buffer.from(name, 'latin1'));
}

/** A web page or a single-file web page (MIME), by its first bytes; anything else is text. */
function markup(bytes: Uint8Array): 'html' | 'mht' | 'txt' {
  const head = Buffer.from(bytes.subarray(0, 2048)).toString('latin1').replace(/^\uFEFF|^\xEF\xBB\xBF/, '');
  if (/^\s*(?:MIME-Version|From|Subject|Date|Content-Type|Content-Location|X-MimeOLE)\s*:/i.test(head) && /multipart\/related|text\/html/i.test(head)) return 'mht';
  if (/^\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|meta|body|title)[\s>]/i.test(head)) return 'html';
  return 'txt';
}

// A file name, path or agency as printed on a terminal: every control character shown, none
// obeyed. A name may hold a line break (forging a line of output such as "[已导入] …"), an
// escape sequence (colouring or clearing the screen) or a direction override (reordering what
// follows); the Control Pictures block shows the C0 ones as one visible character each, the
// rest are written as \u escapes.
const PICTURE: Record<string, string> = { '\n': '␤', '\x1b': '␛', '\x7f': '␡' };

// C0 and DEL, C1, and the invisible format characters that move or break text: bidi marks,
// embeddings, overrides and isolates, line and paragraph separators, zero-width joiners aside.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g;

export function visible(text: string): string {
  return text.replace(CONTROL, (c) => {
    const code = c.charCodeAt(0);
    if (PICTURE[c]) return PICTURE[c];
    if (code < 0x20) return String.fromCharCode(0x2400 + code); // ␀ … ␟: ␉ tab, ␍ return
    return `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

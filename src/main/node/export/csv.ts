// CSV as Excel on a Chinese PC reads it: fields quoted when needed, CRLF, and (for files) a
// byte order mark so the UTF-8 is recognised.
export function csvField(v: string | number | null): string {
  const s = v === null ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(row: (string | number | null)[]): string {
  return `${row.map(csvField).join(',')}\r\n`;
}

export function csvFile(rows: (string | number | null)[][]): string {
  return `\uFEFF${rows.map(csvLine).join('')}`;
}

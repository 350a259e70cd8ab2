// Vitest global setup: every temporary folder a test run makes (archives, imported copies,
// printed PDFs, browser profiles) goes under one folder of its own, removed when the run ends,
// so runs do not pile up archives in the system's temporary folder.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'nianbao-test-run-'));
  // os.tmpdir() reads these; test workers and the processes they start inherit them.
  for (const name of ['TMPDIR', 'TMP', 'TEMP']) process.env[name] = root;
  return () => rmSync(root, { recursive: true, force: true });
}

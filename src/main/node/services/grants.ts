// Paths the user chose in main's dialog or dropped on the window, behind opaque tokens: the page
// only ever holds a token, and each is used once (an import, a self-check).
import { randomBytes } from 'node:crypto';
import { basename } from 'node:path';
import type { ImportGrant } from '../../../shared/contract/index.ts';

/** Grants not yet used: a self-check hands one back for 导入档案 that is often never used; the oldest go. */
const KEPT = 64;

export class Grants {
  private readonly paths = new Map<string, string[]>();

  grant(paths: string[]): ImportGrant {
    const token = randomBytes(12).toString('base64url');
    this.paths.set(token, paths);
    for (const t of this.paths.keys()) if (this.paths.size > KEPT) this.paths.delete(t);
    return { grant: token, labels: paths.map((p) => basename(p) || p) };
  }

  /** The paths behind a token, which is then spent; the Chinese reason when there are none. */
  take(token: string): string[] {
    const paths = this.paths.get(token);
    if (!paths) throw new Error('导入授权已失效，请重新选择文件或文件夹');
    this.paths.delete(token);
    return paths;
  }
}

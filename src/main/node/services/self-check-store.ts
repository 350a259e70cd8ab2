// The latest self-checks (报送前自查), kept in main by token while the app runs: their printed
// sheet and their 审核意见 read them back. A few only, each a few reports' cells and text.
import type { SelfCheck } from '../../../shared/contract/index.ts';

const KEPT = 6;

/** A draft's path as granted and its bytes' sha256 when it was checked. */
export interface DraftSource {
  path: string;
  sha256: string;
}

export class SelfChecks {
  private readonly kept = new Map<string, SelfCheck>();
  /** Where each file of a check was read (by the file's index; null: not read), kept in main only: its 原文截图 reads the file again. */
  private readonly sources = new Map<string, (DraftSource | null)[]>();

  keep(check: SelfCheck, sources: (DraftSource | null)[] = []): void {
    this.kept.set(check.token, check);
    this.sources.set(check.token, sources);
    for (const t of this.kept.keys())
      if (this.kept.size > KEPT) {
        this.kept.delete(t);
        this.sources.delete(t);
      }
  }

  /** The granted path and fingerprint of a check's file, or null. */
  source(token: string, file: number): DraftSource | null {
    this.get(token);
    return this.sources.get(token)?.[file] ?? null;
  }

  /** The check, or the Chinese reason it is gone. */
  get(token: string): SelfCheck {
    const c = this.kept.get(token);
    if (!c) throw new Error('这次自查的结果已不在（程序重新打开过，或之后又自查了多批文件），请重新选择文件自查');
    return c;
  }
}

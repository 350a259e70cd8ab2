// The latest self-checks (报送前自查), kept in main by token while the app runs: their printed
// sheet and their 审核意见 read them back. A few only, each a few reports' cells and text.
import type { SelfCheck } from '../../../shared/contract/index.ts';

const KEPT = 6;

export class SelfChecks {
  private readonly kept = new Map<string, SelfCheck>();

  keep(check: SelfCheck): void {
    this.kept.set(check.token, check);
    for (const t of this.kept.keys()) if (this.kept.size > KEPT) this.kept.delete(t);
  }

  /** The check, or the Chinese reason it is gone. */
  get(token: string): SelfCheck {
    const c = this.kept.get(token);
    if (!c) throw new Error('这次自查的结果已不在（程序重新打开过，或之后又自查了多批文件），请重新选择文件自查');
    return c;
  }
}

// Why a file's text was left to pdf.js, counted by reason (bench:pdf prints them).
/** Files whose text was read here, and files left to pdf.js by reason (printed by bench:pdf). */
export const textFallbacks = new Map<string, number>();
export const textRead = { files: 0 };

export class Unhandled {
  readonly why: string;
  constructor(why: string) {
    this.why = why;
  }
}

export function countFallback(e: unknown): void {
  const why = e instanceof Unhandled ? e.why : `error: ${(e as Error)?.name ?? 'unknown'}`;
  textFallbacks.set(why, (textFallbacks.get(why) ?? 0) + 1);
}

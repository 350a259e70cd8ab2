// Why a file's text was left to pdf.js, counted by reason (bench:pdf prints them).
import { fallbackReason } from '../pdf-objects.ts';

export { Unhandled } from '../pdf-objects.ts';

/** Files whose text was read here, and files left to pdf.js by reason (printed by bench:pdf). */
export const textFallbacks = new Map<string, number>();
export const textRead = { files: 0 };

export function countFallback(e: unknown): void {
  const why = fallbackReason(e);
  textFallbacks.set(why, (textFallbacks.get(why) ?? 0) + 1);
}

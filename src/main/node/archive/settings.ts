// The office's settings: its name, the 体检 checks switched off, 态势's thresholds.
import type { Archive } from './archive.ts';
import type { Settings } from '../../../shared/contract/types.ts';

/** 态势's thresholds until the office sets its own: 纠错率 above 15 %, 不予公开率 above 30 %. */
export const DEFAULT_THRESHOLDS: Record<string, number> = { reviewCorrection: 0.15, suitCorrection: 0.15, withheldRate: 0.3 };

/** The office's settings; unset ones have their defaults. */
export function settings(a: Archive): Settings {
  const get = (key: string) => (a.stmt('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined)?.value;
  const disabled = get('disabledRules');
  const thresholds = get('thresholds');
  return {
    officeName: get('officeName') ?? '',
    disabledRules: disabled ? (JSON.parse(disabled) as string[]) : [],
    thresholds: { ...DEFAULT_THRESHOLDS, ...(thresholds ? (JSON.parse(thresholds) as Record<string, number>) : {}) },
  };
}

export function setSettings(a: Archive, s: Partial<Settings>): Settings {
  const put = a.stmt('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  a.db.transaction(() => {
    if (s.officeName !== undefined) put.run('officeName', s.officeName.trim());
    if (s.disabledRules !== undefined) put.run('disabledRules', JSON.stringify([...new Set(s.disabledRules)].sort()));
    if (s.thresholds !== undefined) put.run('thresholds', JSON.stringify(s.thresholds));
  })();
  return settings(a);
}

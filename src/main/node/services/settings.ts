// 设置: the office's name, the checks switched off, the 态势 thresholds.
import type { Handlers } from '../../../shared/contract/index.ts';
import type { ServiceContext } from './context.ts';

type SettingsHandlers = Pick<Handlers, 'getSettings' | 'setSettings'>;

export function settingsHandlers({ archive }: ServiceContext): SettingsHandlers {
  return {
    getSettings: () => archive.settings(),
    setSettings: (s) => archive.setSettings(s),
  };
}

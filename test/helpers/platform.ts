// A desktop that answers every dialog with "cancelled" and renders nothing: what a service test
// gives createHandlers where it needs no dialog; a test passes the answers it does need.
import type { Platform } from '../../src/main/node/services.ts';

export function quietPlatform(answers: Partial<Platform> = {}): Platform {
  const cancelled = async () => null;
  return {
    version: 't',
    chooseSources: cancelled,
    openPath: async () => '',
    saveFile: cancelled,
    chooseOutputFolder: cancelled,
    chooseArchiveFile: cancelled,
    chooseSpreadsheet: cancelled,
    renderPdf: async () => new Uint8Array(),
    printRoute: async () => '',
    ...answers,
  };
}

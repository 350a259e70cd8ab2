// The operations behind the contract, shared by Electron's IPC, the CLI and the browser
// test host. What needs Electron itself (dialogs, opening files) comes in as a Platform.
// One room per area of the contract (services/<area>.ts); this file only assembles them.
import type { Handlers } from '../../shared/contract/index.ts';
import { backupHandlers } from './archive/backup-service.ts';
import { areaHandlers } from './services/area.ts';
import { compareHandlers } from './services/compare.ts';
import { serviceContext, type ServiceDeps } from './services/context.ts';
import { correctionHandlers } from './services/corrections.ts';
import { directoryHandlers } from './services/directory.ts';
import { importHandlers } from './services/import.ts';
import { noticeHandlers } from './services/notices.ts';
import { printHandlers } from './services/print.ts';
import { reportHandlers } from './services/reports.ts';
import { searchHandlers } from './services/search.ts';
import { selfCheckHandlers } from './services/self-check.ts';
import { settingsHandlers } from './services/settings.ts';
import { summaryHandlers } from './services/summaries.ts';
import { trackingHandlers } from './services/tracking.ts';
import { templateHandlers } from './services/templates.ts';

export { OPEN_COPIES, removeOpenCopies, type Platform, type ServiceDeps } from './services/context.ts';

export function createHandlers(deps: ServiceDeps): Handlers {
  const ctx = serviceContext(deps);
  const { archive, pool, importer, platform, batches } = ctx;
  return {
    ...reportHandlers(ctx),
    ...backupHandlers({
      archive,
      pool,
      busy: () => (importer.busy() ? '正在导入报告' : batches.busy() ? '正在批量生成比较表' : null),
      chooseFolder: () => platform.chooseOutputFolder('backup'),
      chooseArchiveFile: () => platform.chooseArchiveFile(),
    }),
    ...importHandlers(ctx),
    ...correctionHandlers(ctx),
    ...searchHandlers(ctx),
    ...compareHandlers(ctx),
    ...printHandlers(ctx),
    ...summaryHandlers(ctx),
    ...settingsHandlers(ctx),
    ...noticeHandlers(ctx),
    ...trackingHandlers(ctx),
    ...areaHandlers(ctx),
    ...directoryHandlers(ctx),
    ...templateHandlers(ctx),
    ...selfCheckHandlers(ctx),
  };
}

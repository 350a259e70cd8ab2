// Importing: folders and files reach an import only as grants, made from main's own dialog or
// from a real drop (the preload's door), never from a path the page names.
import { stat } from 'node:fs/promises';
import { isAbsolute } from 'node:path';
import type { Handlers } from '../../../shared/contract/index.ts';
import type { ServiceContext } from './context.ts';

type ImportHandlers = Pick<Handlers, 'chooseImportSources' | 'grantDroppedPaths' | 'startImport' | 'importStatus' | 'cancelImport'>;

export function importHandlers({ importer, platform, grants }: ServiceContext): ImportHandlers {
  const grant = (paths: string[]) => grants.grant(paths);
  return {
    chooseImportSources: async ({ kind, purpose }) => {
      const paths = await platform.chooseSources(kind, purpose);
      return paths && paths.length ? grant(paths) : null;
    },
    grantDroppedPaths: async ({ paths }) => {
      // Only absolute paths of things that exist; importing only reads them.
      const ok: string[] = [];
      for (const p of paths) {
        if (!isAbsolute(p)) continue;
        try {
          const st = await stat(p);
          if (st.isFile() || st.isDirectory()) ok.push(p);
        } catch {
          /* gone since the drop */
        }
      }
      if (ok.length === 0) throw new Error('拖入的文件或文件夹不存在或无法读取');
      return grant(ok);
    },
    startImport: ({ grant: token, pages }) => ({ jobId: importer.start(grants.take(token), { pages }) }),
    importStatus: ({ jobId, since }) => importer.status(jobId, since),
    cancelImport: ({ jobId }) => ({ cancelled: importer.cancel(jobId) }),
  };
}

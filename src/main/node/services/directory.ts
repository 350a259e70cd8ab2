// 单位目录 and the agencies' names: the directory (listed, saved, to and from Excel), merging
// two names of one body and undoing it.
import { readFile } from 'node:fs/promises';
import type { Handlers } from '../../../shared/contract/index.ts';
import { directoryXlsx, readDirectoryXlsx } from '../export/directory-sheet.ts';
import type { ServiceContext } from './context.ts';

type DirectoryHandlers = Pick<Handlers, 'listDirectory' | 'saveUnits' | 'exportDirectory' | 'importDirectory' | 'listAgencies' | 'mergeAgencies' | 'unmergeAgency'>;

export function directoryHandlers({ archive, platform }: ServiceContext): DirectoryHandlers {
  return {
    listDirectory: () => archive.directory(),
    saveUnits: ({ units }) => {
      archive.saveUnits(units);
      return archive.directory();
    },
    exportDirectory: async () => {
      const path = await platform.saveFile(await directoryXlsx(archive.directory()), '单位目录.xlsx', { name: 'Excel 工作簿', extensions: ['xlsx'] });
      return path ? { saved: true, path } : { saved: false };
    },
    importDirectory: async () => {
      const file = await platform.chooseSpreadsheet();
      if (!file) return null;
      const rows = await readDirectoryXlsx(new Uint8Array(await readFile(file)));
      archive.saveUnits(rows);
      return { imported: rows.length };
    },
    listAgencies: () => archive.listAgencies(),
    mergeAgencies: ({ from, into }) => {
      archive.mergeAgencies(from, into);
      return { merged: true };
    },
    unmergeAgency: ({ alias }) => {
      archive.unmergeAgency(alias);
      return { unmerged: true };
    },
  };
}

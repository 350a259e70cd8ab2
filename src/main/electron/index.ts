// Electron main: one window, the archive and the import workers. Everything else lives in
// src/main/node and runs the same under the CLI and the browser test host.
import { app, BrowserWindow, dialog, Menu, protocol, shell } from 'electron';
import { join } from 'node:path';
import { rendererFiles } from '../node/print/app-request.ts';
import { restoreArchive, rotateBackups } from '../node/archive/backup.ts';
import { ArchiveInUse } from '../node/archive/lock.ts';
import { openFailure } from '../node/archive/open-failure.ts';
import { logTechnical } from '../node/import/reasons.ts';
import { openRuntime, type Runtime } from '../node/runtime.ts';
import { createHandlers, removeOpenCopies } from '../node/services.ts';
import { registerIpc } from './ipc.ts';
import { setLaunch } from '../node/child/launch.ts';
import { utilityLaunch } from './utility-launch.ts';
import { printRoute, renderPdf, sheetPictures } from './print.ts';
import { writeFile } from 'node:fs/promises';
import { hardenSession, lockDownContents } from './security.ts';

// Only while developing (electron-vite dev): a packaged app never loads or trusts another origin.
const devUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
const rendererDir = join(import.meta.dirname, '../renderer');

protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
app.setPath('userData', join(app.getPath('appData'), '年报档案'));

let win: BrowserWindow | null = null;
let runtime: Runtime | null = null;

/**
 * Opens the archive; one that will not open is explained in Chinese and, when it is damaged and
 * a sound backup exists, the clerk may put that backup in its place (the damaged file is kept
 * aside). Null: nothing to run on, the app quits.
 */
function openOrRecover(path: string, workerUrl: URL): Runtime | null {
  try {
    return openRuntime(path, workerUrl, undefined, {}, { use: '应用程序' });
  } catch (e) {
    logTechnical('打开档案', e);
    const f = openFailure(path, e);
    if (!f.backup) {
      dialog.showErrorBox('无法打开档案', f.message);
      return null;
    }
    const choice = dialog.showMessageBoxSync({
      type: 'error',
      title: '无法打开档案',
      message: f.message,
      detail: `可以用 ${f.backup.date} 的备份（${f.backup.reports} 份报告）替换它；损坏的文件会改名保留在原处。`,
      buttons: ['从备份恢复', '退出'],
      defaultId: 0,
      cancelId: 1,
    });
    if (choice !== 0) return null;
    try {
      restoreArchive(path, f.backup.file);
      return openRuntime(path, workerUrl, undefined, {}, { use: '应用程序' });
    } catch (again) {
      logTechnical('从备份恢复', again);
      dialog.showErrorBox('无法打开档案', openFailure(path, again).message);
      return null;
    }
  }
}

function archivePath(): string {
  const flag = process.argv.find((a) => a.startsWith('--db='));
  return flag ? flag.slice(5) : process.env.NIANBAO_DB || join(app.getPath('userData'), 'archive.sqlite');
}

function createWindow(): void {
  win = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    title: '年报档案',
    show: false,
    webPreferences: {
      preload: join(import.meta.dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  win.once('ready-to-show', () => win?.show());
  win.on('closed', () => (win = null));
  void win.loadURL(devUrl ?? 'app://renderer/index.html');
}

if (!app.requestSingleInstanceLock()) app.quit();
else {
  app.on('second-instance', () => {
    if (win?.isMinimized()) win.restore();
    win?.focus();
  });
  lockDownContents(devUrl);
  void app.whenReady().then(() => {
    // The OCR's process: a utility process, since the runAsNode fuse forbids a fork (node/child/launch.ts).
    setLaunch(utilityLaunch);
    // Copies opened in an earlier session (still in use when it quit) go now.
    removeOpenCopies();
    Menu.setApplicationMenu(null);
    hardenSession(devUrl);
    // The files are read here, not handed to net.fetch(file://): the session's request filter
    // admits app:// only, and whether it sees a main-process file fetch differs by version.
    const files = rendererFiles(rendererDir);
    protocol.handle('app', async (req) => {
      const r = await files(new URL(req.url).pathname);
      return new Response(r.status === 200 ? new Uint8Array(r.body as Buffer) : null, { status: r.status, headers: r.headers });
    });
    runtime = openOrRecover(archivePath(), new URL('./import-worker.js', import.meta.url));
    if (!runtime) {
      app.quit();
      return;
    }
    // A daily copy beside the archive (备份/), pruned to 7 days + 12 monthly: a clerk's only
    // recourse when a disk or a bad import spoils the file. It waits until the window is up;
    // failure must not block the app. Its integrity check runs in a worker. While another
    // process (a CLI import) has the archive, it is tried again later.
    const opened = runtime;
    const rotate = () =>
      void rotateBackups(opened.archive.db, opened.archive.path, new Date(), (f) => opened.pool.checkArchive(f)).catch((e) => {
        logTechnical('自动备份', e);
        if (e instanceof ArchiveInUse) setTimeout(rotate, 10 * 60_000);
      });
    setTimeout(rotate, 20_000);
    const handlers = createHandlers({
      archive: runtime.archive,
      importer: runtime.importer,
      pool: runtime.pool,
      platform: {
        version: app.getVersion(),
        chooseSources: async (kind, purpose = 'import') => {
          const [verb, button] = purpose === 'check' ? ['自查', '检查'] : ['导入', '导入'];
          const opts: Electron.OpenDialogOptions =
            kind === 'folder'
              ? { title: `选择要${verb}的文件夹`, buttonLabel: button, properties: ['openDirectory', 'multiSelections'] }
              : {
                  title: `选择要${verb}的报告文件`,
                  buttonLabel: button,
                  properties: ['openFile', 'multiSelections'],
                  filters: [{ name: '年度报告（Word、文本、PDF、网页、填报模板、扫描图片）', extensions: ['doc', 'docx', 'wps', 'txt', 'pdf', 'html', 'htm', 'shtml', 'mht', 'mhtml', 'xlsx', 'jpg', 'jpeg', 'png', 'tif', 'tiff'] }],
                };
          const r = win ? await dialog.showOpenDialog(win, opts) : await dialog.showOpenDialog(opts);
          return r.canceled ? null : r.filePaths;
        },
        openPath: (p) => shell.openPath(p),
        saveFile: async (bytes, defaultName, filter) => {
          const opts = { title: '保存', defaultPath: defaultName, buttonLabel: '保存', filters: [filter] };
          const r = win ? await dialog.showSaveDialog(win, opts) : await dialog.showSaveDialog(opts);
          if (r.canceled || !r.filePath) return null;
          await writeFile(r.filePath, bytes);
          return r.filePath;
        },
        chooseOutputFolder: async (purpose) => {
          const title = purpose === 'backup' ? '选择保存备份的文件夹（例如U盘）' : purpose === 'notices' ? '选择保存审核意见的文件夹' : purpose === 'templates' ? '选择保存填报模板的文件夹' : '选择保存比较表的文件夹';
          const opts: Electron.OpenDialogOptions = { title, buttonLabel: '保存到这里', properties: ['openDirectory', 'createDirectory'] };
          const r = win ? await dialog.showOpenDialog(win, opts) : await dialog.showOpenDialog(opts);
          return r.canceled ? null : (r.filePaths[0] ?? null);
        },
        chooseSpreadsheet: async () => {
          const opts: Electron.OpenDialogOptions = { title: '选择单位目录（Excel）', buttonLabel: '导入', properties: ['openFile'], filters: [{ name: 'Excel 工作簿（.xlsx）', extensions: ['xlsx'] }] };
          const r = win ? await dialog.showOpenDialog(win, opts) : await dialog.showOpenDialog(opts);
          return r.canceled ? null : (r.filePaths[0] ?? null);
        },
        chooseArchiveFile: async () => {
          const opts: Electron.OpenDialogOptions = {
            title: '选择要恢复的档案备份',
            buttonLabel: '恢复',
            properties: ['openFile'],
            filters: [{ name: '年报档案备份（.sqlite、.sqlite.gz）', extensions: ['sqlite', 'db', 'gz'] }],
          };
          const r = win ? await dialog.showOpenDialog(win, opts) : await dialog.showOpenDialog(opts);
          return r.canceled ? null : (r.filePaths[0] ?? null);
        },
        renderPdf: (route, landscape) => renderPdf(route, landscape, devUrl),
        printRoute: (route, landscape) => printRoute(route, landscape, devUrl),
        sheetPictures: (route) => sheetPictures(route, devUrl),
      },
    });
    registerIpc(handlers, () => win, devUrl);
    createWindow();
  });
  app.on('window-all-closed', () => {
    void runtime?.close().finally(() => app.quit());
  });
  app.on('will-quit', removeOpenCopies);
}

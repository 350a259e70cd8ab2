// The shell: a top bar, the library or one report, the import dialog, and drop-to-import.
import { useCallback, useEffect, useState } from 'react';
import type { AppInfo, ImportGrant } from '../shared/contract/types.ts';
import { api } from './api.ts';
import { AgenciesView } from './views/AgenciesView.tsx';
import { SearchView } from './views/SearchView.tsx';
import { CompareView } from './views/CompareView.tsx';
import { SummaryView } from './views/SummaryView.tsx';
import { AgencySeriesView } from './views/AgencySeriesView.tsx';
import { PrintCompare } from './views/PrintCompare.tsx';
import { PrintSummary } from './views/PrintSummary.tsx';
import { PrintReport, PrintSeries } from './views/PrintSheets.tsx';
import { ImportDialog } from './views/ImportDialog.tsx';
import { LibraryView } from './views/LibraryView.tsx';
import { BackupView } from './views/BackupView.tsx';
import { SettingsView } from './views/SettingsView.tsx';
import { AreaView } from './views/AreaView.tsx';
import { DirectoryView } from './views/DirectoryView.tsx';
import { OverviewView } from './views/OverviewView.tsx';
import { PrintNotice } from './views/PrintNotice.tsx';
import { PrintArea } from './views/PrintArea.tsx';
import { PrintOverview } from './views/PrintOverview.tsx';
import { PrintTracking } from './views/PrintTracking.tsx';
import { PrintSelfCheck } from './views/PrintSelfCheck.tsx';
import { SelfCheckView } from './views/SelfCheckView.tsx';
import { TrackingView } from './views/TrackingView.tsx';
import { useFontSize } from './components/FontSize.tsx';
import { ReportView } from './views/ReportView.tsx';

type Route =
  | { view: 'library'; params: URLSearchParams; review: boolean }
  | { view: 'compare'; ids: number[] }
  | { view: 'summary'; year: number | null }
  | { view: 'agency'; name: string }
  | { view: 'print-compare'; ids: number[] }
  | { view: 'print-summary'; year: number }
  | { view: 'print-series'; agency: string }
  | { view: 'print-report'; id: number; crops: number[] | null }
  | { view: 'print-notice'; id: number; deadline: string | null; crops: boolean }
  | { view: 'print-area'; year: number; region: string | null; own: 'include' | 'exclude' }
  | { view: 'settings' }
  | { view: 'area'; params: URLSearchParams }
  | { view: 'directory' }
  | { view: 'overview'; params: URLSearchParams }
  | { view: 'print-overview'; year: number; region: string | null }
  | { view: 'tracking'; params: URLSearchParams }
  | { view: 'print-tracking'; year: number }
  | { view: 'selfcheck'; params: URLSearchParams }
  | { view: 'print-selfcheck'; token: string; crops: string[] | null }
  | { view: 'agencies' }
  | { view: 'backup' }
  | { view: 'search'; q: string; params: URLSearchParams }
  | { view: 'report'; id: number; q: string; part: number | null };

function readRoute(): Route {
  const [path, query] = location.hash.slice(1).split('?');
  const params = new URLSearchParams(query ?? '');
  const m = /^\/report\/(\d+)/.exec(path);
  if (m) return { view: 'report', id: Number(m[1]), q: params.get('q') ?? '', part: params.has('part') ? Number(params.get('part')) : null };
  if (path.startsWith('/search')) return { view: 'search', q: params.get('q') ?? '', params };
  const ids = (params.get('ids') ?? '').split(',').map(Number).filter((n) => Number.isInteger(n) && n > 0);
  if (path.startsWith('/compare')) return { view: 'compare', ids };
  if (path.startsWith('/summary')) return { view: 'summary', year: params.has('year') ? Number(params.get('year')) : null };
  if (path.startsWith('/agency')) return { view: 'agency', name: params.get('name') ?? '' };
  if (path.startsWith('/print/compare')) return { view: 'print-compare', ids };
  if (path.startsWith('/print/summary')) return { view: 'print-summary', year: Number(params.get('year')) };
  if (path.startsWith('/print/series')) return { view: 'print-series', agency: params.get('agency') ?? '' };
  if (path.startsWith('/print/report'))
    return { view: 'print-report', id: Number(params.get('id')), crops: params.has('crops') ? (params.get('crops') ?? '').split(',').filter(Boolean).map(Number) : null };
  if (path.startsWith('/print/overview')) return { view: 'print-overview', year: Number(params.get('year')), region: params.get('region') };
  if (path.startsWith('/print/tracking')) return { view: 'print-tracking', year: Number(params.get('year')) };
  if (path.startsWith('/tracking')) return { view: 'tracking', params };
  if (path.startsWith('/selfcheck')) return { view: 'selfcheck', params };
  if (path.startsWith('/print/selfcheck')) return { view: 'print-selfcheck', token: params.get('token') ?? '', crops: params.has('crops') ? (params.get('crops') ?? '').split(',').filter(Boolean) : null };
  if (path.startsWith('/print/area')) return { view: 'print-area', year: Number(params.get('year')), region: params.get('region'), own: params.get('own') === 'include' ? 'include' : 'exclude' };
  if (path.startsWith('/print/notice')) return { view: 'print-notice', id: Number(params.get('id')), deadline: /^\d{4}-\d{2}-\d{2}$/.test(params.get('deadline') ?? '') ? params.get('deadline') : null, crops: params.get('crops') === '1' };
  if (path.startsWith('/settings')) return { view: 'settings' };
  if (path.startsWith('/area')) return { view: 'area', params };
  if (path.startsWith('/directory')) return { view: 'directory' };
  if (path.startsWith('/overview')) return { view: 'overview', params };
  if (path.startsWith('/backup')) return { view: 'backup' };
  if (path.startsWith('/agencies')) return { view: 'agencies' };
  return { view: 'library', params, review: path.startsWith('/review') };
}

/** The sheet Ctrl+P prints for what is on screen, or null where there is none. */
function printableSheet(
  r: Route,
):
  | { sheet: 'report'; id: number }
  | { sheet: 'compare'; ids: number[] }
  | { sheet: 'summary'; year: number }
  | { sheet: 'series'; agency: string }
  | { sheet: 'area'; year: number; region?: string; own: 'include' | 'exclude' }
  | { sheet: 'overview'; year: number; region?: string }
  | { sheet: 'tracking'; year: number }
  | { sheet: 'selfcheck'; token: string }
  | null {
  if (r.view === 'report') return { sheet: 'report', id: r.id };
  if (r.view === 'compare' && r.ids.length >= 2) return { sheet: 'compare', ids: r.ids };
  if (r.view === 'summary' && r.year) return { sheet: 'summary', year: r.year };
  if (r.view === 'agency' && r.name) return { sheet: 'series', agency: r.name };
  if (r.view === 'overview' && Number(r.params.get('year'))) {
    const region = r.params.get('region');
    return { sheet: 'overview', year: Number(r.params.get('year')), ...(region ? { region } : {}) };
  }
  if (r.view === 'tracking' && Number(r.params.get('year'))) return { sheet: 'tracking', year: Number(r.params.get('year')) };
  if (r.view === 'selfcheck' && r.params.get('token')) return { sheet: 'selfcheck', token: r.params.get('token')! };
  if (r.view === 'area' && Number(r.params.get('year'))) {
    const region = r.params.get('region');
    return { sheet: 'area', year: Number(r.params.get('year')), ...(region ? { region } : {}), own: r.params.get('own') === 'include' ? 'include' : 'exclude' };
  }
  return null;
}

/** A line under the top bar: an error (role alert) or a notice (role status), with 关闭. */
function Banner({ text, error, onClose }: { text: string; error?: boolean; onClose: () => void }) {
  return (
    <div className={error ? 'banner error' : 'banner'} role={error ? 'alert' : 'status'}>
      {text}
      <button className="link" onClick={onClose}>
        关闭
      </button>
    </div>
  );
}

export function App() {
  const [route, setRoute] = useState<Route>(readRoute);
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [grant, setGrant] = useState<ImportGrant | null>(null);
  const [pages, setPages] = useState(false);
  // Files dropped while 报送前自查 is shown are checked there, not imported.
  const [checkGrant, setCheckGrant] = useState<ImportGrant | null>(null);
  const [version, setVersion] = useState(0); // bumped when the archive changes
  const [dragging, setDragging] = useState(false);
  const [infoVersion, setInfoVersion] = useState(0); // bumped while an import adds reports
  const [zoom, fontPicker] = useFontSize();
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    const on = () => setRoute(readRoute());
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  useEffect(() => {
    api.appInfo({}).then(setInfo, (e: Error) => setError(e.message));
  }, [version, infoVersion]);

  // 'pages': a folder of one report's page photos or scans, imported as that one report.
  const choose = useCallback(async (kind: 'folder' | 'files' | 'pages') => {
    try {
      const g = await api.chooseImportSources({ kind: kind === 'files' ? 'files' : 'folder' });
      setPages(kind === 'pages');
      if (g) setGrant(g);
    } catch (e) {
      setError((e as Error).message);
    }
  }, []);

  // Office keys: Ctrl+F 检索, Ctrl+O 导入文件夹, Ctrl+P prints the sheet of what is on screen; Alt+←/→.
  useEffect(() => {
    const on = (e: KeyboardEvent) => {
      // Alt+← / Alt+→: back and forward, as in a browser (Electron's window has no such keys of its own).
      if (e.altKey && !e.ctrlKey && !e.metaKey && (e.key === 'ArrowLeft' || e.key === 'ArrowRight')) {
        e.preventDefault();
        return e.key === 'ArrowLeft' ? history.back() : history.forward();
      }
      if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey) return;
      const key = e.key.toLowerCase();
      if (key === 'f') {
        e.preventDefault();
        if (!location.hash.startsWith('#/search')) location.hash = '#/search';
        else document.querySelector<HTMLInputElement>('input[aria-label="检索词"]')?.focus();
      } else if (key === 'o') {
        e.preventDefault();
        void choose('folder');
      } else if (key === 'p') {
        e.preventDefault();
        const sheet = printableSheet(readRoute());
        if (!sheet) return setNotice('这个页面没有可打印的表格。可打印：报告核对表、比较表、年度汇总表、单位历年情况。');
        api.printSheet({ ...sheet, action: 'print' }).then((r) => setNotice(r.message), (err: Error) => setError(err.message));
      }
    };
    // The mouse's back and forward buttons too.
    const mouse = (e: MouseEvent) => (e.button === 3 ? history.back() : e.button === 4 ? history.forward() : undefined);
    document.addEventListener('keydown', on);
    document.addEventListener('mouseup', mouse);
    return () => {
      document.removeEventListener('keydown', on);
      document.removeEventListener('mouseup', mouse);
    };
  }, [choose]);

  // The preload resolves a drop to a grant and tells the page; the page only draws the drop.
  useEffect(() => api.onDropGrant?.((r) => ('grant' in r ? (readRoute().view === 'selfcheck' ? setCheckGrant : (g: ImportGrant) => (setPages(false), setGrant(g)))(r.grant) : setError(r.error))), []);
  const onDrop = (e: React.DragEvent) => {
    e.preventDefault();
    setDragging(false);
    if (e.dataTransfer.files.length && !api.onDropGrant) setError('当前环境不支持拖入文件，请使用“导入文件夹”按钮');
  };

  // A printed sheet is the page itself: no top bar, no dialogs. Keyed by its address, so a
  // printer that moves one page from sheet to sheet gets a fresh sheet (and ready mark) each time.
  const sheet = location.hash;
  if (route.view === 'print-compare') return <PrintCompare key={sheet} ids={route.ids} />;
  if (route.view === 'print-summary') return <PrintSummary key={sheet} year={route.year} />;
  if (route.view === 'print-series') return <PrintSeries key={sheet} agency={route.agency} />;
  if (route.view === 'print-report') return <PrintReport key={sheet} id={route.id} crops={route.crops} />;
  if (route.view === 'print-overview') return <PrintOverview key={sheet} year={route.year} region={route.region} />;
  if (route.view === 'print-area') return <PrintArea key={sheet} year={route.year} region={route.region} own={route.own} />;
  if (route.view === 'print-tracking') return <PrintTracking key={sheet} year={route.year} />;
  if (route.view === 'print-selfcheck') return <PrintSelfCheck key={sheet} token={route.token} crops={route.crops} />;
  if (route.view === 'print-notice') return <PrintNotice key={sheet} id={route.id} deadline={route.deadline} crops={route.crops} />;

  return (
    <div
      className={zoom > 1.2 ? 'app zoomed' : 'app'}
      style={zoom !== 1 ? { zoom } : undefined}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={(e) => {
        if (e.currentTarget === e.target) setDragging(false);
      }}
      onDrop={onDrop}
    >
      <header className="topbar">
        <a className="brand" href="#/">
          年报档案
        </a>
        <nav>
          <a href="#/" className={(route.view === 'library' && !route.review) || route.view === 'report' ? 'active' : ''}>
            报告
          </a>
          <a href="#/review" className={route.view === 'library' && route.review ? 'active' : ''} title="单位或年度未识别、只取自文件名或为推断的报告">
            待确认{info?.reviewCount ? <span className="badge">{info.reviewCount}</span> : null}
          </a>
          <a href="#/search" className={route.view === 'search' ? 'active' : ''}>
            检索
          </a>
          <a href="#/summary" className={route.view === 'summary' ? 'active' : ''}>
            汇总
          </a>
          <a href="#/selfcheck" className={route.view === 'selfcheck' ? 'active' : ''} title="单位报来的年报先检查，不存入档案">
            报送前自查
          </a>
          <a href="#/tracking" className={route.view === 'tracking' ? 'active' : ''} title="审核意见发出后，各单位是否按期报送修改稿、所列问题是否整改">
            整改跟踪
          </a>
          <a href="#/area" className={route.view === 'area' ? 'active' : ''} title="各单位统计表之和，供编制本级政府的年度报告">
            区域汇总
          </a>
          <a href="#/agencies" className={route.view === 'agencies' || route.view === 'agency' || route.view === 'directory' ? 'active' : ''}>
            单位
          </a>
          <a href="#/backup" className={route.view === 'backup' ? 'active' : ''}>
            备份
          </a>
          <a href="#/settings" className={route.view === 'settings' ? 'active' : ''} title="本单位名称（审核意见的落款）和年报体检的检查规则">
            设置
          </a>
        </nav>
        <span className="spacer" />
        {fontPicker}
        {info && <span className="muted nowrap report-count">共 {info.reportCount} 份报告</span>}
        {info && (
          <a className="topbar-backup muted" href="#/backup" title={`档案文件：${info.archivePath}\n每天打开时自动备份到档案旁的“备份”文件夹，保留最近7天和每月第一份`}>
            {info.lastBackup ? `最近备份 ${Number(info.lastBackup.slice(5, 7))}月${Number(info.lastBackup.slice(8))}日` : '尚未备份'}
          </a>
        )}
        <button className="primary" onClick={() => choose('folder')}>
          导入文件夹
        </button>
        <button onClick={() => choose('files')}>导入文件</button>
        <button onClick={() => choose('pages')} title="选择一个文件夹：其中的照片或扫描图片（页1.jpg、页2.jpg……或 scan_001.png……）按文件名顺序作为一份报告的各页导入，并做文字识别">
          导入扫描页
        </button>
      </header>
      {error && <Banner text={error} error onClose={() => setError(null)} />}
      {notice && <Banner text={notice} onClose={() => setNotice(null)} />}
      <main>
        {route.view === 'library' ? (
          <LibraryView
            key={route.review ? 'review' : 'library'}
            version={version}
            years={info?.years ?? []}
            params={route.params}
            review={route.review}
            onImport={() => choose('folder')}
            onChanged={() => setVersion((v) => v + 1)}
          />
        ) : route.view === 'agencies' ? (
          <AgenciesView />
        ) : route.view === 'overview' ? (
          <OverviewView years={info?.years ?? []} params={route.params} />
        ) : route.view === 'tracking' ? (
          <TrackingView years={info?.years ?? []} params={route.params} />
        ) : route.view === 'selfcheck' ? (
          <SelfCheckView params={route.params} dropped={checkGrant} taken={() => setCheckGrant(null)} onImported={() => setVersion((v) => v + 1)} />
        ) : route.view === 'directory' ? (
          <DirectoryView />
        ) : route.view === 'area' ? (
          <AreaView years={info?.years ?? []} params={route.params} />
        ) : route.view === 'settings' ? (
          <SettingsView />
        ) : route.view === 'backup' ? (
          <BackupView onChanged={() => setVersion((v) => v + 1)} />
        ) : route.view === 'summary' ? (
          <SummaryView years={info?.years ?? []} year={route.year} />
        ) : route.view === 'agency' ? (
          <AgencySeriesView agency={route.name} />
        ) : route.view === 'compare' ? (
          <CompareView ids={route.ids} />
        ) : route.view === 'search' ? (
          <SearchView initial={route.q} params={route.params} years={info?.years ?? []} />
        ) : (
          <ReportView
            id={route.id}
            query={route.q}
            part={route.part}
            onRemoved={() => {
              setVersion((v) => v + 1);
              location.hash = '#/';
            }}
          />
        )}
      </main>
      {grant && (
        <ImportDialog
          grant={grant}
          pages={pages}
          onProgress={() => setInfoVersion((v) => v + 1)}
          onClose={() => {
            setGrant(null);
            setPages(false);
            setVersion((v) => v + 1);
          }}
        />
      )}
      {dragging && (
        <div className="drop-overlay">
          <div>{route.view === 'selfcheck' ? '松开鼠标，自查拖入的文件（不存入档案）' : '松开鼠标，导入拖入的文件或文件夹'}</div>
        </div>
      )}
    </div>
  );
}

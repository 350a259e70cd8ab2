// The bar of a long job (import, year batch): done of total, full once finished.
export function ProgressBar({ done, total, finished }: { done: number; total: number; finished: boolean }) {
  const pct = finished ? 100 : total ? Math.round((done / total) * 100) : 0;
  return (
    <div className="progress" role="progressbar" aria-valuenow={pct} aria-valuemin={0} aria-valuemax={100}>
      {/* Finished: full at once, not easing there after the text already says 完成. */}
      <div style={finished ? { width: '100%', transition: 'none' } : { width: `${pct}%` }} />
    </div>
  );
}

// 态势's ranking of units by one indicator, highest first (the rates a leader follows are the
// ones where high is worth a look); a unit without the figure goes last. Shared by the page,
// its printed sheet and the Excel.
import type { Overview } from '../contract/types.ts';

export const OVERVIEW_RATES = ['openRate', 'withheldRate', 'reviewCorrection', 'suitCorrection'] as const;

export const rankUnits = (units: Overview['units'], by: string) => [...units].sort((a, b) => (b.indicators[by] ?? -1) - (a.indicators[by] ?? -1));

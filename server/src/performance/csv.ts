import type { PerformanceReport } from '../../../shared/contracts';
import { csvCell } from '../coverage/csv';

export const PERFORMANCE_CSV_HEADER = [
  'stage',
  'stageLabel',
  'persona',
  'personaName',
  'entries',
  'coverage',
  'views',
  'clicks',
  'conversions',
  'conversionRate',
  'rate',
  'signal',
  'viewsOfPrevious',
];

const rate = (value: number | null) => (value === null ? '' : value.toFixed(4));

/** Each cell, then per stage its funnel step as "(all personas)"; formulas neutralised as in coverage's CSV. */
export const performanceToCsv = (report: PerformanceReport): string => {
  const names = new Map(report.personas.map((persona) => [persona.slug, persona.name]));
  const rows: Array<Array<string | number>> = [PERFORMANCE_CSV_HEADER];
  for (const stage of report.stages) {
    for (const c of report.cells.filter((cell) => cell.stage === stage.key)) {
      rows.push([
        stage.key,
        stage.label,
        c.persona ?? '(no persona)',
        c.persona ? (names.get(c.persona) ?? '') : '',
        c.entries,
        c.coverage,
        c.views,
        c.clicks,
        c.conversions,
        rate(c.conversionRate),
        c.rate,
        c.signal ?? '',
        '',
      ]);
    }
    const step = report.funnel.find((candidate) => candidate.stage === stage.key)!;
    rows.push([
      stage.key,
      stage.label,
      '(all personas)',
      '',
      step.entries,
      '',
      step.views,
      step.clicks,
      step.conversions,
      rate(step.conversionRate),
      '',
      '',
      rate(step.viewsOfPrevious),
    ]);
  }
  return `${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
};

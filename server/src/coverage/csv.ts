import type { CoverageMatrix } from '../../../shared/contracts';

/**
 * A CSV cell: quoted when needed, and prefixed with ' when it starts like a formula, so a persona
 * named "=HYPERLINK(...)" cannot run in the marketer's spreadsheet.
 */
export const csvCell = (value: string | number) => {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

export const COVERAGE_CSV_HEADER = ['stage', 'stageLabel', 'persona', 'personaName', 'count', 'stale', 'minimum', 'status'];

/** The whole matrix as rows: each cell, then per stage "(no persona)" and "(all personas)", then no/unknown stage. */
export const coverageToCsv = (matrix: CoverageMatrix): string => {
  const labels = new Map(matrix.stages.map((stage) => [stage.key, stage]));
  const names = new Map(matrix.personas.map((persona) => [persona.slug, persona.name]));
  const rows: Array<Array<string | number>> = [COVERAGE_CSV_HEADER];

  for (const stage of matrix.stages) {
    for (const c of matrix.cells.filter((x) => x.stage === stage.key)) {
      rows.push([stage.key, stage.label, c.persona, names.get(c.persona) ?? '', c.count, c.stale, stage.minimum, c.status]);
    }
    const untagged = matrix.untagged.find((x) => x.stage === stage.key)!;
    rows.push([stage.key, stage.label, '(no persona)', '', untagged.count, untagged.stale, '', '']);
    const total = matrix.stageTotals.find((x) => x.stage === stage.key)!;
    rows.push([stage.key, stage.label, '(all personas)', '', total.count, total.stale, total.minimum, total.status]);
  }
  rows.push(['(no stage)', '', '(all personas)', '', matrix.noStage.count, matrix.noStage.stale, '', '']);
  for (const unknown of matrix.unknown) {
    rows.push([unknown.stage, labels.get(unknown.stage)?.label ?? '(not configured)', '(all personas)', '', unknown.count, unknown.stale, '', '']);
  }
  return `${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
};

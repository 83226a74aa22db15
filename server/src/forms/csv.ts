import { csvCell } from '../coverage/csv';
import type { ListedSubmission } from '../services/submissions';

const text = (value: unknown) =>
  value === undefined || value === null
    ? ''
    : typeof value === 'boolean'
      ? value
        ? 'yes'
        : 'no'
      : String(value);

/**
 * Submissions as CSV: fixed columns, then one column per field name found, in order of first
 * appearance. Values starting like a formula are neutralised (csvCell), so a visitor who typed
 * `=HYPERLINK(...)` cannot run it in the marketer's spreadsheet.
 */
export const submissionsToCsv = (submissions: ListedSubmission[]) => {
  const fieldNames: string[] = [];
  for (const submission of submissions) {
    for (const name of Object.keys(submission.data)) {
      if (!fieldNames.includes(name)) fieldNames.push(name);
    }
  }
  const header = ['id', 'createdAt', 'form', 'formName', 'locale', 'stage', 'persona', 'source'];
  const rows: Array<Array<string | number>> = [[...header, ...fieldNames]];
  for (const s of submissions) {
    const source = s.context.source as { contentType?: string; documentId?: string } | undefined;
    rows.push([
      s.id,
      s.createdAt,
      s.form.documentId,
      text(s.form.name),
      text(s.form.locale),
      text(s.stage),
      text(s.persona),
      source ? `${source.contentType} ${source.documentId}` : '',
      ...fieldNames.map((name) => text(s.data[name])),
    ]);
  }
  return `${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
};

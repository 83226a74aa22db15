import { STAGE_ATTRIBUTE } from '../../../shared/constants';
import { contentManagerDocumentPath } from './contentManagerUrl';

/*
 * The list view's bulk "Set journey stage": one Content Manager update per entry, and what to tell
 * the editor afterwards. Pure: unit tested in tests/unit/editor-utils.test.ts.
 */

/** A list row the bulk action updates. `locale` is set for localized types. */
export interface StageUpdateTarget {
  documentId: string;
  locale?: string | null;
}

/** The Content Manager's own update request for one document, with only the stage in the body. */
export interface StageUpdateRequest {
  url: string;
  method: 'PUT';
  data: { [STAGE_ATTRIBUTE]: string };
  /** The locale as a query string: i18n reads it there (and moves it into the body) for PUTs. */
  config: { params?: string };
}

export const stageUpdateRequest = (
  uid: string,
  target: StageUpdateTarget,
  stage: string
): StageUpdateRequest => ({
  url: contentManagerDocumentPath(uid, target.documentId),
  method: 'PUT',
  data: { [STAGE_ATTRIBUTE]: stage },
  config: target.locale
    ? { params: new URLSearchParams({ locale: target.locale }).toString() }
    : {},
});

/** What happened to one document of a bulk update. */
export interface StageUpdateOutcome {
  documentId: string;
  /** The server's message for a failure, null for success. */
  error: string | null;
}

export interface StageUpdateSummary {
  succeeded: string[];
  failed: Array<{ documentId: string; message: string }>;
  /** Distinct failure messages, most frequent first, so one notification can name the causes. */
  messages: string[];
}

export const summarizeStageUpdates = (
  outcomes: readonly StageUpdateOutcome[]
): StageUpdateSummary => {
  const succeeded = outcomes
    .filter((outcome) => outcome.error === null)
    .map((outcome) => outcome.documentId);
  const failed = outcomes.flatMap(({ documentId, error }) =>
    error === null ? [] : [{ documentId, message: error }]
  );
  const counts = new Map<string, number>();
  for (const { message } of failed) counts.set(message, (counts.get(message) ?? 0) + 1);
  const messages = [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([message]) => message);
  return { succeeded, failed, messages };
};

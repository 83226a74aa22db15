import type { Submission, SubmissionsQuery } from '../../../shared/contracts';

/** The Submissions view's filters, as kept in the page URL (`?form=…&stage=…&page=2`). */
export interface SubmissionsFilters {
  form: string;
  stage: string;
  persona: string;
  from: string;
  to: string;
  page: number;
}

export const DEFAULT_SUBMISSIONS_FILTERS: SubmissionsFilters = {
  form: '',
  stage: '',
  persona: '',
  from: '',
  to: '',
  page: 1,
};

/** Rows per page of the view (the API's default is 25 as well; sent so the view does not depend on it). */
export const SUBMISSIONS_PAGE_SIZE = 25;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The URL's search parameters -> filters; anything malformed is dropped, not sent. */
export const fromSubmissionsSearch = (search: Record<string, string>): SubmissionsFilters => {
  const page = Number(search.page);
  return {
    form: search.form ?? '',
    stage: search.stage ?? '',
    persona: search.persona ?? '',
    from: DAY.test(search.from ?? '') ? search.from : '',
    to: DAY.test(search.to ?? '') ? search.to : '',
    page: Number.isInteger(page) && page > 1 ? page : 1,
  };
};

/** Filters -> the URL's search parameters, defaults left out. */
export const toSubmissionsSearch = (filters: SubmissionsFilters): Record<string, string> => {
  const search: Record<string, string> = {};
  for (const key of ['form', 'stage', 'persona', 'from', 'to'] as const) {
    if (filters[key] !== '') search[key] = filters[key];
  }
  if (filters.page > 1) search.page = String(filters.page);
  return search;
};

/** Filters -> the admin API's query. */
export const toSubmissionsQuery = (filters: SubmissionsFilters): SubmissionsQuery => ({
  ...toSubmissionsSearch(filters),
  page: String(filters.page),
  pageSize: String(SUBMISSIONS_PAGE_SIZE),
});

export const hasActiveSubmissionsFilters = (filters: SubmissionsFilters): boolean =>
  Object.keys(toSubmissionsSearch({ ...filters, page: 1 })).length > 0;

const PREVIEW_LENGTH = 80;

/** A row's short preview: `name: value` pairs in stored order, cut at 80 characters. */
export const previewValues = (data: Submission['data']): string => {
  const text = Object.entries(data)
    .map(([name, value]) => `${name}: ${String(value)}`)
    .join(' · ');
  return text.length > PREVIEW_LENGTH ? `${text.slice(0, PREVIEW_LENGTH - 1)}…` : text;
};

import { filenameFromDisposition } from '../utils/contentDisposition';
import { toCoverageParams, toQueryString } from '../utils/coverageParams';

import type { CoverageFilters } from '../utils/coverageParams';
import type {
  CoverageMatrix,
  CoverageOptionsResponse,
  CoverageResponse,
  ErrorResponse,
} from '../../../shared/contracts';
import type { FetchClient } from '@strapi/strapi/admin';

/*
 * The admin API client of the coverage panel: the only place that knows its URLs. Fetchers take
 * the client from useFetchClient() so they run with the admin's auth and token refresh.
 */

const COVERAGE_URL = '/journey/coverage';

/** File name of the CSV export when the server does not name it (Content-Disposition). */
const COVERAGE_CSV_FILENAME = 'journey-coverage.csv';

/** `GET /journey/coverage/options`: what the filter dropdowns offer (tagged types and locales). */
export type CoverageOptions = CoverageOptionsResponse['data'];

/** Request identities for effects and caches: equal filters give equal keys. */
export const coverageKeys = {
  all: ['journey', 'coverage'] as const,
  matrix: (filters: CoverageFilters) =>
    [...coverageKeys.all, 'matrix', toQueryString(toCoverageParams(filters))] as const,
  options: () => [...coverageKeys.all, 'options'] as const,
};

interface RequestOptions {
  signal?: AbortSignal;
}

/** The stage x persona matrix for the given filters. */
export const fetchCoverage = async (
  client: FetchClient,
  filters: CoverageFilters,
  { signal }: RequestOptions = {}
): Promise<CoverageMatrix> => {
  // A string is appended as is; an object would be serialized by qs without encoding.
  const { data } = await client.get<CoverageResponse>(COVERAGE_URL, {
    params: toQueryString(toCoverageParams(filters)),
    signal,
  });
  return data.data;
};

/** Types and locales the filters offer. */
export const fetchCoverageOptions = async (
  client: FetchClient,
  { signal }: RequestOptions = {}
): Promise<CoverageOptions> => {
  const { data } = await client.get<CoverageOptionsResponse>(`${COVERAGE_URL}/options`, { signal });
  return data.data;
};

/** An export that failed with Strapi's error body, kept so the notification can show its message. */
export class CoverageExportError extends Error {
  readonly status: number;

  constructor(status: number, message: string) {
    super(message);
    this.name = 'CoverageExportError';
    this.status = status;
  }
}

const readErrorMessage = async (body: Blob): Promise<string | null> => {
  try {
    const parsed = JSON.parse(await body.text()) as Partial<ErrorResponse>;
    return parsed.error?.message ?? null;
  } catch {
    return null;
  }
};

/** Saves a blob through a temporary link: the export needs the admin's bearer token, so a plain link would be refused. */
const saveBlob = (blob: Blob, filename: string) => {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
};

/**
 * Downloads `GET /journey/coverage/export?format=csv` (same filters) under the name the server's
 * Content-Disposition gives (it adds locale and date), else journey-coverage.csv.
 * Read as a blob so the bytes (a BOM Excel needs, for one) reach the file untouched; errors are
 * read from the body ourselves, since the fetch client drops non-JSON error bodies.
 */
export const downloadCoverageCsv = async (client: FetchClient, filters: CoverageFilters): Promise<void> => {
  const response = await client.get(`${COVERAGE_URL}/export`, {
    params: toQueryString({ format: 'csv', ...toCoverageParams(filters) }),
    responseType: 'blob',
    // Error bodies are read below; a 401 still throws, so the client refreshes the token and retries.
    validateStatus: (status) => status !== 401,
  });
  const status = response.status ?? 200;
  if (status >= 400) {
    throw new CoverageExportError(status, (await readErrorMessage(response.data)) ?? `HTTP ${status}`);
  }
  saveBlob(
    response.data,
    filenameFromDisposition(response.headers?.get('Content-Disposition')) ?? COVERAGE_CSV_FILENAME
  );
};

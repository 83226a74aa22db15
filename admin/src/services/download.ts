import { getFetchClient, isFetchError } from '@strapi/strapi/admin';

import { filenameFromDisposition } from '../utils/contentDisposition';

import type { ErrorResponse } from '../../../shared/contracts';

/*
 * Downloads of the admin API's exports (`/journey/coverage/export`, `/journey/performance/export`):
 * the request needs the admin's bearer token, so a plain link would be refused; the file is read
 * here and saved through a temporary link.
 */

/** What a mutation's queryFn returns: nothing to keep on success, else an error value. */
export type DownloadResult =
  | { data: null }
  | { error: { name: string; message: string; status?: number } };

/** Strapi's error body of a failed export (read as a blob), or null when it is not one. */
const readApiError = async (body: Blob): Promise<ErrorResponse['error'] | null> => {
  try {
    const parsed = JSON.parse(await body.text()) as Partial<ErrorResponse>;
    return parsed.error?.message ? parsed.error : null;
  } catch {
    return null;
  }
};

/** Saves a blob through a temporary link. */
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

interface DownloadArgs {
  url: string;
  /** The encoded query string (Strapi's fetch client does not encode params objects). */
  params: string;
  /** File name when the server does not give one (Content-Disposition). */
  fallbackFilename: string;
  signal: AbortSignal;
}

/**
 * Downloads `url?params` under the name the server's Content-Disposition gives, else
 * `fallbackFilename`. Read as a blob so the bytes (a BOM Excel needs, for one) reach the file
 * untouched, which the JSON base query cannot do; errors are read from the body here, since the
 * fetch client drops non-JSON error bodies. Never rejects: failures are an error value, as the
 * base query reports them.
 */
export const download = async ({
  url,
  params,
  fallbackFilename,
  signal,
}: DownloadArgs): Promise<DownloadResult> => {
  try {
    const response = await getFetchClient().get(url, {
      params,
      responseType: 'blob',
      signal,
      // Error bodies are read below; a 401 still throws, so the client refreshes the token and
      // retries.
      validateStatus: (status) => status !== 401,
    });
    const status = response.status ?? 200;
    if (status >= 400) {
      const apiError = await readApiError(response.data);
      return {
        error: apiError
          ? { name: apiError.name, message: apiError.message }
          : { name: 'UnknownError', message: `HTTP ${status}`, status },
      };
    }
    const disposition = response.headers?.get('Content-Disposition');
    saveBlob(response.data, filenameFromDisposition(disposition) ?? fallbackFilename);
    return { data: null };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const status = isFetchError(error) ? error.status : undefined;
    return { error: { name: 'UnknownError', message, status } };
  }
};

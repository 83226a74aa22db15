import { render, screen, server, waitFor } from '@strapi/strapi/admin/test';
import { http, HttpResponse } from 'msw';

import { useCoverageExport } from '../../admin/src/hooks/useCoverageExport';
import { BACKEND_URL } from './fixtures/journey';

import type { CoverageFilters } from '../../admin/src/utils/coverageParams';

/*
 * The coverage page's "Export CSV": a mutation that downloads the file itself (nothing kept in
 * the store) and reports a failure with the server's message.
 */

const FILTERS: CoverageFilters = {
  types: ['cta', 'blog-post'],
  locale: 'da',
  status: 'draft',
  fresh: false,
};
const CSV = '\uFEFFstage,persona,count\r\nawareness,restaurant-owner,4\r\n';

const ExportButton = () => {
  const { exportCsv, isExporting } = useCoverageExport(FILTERS);
  return (
    <button type="button" onClick={exportCsv} disabled={isExporting}>
      Export CSV
    </button>
  );
};

let saved: Array<{ name: string; bytes: number[] }>;
let exportQueries: string[];

beforeEach(() => {
  saved = [];
  exportQueries = [];
  // jsdom has no object URLs and cannot follow a download link: record what would be saved.
  const blobs = new Map<string, Blob>();
  URL.createObjectURL = (blob: Blob) => {
    const url = `blob:test/${blobs.size}`;
    blobs.set(url, blob);
    return url;
  };
  URL.revokeObjectURL = (url: string) => {
    blobs.delete(url);
  };
  jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement
  ) {
    const blob = blobs.get(this.href);
    if (!blob) throw new Error(`No blob behind ${this.href}`);
    const { download } = this;
    void blob.arrayBuffer().then((buffer) => {
      saved.push({ name: download, bytes: [...new Uint8Array(buffer)] });
    });
  });
});

afterEach(() => {
  jest.restoreAllMocks();
});

const renderExport = () => render(<ExportButton />);

describe('Export CSV', () => {
  it('saves the file under the name the server gives, bytes untouched, for the current filters', async () => {
    server.use(
      http.get(`${BACKEND_URL}/journey/coverage/export`, ({ request }) => {
        exportQueries.push(new URL(request.url).search);
        return new HttpResponse(CSV, {
          headers: {
            'Content-Type': 'text/csv; charset=utf-8',
            'Content-Disposition': 'attachment; filename="journey-coverage-da-2026-11-30.csv"',
          },
        });
      })
    );
    const { user } = renderExport();

    await user.click(screen.getByRole('button', { name: 'Export CSV' }));

    // The byte order mark Excel needs included.
    await waitFor(() =>
      expect(saved).toEqual([
        { name: 'journey-coverage-da-2026-11-30.csv', bytes: [...new TextEncoder().encode(CSV)] },
      ])
    );
    expect(saved[0].bytes.slice(0, 3)).toEqual([0xef, 0xbb, 0xbf]);
    expect(exportQueries).toEqual(['?format=csv&type=cta%2Cblog-post&locale=da&status=draft']);
  });

  it('reports a failed export with the server’s message and saves nothing', async () => {
    server.use(
      http.get(`${BACKEND_URL}/journey/coverage/export`, () =>
        HttpResponse.json(
          {
            data: null,
            error: {
              status: 400,
              name: 'ValidationError',
              message: "Unknown type 'cta'. Valid types: blog-post, landing-page, form",
              details: {},
            },
          },
          { status: 400 }
        )
      )
    );
    const { user } = renderExport();

    await user.click(screen.getByRole('button', { name: 'Export CSV' }));

    expect(
      await screen.findByText("Unknown type 'cta'. Valid types: blog-post, landing-page, form")
    ).toBeInTheDocument();
    expect(saved).toEqual([]);
    expect(HTMLAnchorElement.prototype.click).not.toHaveBeenCalled();
  });
});

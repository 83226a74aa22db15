import { lightTheme } from '@strapi/design-system';
import { render, screen, server, waitFor } from '@strapi/strapi/admin/test';
import { within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { Route, Routes, useLocation } from 'react-router-dom';

import { COVERAGE_READ_ACTION, PERFORMANCE_READ_ACTION } from '../../shared/constants';
import { App } from '../../admin/src/pages/App';
import { PerformancePage } from '../../admin/src/pages/PerformancePage';
import { BACKEND_URL, EDITOR_CONFIG, OWNER, permission } from './fixtures/journey';
import { DECISION_OWNER_ENTRIES, EMPTY_REPORT, REPORT, SERIES } from './fixtures/performance';

import type { PerformanceReport } from '../../shared/contracts';

/*
 * The Performance view against msw answers typed with the contracts: the matrix's numbers,
 * colours and signals, the funnel, a cell's entries, filters kept in the URL and sent to the
 * API, the empty state, the exports, and who gets to see the view.
 */

/** The page's current URL, to check what the filters and the open cell write there. */
const Location = () => {
  const location = useLocation();
  return <output data-testid="location">{`${location.pathname}${location.search}`}</output>;
};

let reportAnswer: PerformanceReport;
let requests: Record<'report' | 'entries' | 'series' | 'export', string[]>;

/** `?a=1&b=2` -> `a=1&b=2`, decoded, so expectations read like the URL. */
const queryOf = (request: Request) => decodeURIComponent(new URL(request.url).search.slice(1));

beforeEach(() => {
  reportAnswer = REPORT;
  requests = { report: [], entries: [], series: [], export: [] };
  server.use(
    http.get(`${BACKEND_URL}/journey/editor`, () => HttpResponse.json({ data: EDITOR_CONFIG })),
    http.get(`${BACKEND_URL}/i18n/locales`, () =>
      HttpResponse.json([
        { id: 1, documentId: 'l1', code: 'en', name: 'English (en)', isDefault: true },
      ])
    ),
    http.get(`${BACKEND_URL}/journey/performance`, ({ request }) => {
      requests.report.push(queryOf(request));
      return HttpResponse.json({ data: reportAnswer });
    }),
    http.get(`${BACKEND_URL}/journey/performance/series`, ({ request }) => {
      requests.series.push(queryOf(request));
      return HttpResponse.json({ data: SERIES });
    }),
    http.get(`${BACKEND_URL}/journey/performance/entries`, ({ request }) => {
      requests.entries.push(queryOf(request));
      return HttpResponse.json({ data: DECISION_OWNER_ENTRIES });
    })
  );
});

afterEach(() => {
  jest.restoreAllMocks();
});

const renderPage = (search = '') =>
  render(
    <>
      <PerformancePage />
      <Location />
    </>,
    {
      initialEntries: [`/plugins/journey/performance${search}`],
      providerOptions: { permissions: [permission(PERFORMANCE_READ_ACTION)] },
    }
  );

const cell = (stage: string, persona: string) =>
  screen.getByTestId(`performance-cell-${stage}-${persona}`);
const text = (testId: string) => screen.getByTestId(testId).textContent;
/** A table's rows as the texts of their cells. */
const tableRows = (testId: string) =>
  within(screen.getByTestId(testId))
    .getAllByRole('row')
    .map((row) => [...row.children].map((child) => child.textContent));

/** The UTC day `daysBack` days before today, as the page computes presets. */
const utcDaysAgo = (daysBack: number) =>
  new Date(Date.now() - daysBack * 86_400_000).toISOString().slice(0, 10);

describe('the Performance view', () => {
  it('shows every cell’s views, clicks, conversions, rate and entries, coloured by its rate', async () => {
    renderPage();
    await screen.findByTestId('performance-matrix');

    const decisionOwner = cell('decision', OWNER.slug);
    expect(text('performance-cell-decision-restaurant-owner-views')).toBe('150');
    expect(text('performance-cell-decision-restaurant-owner-clicks')).toBe('30');
    expect(text('performance-cell-decision-restaurant-owner-conversions')).toBe('9');
    expect(text('performance-cell-decision-restaurant-owner-entries')).toBe('1');
    expect(text('performance-cell-decision-restaurant-owner-rate')).toBe('6%');
    expect(decisionOwner).toHaveAttribute('data-rate', 'above');
    expect(decisionOwner).toHaveAccessibleName(
      'Decision x Restaurant owner: 150 views, 30 clicks, 9 conversions, conversion rate 6% (Above overall); 1 entry; Write more here'
    );

    const awarenessOwner = cell('awareness', OWNER.slug);
    expect(text('performance-cell-awareness-restaurant-owner-views')).toBe('1,200');
    expect(text('performance-cell-awareness-restaurant-owner-rate')).toBe('1%');
    expect(awarenessOwner).toHaveAttribute('data-rate', 'below');
    // Green above the overall rate, orange below, grey with too few views.
    expect(decisionOwner).toHaveStyle({ background: lightTheme.colors.success100 });
    expect(awarenessOwner).toHaveStyle({ background: lightTheme.colors.warning100 });
    expect(cell('decision', 'chef')).toHaveStyle({ background: lightTheme.colors.neutral100 });
    expect(text('performance-cell-decision-chef-rate')).toBe('–');

    // Content with no persona has its own column, shown but not opened on its own.
    const headers = () =>
      [...screen.getByTestId('performance-matrix').querySelectorAll('th')].map(
        (th) => th.textContent
      );
    expect(headers()).toEqual(['Stage', 'Restaurant owner', 'Chef', 'No persona']);
    expect(cell('awareness', 'none').tagName).toBe('DIV');
    expect(text('performance-cell-awareness-none-views')).toBe('40');

    expect(screen.getByTestId('performance-overall-rate')).toHaveTextContent(
      'Conversion rate = conversions / views. Overall in this period: 1.6%.'
    );
    // The default period: nothing sent, the server counts its last 30 days.
    expect(requests.report).toEqual(['']);
    expect(requests.series).toEqual(['']);
  });

  it('marks "write more here" and "nobody views this" cells, and explains both', async () => {
    renderPage();
    await screen.findByTestId('performance-matrix');

    const writeMore = cell('decision', OWNER.slug);
    expect(writeMore).toHaveAttribute('data-signal', 'write-more');
    expect(
      screen.getByTestId('performance-cell-decision-restaurant-owner-signal')
    ).toHaveTextContent('Write more here');
    expect(writeMore).toHaveStyle({ border: `3px solid ${lightTheme.colors.primary600}` });

    const unseen = cell('awareness', 'chef');
    expect(unseen).toHaveAttribute('data-signal', 'unseen');
    expect(unseen).toHaveAttribute('data-rate', 'too-few-views');
    expect(screen.getByTestId('performance-cell-awareness-chef-signal')).toHaveTextContent(
      'Nobody views this'
    );
    expect(unseen).toHaveStyle({ border: `3px solid ${lightTheme.colors.alternative600}` });

    // Exactly those two are marked.
    expect(
      [...document.querySelectorAll('[data-signal]')].map((node) =>
        node.getAttribute('data-testid')
      )
    ).toEqual(['performance-cell-awareness-chef', 'performance-cell-decision-restaurant-owner']);
    expect(cell('retention', 'chef')).not.toHaveAttribute('data-signal');

    const legend = screen.getByTestId('performance-legend');
    expect(within(legend).getByTestId('performance-legend-write-more')).toHaveTextContent(
      "Write more hereThin (fewer entries than the stage's minimum) but converting above the overall rate"
    );
    expect(within(legend).getByTestId('performance-legend-too-few-views')).toHaveTextContent(
      'Too few views: Fewer than 20 views: too few to compare'
    );
  });

  it('draws the funnel per stage, each stage’s views against the previous, labelled as an aggregate', async () => {
    renderPage();
    const funnel = await screen.findByTestId('performance-funnel');

    expect(within(funnel).getByRole('heading', { name: 'Aggregate funnel' })).toBeInTheDocument();
    expect(screen.getByTestId('performance-funnel-note')).toHaveTextContent(
      'Not the paths of individual visitors'
    );
    expect(text('performance-funnel-awareness-counts')).toBe(
      '1,242 views · 98 clicks · 12 conversions · 1%'
    );
    expect(text('performance-funnel-decision-counts')).toBe(
      '150 views · 30 clicks · 9 conversions · 6%'
    );
    expect(screen.queryByTestId('performance-funnel-awareness-previous')).not.toBeInTheDocument();
    expect(text('performance-funnel-decision-previous')).toBe(
      "↓ 12.1% of the previous stage's views"
    );
    expect(text('performance-funnel-retention-previous')).toBe(
      "↓ 65.3% of the previous stage's views"
    );
    // Bars on the scale of the most viewed stage.
    const widths = (stage: string) =>
      [
        ...screen.getByTestId(`performance-funnel-${stage}`).querySelectorAll('rect[data-measure]'),
      ].map((rect) => rect.getAttribute('width'));
    expect(widths('awareness')).toEqual(['100', '7.9', '1']);
    expect(widths('decision')).toEqual(['12.1', '2.4', '0.7']);

    // For screen readers: an image with a name, and the numbers in a table.
    expect(
      within(funnel).getByRole('img', { name: /^Bar chart of views, clicks and conversions/ })
    ).toBeInTheDocument();
    expect(tableRows('performance-funnel-table')).toEqual([
      [
        'Stage',
        'Views',
        'Clicks',
        'Conversions',
        'Conversion rate',
        'Views compared with the previous stage',
      ],
      ['Awareness', '1,242', '98', '12', '1%', '–'],
      ['Decision', '150', '30', '9', '6%', '12.1%'],
      ['Retention', '98', '10', '3', '3.1%', '65.3%'],
    ]);
  });

  it('draws the daily trend of the whole period, with its numbers in a table', async () => {
    renderPage();
    const trend = await screen.findByTestId('performance-trend');
    await within(trend).findByRole('img', { name: /^Line charts of daily views/ });

    expect(text('performance-trend-subject')).toBe('All content counted, every persona');
    expect(text('performance-trend-views-summary')).toBe('120 in total · at most 80 a day');
    expect(text('performance-trend-conversions-summary')).toBe('1 in total · at most 1 a day');
    const rows = tableRows('performance-trend-table');
    expect(rows).toHaveLength(31);
    expect(rows[0]).toEqual(['Day', 'Views', 'Clicks', 'Conversions']);
    expect(rows[1]).toEqual(['Feb 9, 2026', '40', '4', '1']);
    expect(rows[2]).toEqual(['Feb 10, 2026', '0', '0', '0']);
    expect(rows[30]).toEqual(['Mar 10, 2026', '80', '0', '0']);
  });

  it('opens a cell’s best and weakest entries, linked to the Content Manager, with the minimum views', async () => {
    const { user } = renderPage();
    await screen.findByTestId('performance-matrix');

    await user.click(cell('decision', OWNER.slug));

    const panel = await screen.findByTestId('performance-entries');
    expect(within(panel).getByRole('heading', { level: 2 })).toHaveTextContent(
      'Entries: Decision x Restaurant owner'
    );
    const best = await within(panel).findByTestId('performance-entries-best');
    expect(within(best).getByRole('link', { name: 'What a booking system costs' })).toHaveAttribute(
      'href',
      '/content-manager/collection-types/plugin::journey.blog-post/post-pricing?plugins[i18n][locale]=en'
    );
    expect(within(best).getByTestId('performance-entries-best-numbers')).toHaveTextContent(
      'Blog post · 90 views · 20 clicks · 7 conversions · 7.8%'
    );
    const weakest = within(panel).getByTestId('performance-entries-weakest');
    expect(within(weakest).getByRole('link', { name: 'Untitled (post-demo)' })).toHaveAttribute(
      'href',
      '/content-manager/collection-types/plugin::journey.blog-post/post-demo?plugins[i18n][locale]=en'
    );
    expect(within(weakest).getByTestId('performance-entries-weakest-numbers')).toHaveTextContent(
      'Blog post · 40 views · 6 clicks · 1 conversion · 2.5%'
    );
    expect(screen.getByTestId('performance-entries-min-views')).toHaveTextContent(
      'Ranked by conversion rate: only entries with at least 20 views in the period. 2 entries had fewer views and are not ranked.'
    );

    // The cell's one persona is asked, its trend follows, and the URL keeps it.
    expect(requests.entries).toEqual(['stage=decision&persona=restaurant-owner']);
    await waitFor(() =>
      expect(requests.series).toEqual(['', 'stage=decision&persona=restaurant-owner'])
    );
    expect(text('performance-trend-subject')).toBe('Decision x Restaurant owner');
    expect(cell('decision', OWNER.slug)).toHaveAttribute('aria-pressed', 'true');
    expect(text('location')).toBe(
      '/plugins/journey/performance?cellStage=decision&cellPersona=restaurant-owner'
    );

    await user.click(screen.getByRole('button', { name: 'Close the entries' }));
    expect(screen.queryByTestId('performance-entries')).not.toBeInTheDocument();
    expect(text('location')).toBe('/plugins/journey/performance');
  });

  it('says why a list of entries is empty', async () => {
    let answer = { ...DECISION_OWNER_ENTRIES, weakest: [] };
    server.use(
      http.get(`${BACKEND_URL}/journey/performance/entries`, () =>
        HttpResponse.json({ data: answer })
      )
    );
    const { user } = renderPage();
    await user.click(await screen.findByTestId('performance-cell-decision-restaurant-owner'));

    // Few ranked entries: the server lists them all as best, none twice.
    expect(await screen.findByTestId('performance-entries-weakest-empty')).toHaveTextContent(
      'Every ranked entry is listed under best converting.'
    );
    expect(screen.queryByTestId('performance-entries-best-empty')).not.toBeInTheDocument();

    answer = { ...DECISION_OWNER_ENTRIES, best: [], weakest: [], belowMinViews: 1 };
    await user.click(cell('retention', OWNER.slug));
    expect(await screen.findByTestId('performance-entries-best-empty')).toHaveTextContent(
      'No entry has 20 views in this period yet.'
    );
    expect(screen.getByTestId('performance-entries-weakest-empty')).toHaveTextContent(
      'No entry has 20 views in this period yet.'
    );
    expect(screen.getByTestId('performance-entries-min-views')).toHaveTextContent(
      '1 entry had fewer views and is not ranked.'
    );
  });

  it('opens a whole stage with no persona asked, whatever the persona filter', async () => {
    reportAnswer = {
      ...REPORT,
      personas: [OWNER],
      cells: REPORT.cells.filter((c) => c.persona === OWNER.slug),
      filters: { ...REPORT.filters, personas: [OWNER.slug] },
    };
    const { user } = renderPage('?persona=restaurant-owner');
    await user.click(await screen.findByTestId('performance-stage-decision'));

    expect(await screen.findByTestId('performance-entries')).toHaveTextContent(
      'Entries: Decision, whole stage (all personas)'
    );
    expect(requests.entries).toEqual(['stage=decision']);
  });

  it('keeps the filters in the URL, sends them, and lists every persona while filtering on one', async () => {
    reportAnswer = {
      ...REPORT,
      personas: [OWNER],
      cells: REPORT.cells.filter((c) => c.persona === OWNER.slug),
      filters: { ...REPORT.filters, personas: [OWNER.slug] },
    };
    server.use(
      http.get(`${BACKEND_URL}/journey/performance`, ({ request }) => {
        const query = queryOf(request);
        requests.report.push(query);
        // Without the persona filter: every persona, for the picker.
        return HttpResponse.json({
          data: query.includes('persona=') ? reportAnswer : REPORT,
        });
      })
    );
    const { user } = renderPage('?days=7&type=blog-post&persona=restaurant-owner');
    await screen.findByTestId('performance-matrix');

    const period = `from=${utcDaysAgo(6)}&to=${utcDaysAgo(0)}`;
    await waitFor(() =>
      expect([...requests.report].sort()).toEqual([
        `${period}&type=blog-post`,
        `${period}&type=blog-post&persona=restaurant-owner`,
      ])
    );
    // The trend follows the single persona filtered on.
    expect(requests.series).toEqual([`${period}&type=blog-post&persona=restaurant-owner`]);
    await waitFor(() =>
      expect(text('performance-trend-subject')).toBe('Restaurant owner, all stages')
    );
    // Filtered on personas, the server sends no "No persona" column.
    expect(
      [...screen.getByTestId('performance-matrix').querySelectorAll('th')].map(
        (th) => th.textContent
      )
    ).toEqual(['Stage', 'Restaurant owner']);

    // Both personas are offered, the filtered one chosen.
    await user.click(
      within(screen.getByTestId('performance-filter-persona')).getByRole('combobox')
    );
    expect((await screen.findAllByRole('option')).map((option) => option.textContent)).toEqual([
      'Restaurant owner',
      'Chef',
    ]);
  });

  it('asks for the chosen period and writes it to the URL', async () => {
    const { user } = renderPage();
    await screen.findByTestId('performance-matrix');

    await user.click(screen.getByRole('combobox', { name: 'Period' }));
    await user.click(await screen.findByRole('option', { name: 'Last 90 days' }));

    await waitFor(() =>
      expect(requests.report).toEqual(['', `from=${utcDaysAgo(89)}&to=${utcDaysAgo(0)}`])
    );
    expect(text('location')).toBe('/plugins/journey/performance?days=90');
  });

  it('explains how frontends send events when nothing is recorded yet', async () => {
    reportAnswer = EMPTY_REPORT;
    renderPage();

    const empty = await screen.findByTestId('performance-empty');
    expect(empty).toHaveTextContent('No views, clicks or conversions recorded yet.');
    expect(empty).toHaveTextContent('POST /api/journey/events');
    expect(empty).toHaveTextContent("or with the typed client's track().");
    expect(screen.queryByTestId('performance-matrix')).not.toBeInTheDocument();
    expect(within(empty).queryByRole('button', { name: 'Reset filters' })).not.toBeInTheDocument();
    // Nothing to draw: no trend asked for.
    expect(requests.series).toEqual([]);
  });

  it('offers to reset the filters when they leave nothing', async () => {
    reportAnswer = EMPTY_REPORT;
    const { user } = renderPage('?days=7');

    const empty = await screen.findByTestId('performance-empty');
    expect(empty).toHaveTextContent(
      'No views, clicks or conversions in this period for these filters.'
    );
    await user.click(within(empty).getByRole('button', { name: 'Reset filters' }));
    expect(text('location')).toBe('/plugins/journey/performance');
  });

  it('shows the server’s message for a refused filter', async () => {
    server.use(
      http.get(`${BACKEND_URL}/journey/performance`, () =>
        HttpResponse.json(
          {
            data: null,
            error: {
              status: 400,
              name: 'ValidationError',
              message: "Unknown persona 'baker'. Personas: restaurant-owner, chef.",
              details: { errors: [{ path: ['persona'], message: '', name: 'ValidationError' }] },
            },
          },
          { status: 400 }
        )
      )
    );
    renderPage('?persona=baker');

    expect(await screen.findByTestId('performance-error')).toHaveTextContent(
      "Unknown persona 'baker'. Personas: restaurant-owner, chef."
    );
  });

  it('exports the report for the current filters as CSV and as JSON', async () => {
    const saved: string[] = [];
    URL.createObjectURL = () => 'blob:test/export';
    URL.revokeObjectURL = () => {};
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement
    ) {
      saved.push(this.download);
    });
    server.use(
      http.get(`${BACKEND_URL}/journey/performance/export`, ({ request }) => {
        const query = queryOf(request);
        requests.export.push(query);
        const format = new URL(request.url).searchParams.get('format');
        return new HttpResponse(format === 'csv' ? 'stage,persona\r\n' : '{"data":{}}', {
          headers: {
            'Content-Disposition': `attachment; filename="journey-performance-en-2026-03-04-2026-03-10.${format}"`,
          },
        });
      })
    );
    const { user } = renderPage('?days=7');
    await screen.findByTestId('performance-matrix');

    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    await user.click(screen.getByRole('button', { name: 'Export JSON' }));
    await waitFor(() => expect(saved).toHaveLength(2));

    const period = `from=${utcDaysAgo(6)}&to=${utcDaysAgo(0)}`;
    expect(requests.export).toEqual([`format=csv&${period}`, `format=json&${period}`]);
    expect(saved).toEqual([
      'journey-performance-en-2026-03-04-2026-03-10.csv',
      'journey-performance-en-2026-03-04-2026-03-10.json',
    ]);
  });
});

describe('who sees Coverage and Performance', () => {
  const renderApp = (path: string, actions: string[]) =>
    render(
      <>
        <Routes>
          <Route path="/plugins/journey/*" element={<App />} />
        </Routes>
        <Location />
      </>,
      {
        initialEntries: [path],
        providerOptions: { permissions: actions.map((action) => permission(action)) },
      }
    );

  beforeEach(() => {
    server.use(
      http.get(`${BACKEND_URL}/journey/coverage`, () =>
        HttpResponse.json({
          data: {
            stages: REPORT.stages,
            personas: REPORT.personas,
            cells: [],
            stageTotals: [],
            untagged: [],
            noStage: { count: 0, stale: 0 },
            unknown: [],
            filters: {
              types: [],
              locale: 'en',
              status: 'published',
              fresh: false,
              staleAfterDays: 180,
            },
          },
        })
      ),
      http.get(`${BACKEND_URL}/journey/coverage/options`, () =>
        HttpResponse.json({ data: { types: EDITOR_CONFIG.types, locales: [] } })
      )
    );
  });

  it('sends a user with only Read performance from the plugin’s page to Performance, without tabs', async () => {
    renderApp('/plugins/journey', [PERFORMANCE_READ_ACTION]);

    await screen.findByTestId('performance-matrix');
    expect(text('location')).toBe('/plugins/journey/performance');
    expect(screen.queryByTestId('journey-view-tabs')).not.toBeInTheDocument();
    expect(screen.queryByTestId('coverage-page')).not.toBeInTheDocument();
  });

  it('refuses Performance to a user with only Read coverage, and asks the API nothing', async () => {
    renderApp('/plugins/journey/performance', [COVERAGE_READ_ACTION]);

    expect(
      await screen.findByText("You don't have the permissions to access that content")
    ).toBeInTheDocument();
    expect(requests.report).toEqual([]);
    expect(screen.queryByTestId('performance-page')).not.toBeInTheDocument();
  });

  it('links the two views for a user with both permissions', async () => {
    const { user } = renderApp('/plugins/journey', [COVERAGE_READ_ACTION, PERFORMANCE_READ_ACTION]);

    const tabs = await screen.findByRole('navigation', { name: 'Journey views' });
    expect(within(tabs).getByRole('link', { name: 'Coverage' })).toHaveAttribute(
      'aria-current',
      'page'
    );
    await screen.findByTestId('coverage-page');

    await user.click(within(tabs).getByRole('link', { name: 'Performance' }));
    await screen.findByTestId('performance-matrix');
    expect(text('location')).toBe('/plugins/journey/performance');
    expect(
      within(screen.getByRole('navigation', { name: 'Journey views' })).getByRole('link', {
        name: 'Performance',
      })
    ).toHaveAttribute('aria-current', 'page');
  });
});

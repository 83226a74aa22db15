import { contentManagerEditUrl } from '../../admin/src/utils/contentManagerUrl';
import {
  DEFAULT_PERFORMANCE_FILTERS,
  addDays,
  fromPerformanceSearch,
  fromSelectionSearch,
  hasActivePerformanceFilters,
  isDay,
  presetDays,
  toPerformanceQuery,
  toPerformanceSearch,
  toSelectionQuery,
  toSelectionSearch,
  toSeriesQuery,
} from '../../admin/src/utils/performanceParams';
import {
  hasNoPersonaColumn,
  isPerformanceEmpty,
  linePoints,
  toFunnelBars,
  toPerformanceRows,
  toSeriesLines,
} from '../../admin/src/utils/performanceView';

import type { PerformanceFilters } from '../../admin/src/utils/performanceParams';
import type { PerformanceCell, PerformanceReport } from '../../shared/contracts';

const TODAY = '2026-03-10';

describe('performance days', () => {
  it('accepts real calendar days only', () => {
    expect(isDay('2026-02-28')).toBe(true);
    expect(isDay('2024-02-29')).toBe(true);
    expect(isDay('2026-02-29')).toBe(false);
    expect(isDay('2026-2-28')).toBe(false);
    expect(isDay('yesterday')).toBe(false);
    expect(isDay(undefined)).toBe(false);
  });

  it('counts presets back from today, today included, across months', () => {
    expect(presetDays(7, TODAY)).toEqual({ from: '2026-03-04', to: TODAY });
    expect(presetDays(30, TODAY)).toEqual({ from: '2026-02-09', to: TODAY });
    expect(presetDays(90, TODAY)).toEqual({ from: '2025-12-11', to: TODAY });
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
  });
});

describe('performance filters in the URL and the query', () => {
  it('sends nothing for the defaults: the server takes the last 30 days ending its today', () => {
    expect(toPerformanceSearch(DEFAULT_PERFORMANCE_FILTERS)).toEqual({});
    expect(toPerformanceQuery(DEFAULT_PERFORMANCE_FILTERS, TODAY)).toEqual({});
    expect(hasActivePerformanceFilters(DEFAULT_PERFORMANCE_FILTERS)).toBe(false);
  });

  it('keeps a preset as a preset in the URL and turns it into days for the API', () => {
    const filters: PerformanceFilters = {
      ...DEFAULT_PERFORMANCE_FILTERS,
      range: { kind: 'last', days: 7 },
    };
    expect(toPerformanceSearch(filters)).toEqual({ days: '7' });
    expect(toPerformanceQuery(filters, TODAY)).toEqual({ from: '2026-03-04', to: TODAY });
    expect(hasActivePerformanceFilters(filters)).toBe(true);
  });

  it('maps every filter to its parameter and round-trips', () => {
    const filters: PerformanceFilters = {
      range: { kind: 'custom', from: '2026-01-01', to: '2026-01-31' },
      types: ['blog-post', 'cta'],
      locale: 'da',
      personas: ['restaurant-owner', 'chef'],
      minViews: 5,
    };
    const search = toPerformanceSearch(filters);
    expect(search).toEqual({
      from: '2026-01-01',
      to: '2026-01-31',
      type: 'blog-post,cta',
      locale: 'da',
      persona: 'restaurant-owner,chef',
      minViews: '5',
    });
    expect(toPerformanceQuery(filters, TODAY)).toEqual(search);
    expect(fromPerformanceSearch(search)).toEqual(filters);
  });

  it('falls back to the defaults for what a hand-edited URL gets wrong', () => {
    expect(
      fromPerformanceSearch({ days: '14', from: '2026-02-30', minViews: '-3', type: ' , ' })
    ).toEqual(DEFAULT_PERFORMANCE_FILTERS);
    expect(fromPerformanceSearch({ minViews: '0' }).minViews).toBe(0);
  });

  it('reads one valid end as a custom range, leaving the other to the server', () => {
    expect(fromPerformanceSearch({ from: '2026-01-01' }).range).toEqual({
      kind: 'custom',
      from: '2026-01-01',
      to: null,
    });
    expect(
      toPerformanceQuery(
        { ...DEFAULT_PERFORMANCE_FILTERS, range: { kind: 'custom', from: '2026-01-01', to: null } },
        TODAY
      )
    ).toEqual({ from: '2026-01-01' });
  });
});

describe('the open cell', () => {
  it('lives in its own URL parameters, apart from the persona filter', () => {
    expect(toSelectionSearch({ stage: 'decision', persona: 'chef' })).toEqual({
      cellStage: 'decision',
      cellPersona: 'chef',
    });
    expect(toSelectionSearch({ stage: 'decision', persona: null })).toEqual({
      cellStage: 'decision',
    });
    expect(fromSelectionSearch({ cellStage: 'decision', persona: 'chef' })).toEqual({
      stage: 'decision',
      persona: null,
    });
    expect(fromSelectionSearch({ cellPersona: 'chef' })).toBeNull();
  });

  it('asks for the cell’s one persona, or none for a whole stage, never the filter’s list', () => {
    const query = { from: '2026-01-01', persona: 'chef,restaurant-owner', type: 'cta' };
    expect(toSelectionQuery(query, { stage: 'decision', persona: 'chef' })).toEqual({
      from: '2026-01-01',
      type: 'cta',
      stage: 'decision',
      persona: 'chef',
    });
    expect(toSelectionQuery(query, { stage: 'decision', persona: null })).toEqual({
      from: '2026-01-01',
      type: 'cta',
      stage: 'decision',
    });
  });

  it('gives the trend a single filtered persona, and no persona for several', () => {
    expect(toSeriesQuery({ persona: 'chef', locale: 'da' }, null)).toEqual({
      persona: 'chef',
      locale: 'da',
    });
    expect(toSeriesQuery({ persona: 'chef,restaurant-owner', locale: 'da' }, null)).toEqual({
      locale: 'da',
    });
    expect(toSeriesQuery({ persona: 'chef' }, { stage: 'awareness', persona: null })).toEqual({
      stage: 'awareness',
    });
  });

  it('links an entry to its edit view in its locale', () => {
    expect(
      contentManagerEditUrl({ uid: 'plugin::journey.cta', documentId: 'abc', locale: 'da' })
    ).toBe('/content-manager/collection-types/plugin::journey.cta/abc?plugins[i18n][locale]=da');
    expect(contentManagerEditUrl({ uid: 'api::post.post', documentId: 'a b', locale: null })).toBe(
      '/content-manager/collection-types/api::post.post/a%20b'
    );
  });
});

const cell = (
  stage: string,
  persona: string | null,
  counts: Partial<PerformanceCell> = {}
): PerformanceCell => ({
  stage,
  persona,
  entries: 0,
  coverage: 'gap',
  views: 0,
  clicks: 0,
  conversions: 0,
  conversionRate: null,
  rate: 'too-few-views',
  signal: null,
  ...counts,
});

const REPORT: PerformanceReport = {
  // Sent out of order on purpose: `order` is the contract.
  stages: [
    { key: 'decision', label: 'Decision', order: 1, minimum: 3, excess: null },
    { key: 'awareness', label: 'Awareness', order: 0, minimum: 3, excess: null },
  ],
  personas: [
    { documentId: 'p1', slug: 'owner', name: 'Owner' },
    { documentId: 'p2', slug: 'chef', name: 'Chef' },
  ],
  cells: [
    cell('awareness', 'owner', { views: 10 }),
    cell('awareness', 'chef', { views: 20 }),
    cell('awareness', null, { views: 5 }),
    cell('decision', 'owner', { views: 4 }),
    cell('decision', 'chef'),
    cell('decision', null),
  ],
  funnel: [
    {
      stage: 'awareness',
      entries: 4,
      views: 400,
      clicks: 40,
      conversions: 8,
      conversionRate: 0.02,
      viewsOfPrevious: null,
    },
    {
      stage: 'decision',
      entries: 2,
      views: 100,
      clicks: 30,
      conversions: 10,
      conversionRate: 0.1,
      viewsOfPrevious: 0.25,
    },
  ],
  totals: { views: 500, clicks: 70, conversions: 18, conversionRate: 0.036 },
  filters: {
    from: '2026-02-09',
    to: TODAY,
    types: ['blog-post'],
    locale: 'en',
    personas: null,
    minViews: 20,
  },
};

describe('performance view shaping', () => {
  it('lines cells up with stages in journey order and personas in report order', () => {
    const rows = toPerformanceRows(REPORT);
    expect(rows.map((row) => row.stage.key)).toEqual(['awareness', 'decision']);
    expect(rows[0].cells.map((c) => c?.views)).toEqual([10, 20]);
    expect(rows[0].noPersona?.views).toBe(5);
    expect(rows[1].cells.map((c) => c?.views)).toEqual([4, 0]);
    expect(hasNoPersonaColumn(REPORT)).toBe(true);
    expect(
      hasNoPersonaColumn({ ...REPORT, cells: REPORT.cells.filter((c) => c.persona !== null) })
    ).toBe(false);
  });

  it('is empty only without a single view, click or conversion', () => {
    expect(isPerformanceEmpty(REPORT)).toBe(false);
    const zero = { views: 0, clicks: 0, conversions: 0, conversionRate: null };
    expect(isPerformanceEmpty({ ...REPORT, totals: zero })).toBe(true);
    expect(isPerformanceEmpty({ ...REPORT, totals: { ...zero, clicks: 1 } })).toBe(false);
  });

  it('puts every funnel bar on the scale of the most viewed stage', () => {
    const bars = toFunnelBars(REPORT.funnel, REPORT.stages);
    expect(bars.map((bar) => [bar.label, bar.percent])).toEqual([
      ['Awareness', { views: 100, clicks: 10, conversions: 2 }],
      ['Decision', { views: 25, clicks: 7.5, conversions: 2.5 }],
    ]);
    expect(
      toFunnelBars([{ ...REPORT.funnel[0], views: 0, clicks: 0, conversions: 0 }], [])[0]
    ).toMatchObject({
      label: 'awareness',
      percent: { views: 0, clicks: 0, conversions: 0 },
    });
  });

  it('draws lines with the peak at the top and zeros on the bottom line', () => {
    expect(linePoints([0, 5, 10], 100, 20)).toBe('0,20 50,10 100,0');
    expect(linePoints([0, 0], 100, 20)).toBe('0,20 100,20');
    expect(linePoints([3], 100, 20)).toBe('0,0 100,0');
    expect(linePoints([], 100, 20)).toBe('');
  });

  it('gives each measure of the trend its own scale, total and peak', () => {
    const days = [
      { day: '2026-03-08', views: 10, clicks: 1, conversions: 0 },
      { day: '2026-03-09', views: 30, clicks: 4, conversions: 2 },
      { day: '2026-03-10', views: 20, clicks: 2, conversions: 1 },
    ];
    expect(toSeriesLines(days, 100, 10)).toEqual([
      { measure: 'views', total: 60, max: 30, points: '0,6.67 50,0 100,3.33' },
      { measure: 'clicks', total: 7, max: 4, points: '0,7.5 50,0 100,5' },
      { measure: 'conversions', total: 3, max: 2, points: '0,10 50,0 100,5' },
    ]);
  });
});

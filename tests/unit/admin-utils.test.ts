import { readdirSync, readFileSync } from 'fs';
import path from 'path';

import { filenameFromDisposition } from '../../admin/src/utils/contentDisposition';
import { contentManagerListUrl } from '../../admin/src/utils/contentManagerUrl';
import {
  DEFAULT_COVERAGE_FILTERS,
  fromCoverageParams,
  hasActiveFilters,
  toCoverageParams,
  toQueryString,
} from '../../admin/src/utils/coverageParams';
import { isCoverageEmpty, toCoverageRows, toStageBars } from '../../admin/src/utils/coverageView';
import { getTranslation, prefixTranslations } from '../../admin/src/utils/getTranslation';

import type { CoverageMatrix } from '../../shared/contracts';

describe('toCoverageParams', () => {
  it('sends nothing for the defaults, so the server applies its own', () => {
    expect(toCoverageParams(DEFAULT_COVERAGE_FILTERS)).toEqual({});
    expect(hasActiveFilters(DEFAULT_COVERAGE_FILTERS)).toBe(false);
  });

  it('maps every filter to its query parameter', () => {
    expect(
      toCoverageParams({ types: ['blog-post', 'cta'], locale: 'da', status: 'draft', fresh: true })
    ).toEqual({
      type: 'blog-post,cta',
      locale: 'da',
      status: 'draft',
      fresh: 'true',
    });
    expect(toCoverageParams({ ...DEFAULT_COVERAGE_FILTERS, status: 'all' })).toEqual({
      status: 'all',
    });
  });

  it('trims and de-duplicates types and drops empty ones', () => {
    expect(
      toCoverageParams({ ...DEFAULT_COVERAGE_FILTERS, types: [' cta ', '', 'form', 'cta'] })
    ).toEqual({
      type: 'cta,form',
    });
    expect(toCoverageParams({ ...DEFAULT_COVERAGE_FILTERS, types: ['', '  '] })).toEqual({});
  });

  it('leaves out an empty or blank locale', () => {
    expect(toCoverageParams({ ...DEFAULT_COVERAGE_FILTERS, locale: '' })).toEqual({});
    expect(toCoverageParams({ ...DEFAULT_COVERAGE_FILTERS, locale: '  ' })).toEqual({});
  });

  it('round-trips through fromCoverageParams', () => {
    const filters = {
      types: ['landing-page', 'form'],
      locale: 'sv',
      status: 'all' as const,
      fresh: true,
    };
    const query = toCoverageParams(filters);
    expect(fromCoverageParams({ ...query })).toEqual(filters);
  });
});

describe('fromCoverageParams', () => {
  it('gives the defaults for an empty query', () => {
    expect(fromCoverageParams({})).toEqual(DEFAULT_COVERAGE_FILTERS);
  });

  it('falls back to defaults for invalid values instead of failing', () => {
    expect(
      fromCoverageParams({ status: 'archived', fresh: 'yes', locale: ' ', type: ',,' })
    ).toEqual(DEFAULT_COVERAGE_FILTERS);
  });

  it('splits the comma-separated type list', () => {
    expect(fromCoverageParams({ type: 'cta, form' }).types).toEqual(['cta', 'form']);
  });
});

describe('toQueryString', () => {
  it('encodes values, which Strapi’s fetch client would send raw', () => {
    expect(toQueryString({ type: 'a b,c&d', locale: 'pt-BR' })).toBe(
      'type=a+b%2Cc%26d&locale=pt-BR'
    );
  });

  it('skips missing values', () => {
    expect(toQueryString({})).toBe('');
    expect(toQueryString({ format: 'csv', status: undefined })).toBe('format=csv');
  });
});

describe('contentManagerListUrl', () => {
  it('builds the filtered Content Manager list path with stage, persona and locale', () => {
    expect(
      contentManagerListUrl({
        uid: 'plugin::journey.blog-post',
        stage: 'decision',
        persona: 'restaurant-owner',
        locale: 'en',
      })
    ).toBe(
      '/content-manager/collection-types/plugin::journey.blog-post?page=1&pageSize=10&sort=id:ASC' +
        '&filters[$and][0][journeyStage][$eq]=decision' +
        '&filters[$and][1][personas][slug][$eq]=restaurant-owner' +
        '&plugins[i18n][locale]=en'
    );
  });

  it('filters on the stage alone when no persona is given (stage totals)', () => {
    expect(contentManagerListUrl({ uid: 'api::article.article', stage: 'awareness' })).toBe(
      '/content-manager/collection-types/api::article.article?page=1&pageSize=10&sort=id:ASC' +
        '&filters[$and][0][journeyStage][$eq]=awareness'
    );
  });

  it('numbers the persona condition first when there is no stage', () => {
    expect(
      contentManagerListUrl({ uid: 'plugin::journey.cta', persona: 'cfo', locale: null })
    ).toBe(
      '/content-manager/collection-types/plugin::journey.cta?page=1&pageSize=10&sort=id:ASC' +
        '&filters[$and][0][personas][slug][$eq]=cfo'
    );
  });

  it('encodes values but keeps the bracket syntax the Content Manager parses', () => {
    const url = contentManagerListUrl({
      uid: 'plugin::journey.form',
      stage: 'post purchase',
      persona: 'a&b',
      locale: 'zh-Hans',
    });
    expect(url).toContain('[journeyStage][$eq]=post%20purchase');
    expect(url).toContain('[personas][slug][$eq]=a%26b');
    expect(url).toContain('&plugins[i18n][locale]=zh-Hans');
  });
});

describe('filenameFromDisposition', () => {
  it('reads the name Koa writes for ctx.attachment()', () => {
    expect(
      filenameFromDisposition('attachment; filename="journey-coverage-en-2026-11-22.csv"')
    ).toBe('journey-coverage-en-2026-11-22.csv');
  });

  it('prefers the RFC 5987 form and decodes it', () => {
    expect(
      filenameFromDisposition(
        `attachment; filename="d_kning.csv"; filename*=UTF-8''d%C3%A6kning.csv`
      )
    ).toBe('dækning.csv');
  });

  it('returns null without a usable name and strips paths', () => {
    expect(filenameFromDisposition(null)).toBeNull();
    expect(filenameFromDisposition('attachment')).toBeNull();
    expect(filenameFromDisposition('attachment; filename=""')).toBeNull();
    expect(filenameFromDisposition('attachment; filename="../../etc/passwd"')).toBe('passwd');
  });
});

const matrix = (overrides: Partial<CoverageMatrix> = {}): CoverageMatrix => ({
  stages: [
    { key: 'decision', label: 'Decision', order: 1, minimum: 3, excess: null },
    { key: 'awareness', label: 'Awareness', order: 0, minimum: 2, excess: 10 },
  ],
  personas: [
    { documentId: 'p1', slug: 'owner', name: 'Owner' },
    { documentId: 'p2', slug: 'chef', name: 'Chef' },
  ],
  cells: [
    { stage: 'awareness', persona: 'owner', count: 4, stale: 1, status: 'ok' },
    { stage: 'awareness', persona: 'chef', count: 0, stale: 0, status: 'gap' },
    { stage: 'decision', persona: 'chef', count: 1, stale: 0, status: 'thin' },
  ],
  stageTotals: [
    { stage: 'awareness', count: 5, stale: 1, minimum: 2, status: 'ok' },
    { stage: 'decision', count: 1, stale: 0, minimum: 3, status: 'thin' },
  ],
  untagged: [{ stage: 'awareness', count: 1, stale: 0 }],
  noStage: { count: 0, stale: 0 },
  unknown: [],
  filters: {
    types: ['blog-post'],
    locale: 'en',
    status: 'published',
    fresh: false,
    staleAfterDays: 365,
  },
  ...overrides,
});

describe('coverage view helpers', () => {
  it('orders rows by stage order and lines cells up with the personas', () => {
    const rows = toCoverageRows(matrix());
    expect(rows.map((row) => row.stage.key)).toEqual(['awareness', 'decision']);
    expect(rows[0].cells.map((cell) => cell?.count)).toEqual([4, 0]);
    expect(rows[1].cells.map((cell) => cell?.status)).toEqual([undefined, 'thin']);
    expect(rows[0].untagged).toEqual({ count: 1, stale: 0 });
    expect(rows[1].untagged).toEqual({ count: 0, stale: 0 });
    expect(rows[1].total.status).toBe('thin');
  });

  it('scales bars to the largest count or minimum', () => {
    const bars = toStageBars(toCoverageRows(matrix()));
    expect(
      bars.map(({ stage, percent, minimumPercent }) => ({ stage, percent, minimumPercent }))
    ).toEqual([
      { stage: 'awareness', percent: 100, minimumPercent: 40 },
      { stage: 'decision', percent: 20, minimumPercent: 60 },
    ]);
  });

  it('gives zero-width bars rather than NaN when everything is zero', () => {
    const rows = toCoverageRows(
      matrix({
        stages: [{ key: 'a', label: 'A', order: 0, minimum: 0, excess: null }],
        stageTotals: [{ stage: 'a', count: 0, stale: 0, minimum: 0, status: 'ok' }],
      })
    );
    expect(toStageBars(rows)[0]).toMatchObject({ percent: 0, minimumPercent: 0 });
  });

  it('is empty only when nothing was counted anywhere', () => {
    const zeroTotals = matrix().stageTotals.map((total) => ({ ...total, count: 0 }));
    expect(isCoverageEmpty(matrix())).toBe(false);
    expect(isCoverageEmpty(matrix({ stageTotals: zeroTotals }))).toBe(true);
    expect(
      isCoverageEmpty(matrix({ stageTotals: zeroTotals, noStage: { count: 2, stale: 0 } }))
    ).toBe(false);
    expect(
      isCoverageEmpty(
        matrix({ stageTotals: zeroTotals, unknown: [{ stage: 'old', count: 1, stale: 0 }] })
      )
    ).toBe(false);
  });
});

describe('admin translations', () => {
  const dir = path.join(__dirname, '../../admin/src/translations');
  const load = (file: string): Record<string, string> =>
    JSON.parse(readFileSync(path.join(dir, file), 'utf8'));
  const en = load('en.json');

  it('prefixes ids with the plugin id once', () => {
    expect(getTranslation('coverage.title')).toBe('journey.coverage.title');
    expect(getTranslation('journey.coverage.title')).toBe('journey.coverage.title');
    expect(prefixTranslations({ 'a.b': 'x' })).toEqual({ 'journey.a.b': 'x' });
  });

  it.each(['da.json', 'nb.json', 'sv.json'])(
    '%s has exactly the English keys, translated',
    (file) => {
      const messages = load(file);
      expect(Object.keys(messages).sort()).toEqual(Object.keys(en).sort());
      // Short labels such as "OK" or "Status" may match English; whole sentences must not.
      const untranslated = Object.keys(en).filter(
        (key) => en[key].split(' ').length > 3 && messages[key] === en[key]
      );
      expect(untranslated).toEqual([]);
    }
  );

  it('has an English message for every id the admin code uses', () => {
    const sources: string[] = [];
    const walk = (folder: string) => {
      for (const entry of readdirSync(folder, { withFileTypes: true })) {
        const full = path.join(folder, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (/\.tsx?$/.test(entry.name)) sources.push(readFileSync(full, 'utf8'));
      }
    };
    walk(path.join(__dirname, '../../admin/src'));
    const used = new Set(
      sources.flatMap((source) =>
        [...source.matchAll(/getTranslation\('([^']+)'\)/g)].map((m) => m[1])
      )
    );
    expect(used.size).toBeGreaterThan(0);
    expect([...used].filter((id) => !(id in en))).toEqual([]);
  });
});

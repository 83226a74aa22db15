import type { Core } from '@strapi/strapi';
import config, { getJourneyConfig, parseJourneyConfig } from '../../server/src/config';
import { STAGE_PRESETS } from '../../server/src/stages/presets';

const stage = (key: string, extra: Record<string, unknown> = {}) => ({ key, label: key, ...extra });

const FORMS_DEFAULTS = {
  honeypot: 'website',
  rateLimit: { max: 10, windowMs: 60_000 },
  formRateLimit: { max: 600, windowMs: 60_000 },
  retentionDays: 365,
  notifyAttempts: 3,
};

const ANALYTICS_DEFAULTS = {
  enabled: true,
  flushIntervalMs: 1000,
  flushMaxEvents: 5000,
  rateLimit: { max: 120, windowMs: 60_000 },
  retentionDays: 395,
  uniqueVisitors: false,
};

describe('journey config', () => {
  it('applies defaults when nothing is configured', () => {
    expect(parseJourneyConfig({})).toEqual({
      stages: 'default',
      contentTypes: [],
      builtInTypes: true,
      staleAfterDays: 365,
      cacheTotals: true,
      preparedStatements: true,
      protectDrafts: true,
      analytics: ANALYTICS_DEFAULTS,
      forms: FORMS_DEFAULTS,
    });
    expect(parseJourneyConfig(undefined).stages).toBe('default');
  });

  it('accepts every preset by name', () => {
    for (const name of Object.keys(STAGE_PRESETS)) {
      expect(parseJourneyConfig({ stages: name }).stages).toBe(name);
    }
  });

  it('fills stage defaults (minimum 3, empty guidance lists)', () => {
    const { stages } = parseJourneyConfig({ stages: [{ key: 'discover' }] });
    expect(stages).toEqual([
      {
        key: 'discover',
        description: '',
        questions: [],
        keywords: [],
        touchpoints: [],
        minimum: 3,
      },
    ]);
  });

  it.each([
    [
      'a duplicate key',
      { stages: [stage('awareness'), stage('decision'), stage('awareness')] },
      'stages[2].key: duplicate stage key "awareness" (already used by stages[0])',
    ],
    ['an empty list', { stages: [] }, 'stages: must list at least one stage'],
    [
      'a key that is not a slug',
      { stages: [stage('Post Purchase')] },
      'stages[0].key: must be a slug',
    ],
    ['a key starting with a digit', { stages: [stage('1st')] }, 'stages[0].key: must be a slug'],
    [
      'a negative minimum',
      { stages: [stage('awareness', { minimum: -1 })] },
      'stages[0].minimum: must be 0 or more',
    ],
    [
      'a fractional minimum',
      { stages: [stage('awareness', { minimum: 1.5 })] },
      'stages[0].minimum: must be a whole number',
    ],
    [
      'an unknown preset',
      { stages: 'aida' },
      'stages: must be a preset name (default, see-think-do-care, five-step) or a list of stages',
    ],
    [
      'an unknown stage option',
      { stages: [stage('awareness', { minimun: 2 })] },
      'stages[0]: unknown option "minimun"',
    ],
    ['an unknown top-level option', { stage: 'default' }, 'unknown option "stage"'],
    [
      'a non-positive staleAfterDays',
      { staleAfterDays: 0 },
      'staleAfterDays: must be a positive number of days',
    ],
  ])('rejects %s with a message naming the entry', (_, input, message) => {
    expect(() => parseJourneyConfig(input)).toThrow(message);
  });

  it('reports every problem at once', () => {
    expect(() => parseJourneyConfig({ stages: [stage('A'), stage('b', { minimum: -2 })] })).toThrow(
      /stages\[0\]\.key: .*; stages\[1\]\.minimum: /
    );
  });

  it('keeps the default stage list out of config.default (Strapi merges arrays by index)', () => {
    expect(config.default).toEqual({});
    expect(() => config.validator({ stages: [] })).toThrow('stages: must list at least one stage');
  });
});

describe('analytics config', () => {
  it('keeps what is given and defaults the rest', () => {
    expect(
      parseJourneyConfig({ analytics: { rateLimit: false, uniqueVisitors: true } }).analytics
    ).toEqual({
      ...ANALYTICS_DEFAULTS,
      rateLimit: false,
      uniqueVisitors: true,
    });
  });

  it.each([
    [{ flushIntervalMs: 10 }, 'analytics.flushIntervalMs: must be at least 50 ms'],
    [{ flushMaxEvents: 0 }, 'analytics.flushMaxEvents: must be at least 1'],
    [{ rateLimit: true }, 'analytics.rateLimit: must be false or { max, windowMs }'],
    [{ rateLimit: { max: 0, windowMs: 60000 } }, 'analytics.rateLimit.max: must be 1 or more'],
    [
      { rateLimit: { max: 10, windowMs: 60000, burst: 2 } },
      'analytics.rateLimit: unknown option "burst"',
    ],
    [{ retentionDays: 0 }, 'analytics.retentionDays: must be a positive number of days'],
    [{ sampling: 0.5 }, 'analytics: unknown option "sampling"'],
  ])('refuses %j with a message naming the option', (analytics, message) => {
    expect(() => parseJourneyConfig({ analytics })).toThrow(message);
  });
});

describe('forms config', () => {
  it.each([
    [{ honeypot: 'my field' }, 'forms.honeypot'],
    [{ retentionDays: 0 }, 'forms.retentionDays'],
    [{ notifyAttempts: 11 }, 'forms.notifyAttempts'],
    [{ rateLimit: 5 }, 'forms.rateLimit: must be false or { max, windowMs }'],
  ])('refuses %j with a message naming the option', (forms, message) => {
    expect(() => parseJourneyConfig({ forms })).toThrow(message);
  });

  it('takes false for the honeypot, the limits and retention', () => {
    const off = { honeypot: false, rateLimit: false, formRateLimit: false, retentionDays: false };
    expect(parseJourneyConfig({ forms: off }).forms).toEqual({ ...FORMS_DEFAULTS, ...off });
  });
});

describe('reading the config', () => {
  /** Strapi keeps the object its validator saw and serves it as the plugin's config. */
  const strapiServing = (raw: unknown) => {
    const get = (path: string) => (path === 'plugin::journey' ? raw : undefined);
    return { config: { get } } as unknown as Core.Strapi;
  };

  it('returns what the validator parsed at startup, without parsing again', () => {
    const raw = { stages: 'five-step', staleAfterDays: 30 };
    config.validator(raw);
    const strapi = strapiServing(raw);
    const first = getJourneyConfig(strapi);
    expect(first).toEqual({
      stages: 'five-step',
      contentTypes: [],
      builtInTypes: true,
      staleAfterDays: 30,
      cacheTotals: true,
      preparedStatements: true,
      protectDrafts: true,
      analytics: ANALYTICS_DEFAULTS,
      forms: FORMS_DEFAULTS,
    });
    // The same object on every read: parsed once, not per request.
    expect(getJourneyConfig(strapi)).toBe(first);
  });

  it('sees a key changed at run time (strapi.config.set), as before', () => {
    const raw: Record<string, unknown> = { staleAfterDays: 30 };
    config.validator(raw);
    raw.cacheTotals = false;
    expect(getJourneyConfig(strapiServing(raw)).cacheTotals).toBe(false);
  });

  it('parses (once) a config object the validator never saw', () => {
    const strapi = strapiServing({ cacheTotals: false });
    const first = getJourneyConfig(strapi);
    expect(first.cacheTotals).toBe(false);
    expect(getJourneyConfig(strapi)).toBe(first);
  });
});

describe('journey config: contentTypes', () => {
  it('accepts UIDs and { uid, name }', () => {
    expect(
      parseJourneyConfig({
        contentTypes: ['api::article.article', { uid: 'api::page.page', name: 'page' }],
      }).contentTypes
    ).toEqual(['api::article.article', { uid: 'api::page.page', name: 'page' }]);
  });

  it.each([
    [
      { contentTypes: [{ uid: 42 }] },
      'contentTypes[0].uid: must be a content type UID like "api::article.article"',
    ],
    [
      { contentTypes: [{ uid: 'api::page.page', name: 'Web Page' }] },
      'contentTypes[0].name: must be a slug',
    ],
    [
      { contentTypes: [{ uid: 'api::page.page', label: 'x' }] },
      'contentTypes[0]: unknown option "label"',
    ],
    [{ contentTypes: [7] }, 'contentTypes[0]: must be a UID string or { uid, name }'],
    [{ contentTypes: [''] }, 'contentTypes[0]: must not be empty'],
    [{ builtInTypes: 'no' }, 'builtInTypes: '],
    [{ cacheTotals: 'yes' }, 'cacheTotals: '],
  ])('rejects %j', (input, message) => {
    expect(() => parseJourneyConfig(input)).toThrow(message);
  });
});

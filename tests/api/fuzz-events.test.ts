import request from 'supertest';
import { createEntry, createPersona } from '../helpers/fixtures';
import { bootStrapi, type TestApp } from '../helpers/strapi';

/**
 * Generated abuse of POST /api/journey/events, bounded and reproducible (a seeded generator; a
 * failure prints the offending body). Whatever arrives, the answer is a 202, 400 or 413 in
 * Strapi's shape, and the rollups grow by exactly the events answered as accepted.
 */
const REQUESTS = 3000;
const BLOG = 'plugin::journey.blog-post';
const BROWSER =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

/** mulberry32, as in fuzz.test.ts: a failing body can be reproduced from the seed. */
const prng = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const NASTY: unknown[] = [
  '',
  ' ',
  'x'.repeat(101),
  'x'.repeat(5000),
  'Ünïcødé 🚀 ÆØÅ',
  '\u0000',
  '\ud800',
  "view' OR 1=1--",
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  '$ne',
  0,
  -1,
  1.5,
  true,
  false,
  null,
  [],
  ['view'],
  {},
  { $ne: null },
  { __proto__: { polluted: true } },
  JSON.parse('{"__proto__": {"polluted": true}}'),
];
const EVENT_FIELDS = [
  'type',
  'documentId',
  'contentType',
  'locale',
  'persona',
  'stage',
  'target',
] as const;

let app: TestApp;
const published: string[] = [];
let draftOnly: string;
const personas: string[] = [];

beforeAll(async () => {
  app = await bootStrapi({ pluginConfig: { analytics: { rateLimit: false } } });
  const { strapi } = app;
  const owner = await createPersona(strapi, { name: 'Restaurant owner' });
  const buyer = await createPersona(strapi, { name: 'B2B buyer' });
  personas.push(owner.slug, buyer.slug);
  const stages = ['awareness', 'consideration', 'decision'];
  for (let i = 0; i < 4; i += 1) {
    published.push(
      await createEntry(strapi, {
        uid: BLOG,
        data: { title: `Post ${i}` },
        stage: stages[i % 3],
        personas: [[], [owner.documentId], [owner.documentId, buyer.documentId]][i % 3],
        publishedAt: new Date(Date.UTC(2026, 0, 1 + i)).toISOString(),
      })
    );
  }
  draftOnly = await createEntry(strapi, { uid: BLOG, data: { title: 'Draft' }, stage: 'decision' });
}, 120_000);

afterAll(async () => {
  await app?.stop();
});

const generator = (random: () => number) => {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const validEvent = () => ({
    type: pick(['view', 'click', 'conversion']),
    documentId: pick(published),
    contentType: 'blog-post',
    ...(random() < 0.3 ? { locale: 'en' } : {}),
    ...(random() < 0.3 ? { persona: pick(personas) } : {}),
    ...(random() < 0.3 ? { stage: pick(['awareness', 'decision', 'advocacy']) } : {}),
    ...(random() < 0.2 ? { target: pick(published) } : {}),
  });
  /** A well-formed event naming something that does not exist: dropped with a reason. */
  const unknownEvent = () => {
    const event: Record<string, unknown> = validEvent();
    const field = pick(['type', 'documentId', 'contentType', 'locale', 'persona', 'stage']);
    event[field] = pick([
      'nope',
      draftOnly,
      'Ünïcødé 🚀',
      '__proto__',
      'constructor',
      'x'.repeat(100),
      'article',
      'fr',
      'VIEW',
    ]);
    return event;
  };
  /** An event the schema refuses: wrong types, empty or long strings, unknown keys. */
  const brokenEvent = (): unknown => {
    const roll = random();
    if (roll < 0.15) return pick(NASTY);
    const event: Record<string, unknown> = validEvent();
    if (roll < 0.7) event[pick(EVENT_FIELDS)] = pick(NASTY);
    else if (roll < 0.8) delete event[pick(['type', 'documentId', 'contentType'])];
    else if (roll < 0.9) event[pick(['__proto__', 'constructor', 'extra', 'Type', ''])] = 'x';
    else Object.defineProperty(event, '__proto__', { value: { type: 'view' }, enumerable: true });
    return event;
  };
  const nested = (depth: number): unknown => {
    let value: unknown = validEvent();
    for (let i = 0; i < depth; i += 1) value = random() < 0.5 ? [value] : { events: value };
    return value;
  };
  const events = (count: number, broken: number, unknown: number) =>
    Array.from({ length: count }, () => {
      const roll = random();
      return roll < broken
        ? brokenEvent()
        : roll < broken + unknown
          ? unknownEvent()
          : validEvent();
    });

  /** A body: `raw` is sent as-is (a string), `json` through JSON.stringify. */
  return (): { json?: unknown; raw?: string; contentType: string } => {
    const roll = random();
    const json = 'application/json';
    if (roll < 0.35) {
      // Mostly valid, some unknown ids: 202 with dropped entries.
      return {
        json: { events: events(1 + Math.floor(random() * 100), 0, 0.3) },
        contentType: json,
      };
    }
    if (roll < 0.55) {
      // A few broken events among valid ones: the whole request is refused (400).
      return {
        json: { events: events(1 + Math.floor(random() * 20), 0.2, 0.2) },
        contentType: json,
      };
    }
    if (roll < 0.62) {
      // Too many events (400) or too many bytes (413).
      const count = pick([0, 101, 150, 1000, 5000]);
      return { json: { events: events(count, 0, 0) }, contentType: json };
    }
    if (roll < 0.68) return { json: nested(pick([2, 10, 100, 1000])), contentType: json };
    if (roll < 0.76) {
      return {
        json: pick<unknown>([
          null,
          [],
          {},
          'events',
          42,
          { events: null },
          { events: {} },
          { events: 'view' },
          { events: [validEvent()], extra: 1 },
          { Events: [validEvent()] },
          [{ events: [validEvent()] }],
        ]),
        contentType: json,
      };
    }
    // Raw strings: prototype keys as JSON text (JSON.stringify would drop a real __proto__),
    // sent as application/json and as text/plain (what sendBeacon sends).
    const event = JSON.stringify(validEvent());
    const withKey = (key: string) => `${event.slice(0, -1)},${JSON.stringify(key)}:{"x":1}}`;
    const raw = pick([
      `{"__proto__":{"events":[${event}]}}`,
      `{"events":[${event}],"__proto__":{"polluted":true}}`,
      `{"constructor":{"prototype":{"polluted":true}},"events":[${event}]}`,
      `{"events":[${withKey('__proto__')}]}`,
      `{"events":[${withKey('constructor')}]}`,
      `{"events":{"__proto__":[${event}]}}`,
      `{"events":[${event}]}`,
      `{"events":[${event},${event}]`,
      `{"events":[${event}]}garbage`,
      "{'events':[]}",
      '',
      'null',
      '\u0000',
      `{"events":[${event}]}`.replace(/"view"|"click"|"conversion"/, '"\\ud83d\\ude80"'),
      `{"events":[${Array.from({ length: 300 }, () => event).join(',')}]}`,
    ]);
    return { raw, contentType: pick([json, 'text/plain', 'text/plain;charset=UTF-8']) };
  };
};

const recount = async () => {
  const knex = app.strapi.db.connection;
  const events = await knex('journey_event_rollups').sum({ total: 'count' }).first();
  const stage = await knex('journey_segment_rollups')
    .where('scope', 'stage')
    .sum({ total: 'count' })
    .first();
  return { events: Number(events?.total ?? 0), stage: Number(stage?.total ?? 0) };
};

const short = (text: string) =>
  text.length > 400 ? `${text.slice(0, 400)}... (${text.length} chars)` : text;

describe('fuzzing POST /api/journey/events', () => {
  it(`answers ${REQUESTS} generated bodies with a 202, 400 or 413, and stores exactly what it accepted`, async () => {
    const analytics = app.strapi.plugin('journey').service('analytics');
    await analytics.flush();
    const before = await recount();
    const next = generator(prng(20261123));
    const tally: Record<string, number> = {};
    let accepted = 0;
    let dropped = 0;
    for (let i = 0; i < REQUESTS; i += 1) {
      const body = next();
      const sent = body.raw ?? JSON.stringify(body.json);
      const response = await request(app.strapi.server.httpServer)
        .post('/api/journey/events')
        .set({ 'User-Agent': BROWSER, 'Content-Type': body.contentType })
        .send(sent);
      tally[response.status] = (tally[response.status] ?? 0) + 1;
      const where = `request ${i} (${body.contentType}): ${short(sent ?? 'undefined')} -> ${response.status} ${short(JSON.stringify(response.body))}`;
      if (![202, 400, 413].includes(response.status)) throw new Error(`unexpected ${where}`);
      if (response.status === 202) {
        const { data } = response.body;
        if (
          !Number.isInteger(data?.accepted) ||
          !Array.isArray(data.dropped) ||
          data.notCounted !== null
        )
          throw new Error(`malformed 202 for ${where}`);
        for (const drop of data.dropped) {
          if (
            !Number.isInteger(drop.index) ||
            typeof drop.reason !== 'string' ||
            typeof drop.message !== 'string' ||
            drop.message.length > 1000
          )
            throw new Error(`malformed drop for ${where}`);
        }
        // Every event of an accepted request is counted or dropped, once.
        const count = (JSON.parse(sent) as { events: unknown[] }).events.length;
        if (data.accepted + data.dropped.length !== count)
          throw new Error(`${data.accepted} + ${data.dropped.length} != ${count} for ${where}`);
        accepted += data.accepted;
        dropped += data.dropped.length;
        continue;
      }
      const error = response.body?.error;
      if (
        response.body?.data !== null ||
        error?.status !== response.status ||
        typeof error?.name !== 'string' ||
        typeof error?.message !== 'string' ||
        error.message.length > 1000
      )
        throw new Error(`not Strapi's error shape for ${where}`);
    }
    // Nothing leaked onto Object.prototype from the __proto__ bodies.
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // Every kind of answer was exercised.
    expect(Object.keys(tally).sort()).toEqual(['202', '400', '413']);
    expect(accepted).toBeGreaterThan(1000);
    expect(dropped).toBeGreaterThan(100);

    await analytics.flush();
    expect(analytics.pending().events).toBe(0);
    const after = await recount();
    expect({ events: after.events - before.events, stage: after.stage - before.stage }).toEqual({
      events: accepted,
      stage: accepted,
    });
  }, 600_000);
});

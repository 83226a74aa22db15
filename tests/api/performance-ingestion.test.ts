import request from 'supertest';
import { createEntry } from '../helpers/fixtures';
import { bootStrapi, restartStrapi, type TestApp } from '../helpers/strapi';

/**
 * Ingestion's guarantees under its own config: no timer flush (everything waits for an explicit
 * flush or the stop), a small rate limit and unique visitors on. The app trusts X-Forwarded-For
 * here, so each test is its own client.
 */
const BLOG = 'plugin::journey.blog-post';
const BROWSER =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const CONFIG = {
  analytics: {
    flushIntervalMs: 600_000,
    flushMaxEvents: 1_000_000,
    rateLimit: { max: 3, windowMs: 60_000 },
    uniqueVisitors: true,
  },
};

let app: TestApp;
let guide: string;
const analytics = () => app.strapi.plugin('journey').service('analytics');
const send = (client: string, events: unknown[], userAgent = BROWSER) =>
  request(app.strapi.server.httpServer)
    .post('/api/journey/events')
    .set({ 'User-Agent': userAgent, 'X-Forwarded-For': client })
    .send({ events });
const view = () => ({ type: 'view', documentId: guide, contentType: 'blog-post' });
const sum = async (
  table: string,
  column: 'count' | 'visitors',
  where: Record<string, string> = {}
) => {
  const row = await app.strapi.db.connection(table).where(where).sum({ total: column }).first();
  return Number(row?.total ?? 0);
};
const boot = async (options: Parameters<typeof bootStrapi>[0] = {}) => {
  const started = await (options.database ? restartStrapi : bootStrapi)({
    pluginConfig: CONFIG,
    ...options,
  });
  started.strapi.server.app.proxy = true;
  return started;
};

beforeAll(async () => {
  app = await boot();
  guide = await createEntry(app.strapi, {
    uid: BLOG,
    data: { title: 'Guide' },
    stage: 'awareness',
    publishedAt: '2026-03-01T10:00:00.000Z',
  });
}, 120_000);

afterAll(async () => {
  await app?.stop();
});

it("limits requests per client with a 429, Retry-After and Strapi's error shape; counts nothing refused", async () => {
  for (let i = 0; i < 3; i += 1) expect((await send('10.0.0.1', [view()])).status).toBe(202);
  const refused = await send('10.0.0.1', [view()]);
  expect(refused.status).toBe(429);
  expect(refused.body.error).toMatchObject({ status: 429, name: 'RateLimitError' });
  expect(refused.body.error.message).toMatch(/Try again in \d+ s/);
  const wait = Number(refused.headers['retry-after']);
  expect(wait).toBeGreaterThanOrEqual(1);
  expect(wait).toBeLessThanOrEqual(60);
  // Another client is not affected.
  expect((await send('10.0.0.2', [view()])).status).toBe(202);
  expect(analytics().pending().events).toBe(4);
  await analytics().flush();
  expect(await sum('journey_event_rollups', 'count')).toBe(4);
});

it('counts unique visitors per day from a salted hash, and keeps no IP address or user agent', async () => {
  await analytics().flush();
  const before = await sum('journey_event_rollups', 'visitors');
  await send('10.0.1.1', [view(), view()]);
  await send('10.0.1.1', [view()]);
  await send('10.0.1.1', [view()], `${BROWSER} Edg/131.0.0.0`);
  await send('10.0.1.2', [view()]);
  await analytics().flush();
  // Same address and browser: one visitor; another browser or address: another visitor.
  expect((await sum('journey_event_rollups', 'visitors')) - before).toBe(3);

  const knex = app.strapi.db.connection;
  for (const table of [
    'journey_event_rollups',
    'journey_segment_rollups',
    'journey_visitor_days',
    'journey_visitor_salts',
  ]) {
    const text = JSON.stringify(await knex(table).select('*'));
    expect(text).not.toContain('10.0.1.1');
    expect(text).not.toContain('Chrome');
  }
  const salts = await knex('journey_visitor_salts').select('day');
  expect(salts).toEqual([{ day: new Date().toISOString().slice(0, 10) }]);
  const hashes = await knex('journey_visitor_days').select('hash');
  expect(hashes.length).toBeGreaterThan(0);
  expect(hashes.every(({ hash }: { hash: string }) => /^[0-9a-f]{64}$/.test(hash))).toBe(true);
});

it('keeps counted events when the database refuses a flush, and writes them once it accepts', async () => {
  await analytics().flush();
  const before = await sum('journey_event_rollups', 'count');
  const knex = app.strapi.db.connection;
  await knex.schema.renameTable('journey_event_rollups', 'journey_event_rollups_away');
  try {
    expect((await send('10.0.2.1', [view(), view()])).body.data.accepted).toBe(2);
    await analytics().flush();
    expect(analytics().pending().events).toBe(2);
  } finally {
    await knex.schema.renameTable('journey_event_rollups_away', 'journey_event_rollups');
  }
  await analytics().flush();
  expect(analytics().pending().events).toBe(0);
  expect(await sum('journey_event_rollups', 'count')).toBe(before + 2);
});

it('writes buffered events on a clean stop: a restart loses nothing', async () => {
  await analytics().flush();
  const before = await sum('journey_event_rollups', 'count');
  expect((await send('10.0.3.1', [view(), view(), view()])).body.data.accepted).toBe(3);
  // No timer flush in this config: the events are only in memory now.
  expect(analytics().pending().events).toBe(3);
  await app.stop({ keepDatabase: true });
  app = await boot({ database: app.database });
  expect(await sum('journey_event_rollups', 'count')).toBe(before + 3);
}, 120_000);

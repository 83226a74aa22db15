import request from 'supertest';
import type { Core } from '@strapi/strapi';
import { adminToken } from '../helpers/admin';
import { createEntry, createPersona } from '../helpers/fixtures';
import { bootStrapi, type TestApp } from '../helpers/strapi';

/**
 * Journey performance end to end: events posted to the content API, counted into rollups, and read
 * back through the admin API as the Performance view reads them. Every number asserted is one the
 * test caused; rollups are recounted straight from the tables after each flush.
 */
const BLOG = 'plugin::journey.blog-post';
const CTA = 'plugin::journey.cta';
const BROWSER =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

let app: TestApp;
let token: string;
let owner: { documentId: string; slug: string };
let buyer: { documentId: string; slug: string };
const ids: Record<string, string> = {};

const http = () => request(app.strapi.server.httpServer);
const analytics = (strapi: Core.Strapi = app.strapi) =>
  strapi.plugin('journey').service('analytics');
const send = (events: unknown, headers: Record<string, string> = {}) =>
  http()
    .post('/api/journey/events')
    .set({ 'User-Agent': BROWSER, ...headers })
    .send(events as object);
const admin = (path: string) => http().get(path).set('Authorization', `Bearer ${token}`);
const event = (documentId: string, type = 'view', extra: Record<string, string> = {}) => ({
  type,
  documentId,
  contentType: 'blog-post',
  ...extra,
});

/** Total count of a rollup table, straight from the database. */
const recount = async (table: string, where: Record<string, string> = {}) => {
  const row = await app.strapi.db.connection(table).where(where).sum({ total: 'count' }).first();
  return Number(row?.total ?? 0);
};

const cell = (
  report: { cells: Array<{ stage: string; persona: string | null }> },
  stage: string,
  persona: string | null
) =>
  report.cells.find((c) => c.stage === stage && c.persona === persona) as Record<string, unknown>;

beforeAll(async () => {
  app = await bootStrapi();
  token = await adminToken(app.strapi);
  owner = await createPersona(app.strapi, { name: 'Restaurant owner' });
  buyer = await createPersona(app.strapi, { name: 'B2B buyer' });
  const published = '2026-03-01T10:00:00.000Z';
  ids.guide = await createEntry(app.strapi, {
    uid: BLOG,
    data: { title: 'Awareness guide' },
    stage: 'awareness',
    personas: [owner.documentId],
    publishedAt: published,
  });
  ids.both = await createEntry(app.strapi, {
    uid: BLOG,
    data: { title: 'For owners and buyers' },
    stage: 'awareness',
    personas: [owner.documentId, buyer.documentId],
    publishedAt: published,
  });
  ids.decide = await createEntry(app.strapi, {
    uid: BLOG,
    data: { title: 'Decision post' },
    stage: 'decision',
    personas: [buyer.documentId],
    publishedAt: published,
  });
  ids.draft = await createEntry(app.strapi, {
    uid: BLOG,
    data: { title: 'Never published' },
    stage: 'awareness',
    personas: [owner.documentId],
  });
  ids.cta = await createEntry(app.strapi, {
    uid: CTA,
    data: { label: 'Book a demo', url: 'https://example.com/demo' },
    stage: 'decision',
    publishedAt: published,
  });
}, 120_000);

afterAll(async () => {
  await app?.stop();
});

describe('POST /api/journey/events', () => {
  it('counts views, clicks and conversions by the stage and personas the entry has', async () => {
    const response = await send({
      events: [
        event(ids.guide),
        event(ids.guide),
        event(ids.both),
        event(ids.both, 'click', { target: ids.cta }),
        event(ids.decide, 'view', { persona: buyer.slug, stage: 'decision' }),
        event(ids.decide, 'conversion'),
      ],
    });
    expect(response.status).toBe(202);
    expect(response.body.data).toEqual({ accepted: 6, dropped: [], notCounted: null });
    await analytics().flush();

    expect(await recount('journey_event_rollups')).toBe(6);
    // Stage scope counts each event once; the two-persona entry's events count in both cells.
    expect(await recount('journey_segment_rollups', { scope: 'stage' })).toBe(6);
    expect(await recount('journey_segment_rollups', { scope: 'cell' })).toBe(8);
    // What the frontend said about the visitor is kept per entry.
    expect(
      await recount('journey_event_rollups', {
        document_id: ids.decide,
        persona: buyer.documentId,
        stage: 'decision',
      })
    ).toBe(1);
    expect(await recount('journey_event_rollups', { target: ids.cta })).toBe(1);

    const report = (await admin('/journey/performance')).body.data;
    expect(cell(report, 'awareness', owner.slug)).toMatchObject({
      entries: 2,
      views: 3,
      clicks: 1,
      conversions: 0,
    });
    expect(cell(report, 'awareness', buyer.slug)).toMatchObject({
      entries: 1,
      views: 1,
      clicks: 1,
    });
    expect(cell(report, 'decision', buyer.slug)).toMatchObject({
      entries: 1,
      views: 1,
      conversions: 1,
      conversionRate: 1,
    });
    const awareness = report.funnel.find((step: { stage: string }) => step.stage === 'awareness');
    expect(awareness).toMatchObject({ views: 3, clicks: 1, conversions: 0, viewsOfPrevious: null });
    const decision = report.funnel.find((step: { stage: string }) => step.stage === 'decision');
    expect(decision).toMatchObject({ views: 1, conversions: 1 });
    expect(report.totals).toEqual({ views: 4, clicks: 1, conversions: 1, conversionRate: 0.25 });
  });

  it('drops events naming what does not exist, says why, and stores nothing of them', async () => {
    const before = await recount('journey_event_rollups');
    const response = await send({
      events: [
        event(ids.draft),
        event('no-such-document'),
        { ...event(ids.guide), contentType: 'podcast' },
        event(ids.guide, 'purchase'),
        event(ids.guide, 'view', { persona: 'no-such-persona' }),
        event(ids.guide, 'view', { stage: 'nirvana' }),
        event(ids.guide, 'view', { locale: 'xx' }),
        event(ids.guide, 'click', { target: ids.draft }),
        event(ids.guide),
      ],
    });
    expect(response.status).toBe(202);
    expect(response.body.data.accepted).toBe(1);
    expect(
      response.body.data.dropped.map((d: { index: number; reason: string }) => [d.index, d.reason])
    ).toEqual([
      [0, 'unknown-document'],
      [1, 'unknown-document'],
      [2, 'unknown-content-type'],
      [3, 'unknown-event-type'],
      [4, 'unknown-persona'],
      [5, 'unknown-stage'],
      [6, 'unknown-locale'],
      [7, 'unknown-target'],
    ]);
    expect(response.body.data.dropped[2].message).toContain('blog-post');
    await analytics().flush();
    expect(await recount('journey_event_rollups')).toBe(before + 1);
  });

  it('refuses malformed bodies with a 400 naming the field', async () => {
    const cases: Array<[unknown, string]> = [
      [{}, 'empty'],
      [{ events: [] }, 'at least one event'],
      [{ events: 'view' }, 'must be an array'],
      [{ events: [{ ...event(ids.guide), documentId: 7 }] }, 'events[0].documentId'],
      [{ events: [{ ...event(ids.guide), extra: 1 }] }, 'unknown field "extra"'],
      [{ events: [event(ids.guide)], more: true }, 'unknown field "more"'],
      [{ events: Array.from({ length: 101 }, () => event(ids.guide)) }, 'at most 100 events'],
    ];
    for (const [body, expected] of cases) {
      const response = await send(body);
      expect(response.status).toBe(400);
      expect(response.body.error).toMatchObject({ status: 400, name: 'ValidationError' });
      expect(response.body.error.message).toContain(expected);
    }
    const text = await send('not json', { 'Content-Type': 'text/plain' });
    expect(text.status).toBe(400);
    expect(text.body.error.message).toContain('not valid JSON');

    // Prototype keys: Strapi's JSON parser refuses them; JSON sent as text is refused by name.
    const proto =
      '{"events":[{"type":"view","documentId":"x","contentType":"blog-post","__proto__":{"a":1}}]}';
    const asJson = await send(proto, { 'Content-Type': 'application/json' });
    expect(asJson.status).toBe(400);
    expect(asJson.body.error.message).toContain('prototype');
    for (const key of ['__proto__', 'constructor']) {
      const body = proto.replace('__proto__', key);
      const asText = await send(body, { 'Content-Type': 'text/plain' });
      expect(asText.status).toBe(400);
      expect(asText.body.error).toMatchObject({ name: 'ValidationError' });
      expect(asText.body.error.message).toContain(`unknown field "${key}"`);
    }
  });

  it('accepts JSON sent as text/plain, as navigator.sendBeacon sends it', async () => {
    const response = await send(JSON.stringify({ events: [event(ids.guide)] }), {
      'Content-Type': 'text/plain',
    });
    expect(response.status).toBe(202);
    expect(response.body.data.accepted).toBe(1);
  });

  it('refuses a body over 64 kB with a 413', async () => {
    const response = await send({
      events: [{ ...event(ids.guide), documentId: 'x'.repeat(70_000) }],
    });
    expect(response.status).toBe(413);
    expect(response.body.error).toMatchObject({ status: 413, name: 'PayloadTooLargeError' });
  });

  it('accepts but does not count requests asking not to be tracked, or sent by bots', async () => {
    await analytics().flush();
    const before = await recount('journey_event_rollups');
    for (const [headers, reason] of [
      [{ DNT: '1' }, 'do-not-track'],
      [{ 'Sec-GPC': '1' }, 'do-not-track'],
      [{ 'User-Agent': 'Googlebot/2.1 (+http://www.google.com/bot.html)' }, 'bot'],
    ] as const) {
      const response = await send({ events: [event(ids.guide)] }, headers);
      expect(response.status).toBe(202);
      expect(response.body.data).toEqual({ accepted: 0, dropped: [], notCounted: reason });
    }
    await analytics().flush();
    expect(await recount('journey_event_rollups')).toBe(before);
  });

  it('stops counting an entry the moment it is unpublished', async () => {
    const documentId = await createEntry(app.strapi, {
      uid: BLOG,
      data: { title: 'Short-lived' },
      stage: 'retention',
      publishedAt: '2026-03-01T10:00:00.000Z',
    });
    expect((await send({ events: [event(documentId)] })).body.data.accepted).toBe(1);
    await app.strapi.documents(BLOG).unpublish({ documentId });
    const response = await send({ events: [event(documentId)] });
    expect(response.body.data.dropped).toEqual([
      expect.objectContaining({ index: 0, reason: 'unknown-document' }),
    ]);
  });

  it('keeps counted events where they happened when an entry is re-tagged', async () => {
    const documentId = await createEntry(app.strapi, {
      uid: BLOG,
      data: { title: 'Moves on' },
      stage: 'retention',
      publishedAt: '2026-03-01T10:00:00.000Z',
    });
    await send({ events: [event(documentId), event(documentId)] });
    // The stage is injected at register, so Strapi's generated input types do not know it.
    await app.strapi
      .documents(BLOG)
      .update({ documentId, data: { journeyStage: 'advocacy' } as Record<string, unknown> });
    await app.strapi.documents(BLOG).publish({ documentId });
    await send({ events: [event(documentId)] });
    await analytics().flush();
    const report = (await admin('/journey/performance')).body.data;
    const untagged = (stage: string) => cell(report, stage, null);
    expect(untagged('retention')).toMatchObject({ views: 3 }); // 1 from the unpublish test
    expect(untagged('advocacy')).toMatchObject({ views: 1, entries: 1 });
  });
});

describe('GET /journey/performance and friends', () => {
  it('filters by persona, type and period, and refuses bad parameters with a 400 naming them', async () => {
    const byPersona = (await admin(`/journey/performance?persona=${buyer.slug}`)).body.data;
    expect(byPersona.personas.map((p: { slug: string }) => p.slug)).toEqual([buyer.slug]);
    expect(byPersona.cells.every((c: { persona: string }) => c.persona === buyer.slug)).toBe(true);
    expect(byPersona.totals).toMatchObject({ views: 2, clicks: 1, conversions: 1 });

    const ctas = (await admin('/journey/performance?type=cta')).body.data;
    expect(ctas.totals).toMatchObject({
      views: 0,
      clicks: 0,
      conversions: 0,
      conversionRate: null,
    });

    const past = (await admin('/journey/performance?from=2020-01-01&to=2020-01-31')).body.data;
    expect(past.totals.views).toBe(0);
    expect(past.filters).toMatchObject({ from: '2020-01-01', to: '2020-01-31' });

    for (const [query, field, text] of [
      ['from=2026-02-30', 'from', 'YYYY-MM-DD'],
      ['from=2026-05-02&to=2026-05-01', 'from', 'must not be after'],
      ['from=2020-01-01&to=2026-01-01', 'from', 'at most 731'],
      ['persona=nobody', 'persona', 'Unknown persona'],
      ['type=podcast', 'type', 'Unknown type'],
      ['minViews=0', 'minViews', 'whole number'],
      ['sort=views', null, 'Unknown parameter "sort"'],
    ] as const) {
      const response = await admin(`/journey/performance?${query}`);
      expect(response.status).toBe(400);
      if (field) expect(response.body.error.details.errors[0].path).toEqual([field]);
      expect(response.body.error.message).toContain(text);
    }
  });

  it("ranks a cell's entries by conversion rate, only those with enough views", async () => {
    await send({
      events: [
        ...Array.from({ length: 4 }, () => event(ids.guide)),
        event(ids.guide, 'conversion'),
        ...Array.from({ length: 3 }, () => event(ids.both)),
        event(ids.both, 'conversion'),
        event(ids.both, 'conversion'),
      ],
    });
    await analytics().flush();
    const response = await admin(
      `/journey/performance/entries?stage=awareness&persona=${owner.slug}&minViews=4`
    );
    expect(response.status).toBe(200);
    const { best, weakest, belowMinViews } = response.body.data;
    // guide: 2 + 1 + 1 + 4 = 8 views, 1 conversion; both: 1 + 3 = 4 views, 2 conversions.
    expect(best.map((e: { title: string }) => e.title)).toEqual([
      'For owners and buyers',
      'Awareness guide',
    ]);
    expect(best[0]).toMatchObject({
      views: 4,
      conversions: 2,
      conversionRate: 0.5,
      type: 'blog-post',
    });
    expect(best[1]).toMatchObject({ views: 8, conversions: 1, conversionRate: 0.125 });
    expect(weakest).toEqual([]);
    expect(belowMinViews).toBe(0);

    const strict = (
      await admin(
        `/journey/performance/entries?stage=awareness&persona=${owner.slug}&minViews=5&limit=1`
      )
    ).body.data;
    expect(strict.best.map((e: { documentId: string }) => e.documentId)).toEqual([ids.guide]);
    expect(strict.belowMinViews).toBe(1);

    const missing = await admin('/journey/performance/entries');
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toContain('"stage" is required');
  });

  it("gives daily series, zeros included, and one entry's last 30 days", async () => {
    const today = new Date().toISOString().slice(0, 10);
    const series = (await admin(`/journey/performance/series?stage=decision&persona=${buyer.slug}`))
      .body.data;
    expect(series.days).toHaveLength(30);
    expect(series.days[29]).toEqual({ day: today, views: 1, clicks: 0, conversions: 1 });
    expect(series.days.slice(0, 29).every((d: { views: number }) => d.views === 0)).toBe(true);

    const entry = (await admin(`/journey/performance/entry?type=blog-post&documentId=${ids.guide}`))
      .body.data;
    expect(entry.totals).toMatchObject({ views: 8, conversions: 1, conversionRate: 0.125 });
    expect(entry.days[29]).toMatchObject({ day: today, views: 8 });
    expect(entry.locale).toBe('en');
  });

  it('exports CSV with formulas neutralised, and JSON', async () => {
    await createPersona(app.strapi, { name: '=HYPERLINK("http://evil")' });
    const csv = await admin('/journey/performance/export?format=csv&minViews=1');
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toMatch(/journey-performance-en-.*\.csv/);
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toBe(
      'stage,stageLabel,persona,personaName,entries,coverage,views,clicks,conversions,conversionRate,rate,signal,viewsOfPrevious'
    );
    expect(csv.text).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(lines).toContain(
      `decision,Decision,${buyer.slug},B2B buyer,1,thin,1,0,1,1.0000,above,write-more,`
    );

    const json = await admin('/journey/performance/export?format=json');
    expect(JSON.parse(json.text).data.totals).toEqual(
      (await admin('/journey/performance')).body.data.totals
    );
  });

  it('needs the performance permission', async () => {
    expect((await http().get('/journey/performance')).status).toBe(401);
    const editor = await app.strapi.db
      .query('admin::role')
      .findOne({ where: { code: 'strapi-editor' } });
    const editorToken = await adminToken(app.strapi, editor.id);
    const response = await http()
      .get('/journey/performance')
      .set('Authorization', `Bearer ${editorToken}`);
    expect(response.status).toBe(403);
    // Not a content-API route: the public cannot read performance.
    expect((await http().get('/api/journey/performance')).status).toBe(404);
  });
});

describe('storage', () => {
  it('registers the daily prune job and deletes rollups older than retentionDays', async () => {
    expect(
      app.strapi.cron.jobs.some(
        (job: { name: string | null }) => job.name === 'journey-analytics-prune'
      )
    ).toBe(true);
    analytics().record([
      {
        day: '2020-01-01',
        typeName: 'blog-post',
        documentId: ids.guide,
        locale: 'en',
        eventType: 'view',
        visitorPersona: '',
        visitorStage: '',
        target: '',
        contentStage: 'awareness',
        contentPersonas: [owner.documentId],
      },
    ]);
    await analytics().flush();
    expect(await recount('journey_event_rollups', { day: '2020-01-01' })).toBe(1);
    const { deleted } = await analytics().prune();
    expect(deleted).toBe(3); // one entry row, its stage row and its persona's cell row
    expect(await recount('journey_event_rollups', { day: '2020-01-01' })).toBe(0);
    expect(await recount('journey_segment_rollups', { day: '2020-01-01' })).toBe(0);
  });
});

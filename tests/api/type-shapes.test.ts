import request from 'supertest';
import { adminToken } from '../helpers/admin';
import { createEntry, createPersona, setPublicPermission } from '../helpers/fixtures';
import { journeyIndexColumns } from '../helpers/indexes';
import { coverageAsCounts, recountCoverage } from '../helpers/recount';
import { bootStrapi, type TestApp } from '../helpers/strapi';

/**
 * Tagged types of every shape a user may configure, beside the shipped ones (all localized, all
 * with draft & publish): a type that is not localized, one without draft & publish, and one whose
 * table name is too long for PostgreSQL's 63-character identifiers once an index suffix is added.
 */
const NOTE = 'api::note.note';
const EVENT = 'api::event.event';
const LONG_TABLE = 'journey_customer_success_stories_from_enterprise_accounts_in_the_nordics';
const STORY = 'api::story.story';

const types = {
  note: {
    kind: 'collectionType',
    collectionName: 'notes',
    info: { singularName: 'note', pluralName: 'notes', displayName: 'Note' },
    options: { draftAndPublish: true },
    attributes: { title: { type: 'string' }, secret: { type: 'string', private: true } },
  },
  event: {
    kind: 'collectionType',
    collectionName: 'events',
    info: { singularName: 'event', pluralName: 'events', displayName: 'Event' },
    options: { draftAndPublish: false },
    pluginOptions: { i18n: { localized: true } },
    attributes: {
      title: { type: 'string', pluginOptions: { i18n: { localized: true } } },
    },
  },
  story: {
    kind: 'collectionType',
    collectionName: LONG_TABLE,
    info: { singularName: 'story', pluralName: 'stories', displayName: 'Story' },
    options: { draftAndPublish: true },
    attributes: { title: { type: 'string' } },
  },
};

let app: TestApp;
let token: string;
const http = () => request(app.strapi.server.httpServer);
const ids: Record<string, string> = {};

beforeAll(async () => {
  app = await bootStrapi({
    pluginConfig: { stages: 'default', contentTypes: [NOTE, EVENT, STORY] },
    extraContentTypes: types,
  });
  const { strapi } = app;
  await setPublicPermission(strapi, 'plugin::journey.content.find', true);
  token = await adminToken(strapi);
  ids.owner = (await createPersona(strapi, { name: 'Owner' })).documentId;
  ids.buyer = (await createPersona(strapi, { name: 'Buyer' })).documentId;

  ids.noteLive = await createEntry(strapi, {
    uid: NOTE,
    data: { title: 'Live note', secret: 'never shown' },
    stage: 'awareness',
    personas: [ids.owner],
    publishedAt: '2026-02-01T10:00:00.000Z',
  });
  ids.noteDraft = await createEntry(strapi, {
    uid: NOTE,
    data: { title: 'Draft note' },
    stage: 'awareness',
    personas: [ids.owner],
  });
  // Without draft & publish a create is live at once.
  const events = strapi.documents(EVENT as never) as any;
  const event = await events.create({
    data: { title: 'Webinar', journeyStage: 'consideration', personas: [ids.buyer] },
  });
  ids.event = event.documentId;
  await events.update({ documentId: ids.event, locale: 'da', data: { title: 'Webinar (da)' } });
  ids.story = await createEntry(strapi, {
    uid: STORY,
    data: { title: 'Story' },
    stage: 'decision',
    personas: [ids.owner, ids.buyer],
    publishedAt: '2026-02-02T10:00:00.000Z',
  });
});

afterAll(async () => {
  await app?.stop();
});

const content = async (query: string) => {
  const response = await http().get(`/api/journey/content?${query}`);
  expect({ query, status: response.status, error: response.body.error }).toEqual({
    query,
    status: 200,
    error: undefined,
  });
  return response.body as {
    data: Array<Record<string, unknown>>;
    meta: { pagination: { total: number } };
  };
};

describe('a tagged type that is not localized', () => {
  it('is served in every locale, published only, without private fields', async () => {
    for (const locale of ['en', 'da']) {
      const body = await content(`type=note&locale=${locale}`);
      expect(body.data.map((item) => item.documentId)).toEqual([ids.noteLive]);
      expect(body.data[0]).toMatchObject({ type: 'note', title: 'Live note', stage: 'awareness' });
      expect(body.data[0]).not.toHaveProperty('secret');
      expect(body.meta.pagination.total).toBe(1);
    }
  });

  it('is counted by coverage exactly as a recount through the Document Service', async () => {
    // Coverage's `all` counts every document's latest version: the Document Service's drafts.
    for (const [status, recountStatus] of [
      ['published', 'published'],
      ['all', 'draft'],
    ] as const) {
      const response = await http()
        .get(`/journey/coverage?type=note&status=${status}`)
        .set('Authorization', `Bearer ${token}`);
      expect(response.status).toBe(200);
      const recount = await recountCoverage(app.strapi, NOTE, recountStatus);
      expect(coverageAsCounts(response.body.data)).toEqual({
        stageTotals: recount.stageTotals,
        cells: recount.cells,
      });
    }
  });

  it("gives the edit panel the entry's cell", async () => {
    const response = await http()
      .get(`/journey/coverage/entry?stage=awareness&personas=${ids.owner}&locale=da`)
      .set('Authorization', `Bearer ${token}`);
    expect(response.status).toBe(200);
    expect(JSON.stringify(response.body.data)).toContain('"owner"');
  });
});

describe('a tagged type without draft & publish', () => {
  it('serves every entry as live, in its locale', async () => {
    const en = await content('type=event');
    expect(en.data).toEqual([
      expect.objectContaining({
        documentId: ids.event,
        type: 'event',
        title: 'Webinar',
        stage: 'consideration',
        locale: 'en',
        personas: [{ slug: 'buyer', name: 'Buyer' }],
      }),
    ]);
    const da = await content('type=event&locale=da');
    expect(da.data).toEqual([
      expect.objectContaining({ documentId: ids.event, title: 'Webinar (da)', locale: 'da' }),
    ]);
  });

  it('is counted as published and never as a draft', async () => {
    const published = await http()
      .get('/journey/coverage?type=event')
      .set('Authorization', `Bearer ${token}`);
    expect(coverageAsCounts(published.body.data)).toEqual({
      stageTotals: { consideration: 1 },
      cells: { 'consideration/buyer': 1 },
    });
    const drafts = await http()
      .get('/journey/coverage?type=event&status=draft')
      .set('Authorization', `Bearer ${token}`);
    expect(coverageAsCounts(drafts.body.data)).toEqual({ stageTotals: {}, cells: {} });
  });
});

describe('a tagged type with a very long table name', () => {
  it('gets both journey indexes with names of at most 60 characters, columns in key order', async () => {
    // Strapi itself shortens identifiers past its own limit: ask it for the table's real name.
    const table = (app.strapi.db.metadata.get(STORY as never) as any).tableName as string;
    const indexes = await journeyIndexColumns(app.strapi, table);
    expect(Object.keys(indexes)).toHaveLength(2);
    // 60, the plugin's own limit: PostgreSQL would silently cut a longer name at 63.
    for (const name of Object.keys(indexes)) expect(name.length).toBeLessThanOrEqual(60);
    const bySuffix = Object.fromEntries(
      Object.entries(indexes).map(([name, columns]) => [name.replace(/^.*_journey_/, ''), columns])
    );
    expect(bySuffix).toEqual({
      stage_idx: ['journey_stage', 'published_at', 'updated_at', 'id'],
      cov_idx: ['published_at', 'journey_stage', 'updated_at', 'id'],
    });
  });

  it('is served and counted', async () => {
    expect((await content('type=story&persona=buyer')).data.map((i) => i.documentId)).toEqual([
      ids.story,
    ]);
    const response = await http()
      .get('/journey/coverage?type=story')
      .set('Authorization', `Bearer ${token}`);
    expect(coverageAsCounts(response.body.data)).toEqual({
      stageTotals: { decision: 1 },
      cells: { 'decision/owner': 1, 'decision/buyer': 1 },
    });
  });
});

describe('list parameters hold at most 20 values', () => {
  const values = (count: number) => Array.from({ length: count }, (_, i) => `v${i}`).join(',');

  it.each(['stage', 'persona', 'type'])('%s: 20 values are read, 21 are refused', async (name) => {
    const twenty = await http().get(`/api/journey/content?${name}=${values(20)}`);
    // 20 values pass the length rule and fail on the first unknown value instead.
    expect(twenty.status).toBe(400);
    expect(twenty.body.error.message).not.toContain('at most');
    const over = await http().get(`/api/journey/content?${name}=${values(21)}`);
    expect(over.status).toBe(400);
    expect(over.body.error).toMatchObject({
      name: 'ValidationError',
      message: `"${name}" accepts at most 20 values.`,
      details: { errors: [expect.objectContaining({ path: [name] })] },
    });
  });
});

describe('personas that change after entries link to them', () => {
  const personaSlugs = (item: Record<string, unknown> | undefined) =>
    ((item?.personas as Array<{ slug: string }>) ?? []).map((persona) => persona.slug);
  const coverageOf = async (type: string) => {
    const response = await http()
      .get(`/journey/coverage?type=${type}`)
      .set('Authorization', `Bearer ${token}`);
    expect(response.status).toBe(200);
    return coverageAsCounts(response.body.data);
  };

  it('shows a persona published after a type without draft & publish linked to it, once', async () => {
    const planned = await createPersona(app.strapi, { name: 'Planned' }, { publish: false });
    const events = app.strapi.documents(EVENT as never) as any;
    const event = await events.create({
      data: { title: 'Planned webinar', journeyStage: 'retention', personas: [planned.documentId] },
    });
    const find = async () =>
      (await content('type=event&stage=retention')).data.find(
        (item) => item.documentId === event.documentId
      );
    expect(personaSlugs(await find())).toEqual([]);
    expect((await coverageOf('event')).cells).not.toHaveProperty('retention/planned');

    await (app.strapi.documents('plugin::journey.persona' as never) as any).publish({
      documentId: planned.documentId,
    });
    expect(personaSlugs(await find())).toEqual(['planned']);
    expect((await coverageOf('event')).cells['retention/planned']).toBe(1);
  });

  it('drops a persona that is unpublished or deleted from content and coverage', async () => {
    const personas = app.strapi.documents('plugin::journey.persona' as never) as any;
    const leaving = await createPersona(app.strapi, { name: 'Leaving' });
    const gone = await createPersona(app.strapi, { name: 'Gone' });
    const noteId = await createEntry(app.strapi, {
      uid: NOTE,
      data: { title: 'Linked note' },
      stage: 'advocacy',
      personas: [leaving.documentId, gone.documentId, ids.owner],
      publishedAt: '2026-02-03T10:00:00.000Z',
    });
    const eventId = (
      await (app.strapi.documents(EVENT as never) as any).create({
        data: {
          title: 'Linked event',
          journeyStage: 'advocacy',
          personas: [leaving.documentId, gone.documentId, ids.owner],
        },
      })
    ).documentId;
    const slugsOf = async (type: string, documentId: string) =>
      personaSlugs(
        (await content(`type=${type}&stage=advocacy`)).data.find(
          (item) => item.documentId === documentId
        )
      );
    expect(await slugsOf('note', noteId)).toEqual(['leaving', 'gone', 'owner']);
    expect(await slugsOf('event', eventId)).toEqual(['leaving', 'gone', 'owner']);

    await personas.unpublish({ documentId: leaving.documentId });
    await personas.delete({ documentId: gone.documentId });

    for (const [type, documentId] of [
      ['note', noteId],
      ['event', eventId],
    ]) {
      expect(await slugsOf(type, documentId)).toEqual(['owner']);
      expect(await content(`type=${type}&persona=owner&stage=advocacy`)).toMatchObject({
        meta: { pagination: { total: 1 } },
      });
      const refused = await http().get(`/api/journey/content?type=${type}&persona=leaving`);
      expect(refused.status).toBe(400);
      const { cells } = await coverageOf(type);
      expect(cells).not.toHaveProperty('advocacy/gone');
      expect(cells['advocacy/leaving'] ?? 0).toBe(0);
      expect(cells['advocacy/owner']).toBe(1);
    }
  });
});

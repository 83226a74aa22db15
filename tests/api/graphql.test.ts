import request from 'supertest';
import { CONTENT_API_ACTIONS } from '../../shared/constants';
import { createEntry, createImage, createPersona, setPublicPermission } from '../helpers/fixtures';
import { bootStrapi, type TestApp } from '../helpers/strapi';

/**
 * GraphQL (the playground installs @strapi/plugin-graphql): the plugin's queries answer what the
 * REST endpoints answer, with the same permissions and validation messages.
 */
let app: TestApp;
const http = () => request(app.strapi.server.httpServer);
const ids: Record<string, string> = {};

const graphql = async (query: string, variables: Record<string, unknown> = {}) =>
  http().post('/graphql').send({ query, variables });

const ITEM_FIELDS = `
  __typename documentId type stage journeyStage personas { slug name } locale publishedAt updatedAt
  ... on JourneyContentBlogPost { title }
  ... on JourneyContentLandingPage { title headline }
  ... on JourneyContentCta { label url }
  ... on JourneyContentArticle { title summary }`;

const CONTENT_QUERY = `
  query Content($stage: [JourneyStage!], $persona: [String!], $type: [String!], $locale: String,
                $page: Int, $pageSize: Int, $sort: String) {
    journeyContent(stage: $stage, persona: $persona, type: $type, locale: $locale, page: $page,
                   pageSize: $pageSize, sort: $sort) {
      data { ${ITEM_FIELDS} }
      meta { pagination { page pageSize pageCount total } }
    }
  }`;

const PUBLIC_ACTIONS = [
  CONTENT_API_ACTIONS.content,
  CONTENT_API_ACTIONS.next,
  CONTENT_API_ACTIONS.stages,
  CONTENT_API_ACTIONS.personas,
  'api::article.article.find',
];

beforeAll(async () => {
  app = await bootStrapi();
  const { strapi } = app;
  ids.owner = (await createPersona(strapi, { name: 'Owner' })).documentId;
  ids.buyer = (await createPersona(strapi, { name: 'Buyer' })).documentId;
  // Published at fixed times: newest first is d, c, b, a.
  ids.a = await createEntry(strapi, {
    uid: 'plugin::journey.blog-post',
    data: { title: 'Why book online' },
    stage: 'awareness',
    personas: [ids.owner],
    publishedAt: '2026-01-01T10:00:00.000Z',
  });
  ids.b = await createEntry(strapi, {
    uid: 'plugin::journey.landing-page',
    data: { title: 'Booking', headline: 'Fill every table' },
    stage: 'consideration',
    personas: [ids.buyer],
    publishedAt: '2026-01-02T10:00:00.000Z',
  });
  ids.c = await createEntry(strapi, {
    uid: 'api::article.article',
    data: { title: 'Delivery', summary: 'Zero commission', internalNotes: 'do not leak' },
    stage: 'awareness',
    personas: [ids.owner, ids.buyer],
    publishedAt: '2026-01-03T10:00:00.000Z',
  });
  ids.d = await createEntry(strapi, {
    uid: 'plugin::journey.cta',
    data: { label: 'Book a demo', url: '/demo' },
    stage: 'decision',
    personas: [ids.owner],
    publishedAt: '2026-01-04T10:00:00.000Z',
  });
  await createEntry(strapi, {
    uid: 'plugin::journey.blog-post',
    data: { title: 'Unpublished draft' },
    stage: 'awareness',
    personas: [ids.owner],
  });
  for (const action of PUBLIC_ACTIONS) await setPublicPermission(strapi, action, true);
});
afterAll(async () => {
  await app?.stop();
});

describe('journeyContent', () => {
  it('answers the same items and pagination as GET /api/journey/content', async () => {
    const rest = await http().get('/api/journey/content');
    expect(rest.status).toBe(200);
    const response = await graphql(CONTENT_QUERY);
    expect(response.status).toBe(200);
    expect(response.body.errors).toBeUndefined();
    const { data, meta } = response.body.data.journeyContent;

    expect(meta).toEqual({ pagination: { page: 1, pageSize: 25, pageCount: 1, total: 4 } });
    expect(meta).toEqual(rest.body.meta);
    expect(data.map((item: { documentId: string }) => item.documentId)).toEqual([
      ids.d,
      ids.c,
      ids.b,
      ids.a,
    ]);
    // Every field REST gives is there with the same value; GraphQL adds the typename and the enum.
    rest.body.data.forEach((restItem: Record<string, unknown>, index: number) => {
      const { __typename, journeyStage, ...item } = data[index];
      const own = Object.fromEntries(Object.keys(item).map((key) => [key, restItem[key]]));
      expect(item).toEqual(own);
      expect(journeyStage).toBe(restItem.stage);
      expect(__typename).toBe(
        {
          'blog-post': 'JourneyContentBlogPost',
          'landing-page': 'JourneyContentLandingPage',
          cta: 'JourneyContentCta',
          article: 'JourneyContentArticle',
        }[restItem.type as string]
      );
    });
    expect(data[1]).toEqual({
      __typename: 'JourneyContentArticle',
      documentId: ids.c,
      type: 'article',
      stage: 'awareness',
      journeyStage: 'awareness',
      personas: [
        { slug: 'owner', name: 'Owner' },
        { slug: 'buyer', name: 'Buyer' },
      ],
      locale: 'en',
      publishedAt: '2026-01-03T10:00:00.000Z',
      updatedAt: '2026-01-03T10:00:00.000Z',
      title: 'Delivery',
      summary: 'Zero commission',
    });
  });

  it('filters and pages like REST: stages as the enum, persona and type lists, sort', async () => {
    const response = await graphql(CONTENT_QUERY, {
      stage: ['awareness', 'decision'],
      persona: ['owner'],
      type: ['blog-post', 'article', 'cta'],
      sort: 'title:asc',
      page: 2,
      pageSize: 2,
    });
    expect(response.body.errors).toBeUndefined();
    const { data, meta } = response.body.data.journeyContent;
    // Owner's content at awareness or decision, by title: Book a demo, Delivery | Why book online.
    expect(data.map((item: { documentId: string }) => item.documentId)).toEqual([ids.a]);
    expect(meta.pagination).toEqual({ page: 2, pageSize: 2, pageCount: 2, total: 3 });
  });

  it('does not expose private attributes (the article type has internalNotes)', async () => {
    const response = await graphql(
      '{ journeyContent { data { ... on JourneyContentArticle { internalNotes } } } }'
    );
    expect(response.status).toBe(400);
    expect(response.body.errors[0].message).toBe(
      'Cannot query field "internalNotes" on type "JourneyContentArticle".'
    );
  });

  it.each([
    ['persona', { persona: ['nobody'] }, '?persona=nobody'],
    ['type', { type: ['page'] }, '?type=page'],
    ['locale', { locale: 'xx' }, '?locale=xx'],
    ['page', { page: 0 }, '?page=0'],
    ['pageSize', { pageSize: 101 }, '?pageSize=101'],
    ['sort', { sort: 'id:asc' }, '?sort=id:asc'],
    ['persona', { persona: [] }, '?persona='],
  ])(
    'refuses a bad %s with the REST message, as BAD_USER_INPUT',
    async (field, variables, query) => {
      const rest = await http().get(`/api/journey/content${query}`);
      expect(rest.status).toBe(400);
      const response = await graphql(CONTENT_QUERY, variables);
      expect(response.status).toBe(200);
      expect(response.body.data).toBeNull();
      expect(response.body.errors).toHaveLength(1);
      const [error] = response.body.errors;
      expect(error.message).toBe(rest.body.error.message);
      expect(error.extensions.code).toBe('BAD_USER_INPUT');
      expect(error.extensions.error.name).toBe('ValidationError');
      expect(error.extensions.error.details.errors[0].path).toEqual([field]);
    }
  );

  it('refuses a stage that is not configured before running (the enum)', async () => {
    const response = await graphql('{ journeyContent(stage: [awarness]) { data { documentId } } }');
    expect(response.status).toBe(400);
    expect(response.body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(response.body.errors[0].message).toMatch(/"awarness"/);
  });

  it('needs plugin::journey.content.find, like REST', async () => {
    await setPublicPermission(app.strapi, CONTENT_API_ACTIONS.content, false);
    try {
      const response = await graphql(CONTENT_QUERY);
      expect(response.body.data).toBeNull();
      expect(response.body.errors[0].extensions.code).toBe('FORBIDDEN');
      expect((await http().get('/api/journey/content')).status).toBe(403);
    } finally {
      await setPublicPermission(app.strapi, CONTENT_API_ACTIONS.content, true);
    }
  });
});

describe('journeyNextContent', () => {
  it('answers the content of the next stage with meta.stage, as REST', async () => {
    const query = `{ journeyNextContent(stage: awareness, persona: ["buyer"]) {
      data { documentId type } meta { stage pagination { page pageSize pageCount total } } } }`;
    const response = await graphql(query);
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data.journeyNextContent).toEqual({
      data: [{ documentId: ids.b, type: 'landing-page' }],
      meta: {
        stage: 'consideration',
        pagination: { page: 1, pageSize: 25, pageCount: 1, total: 1 },
      },
    });
    const rest = await http().get('/api/journey/content/next?stage=awareness&persona=buyer');
    expect(rest.body.meta.stage).toBe('consideration');
    expect(rest.body.data.map((item: { documentId: string }) => item.documentId)).toEqual([ids.b]);
  });

  it('answers nothing after the last stage, and needs plugin::journey.next-content.find', async () => {
    const query = '{ journeyNextContent(stage: advocacy) { data { documentId } meta { stage } } }';
    expect((await graphql(query)).body.data.journeyNextContent).toEqual({
      data: [],
      meta: { stage: null },
    });
    await setPublicPermission(app.strapi, CONTENT_API_ACTIONS.next, false);
    try {
      expect((await graphql(query)).body.errors[0].extensions.code).toBe('FORBIDDEN');
    } finally {
      await setPublicPermission(app.strapi, CONTENT_API_ACTIONS.next, true);
    }
  });
});

describe('journeyStages', () => {
  it('lists the stages as REST does, each with its enum value', async () => {
    const response = await graphql(
      '{ journeyStages { key value label order description questions keywords touchpoints minimum } }'
    );
    expect(response.body.errors).toBeUndefined();
    const rest = await http().get('/api/journey/stages');
    expect(response.body.data.journeyStages).toEqual(
      rest.body.data.map((stage: { key: string }) => ({ ...stage, value: stage.key }))
    );
    expect(response.body.data.journeyStages.map((stage: { key: string }) => stage.key)).toEqual([
      'awareness',
      'consideration',
      'decision',
      'retention',
      'advocacy',
    ]);
  });

  it('answers in a locale as GET /api/journey/stages?locale= does, with its errors', async () => {
    const response = await graphql('{ journeyStages(locale: "da") { key label keywords } }');
    expect(response.body.errors).toBeUndefined();
    const rest = await http().get('/api/journey/stages?locale=da');
    expect(rest.status).toBe(200);
    expect(response.body.data.journeyStages).toEqual(
      rest.body.data.map(({ key, label, keywords }: Record<string, unknown>) => ({
        key,
        label,
        keywords,
      }))
    );
    // The Danish preset texts, not the English ones.
    expect(response.body.data.journeyStages[0].label).not.toBe('Awareness');
    const unknown = await graphql('{ journeyStages(locale: "xx") { key } }');
    const restUnknown = await http().get('/api/journey/stages?locale=xx');
    expect(restUnknown.status).toBe(400);
    expect(unknown.body.errors?.[0]).toMatchObject({
      message: restUnknown.body.error.message,
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });
});

describe("Strapi's own queries of tagged types and personas", () => {
  it('filter on journeyStage', async () => {
    const response = await graphql(
      '{ articles(filters: { journeyStage: { eq: "awareness" } }) { title journeyStage } }'
    );
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data.articles).toEqual([{ title: 'Delivery', journeyStage: 'awareness' }]);
    const none = await graphql(
      '{ articles(filters: { journeyStage: { eq: "decision" } }) { title } }'
    );
    expect(none.body.data.articles).toEqual([]);
  });

  it('list personas and one persona by documentId with plugin::journey.persona.find', async () => {
    const list = await graphql('{ journeyPersonas(sort: "name:asc") { documentId name slug } }');
    expect(list.body.errors).toBeUndefined();
    expect(list.body.data.journeyPersonas).toEqual([
      { documentId: ids.buyer, name: 'Buyer', slug: 'buyer' },
      { documentId: ids.owner, name: 'Owner', slug: 'owner' },
    ]);
    const one = await graphql(`{ journeyPersona(documentId: "${ids.owner}") { name } }`);
    expect(one.body.errors).toBeUndefined();
    expect(one.body.data.journeyPersona).toEqual({ name: 'Owner' });

    await setPublicPermission(app.strapi, CONTENT_API_ACTIONS.personas, false);
    try {
      const refused = await graphql(`{ journeyPersona(documentId: "${ids.owner}") { name } }`);
      expect(refused.body.errors[0].extensions.code).toBe('FORBIDDEN');
    } finally {
      await setPublicPermission(app.strapi, CONTENT_API_ACTIONS.personas, true);
    }
  });
});

describe('images, SEO and relations on items', () => {
  const LINKED_QUERY = `
    fragment CtaLinks on JourneyContentCta { label landingPage { title hero { url } } form { name } }
    query {
      journeyContent(stage: [retention]) {
        data {
          __typename documentId
          ... on JourneyContentBlogPost {
            title cover { url name } seo { metaTitle metaDescription shareImage { url } }
          }
          ... on JourneyContentLandingPage { title hero { url } }
          ...CtaLinks
        }
      }
    }`;

  beforeAll(async () => {
    const { strapi } = app;
    const [cover, share, hero] = [
      await createImage(strapi, 'cover.png'),
      await createImage(strapi, 'share.png'),
      await createImage(strapi, 'hero.png'),
    ];
    ids.page = await createEntry(strapi, {
      uid: 'plugin::journey.landing-page',
      data: { title: 'Book a table', headline: 'Tonight', hero },
      stage: 'retention',
      publishedAt: '2026-02-01T10:00:00.000Z',
    });
    ids.post = await createEntry(strapi, {
      uid: 'plugin::journey.blog-post',
      data: {
        title: 'Regulars',
        cover,
        seo: { metaTitle: 'Keep regulars', metaDescription: 'How', shareImage: share },
      },
      stage: 'retention',
      publishedAt: '2026-02-02T10:00:00.000Z',
    });
    // A draft edit after publishing: every answer below must still show the published title.
    await strapi
      .documents('plugin::journey.landing-page' as never)
      .update({ documentId: ids.page, data: { title: 'Unpublished title' } } as never);
    // Never published: the published CTA has no form to show, whatever its draft links.
    const draftForm = await createEntry(strapi, {
      uid: 'plugin::journey.form',
      data: { name: 'Draft form', fields: [] },
      stage: 'retention',
    });
    ids.linkedCta = await createEntry(strapi, {
      uid: 'plugin::journey.cta',
      data: { label: 'Reserve', url: '/reserve', landingPage: ids.page, form: draftForm },
      stage: 'retention',
      publishedAt: '2026-02-03T10:00:00.000Z',
    });
  });

  it('serves the selected images, components and relations, published only', async () => {
    const response = await graphql(LINKED_QUERY);
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data.journeyContent.data).toEqual([
      {
        __typename: 'JourneyContentCta',
        documentId: ids.linkedCta,
        label: 'Reserve',
        landingPage: { title: 'Book a table', hero: { url: '/uploads/hero.png' } },
        form: null,
      },
      {
        __typename: 'JourneyContentBlogPost',
        documentId: ids.post,
        title: 'Regulars',
        cover: { url: '/uploads/cover.png', name: 'cover.png' },
        seo: {
          metaTitle: 'Keep regulars',
          metaDescription: 'How',
          shareImage: { url: '/uploads/share.png' },
        },
      },
      {
        __typename: 'JourneyContentLandingPage',
        documentId: ids.page,
        title: 'Book a table',
        hero: { url: '/uploads/hero.png' },
      },
    ]);
  });

  it('loads only what the query selects, in one populate for the page', async () => {
    const content = app.strapi.plugin('journey').service('content');
    const find = jest.spyOn(content, 'find');
    try {
      await graphql('{ journeyContent(stage: [retention]) { data { documentId } } }');
      await graphql(LINKED_QUERY);
      expect(find.mock.calls.map(([query]) => (query as { populate?: unknown }).populate)).toEqual([
        undefined,
        { cover: true, seo: true, hero: true, landingPage: true, form: true },
      ]);
    } finally {
      find.mockRestore();
    }
  });

  it('hides a relation to a type the role cannot read, as REST populate does', async () => {
    await setPublicPermission(app.strapi, 'plugin::journey.landing-page.find', false);
    try {
      const response = await graphql(LINKED_QUERY);
      expect(response.body.errors).toBeUndefined();
      const cta = response.body.data.journeyContent.data[0];
      expect(cta).toEqual(expect.objectContaining({ label: 'Reserve', landingPage: null }));
      // The page itself is still listed: it is content the role may list through the plugin.
      expect(response.body.data.journeyContent.data[2].hero).toEqual({ url: '/uploads/hero.png' });
    } finally {
      await setPublicPermission(app.strapi, 'plugin::journey.landing-page.find', true);
    }
  });
});

describe('resolvers', () => {
  /** Per type, its fields that run through a resolver ("wrapped") rather than a plain read. */
  const resolvedFields = (typeNames: string[]) => {
    // The schema as the plugin's patch of buildSchema leaves it (graphql/plain-fields.ts).
    const schema = app.strapi.plugin('graphql').service('content-api').buildSchema();
    return Object.fromEntries(
      typeNames.map((name) => {
        const fields = Object.values(schema.getType(name).getFields()) as Array<{
          name: string;
          resolve?: unknown;
        }>;
        return [name, fields.filter((field) => field.resolve).map((field) => field.name)];
      })
    );
  };

  it("serve the plugin's own types without Strapi's per-field wrapper; Strapi's types keep it", () => {
    expect(
      resolvedFields([
        'JourneyContentPage',
        'JourneyContentPageMeta',
        'JourneyContentBlogPost',
        'JourneyContentCta',
        'JourneyPersonaRef',
        'JourneyStageInfo',
      ])
    ).toEqual({
      JourneyContentPage: [],
      JourneyContentPageMeta: [],
      JourneyContentBlogPost: [],
      JourneyContentCta: [],
      JourneyPersonaRef: [],
      JourneyStageInfo: [],
    });
    const strapiTypes = resolvedFields(['Pagination', 'UploadFile', 'JourneyCta']);
    expect(strapiTypes.Pagination).toEqual(['total', 'page', 'pageSize', 'pageCount']);
    // Strapi's own types: every field wrapped (auth, policies, the draft guard on relations).
    expect(strapiTypes.UploadFile).toEqual(expect.arrayContaining(['url', 'name']));
    expect(strapiTypes.JourneyCta).toEqual(expect.arrayContaining(['label', 'landingPage']));
    expect(resolvedFields(['Query']).Query).toEqual(
      expect.arrayContaining(['journeyContent', 'journeyNextContent', 'journeyStages'])
    );
  });
});

describe('other boots', () => {
  // One Strapi at a time in a process: the shared instance goes first.
  beforeAll(async () => {
    await app.stop();
    app = undefined as unknown as TestApp;
  });

  it('stage keys with dashes are enum values with underscores, mapped back to the keys', async () => {
    const other = await bootStrapi({ pluginConfig: { stages: 'five-step' } });
    try {
      const { strapi } = other;
      await setPublicPermission(strapi, CONTENT_API_ACTIONS.content, true);
      await setPublicPermission(strapi, CONTENT_API_ACTIONS.next, true);
      const cta = await createEntry(strapi, {
        uid: 'plugin::journey.cta',
        data: { label: 'Renew', url: '/renew' },
        stage: 'post-purchase',
        publishedAt: '2026-01-01T10:00:00.000Z',
      });
      const server = request(strapi.server.httpServer);
      const response = await server.post('/graphql').send({
        query: `{
          journeyContent(stage: [post_purchase]) { data { documentId stage journeyStage } }
          journeyNextContent(stage: decision) { data { documentId } meta { stage } }
        }`,
      });
      expect(response.body.errors).toBeUndefined();
      expect(response.body.data).toEqual({
        journeyContent: {
          data: [{ documentId: cta, stage: 'post-purchase', journeyStage: 'post_purchase' }],
        },
        journeyNextContent: { data: [{ documentId: cta }], meta: { stage: 'post_purchase' } },
      });
    } finally {
      await other.stop();
    }
  });

  it('without the GraphQL plugin: boots, serves REST as before and has no /graphql', async () => {
    const other = await bootStrapi({
      pluginConfig: { stages: 'default', contentTypes: ['api::article.article'] },
      plugins: { graphql: { enabled: false } },
    });
    try {
      expect(other.strapi.plugin('graphql')).toBeUndefined();
      await setPublicPermission(other.strapi, CONTENT_API_ACTIONS.stages, true);
      const server = request(other.strapi.server.httpServer);
      const stages = await server.get('/api/journey/stages');
      expect(stages.status).toBe(200);
      expect(stages.body.data).toHaveLength(5);
      const graphqlCall = await server
        .post('/graphql')
        .send({ query: '{ journeyStages { key } }' });
      // No GraphQL route: only Strapi's catch-all GET (the admin panel) matches the path.
      expect(graphqlCall.status).toBe(405);
      expect(graphqlCall.body).toEqual({});
    } finally {
      await other.stop();
    }
  });
});

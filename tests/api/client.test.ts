/**
 * The typed client (`strapi-plugin-journey/client`) against the real playground listening on a
 * loopback port, with the demo content: every method, the locale default, the token, the fetch
 * override and the error type. No mocks: the client talks HTTP to Strapi.
 */
import {
  createJourneyClient,
  JourneyApiError,
  JourneyFormError,
  toQueryString,
  type JourneyClient,
} from '../../shared/client';
import { seedDemoContent } from '../../playground/src/seed';
import {
  DEMO_BLOG_POSTS,
  DEMO_CTAS,
  DEMO_FORMS,
  DEMO_LANDING_PAGES,
  DEMO_PERSONAS,
  type DemoStage,
} from '../../playground/src/seed/demo-content';
import { adminToken } from '../helpers/admin';
import { setPublicPermission } from '../helpers/fixtures';
import { bootStrapi, listenOnFreePort, type TestApp } from '../helpers/strapi';

let app: TestApp;
let baseUrl: string;
let journey: JourneyClient;

beforeAll(async () => {
  app = await bootStrapi();
  await seedDemoContent(app.strapi);
  baseUrl = await listenOnFreePort(app);
  journey = createJourneyClient({ baseUrl });
});

afterAll(async () => {
  if (app?.strapi.server.httpServer.listening)
    await new Promise((resolve) => app.strapi.server.httpServer.close(resolve));
  await app?.stop();
});

/** Titles (or label/name) of published demo entries at a stage, optionally for one persona and locale. */
const demoTitles = (stage: DemoStage, persona?: string, locale: 'en' | 'da' = 'en') => {
  const all = [
    ...DEMO_BLOG_POSTS.map((e) => ({ ...e, title: e[locale]?.title })),
    ...DEMO_LANDING_PAGES.map((e) => ({ ...e, title: e[locale]?.title })),
    ...DEMO_CTAS.map((e) => ({ ...e, title: e[locale]?.label })),
    ...DEMO_FORMS.map((e) => ({ ...e, title: e[locale]?.name })),
  ];
  return all
    .filter((e) => e.published && e.stage === stage && e.title !== undefined)
    .filter((e) => persona === undefined || e.personas.includes(persona))
    .map((e) => e.title as string)
    .sort();
};

const titleOf = (item: Record<string, unknown>) =>
  (item.title ?? item.label ?? item.name) as string;

describe('createJourneyClient', () => {
  it('stages() lists the configured stages in journey order', async () => {
    const { data } = await journey.stages();
    expect(data.map((stage) => stage.key)).toEqual([
      'awareness',
      'consideration',
      'decision',
      'retention',
      'advocacy',
    ]);
  });

  it('stages() answers in the locale of the client or the call, as GET /stages?locale=', async () => {
    const rest = await fetch(`${baseUrl}/api/journey/stages?locale=da`).then((r) => r.json());
    expect(rest.meta).toEqual({ locale: 'da' });
    expect(await journey.stages({ locale: 'da' })).toEqual(rest);
    expect(await createJourneyClient({ baseUrl, locale: 'da' }).stages()).toEqual(rest);
    const english = await journey.stages();
    expect(english.meta).toEqual({ locale: 'en' });
    expect(english.data[0].label).not.toBe(rest.data[0].label);
  });

  it('personas() lists the published demo personas by name', async () => {
    const { data } = await journey.personas();
    expect(data.map((persona) => persona.slug)).toEqual(
      [...DEMO_PERSONAS].sort((a, b) => a.name.localeCompare(b.name)).map((p) => p.slug)
    );
  });

  it('content() filters by stage and persona, with exact pagination', async () => {
    const expected = demoTitles('consideration', 'b2b-buyer');
    expect(expected.length).toBeGreaterThan(2);
    const { data, meta } = await journey.content({
      stage: 'consideration',
      persona: 'b2b-buyer',
      pageSize: 100,
    });
    expect(data.map(titleOf).sort()).toEqual(expected);
    expect(meta.pagination).toEqual({
      page: 1,
      pageSize: 100,
      pageCount: 1,
      total: expected.length,
    });
    expect(data.every((item) => item.stage === 'consideration' && item.locale === 'en')).toBe(true);

    const page2 = await journey.content({
      stage: 'consideration',
      persona: 'b2b-buyer',
      pageSize: 2,
      page: 2,
    });
    expect(page2.meta.pagination).toEqual({
      page: 2,
      pageSize: 2,
      pageCount: Math.ceil(expected.length / 2),
      total: expected.length,
    });
  });

  it('applies the client locale by default, and a call’s own locale wins', async () => {
    const danish = createJourneyClient({ baseUrl, locale: 'da' });
    const expectedDa = demoTitles('awareness', undefined, 'da');
    expect(expectedDa.length).toBeGreaterThan(0);
    const da = await danish.content({ stage: 'awareness', pageSize: 100 });
    expect(da.data.map(titleOf).sort()).toEqual(expectedDa);
    expect(da.data.every((item) => item.locale === 'da')).toBe(true);

    const en = await danish.content({ stage: 'awareness', pageSize: 100, locale: 'en' });
    expect(en.data.map(titleOf).sort()).toEqual(demoTitles('awareness'));
  });

  it('nextContent() answers the stage after the given one', async () => {
    const { data, meta } = await journey.nextContent({
      stage: 'awareness',
      persona: 'b2b-buyer',
      pageSize: 100,
    });
    expect(meta.stage).toBe('consideration');
    expect(data.map(titleOf).sort()).toEqual(demoTitles('consideration', 'b2b-buyer'));

    const last = await journey.nextContent({ stage: 'advocacy' });
    expect(last.data).toEqual([]);
    expect(last.meta.stage).toBeNull();
  });

  it('content() passes populate in Strapi’s syntax: images of the types that have them', async () => {
    const { data } = await journey.content({
      stage: 'awareness',
      pageSize: 100,
      populate: { cover: true, hero: true },
    });
    const pages = data.filter((item) => item.type === 'blog-post' || item.type === 'landing-page');
    expect(pages.length).toBe(
      [...DEMO_BLOG_POSTS, ...DEMO_LANDING_PAGES].filter(
        (e) => e.published && e.stage === 'awareness'
      ).length
    );
    for (const item of pages) {
      const image = (item.type === 'blog-post' ? item.cover : item.hero) as { url: string };
      expect(image.url).toMatch(/^\/uploads\/.+\.png$/);
    }
  });

  it('entryBySlug() finds a published post by slug, populated; null for an unknown slug', async () => {
    const post = DEMO_BLOG_POSTS.find((e) => e.published && e.da);
    if (!post?.da) throw new Error('the demo content has no published post with a Danish version');
    const found = await journey.entryBySlug('blog-post', post.en.slug, {
      populate: { cover: true, seo: { populate: { shareImage: true } } },
    });
    expect(found).toMatchObject({
      title: post.en.title,
      slug: post.en.slug,
      excerpt: post.en.excerpt,
      locale: 'en',
      journeyStage: post.stage,
    });
    expect(found?.cover?.url).toMatch(/^\/uploads\/.+\.png$/);
    expect(found?.seo?.metaTitle).toEqual(expect.any(String));
    expect(found?.seo?.shareImage?.url).toMatch(/^\/uploads\/.+\.png$/);

    // Slugs are per locale: the Danish slug answers in Danish only.
    const danish = createJourneyClient({ baseUrl, locale: 'da' });
    expect((await danish.entryBySlug('blog-post', post.da.slug))?.title).toBe(post.da.title);
    expect(await journey.entryBySlug('blog-post', post.da.slug)).toBeNull();
    expect(await journey.entryBySlug('blog-post', 'no-such-post')).toBeNull();

    const draft = DEMO_BLOG_POSTS.find((e) => !e.published);
    if (!draft) throw new Error('the demo content has no draft post');
    expect(await journey.entryBySlug('blog-post', draft.en.slug)).toBeNull();
  });

  it('reads drafts with status: draft only with a token holding the preview permission', async () => {
    const draft = DEMO_BLOG_POSTS.find((e) => !e.published);
    if (!draft) throw new Error('the demo content has no draft post');
    await expect(
      journey.entryBySlug('blog-post', draft.en.slug, { status: 'draft' })
    ).rejects.toMatchObject({ status: 403, errorName: 'ForbiddenError' });

    const tokens = app.strapi.service('admin::api-token');
    const permissions = ['plugin::journey.blog-post.find', 'plugin::journey.blog-post.findOne'];
    const { accessKey: readOnly } = await tokens.create({
      name: 'client preview without permission',
      type: 'custom',
      permissions,
      lifespan: null,
    });
    await expect(
      createJourneyClient({ baseUrl, token: readOnly }).entryBySlug('blog-post', draft.en.slug, {
        status: 'draft',
      })
    ).rejects.toMatchObject({ status: 403, errorName: 'ForbiddenError' });

    const { accessKey } = await tokens.create({
      name: 'client preview',
      type: 'custom',
      permissions: [...permissions, 'plugin::journey.preview.drafts'],
      lifespan: null,
    });
    const preview = createJourneyClient({ baseUrl, token: accessKey });
    const found = await preview.entryBySlug('blog-post', draft.en.slug, { status: 'draft' });
    expect(found).toMatchObject({ title: draft.en.title, slug: draft.en.slug, publishedAt: null });
    const { data } = await preview.entry('blog-post', found!.documentId, { status: 'draft' });
    expect(data).toMatchObject({ title: draft.en.title, publishedAt: null });
    // Without status the same token reads what is published: the draft post has nothing.
    expect(await preview.entryBySlug('blog-post', draft.en.slug)).toBeNull();
  });

  it('entry() reads one entry by documentId; an unknown one is a 404 JourneyApiError', async () => {
    const page = DEMO_LANDING_PAGES.find((e) => e.published);
    if (!page) throw new Error('the demo content has no published landing page');
    const bySlug = await journey.entryBySlug('landing-page', page.en.slug);
    if (!bySlug) throw new Error(`landing page ${page.en.slug} not found by slug`);
    const { data } = await journey.entry('landing-page', bySlug.documentId, {
      populate: { hero: true },
    });
    expect(data).toMatchObject({
      documentId: bySlug.documentId,
      title: page.en.title,
      headline: page.en.headline,
    });
    expect(data.hero?.url).toMatch(/^\/uploads\/.+\.png$/);

    await expect(journey.entry('blog-post', 'nosuchdocumentid000000000')).rejects.toMatchObject({
      status: 404,
      errorName: 'NotFoundError',
    });
  });

  it('throws a JourneyApiError carrying Strapi’s error shape on a bad parameter', async () => {
    const failure = journey.content({ stage: 'awarness' });
    await expect(failure).rejects.toBeInstanceOf(JourneyApiError);
    const error = (await failure.catch((e: unknown) => e)) as JourneyApiError;
    expect(error.status).toBe(400);
    expect(error.errorName).toBe('ValidationError');
    expect(error.message).toBe(
      'Unknown journey stage "awarness". Valid stages: awareness, consideration, decision, retention, advocacy.'
    );
    expect(error.details.errors?.[0]).toMatchObject({ path: ['stage'], value: 'awarness' });
    expect(error.url).toBe(`${baseUrl}/api/journey/content?stage=awarness`);
  });

  it('sends the token as a Bearer header (an API token opens what Public may not see)', async () => {
    await setPublicPermission(app.strapi, 'plugin::journey.stage.find', false);
    try {
      const anonymous = journey.stages();
      await expect(anonymous).rejects.toMatchObject({ status: 403, errorName: 'ForbiddenError' });

      const { accessKey } = await app.strapi.service('admin::api-token').create({
        name: 'client test',
        type: 'read-only',
        lifespan: null,
      });
      const withToken = createJourneyClient({ baseUrl, token: accessKey });
      expect((await withToken.stages()).data).toHaveLength(5);

      const badToken = createJourneyClient({ baseUrl, token: 'not-a-token' });
      await expect(badToken.stages()).rejects.toMatchObject({
        status: 401,
        errorName: 'UnauthorizedError',
      });
    } finally {
      await setPublicPermission(app.strapi, 'plugin::journey.stage.find', true);
    }
  });

  it('uses the fetch it is given', async () => {
    const requested: string[] = [];
    const recording = createJourneyClient({
      baseUrl: `${baseUrl}/`,
      fetch: (input, init) => {
        requested.push(String(input));
        return fetch(input, init);
      },
    });
    await recording.content({ stage: 'advocacy', persona: 'b2b-buyer,restaurant-owner' });
    expect(requested).toEqual([
      `${baseUrl}/api/journey/content?stage=advocacy&persona=b2b-buyer%2Crestaurant-owner`,
    ]);
  });

  it('reports a non-Strapi error body with a synthesized Strapi shape', async () => {
    const proxy = createJourneyClient({
      baseUrl,
      fetch: async () => new Response('<html>Bad gateway</html>', { status: 502 }),
    });
    await expect(proxy.stages()).rejects.toMatchObject({
      status: 502,
      errorName: 'HttpError',
      error: { status: 502, name: 'HttpError', details: {} },
    });
  });
});

describe('client.track', () => {
  /** Node's fetch says "node" as its user agent, which the server rightly takes for a bot. */
  const BROWSER =
    'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
  const asBrowser: typeof fetch = (input, init) =>
    fetch(input, { ...init, headers: { ...(init?.headers as object), 'User-Agent': BROWSER } });

  it('track + flush reach the server, and the Performance API shows the exact numbers', async () => {
    const token = await adminToken(app.strapi);
    const performance = async () => {
      const response = await fetch(`${baseUrl}/journey/performance`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      expect(response.status).toBe(200);
      return (await response.json()).data as {
        funnel: Array<{ stage: string; views: number; clicks: number; conversions: number }>;
        totals: { views: number; clicks: number; conversions: number };
      };
    };
    const before = await performance();
    expect(before.totals).toMatchObject({ views: 0, clicks: 0, conversions: 0 });

    const tracker = createJourneyClient({
      baseUrl,
      locale: 'en',
      persona: 'b2b-buyer',
      fetch: asBrowser,
    });
    const awareness = (await journey.content({ stage: 'awareness', pageSize: 100 })).data;
    const decision = (await journey.content({ stage: 'decision', pageSize: 100 })).data;
    const post = awareness.find((item) => item.type === 'blog-post')!;
    const cta = awareness.find((item) => item.type === 'cta')!;
    const decisionPage = decision.find((item) => item.type !== 'cta')!;
    expect([post, cta, decisionPage].every(Boolean)).toBe(true);

    for (let n = 0; n < 3; n += 1) tracker.trackView(post);
    tracker.trackView(cta);
    tracker.trackClick(post, cta.documentId);
    tracker.trackView(decisionPage, { stage: 'decision' });
    tracker.trackConversion(decisionPage);
    tracker.track({ type: 'view', documentId: 'no-such-document', contentType: 'blog-post' });
    const answer = await tracker.flush();
    expect(answer).toEqual({
      data: {
        accepted: 7,
        dropped: [
          {
            index: 7,
            reason: 'unknown-document',
            message: 'No published blog-post with documentId "no-such-document" in locale "en".',
          },
        ],
        notCounted: null,
      },
    });

    await app.strapi.plugin('journey').service('analytics').flush();
    const after = await performance();
    expect(after.totals).toMatchObject({ views: 5, clicks: 1, conversions: 1 });
    const step = (stage: string) => after.funnel.find((s) => s.stage === stage);
    expect(step('awareness')).toMatchObject({ views: 4, clicks: 1, conversions: 0 });
    expect(step('decision')).toMatchObject({ views: 1, clicks: 0, conversions: 1 });
  });

  it('is answered "not counted" when it looks like a bot (Node’s own fetch)', async () => {
    const { data } = await journey.content({ stage: 'awareness', pageSize: 1 });
    const fromNode = createJourneyClient({ baseUrl });
    fromNode.trackView(data[0]);
    expect(await fromNode.flush()).toEqual({
      data: { accepted: 0, dropped: [], notCounted: 'bot' },
    });
  });
});

describe('client.submit', () => {
  const BROWSER =
    'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
  const asBrowser: typeof fetch = (input, init) =>
    fetch(input, { ...init, headers: { ...(init?.headers as object), 'User-Agent': BROWSER } });

  /** The published English demo quote request form (a select, a number, a textarea...). */
  const quoteForm = async () =>
    (await app.strapi.db.query('plugin::journey.form').findOne({
      where: { name: 'Quote request', locale: 'en', publishedAt: { $notNull: true } },
    })) as { documentId: string };

  it('stores a valid submission with the client locale and the visitor, as the admin API lists it', async () => {
    const form = await quoteForm();
    const client = createJourneyClient({ baseUrl, locale: 'en', fetch: asBrowser });
    client.setVisitor({ persona: 'b2b-buyer', stage: 'decision' });

    const created = await client.submit(form.documentId, {
      companyName: 'Acme',
      workEmail: 'buyer@acme.example',
      plan: 'business',
      numberOfUsers: 12,
      requirements: 'SSO',
    });
    expect(created).toEqual({ id: expect.any(String), createdAt: expect.any(String) });
    expect(Date.parse(created.createdAt)).not.toBeNaN();

    const token = await adminToken(app.strapi);
    const response = await fetch(`${baseUrl}/journey/submissions/${created.id}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(200);
    const { data } = await response.json();
    expect(data).toMatchObject({
      id: created.id,
      createdAt: created.createdAt,
      form: { documentId: form.documentId, name: 'Quote request', locale: 'en' },
      stage: 'decision',
      persona: 'b2b-buyer',
      data: {
        companyName: 'Acme',
        workEmail: 'buyer@acme.example',
        plan: 'business',
        numberOfUsers: 12,
        requirements: 'SSO',
      },
      context: { locale: 'en', persona: 'b2b-buyer', stage: 'decision' },
    });
  });

  it('rejects invalid values with a JourneyFormError: the exact message of each field, nothing stored', async () => {
    const form = await quoteForm();
    const client = createJourneyClient({ baseUrl, locale: 'en', fetch: asBrowser });
    const count = () => app.strapi.db.query('plugin::journey.submission').count({});
    const before = await count();

    let caught: unknown;
    try {
      await client.submit(form.documentId, {
        companyName: '',
        workEmail: 'not-an-email',
        plan: 'gold',
        numberOfUsers: 'many',
        favouriteColour: 'blue',
      });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(JourneyFormError);
    const error = caught as JourneyFormError;
    expect(error.status).toBe(400);
    expect(error.errorName).toBe('ValidationError');
    expect(error.fieldErrors).toEqual({
      favouriteColour: 'This form has no such field.',
      companyName: 'This field is required.',
      workEmail: 'Enter a valid email address.',
      plan: 'Choose one of: Starter, Business, Enterprise.',
      numberOfUsers: 'Enter a number.',
    });
    expect(await count()).toBe(before);
  });

  it('rejects a form not published in the locale with a 404 JourneyApiError', async () => {
    const form = await quoteForm();
    // The quote request form has no Danish version.
    const danish = createJourneyClient({ baseUrl, locale: 'da', fetch: asBrowser });
    await expect(danish.submit(form.documentId, { companyName: 'Acme' })).rejects.toMatchObject({
      name: 'JourneyApiError',
      status: 404,
      errorName: 'NotFoundError',
    });
  });
});

describe('toQueryString', () => {
  it('writes Strapi’s bracket syntax for nested populate, fields and filters', () => {
    expect(
      decodeURIComponent(
        toQueryString({
          populate: { cover: true, seo: { populate: 'shareImage' } },
          fields: ['title', 'slug'],
          filters: { slug: { $eq: 'a b' } },
          locale: undefined,
        })
      )
    ).toBe(
      '?populate[cover]=true&populate[seo][populate]=shareImage&fields[0]=title&fields[1]=slug&filters[slug][$eq]=a b'
    );
    expect(toQueryString({})).toBe('');
  });
});

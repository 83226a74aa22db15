import request from 'supertest';
import { createEntry, createPersona } from '../helpers/fixtures';
import { bootStrapi, type TestApp } from '../helpers/strapi';

/**
 * Private attributes never leave the CMS, for every tagged type in every locale, through every
 * read the plugin serves or shapes: /content and /content/next (plain, populate=*, and fields
 * naming the private attribute), Strapi's REST of each type, and GraphQL. The test finds the
 * private attributes itself, from the running schema, so a type or field added later is covered.
 */
const DOSSIER = 'api::dossier.dossier';
const LOCALES = ['en', 'da'];
const dossier = {
  kind: 'collectionType',
  collectionName: 'dossiers',
  info: { singularName: 'dossier', pluralName: 'dossiers', displayName: 'Dossier' },
  options: { draftAndPublish: true },
  pluginOptions: { i18n: { localized: true } },
  attributes: {
    title: { type: 'string', pluginOptions: { i18n: { localized: true } } },
    // One private text per locale, one shared by the locales, one private JSON.
    secretText: { type: 'text', private: true, pluginOptions: { i18n: { localized: true } } },
    secretCode: { type: 'string', private: true, pluginOptions: { i18n: { localized: false } } },
    secretData: { type: 'json', private: true, pluginOptions: { i18n: { localized: false } } },
  },
};

let app: TestApp;
const http = () => request(app.strapi.server.httpServer);
/** Tagged type name -> its private attribute names, read from the running schema. */
const privateAttributes = new Map<string, string[]>();
const MARK = 'PRIVATE-MARK';

beforeAll(async () => {
  app = await bootStrapi({
    pluginConfig: { stages: 'default', contentTypes: ['api::article.article', DOSSIER] },
    extraContentTypes: { dossier },
  });
  const { strapi } = app;
  const owner = await createPersona(strapi, { name: 'Owner' });
  const tagging = strapi.plugin('journey').service('tagging');
  for (const type of tagging.types as Array<{ name: string; uid: string }>) {
    const attributes = strapi.contentType(type.uid as never).attributes as Record<
      string,
      { type: string; private?: boolean }
    >;
    // createdBy and updatedBy are private relations Strapi fills itself; the user's own are values.
    const secret = Object.entries(attributes)
      .filter(([, attribute]) => attribute.private && attribute.type !== 'relation')
      .map(([name]) => name);
    privateAttributes.set(type.name, secret);
    if (secret.length === 0) continue;
    const marked = (locale: string) =>
      Object.fromEntries(
        secret.map((name) => [
          name,
          attributes[name].type === 'json' ? { mark: `${MARK}-${locale}` } : `${MARK}-${locale}`,
        ])
      );
    const required = Object.fromEntries(
      Object.entries(attributes)
        .filter(
          ([name, attribute]) =>
            (attribute as { required?: boolean }).required && !secret.includes(name)
        )
        .map(([name]) => [name, `${type.name} title`])
    );
    await createEntry(strapi, {
      uid: type.uid,
      data: { title: `${type.name} in en`, ...required, ...marked('en') },
      stage: 'awareness',
      personas: [owner.documentId],
      publishedAt: '2026-05-01T10:00:00.000Z',
      translations: { da: { title: `${type.name} på dansk`, ...required, ...marked('da') } },
    });
  }
}, 120_000);

afterAll(async () => {
  await app?.stop();
});

it('finds private attributes on the tagged types it is meant to check', () => {
  expect(privateAttributes.get('article')).toEqual(['internalNotes']);
  expect(privateAttributes.get('dossier')).toEqual(['secretText', 'secretCode', 'secretData']);
});

it('keeps them out of every REST read, in every locale', async () => {
  let checked = 0;
  for (const [type, secret] of privateAttributes) {
    if (secret.length === 0) continue;
    for (const locale of LOCALES) {
      const urls = [
        `/api/journey/content?type=${type}&locale=${locale}`,
        `/api/journey/content?type=${type}&locale=${locale}&populate=*`,
        `/api/journey/content/next?stage=awareness&type=${type}&locale=${locale}`,
        // Strapi's own REST, for the types that have routes (the test's extra type has none).
        ...(type === 'article' ? [`/api/articles?locale=${locale}&populate=*`] : []),
      ];
      for (const url of urls) {
        const response = await http().get(url);
        expect({ url, status: response.status }).toEqual({ url, status: 200 });
        expect({ url, leaked: JSON.stringify(response.body).includes(MARK) }).toEqual({
          url,
          leaked: false,
        });
        checked += 1;
      }
      // The entry itself was there to leak: its title is served.
      const listed = await http().get(`/api/journey/content?type=${type}&locale=${locale}`);
      expect(listed.body.data).toHaveLength(1);
      for (const name of secret) {
        const url = `/api/journey/content?type=${type}&locale=${locale}&fields=title,${name}`;
        const response = await http().get(url);
        expect({ url, leaked: JSON.stringify(response.body).includes(MARK) }).toEqual({
          url,
          leaked: false,
        });
        expect(response.status).toBeLessThan(500);
        checked += 1;
      }
    }
  }
  expect(checked).toBe(2 * (4 + 3) + 2 * (1 + 3));
});

it('keeps them out of GraphQL, where the types do not even have them', async () => {
  const introspect = await http()
    .post('/graphql')
    .send({ query: '{ __type(name: "JourneyContentArticle") { fields { name } } }' });
  const fields = introspect.body.data.__type.fields.map((field: { name: string }) => field.name);
  expect(fields).toContain('title');
  expect(fields).not.toContain('internalNotes');
  for (const locale of LOCALES) {
    const response = await http()
      .post('/graphql')
      .send({
        query: `query($locale: String) { journeyContent(type: ["article", "dossier"], locale: $locale) {
          data { __typename documentId ... on JourneyContentArticle { title } } } }`,
        variables: { locale },
      });
    expect(response.status).toBe(200);
    expect(response.body.data.journeyContent.data).toHaveLength(2);
    expect(JSON.stringify(response.body)).not.toContain(MARK);
  }
});

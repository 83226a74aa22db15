import request from 'supertest';
import { adminToken } from '../helpers/admin';
import { createEntry, createPersona } from '../helpers/fixtures';
import { bootStrapi, type TestApp } from '../helpers/strapi';

/*
 * The stage model in the team's languages: /api/journey/stages?locale=, the admin's editor config
 * with every locale's texts, coverage labels and the CSV export in the requested locale (the
 * startup check of the locale codes is in config.test.ts). The playground has the locales en (default) and da; fr is
 * added here as a locale the presets have no texts for.
 */

let app: TestApp;
let token: string;
const http = () => request(app.strapi.server.httpServer);
const admin = (url: string) => http().get(url).set('Authorization', `Bearer ${token}`);
const locales = () => app.strapi.plugin('i18n').service('locales');

const DEFAULT_LABELS = {
  en: ['Awareness', 'Consideration', 'Decision', 'Retention', 'Advocacy'],
  da: ['Kendskab', 'Overvejelse', 'Køb', 'Brug', 'Loyalitet'],
};

beforeAll(async () => {
  app = await bootStrapi();
  await locales().create({ code: 'fr', name: 'French (fr)' });
  token = await adminToken(app.strapi);
  const persona = await createPersona(app.strapi, { name: 'Owner', slug: 'owner' });
  await createEntry(app.strapi, {
    uid: 'plugin::journey.blog-post',
    data: { title: 'Hello', slug: 'hello' },
    translations: { da: { title: 'Hej', slug: 'hej' } },
    stage: 'awareness',
    personas: [persona.documentId],
    publishedAt: '2026-01-01T00:00:00.000Z',
  });
});

afterAll(async () => {
  await app?.stop();
});

const labels = (body: { data: Array<{ label: string }> }) => body.data.map((stage) => stage.label);

describe('GET /api/journey/stages?locale=', () => {
  it('answers in the default locale without the parameter', async () => {
    const response = await http().get('/api/journey/stages');
    expect(response.status).toBe(200);
    expect(labels(response.body)).toEqual(DEFAULT_LABELS.en);
    expect(response.body.meta).toEqual({ locale: 'en' });
    expect(response.body.data[0].keywords).toEqual([
      'what is',
      'how to',
      'why does',
      'trends',
      'tips',
      'guide',
      'examples',
    ]);
  });

  it('answers in Danish with Danish guidance', async () => {
    const response = await http().get('/api/journey/stages?locale=da');
    expect(response.status).toBe(200);
    expect(response.body.meta).toEqual({ locale: 'da' });
    expect(labels(response.body)).toEqual(DEFAULT_LABELS.da);
    expect(response.body.data[0]).toEqual({
      key: 'awareness',
      label: 'Kendskab',
      order: 0,
      description:
        'Kunden har fået et behov og lærer, hvilke produkter og tjenester der findes: via annoncer, anbefalinger fra venner og familie eller sociale medier. Indholdet skal sætte ord på udfordringen og hjælpe med at forstå den, ikke sælge.',
      questions: [
        'Hvad skyldes problemet, og er det almindeligt?',
        'Hvilke løsninger findes der for en virksomhed som min?',
        'Hvad er de nyeste trends i min branche?',
        'Hvad siger venner, kolleger og andre kunder?',
      ],
      keywords: ['hvad er', 'hvordan', 'hvorfor', 'tips', 'guide', 'eksempler', 'trends'],
      touchpoints: ['SoMe', 'Søgning', 'Blogs', 'Annoncer', 'Anbefalinger', 'Messestand'],
      minimum: 3,
    });
  });

  it('falls back to the default locale for a locale without texts', async () => {
    const response = await http().get('/api/journey/stages?locale=fr');
    expect(response.status).toBe(200);
    expect(response.body.meta).toEqual({ locale: 'fr' });
    expect(labels(response.body)).toEqual(DEFAULT_LABELS.en);
  });

  it('follows a change of the default locale', async () => {
    await locales().setDefaultLocale({ code: 'da' });
    try {
      const plain = await http().get('/api/journey/stages');
      expect(plain.body.meta).toEqual({ locale: 'da' });
      expect(labels(plain.body)).toEqual(DEFAULT_LABELS.da);
      // French has no texts: the default locale's (Danish) come before English.
      expect(labels((await http().get('/api/journey/stages?locale=fr')).body)).toEqual(
        DEFAULT_LABELS.da
      );
    } finally {
      await locales().setDefaultLocale({ code: 'en' });
    }
  });

  it.each([
    ['locale=xx', 'locale', 'Unknown locale "xx". Available locales: en, da, fr.'],
    ['locale=', 'locale', '"locale" must not be empty.'],
    [
      'locale=da&locale=sv',
      'locale',
      '"locale" was given more than once. Give it once, with several values separated by commas (locale=a,b).',
    ],
    // As on every endpoint, an unknown parameter is the query's problem, not one parameter's.
    ['lang=da', null, 'Unknown parameter "lang". Allowed parameters: locale.'],
  ])('refuses %s with a 400 naming the parameter', async (query, path, message) => {
    const response = await http().get(`/api/journey/stages?${query}`);
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      data: null,
      error: {
        status: 400,
        name: 'ValidationError',
        message,
        details: { errors: [expect.objectContaining({ path: path ? [path] : [], message })] },
      },
    });
  });

  it('documents the parameter in the OpenAPI document', async () => {
    const response = await http().get('/api/journey/openapi.json');
    expect(response.status).toBe(200);
    const parameters = response.body.paths['/stages'].get.parameters;
    expect(parameters).toEqual([
      expect.objectContaining({
        name: 'locale',
        in: 'query',
        required: false,
        schema: expect.objectContaining({ enum: ['en', 'da', 'fr'] }),
      }),
    ]);
  });
});

describe('the admin in several languages', () => {
  it('gives the editor config every locale the texts are written in', async () => {
    const response = await admin('/journey/editor');
    expect(response.status).toBe(200);
    const { stages, defaultLocale } = response.body.data;
    expect(defaultLocale).toBe('en');
    expect(stages.map((stage: { label: string }) => stage.label)).toEqual(DEFAULT_LABELS.en);
    expect(Object.keys(stages[0].translations).sort()).toEqual(['da', 'en', 'nb', 'sv']);
    expect(stages.map((stage: any) => stage.translations.nb.label)).toEqual([
      'Bevissthet',
      'Vurdering',
      'Kjøp',
      'Bruk',
      'Lojalitet',
    ]);
    expect(stages[0].translations.da.keywords).toEqual([
      'hvad er',
      'hvordan',
      'hvorfor',
      'tips',
      'guide',
      'eksempler',
      'trends',
    ]);
  });

  it('labels coverage in the counted locale', async () => {
    const english = await admin('/journey/coverage');
    expect(english.body.data.stages.map((stage: any) => stage.label)).toEqual(DEFAULT_LABELS.en);
    const danish = await admin('/journey/coverage?locale=da');
    expect(danish.status).toBe(200);
    expect(danish.body.data.stages.map((stage: any) => stage.label)).toEqual(DEFAULT_LABELS.da);
    const entry = await admin('/journey/coverage/entry?stage=decision&locale=da');
    expect(entry.body.data.stage).toMatchObject({ key: 'decision', label: 'Køb' });
  });

  it("exports the CSV with the requested locale's labels", async () => {
    const response = await admin('/journey/coverage/export?format=csv&locale=da');
    expect(response.status).toBe(200);
    const rows = response.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    // One persona: per stage its cell, "(no persona)" and "(all personas)", then "(no stage)".
    expect(rows.slice(0, 4)).toEqual([
      'stage,stageLabel,persona,personaName,count,stale,minimum,status',
      'awareness,Kendskab,owner,Owner,1,0,3,thin',
      'awareness,Kendskab,(no persona),,0,0,,',
      'awareness,Kendskab,(all personas),,1,0,3,thin',
    ]);
    const stageLabels = [...new Set(rows.slice(1, -1).map((row) => row.split(',')[1]))];
    expect(stageLabels).toEqual(DEFAULT_LABELS.da);
    const english = await admin('/journey/coverage/export?format=csv');
    expect(english.text).toContain('\r\nawareness,Awareness,owner,Owner,1,0,3,thin\r\n');
  });
});

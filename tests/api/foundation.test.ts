import request from 'supertest';
import { errors } from '@strapi/utils';
import { adminToken } from '../helpers/admin';
import { journeyIndexColumns } from '../helpers/indexes';
import { bootStrapi, type TestApp } from '../helpers/strapi';

const TAGGED = [
  'plugin::journey.blog-post',
  'plugin::journey.landing-page',
  'plugin::journey.cta',
  'plugin::journey.form',
] as const;
const DEFAULT_KEYS = ['awareness', 'consideration', 'decision', 'retention', 'advocacy'];

let app: TestApp;
const documents = (uid: string) => app.strapi.documents(uid as never) as any;

/** Awaits a rejected write and returns the error for exact assertions. */
const rejection = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    return error as errors.ValidationError;
  }
  throw new Error('expected the write to be rejected');
};

beforeAll(async () => {
  app = await bootStrapi();
});
afterAll(async () => {
  await app?.stop();
});

describe('journey fields on the shipped content types', () => {
  it.each(TAGGED)('%s has journeyStage (configured keys) and personas', (uid) => {
    const { attributes } = app.strapi.contentType(uid as never) as any;
    expect(attributes.journeyStage).toMatchObject({
      type: 'enumeration',
      enum: DEFAULT_KEYS,
      configurable: false,
    });
    expect(attributes.personas).toMatchObject({
      type: 'relation',
      relation: 'manyToMany',
      target: 'plugin::journey.persona',
    });
  });

  it.each(TAGGED)('%s got a stage column and a persona link table', async (uid) => {
    const meta = app.strapi.db.metadata.get(uid) as any;
    expect(
      await app.strapi.db
        .getSchemaConnection()
        .hasColumn(meta.tableName, meta.attributes.journeyStage.columnName)
    ).toBe(true);
    expect(
      await app.strapi.db.getSchemaConnection().hasTable(meta.attributes.personas.joinTable.name)
    ).toBe(true);
  });

  it.each(TAGGED)('%s has the indexes the content API and coverage rely on', async (uid) => {
    const meta = app.strapi.db.metadata.get(uid) as any;
    expect(await journeyIndexColumns(app.strapi, meta.tableName)).toEqual({
      [`${meta.tableName}_journey_stage_idx`]: [
        'journey_stage',
        'locale',
        'published_at',
        'updated_at',
        'id',
      ],
      [`${meta.tableName}_journey_cov_idx`]: [
        'locale',
        'published_at',
        'journey_stage',
        'updated_at',
        'id',
      ],
    });
  });

  it('ships persona (not localized) and four localized kinds, all with draft & publish', () => {
    const persona = app.strapi.contentType('plugin::journey.persona' as never) as any;
    expect(persona.options.draftAndPublish).toBe(true);
    expect(persona.pluginOptions.i18n).toBeUndefined();
    expect(persona.pluginOptions['content-manager']).toEqual({ visible: true });
    for (const uid of TAGGED) {
      const contentType = app.strapi.contentType(uid as never) as any;
      expect(contentType.options.draftAndPublish).toBe(true);
      expect(contentType.pluginOptions.i18n).toEqual({ localized: true });
      expect(contentType.pluginOptions['content-manager']).toEqual({ visible: true });
    }
  });
});

describe('stage validation through the Document Service', () => {
  it('stores a configured stage and links personas', async () => {
    const persona = await documents('plugin::journey.persona').create({
      data: { name: 'Restaurant owner' },
    });
    const post = await documents('plugin::journey.blog-post').create({
      data: {
        title: 'Getting found on maps',
        journeyStage: 'awareness',
        personas: [persona.documentId],
      },
      populate: ['personas'],
    });
    expect(post.journeyStage).toBe('awareness');
    expect(post.personas.map((p: any) => p.documentId)).toEqual([persona.documentId]);
  });

  it('allows an entry with no stage yet', async () => {
    const cta = await documents('plugin::journey.cta').create({
      data: { label: 'Book a demo', url: '/demo' },
    });
    expect(cta.journeyStage).toBeNull();
  });

  it.each(TAGGED)(
    'rejects an unknown stage on create of %s, listing the valid keys',
    async (uid) => {
      const data: Record<string, Record<string, unknown>> = {
        'plugin::journey.blog-post': { title: 'x' },
        'plugin::journey.landing-page': { title: 'x' },
        'plugin::journey.cta': { label: 'x', url: '/x' },
        'plugin::journey.form': { name: 'x' },
      };
      const before = await documents(uid).count({});
      const error = await rejection(
        documents(uid).create({ data: { ...data[uid], journeyStage: 'awarness' } })
      );
      expect(error).toBeInstanceOf(errors.ValidationError);
      expect(error.message).toBe(
        'Unknown journey stage "awarness". Valid stages: awareness, consideration, decision, retention, advocacy.'
      );
      expect(error.details).toEqual({
        errors: [
          {
            path: ['journeyStage'],
            message: error.message,
            name: 'ValidationError',
            value: 'awarness',
          },
        ],
      });
      expect(await documents(uid).count({})).toBe(before);
    }
  );

  it('rejects an unknown stage on update and keeps the stored one', async () => {
    const post = await documents('plugin::journey.blog-post').create({
      data: { title: 'Menu pricing', journeyStage: 'decision' },
    });
    const error = await rejection(
      documents('plugin::journey.blog-post').update({
        documentId: post.documentId,
        data: { journeyStage: 'buy' },
      })
    );
    expect(error.message).toMatch(/^Unknown journey stage "buy"\. Valid stages: awareness, /);
    const stored = await documents('plugin::journey.blog-post').findOne({
      documentId: post.documentId,
    });
    expect(stored.journeyStage).toBe('decision');
  });

  it('rejects a stage that is not a string', async () => {
    const error = await rejection(
      documents('plugin::journey.cta').create({
        data: { label: 'x', url: '/x', journeyStage: ['awareness'] },
      })
    );
    // A list is no stage, even with a stage key in it: the message says what a stage is.
    expect(error.message).toBe(
      'The journey stage must be one of the configured keys, given as text: awareness, consideration, decision, retention, advocacy.'
    );
  });

  it('reaches editors of the Content Manager as a 400 naming the field', async () => {
    const token = await adminToken(app.strapi);
    const response = await request(app.strapi.server.httpServer)
      .post('/content-manager/collection-types/plugin::journey.blog-post')
      .set('Authorization', `Bearer ${token}`)
      .send({ title: 'From the admin', journeyStage: 'nurture' });
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({
      status: 400,
      name: 'ValidationError',
      message:
        'Unknown journey stage "nurture". Valid stages: awareness, consideration, decision, retention, advocacy.',
      details: { errors: [{ path: ['journeyStage'], name: 'ValidationError', value: 'nurture' }] },
    });
  });
});

describe('slugs', () => {
  it('makes a persona slug from its name', async () => {
    const persona = await documents('plugin::journey.persona').create({
      data: { name: 'Café & Bar Owner' },
    });
    expect(persona.slug).toBe('cafe-and-bar-owner');
  });

  it('keeps an editor-chosen slug and rejects a malformed or taken one', async () => {
    const persona = await documents('plugin::journey.persona').create({
      data: { name: 'B2B buyer', slug: 'b2b' },
    });
    expect(persona.slug).toBe('b2b');

    const malformed = await rejection(
      documents('plugin::journey.persona').create({
        data: { name: 'Startup user', slug: 'Startup User' },
      })
    );
    expect(malformed.message).toBe(
      'Slug "Startup User" is not valid: use lowercase letters, digits and single dashes (e.g. "startup-user").'
    );
    expect(malformed.details).toMatchObject({ errors: [{ path: ['slug'] }] });

    const taken = await rejection(
      documents('plugin::journey.persona').create({ data: { name: 'Other buyer', slug: 'b2b' } })
    );
    expect(taken.message).toBe(
      'Slug "b2b" is already used by another entry. Choose another or leave it empty to generate one.'
    );
  });

  it('regenerates a cleared slug from the current name', async () => {
    const persona = await documents('plugin::journey.persona').create({
      data: { name: 'Webshop manager', slug: 'shop' },
    });
    const updated = await documents('plugin::journey.persona').update({
      documentId: persona.documentId,
      data: { slug: '' },
    });
    expect(updated.slug).toBe('webshop-manager');
    // Renaming keeps the slug: links shared with frontends must not break silently.
    const renamed = await documents('plugin::journey.persona').update({
      documentId: persona.documentId,
      data: { name: 'E-commerce manager' },
    });
    expect(renamed.slug).toBe('webshop-manager');
  });

  it('keeps a persona name unique', async () => {
    await documents('plugin::journey.persona').create({ data: { name: 'Consulting client' } });
    const error = await rejection(
      documents('plugin::journey.persona').create({ data: { name: 'Consulting client' } })
    );
    expect(error).toBeInstanceOf(errors.ValidationError);
    expect(error.message).toBe(
      'A persona named "Consulting client" already exists. Persona names are unique.'
    );
  });

  it('suffixes generated slugs per locale, and lets translations reuse a slug', async () => {
    const posts = documents('plugin::journey.blog-post');
    const first = await posts.create({ locale: 'en', data: { title: 'Online booking 101' } });
    const second = await posts.create({ locale: 'en', data: { title: 'Online booking 101' } });
    expect(first.slug).toBe('online-booking-101');
    expect(second.slug).toBe('online-booking-101-2');

    const danish = await posts.update({
      documentId: first.documentId,
      locale: 'da',
      data: { title: 'Online booking 101', slug: 'online-booking-101' },
    });
    expect(danish.slug).toBe('online-booking-101');
    expect(danish.locale).toBe('da');
  });

  it('gives a new translation the stage and personas of its document; the stage stays shared', async () => {
    const persona = await documents('plugin::journey.persona').create({
      data: { name: 'Startup app user' },
    });
    const pages = documents('plugin::journey.landing-page');
    const page = await pages.create({
      locale: 'en',
      data: { title: 'Try the app', journeyStage: 'consideration', personas: [persona.documentId] },
    });
    const created = await pages.update({
      documentId: page.documentId,
      locale: 'da',
      data: { title: 'Prøv appen' },
    });
    expect(created.slug).toBe('prov-appen');
    await pages.update({
      documentId: page.documentId,
      locale: 'en',
      data: { journeyStage: 'decision' },
    });
    const danish = await pages.findOne({
      documentId: page.documentId,
      locale: 'da',
      populate: ['personas'],
    });
    expect(danish.journeyStage).toBe('decision');
    expect(danish.personas.map((p: any) => p.documentId)).toEqual([persona.documentId]);
  });
});

describe('form field definitions', () => {
  it('stores well-formed fields with defaults applied', async () => {
    const form = await documents('plugin::journey.form').create({
      data: {
        name: 'Demo request',
        journeyStage: 'decision',
        fields: [{ name: 'email', label: 'Email', type: 'email' }],
      },
    });
    expect(form.fields).toEqual([
      { name: 'email', label: 'Email', type: 'email', required: false },
    ]);
    expect(form.submitLabel).toBe('Send');
  });

  it('rejects a malformed field with its path', async () => {
    const error = await rejection(
      documents('plugin::journey.form').create({
        data: { name: 'Newsletter', fields: [{ name: 'email', label: 'Email', type: 'emial' }] },
      })
    );
    expect(error.message).toBe(
      'fields[0].type: must be one of: text, email, tel, textarea, number, select, checkbox'
    );
    expect(error.details).toEqual({
      errors: [
        {
          path: ['fields', '0', 'type'],
          message: 'must be one of: text, email, tel, textarea, number, select, checkbox',
          name: 'ValidationError',
        },
      ],
    });
  });
});

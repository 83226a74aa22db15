import type { Core } from '@strapi/strapi';

const docs = (strapi: Core.Strapi, uid: string) => strapi.documents(uid as never) as any;

export const createPersona = async (
  strapi: Core.Strapi,
  data: Record<string, unknown>,
  { publish = true } = {}
) => {
  const persona = await docs(strapi, 'plugin::journey.persona').create({ data });
  if (publish)
    await docs(strapi, 'plugin::journey.persona').publish({ documentId: persona.documentId });
  return persona as { documentId: string; slug: string; name: string };
};

export interface EntryFixture {
  uid: string;
  data: Record<string, unknown>;
  /** Persona documentIds. */
  personas?: string[];
  stage?: string | null;
  /** Publish and pin `publishedAt` to this ISO time, so ordering tests are exact. */
  publishedAt?: string;
  /** Locale versions to add: { da: { title: ... } }. */
  translations?: Record<string, Record<string, unknown>>;
}

/** Creates an entry (and translations), publishes it at a fixed time when asked; returns its documentId. */
export const createEntry = async (strapi: Core.Strapi, fixture: EntryFixture): Promise<string> => {
  const documents = docs(strapi, fixture.uid);
  const tags = { journeyStage: fixture.stage ?? null, personas: fixture.personas ?? [] };
  const entry = await documents.create({ data: { ...fixture.data, ...tags } });
  for (const [locale, data] of Object.entries(fixture.translations ?? {})) {
    await documents.update({ documentId: entry.documentId, locale, data });
  }
  if (fixture.publishedAt) {
    await documents.publish({ documentId: entry.documentId, locale: '*' });
    await strapi.db.query(fixture.uid as never).updateMany({
      where: { documentId: entry.documentId, publishedAt: { $notNull: true } },
      data: {
        publishedAt: new Date(fixture.publishedAt),
        updatedAt: new Date(fixture.publishedAt),
      },
    });
  }
  return entry.documentId;
};

/** Sets (or removes) a users-permissions action on the Public role. */
export const setPublicPermission = async (
  strapi: Core.Strapi,
  action: string,
  granted: boolean
) => {
  const role = await strapi.db
    .query('plugin::users-permissions.role')
    .findOne({ where: { type: 'public' } });
  const permissions = strapi.db.query('plugin::users-permissions.permission');
  const existing = await permissions.findOne({ where: { action, role: role.id } });
  if (granted && !existing) await permissions.create({ data: { action, role: role.id } });
  if (!granted && existing) await permissions.delete({ where: { id: existing.id } });
};

/** Grants a Users & Permissions role (by type: public, authenticated) each action; returns the role. */
export const grantRolePermissions = async (
  strapi: Core.Strapi,
  roleType: string,
  actions: readonly string[]
) => {
  const role = await strapi.db
    .query('plugin::users-permissions.role')
    .findOne({ where: { type: roleType } });
  for (const action of actions) {
    await strapi.db
      .query('plugin::users-permissions.permission')
      .create({ data: { action, role: role.id } });
  }
  return role;
};

/** Writes one analytics view straight to the rollup tables (a flush): a write no count reads. */
export const flushOneAnalyticsEvent = async (strapi: Core.Strapi) => {
  const analytics = strapi.plugin('journey').service('analytics');
  analytics.record([
    {
      day: '2026-02-07',
      typeName: 'blog-post',
      documentId: 'x',
      locale: 'en',
      eventType: 'view',
      visitorPersona: '',
      visitorStage: '',
      target: '',
      contentStage: 'decision',
      contentPersonas: [],
    },
  ]);
  await analytics.flush();
};

/** An image row as the Upload plugin stores one (the file itself is never read by the APIs under test). */
export const createImage = async (strapi: Core.Strapi, name: string) => {
  const file = await strapi.db.query('plugin::upload.file').create({
    data: {
      name,
      hash: name.replace(/\W/g, '_'),
      ext: '.png',
      mime: 'image/png',
      size: 1.5,
      width: 4,
      height: 3,
      url: `/uploads/${name}`,
      provider: 'local',
      folderPath: '/',
    },
  });
  return file.id as number;
};

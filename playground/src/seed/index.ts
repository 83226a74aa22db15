import type { Core, UID } from '@strapi/strapi';
import {
  DEMO_BLOG_POSTS,
  DEMO_CTAS,
  DEMO_FORMS,
  DEMO_LANDING_PAGES,
  DEMO_PERSONAS,
  type DemoPersona,
} from './demo-content';

/** The locales the demo uses: English (Strapi's default) and Danish, the first seed article's language. */
export const DEMO_LOCALES = [
  { code: 'en', name: 'English (en)' },
  { code: 'da', name: 'Danish (da)' },
] as const;

export const DEMO_ADMIN = {
  email: 'admin@journey.local',
  password: 'Journey-demo-1',
  firstname: 'Demo',
  lastname: 'Marketer',
} as const;

const PERSONA_UID = 'plugin::journey.persona';

/**
 * The few Document Service calls seeding needs, for a UID chosen at run time. Strapi's generated
 * types only accept literal UIDs, and the loop below walks over four of them.
 */
interface SeedDocuments {
  findFirst(params: object): Promise<{ documentId: string } | null>;
  create(params: object): Promise<{ documentId: string }>;
  update(params: object): Promise<unknown>;
  publish(params: object): Promise<unknown>;
}
const documentsOf = (strapi: Core.Strapi, uid: string) =>
  strapi.documents(uid as UID.ContentType) as unknown as SeedDocuments;

interface DemoTypeSpec {
  uid: string;
  entries: Array<{
    stage: string;
    personas: string[];
    published: boolean;
    en: Record<string, unknown>;
    da?: Record<string, unknown>;
  }>;
  /** The attribute that identifies a demo entry (in `en`), so seeding twice finds it again. */
  naturalKey: string;
}

const DEMO_TYPES: DemoTypeSpec[] = [
  { uid: 'plugin::journey.blog-post', entries: DEMO_BLOG_POSTS, naturalKey: 'slug' },
  { uid: 'plugin::journey.landing-page', entries: DEMO_LANDING_PAGES, naturalKey: 'slug' },
  { uid: 'plugin::journey.cta', entries: DEMO_CTAS, naturalKey: 'url' },
  { uid: 'plugin::journey.form', entries: DEMO_FORMS, naturalKey: 'name' },
];

export interface SeedReport {
  personasCreated: number;
  entriesCreated: number;
  entriesSkipped: number;
}

/** Creates the demo locales that are missing. Safe to run on every boot. */
export const ensureDemoLocales = async (strapi: Core.Strapi) => {
  const locales = strapi.plugin('i18n').service('locales');
  for (const locale of DEMO_LOCALES) {
    if (!(await locales.findByCode(locale.code))) await locales.create(locale);
  }
};

const personaData = (persona: DemoPersona) => ({
  name: persona.name,
  slug: persona.slug,
  description: persona.description,
  // Persona lists are stored one item per line (see the README).
  goals: persona.goals.join('\n'),
  painPoints: persona.painPoints.join('\n'),
  touchpoints: persona.touchpoints.join('\n'),
});

/**
 * Seeds the demo personas and content. Idempotent: entries are found again by their natural key
 * (slug, url or name in English) and never created twice.
 */
export const seedDemoContent = async (strapi: Core.Strapi): Promise<SeedReport> => {
  const report: SeedReport = { personasCreated: 0, entriesCreated: 0, entriesSkipped: 0 };
  const personaIds = new Map<string, string>();

  for (const persona of DEMO_PERSONAS) {
    const personas = documentsOf(strapi, PERSONA_UID);
    let existing = await personas.findFirst({ status: 'draft', filters: { slug: persona.slug } });
    if (!existing) {
      existing = await personas.create({ data: personaData(persona) });
      await personas.publish({ documentId: existing.documentId });
      report.personasCreated += 1;
    }
    personaIds.set(persona.slug, existing.documentId);
  }

  for (const { uid, entries, naturalKey } of DEMO_TYPES) {
    const documents = documentsOf(strapi, uid);
    for (const entry of entries) {
      const found = await documents.findFirst({
        locale: 'en',
        status: 'draft',
        filters: { [naturalKey]: entry.en[naturalKey] },
      });
      if (found) {
        report.entriesSkipped += 1;
        continue;
      }
      const tags = {
        journeyStage: entry.stage,
        personas: entry.personas.map((slug) => {
          const id = personaIds.get(slug);
          if (!id) throw new Error(`Demo content names unknown persona "${slug}"`);
          return id;
        }),
      };
      const created = await documents.create({ locale: 'en', data: { ...entry.en, ...tags } });
      if (entry.da) {
        await documents.update({
          documentId: created.documentId,
          locale: 'da',
          data: { ...entry.da, ...tags },
        });
      }
      if (entry.published) await documents.publish({ documentId: created.documentId, locale: '*' });
      report.entriesCreated += 1;
    }
  }
  return report;
};

/**
 * Development convenience: on a fresh database (no admin yet), create the demo admin and seed demo
 * content, so `npm run develop` opens on something to look at. Never runs outside development.
 */
export const setUpDemo = async (strapi: Core.Strapi) => {
  if (process.env.NODE_ENV !== 'development' || process.env.JOURNEY_DEMO === 'false') return;

  const users = strapi.service('admin::user');
  if (await users.exists()) return;

  const superAdmin = await strapi.service('admin::role').getSuperAdmin();
  await users.create({ ...DEMO_ADMIN, isActive: true, roles: [superAdmin.id] });
  const report = await seedDemoContent(strapi);

  strapi.log.info(
    [
      '',
      '  Journey demo is ready: http://localhost:1337/admin',
      `  Demo admin:  ${DEMO_ADMIN.email}  /  ${DEMO_ADMIN.password}`,
      `  Seeded ${report.personasCreated} personas and ${report.entriesCreated} entries (en + da).`,
      '',
    ].join('\n')
  );
};

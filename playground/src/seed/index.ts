import fs from 'fs';
import path from 'path';
import type { Core, UID } from '@strapi/strapi';
import {
  DEMO_BLOG_POSTS,
  DEMO_CTA_TARGETS,
  DEMO_CTAS,
  DEMO_FORMS,
  DEMO_IMAGES,
  DEMO_LANDING_PAGES,
  DEMO_PERSONAS,
  type DemoImageName,
  type DemoPersona,
  type DemoStage,
} from './demo-content';
import { seedDemoHistory } from './history';

export { seedDemoHistory, HISTORY_DAYS, type HistoryReport } from './history';

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

/** What seeding one entry may link to: uploaded images and entries seeded before it. */
interface SeedLinks {
  images: Map<DemoImageName, number>;
  /** documentId of each seeded entry, by `<uid> <natural key>`. */
  documents: Map<string, string>;
}

type Locale = 'en' | 'da';

interface DemoEntry {
  key: string;
  stage: DemoStage;
  personas: string[];
  published: boolean;
  en: Record<string, unknown>;
  da?: Record<string, unknown>;
}

interface DemoTypeSpec {
  uid: string;
  entries: DemoEntry[];
  /** The attribute that identifies a demo entry (in `en`), so seeding twice finds it again. */
  naturalKey: string;
  /** Fields beyond the texts: images, SEO, links to other entries. */
  pageFields?: (entry: DemoEntry, locale: Locale, links: SeedLinks) => Record<string, unknown>;
}

/** Cuts a text to an SEO field's length at a word boundary. */
const clip = (text: string, max: number) => {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 1)).replace(/[\s,.;:]+$/, '')}…`;
};

const imageId = (links: SeedLinks, name: DemoImageName) => {
  const id = links.images.get(name);
  if (id === undefined) throw new Error(`Demo image "${name}" was not uploaded`);
  return id;
};

/** The SEO component of a page: its title, a summary, and the shared share image. */
const seoOf = (title: unknown, summary: unknown, links: SeedLinks) => ({
  metaTitle: clip(String(title), 70),
  metaDescription: clip(String(summary), 160),
  shareImage: imageId(links, 'share'),
});

const BLOG_POST_UID = 'plugin::journey.blog-post';
const LANDING_PAGE_UID = 'plugin::journey.landing-page';
const CTA_UID = 'plugin::journey.cta';
const FORM_UID = 'plugin::journey.form';

const linkedDocument = (links: SeedLinks, uid: string, naturalKey: string) => {
  const documentId = links.documents.get(`${uid} ${naturalKey}`);
  if (!documentId) throw new Error(`Demo CTA leads to unknown ${uid} "${naturalKey}"`);
  return documentId;
};

/** Forms and landing pages before CTAs, which link to them. */
const DEMO_TYPES: DemoTypeSpec[] = [
  {
    uid: BLOG_POST_UID,
    entries: DEMO_BLOG_POSTS,
    naturalKey: 'slug',
    pageFields: (entry, locale, links) => ({
      cover: imageId(links, entry.stage),
      seo: seoOf(entry[locale]?.title, entry[locale]?.excerpt, links),
    }),
  },
  {
    uid: LANDING_PAGE_UID,
    entries: DEMO_LANDING_PAGES,
    naturalKey: 'slug',
    pageFields: (entry, locale, links) => ({
      hero: imageId(links, entry.stage),
      seo: seoOf(entry[locale]?.title, entry[locale]?.headline, links),
    }),
  },
  { uid: FORM_UID, entries: DEMO_FORMS, naturalKey: 'name' },
  {
    uid: CTA_UID,
    entries: DEMO_CTAS,
    naturalKey: 'url',
    pageFields: (entry, _locale, links) => {
      const target = DEMO_CTA_TARGETS[entry.key];
      if (!target) throw new Error(`Demo CTA "${entry.key}" has no entry in DEMO_CTA_TARGETS`);
      return {
        style: target.style,
        ...(target.landingPage
          ? { landingPage: linkedDocument(links, LANDING_PAGE_UID, target.landingPage) }
          : {}),
        ...(target.form ? { form: linkedDocument(links, FORM_UID, target.form) } : {}),
      };
    },
  },
];

/** Where the demo images are: in the app's sources, read from the app root (dist has no PNGs). */
const demoImagesDir = (strapi: Core.Strapi) =>
  path.join(strapi.dirs.app.root, 'src', 'seed', 'images');

/**
 * Uploads the demo images through Strapi's upload service (so they get their formats and land in
 * public/uploads like any upload), each once: found again by name on later runs.
 */
const seedDemoImages = async (strapi: Core.Strapi) => {
  const images = new Map<DemoImageName, number>();
  let uploaded = 0;
  const files = strapi.db.query('plugin::upload.file');
  for (const [name, { file, alt }] of Object.entries(DEMO_IMAGES) as Array<
    [DemoImageName, (typeof DEMO_IMAGES)[DemoImageName]]
  >) {
    const fileName = `journey-demo-${file}`;
    let found = (await files.findOne({ where: { name: fileName } })) as { id: number } | null;
    if (!found) {
      const filepath = path.join(demoImagesDir(strapi), file);
      const [created] = (await strapi
        .plugin('upload')
        .service('upload')
        .upload({
          data: { fileInfo: { name: fileName, alternativeText: alt, caption: alt } },
          files: {
            filepath,
            originalFilename: fileName,
            mimetype: 'image/png',
            size: fs.statSync(filepath).size,
          },
        })) as Array<{ id: number }>;
      found = created;
      uploaded += 1;
    }
    images.set(name, found.id);
  }
  return { images, uploaded };
};

export interface SeedReport {
  personasCreated: number;
  imagesUploaded: number;
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
  const { images, uploaded } = await seedDemoImages(strapi);
  const report: SeedReport = {
    personasCreated: 0,
    imagesUploaded: uploaded,
    entriesCreated: 0,
    entriesSkipped: 0,
  };
  const links: SeedLinks = { images, documents: new Map() };
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

  for (const { uid, entries, naturalKey, pageFields } of DEMO_TYPES) {
    const documents = documentsOf(strapi, uid);
    for (const entry of entries) {
      const found = await documents.findFirst({
        locale: 'en',
        status: 'draft',
        filters: { [naturalKey]: entry.en[naturalKey] },
      });
      if (found) {
        links.documents.set(`${uid} ${String(entry.en[naturalKey])}`, found.documentId);
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
      const fieldsIn = (locale: Locale) => pageFields?.(entry, locale, links) ?? {};
      const created = await documents.create({
        locale: 'en',
        data: { ...entry.en, ...tags, ...fieldsIn('en') },
      });
      if (entry.da) {
        await documents.update({
          documentId: created.documentId,
          locale: 'da',
          data: { ...entry.da, ...tags, ...fieldsIn('da') },
        });
      }
      if (entry.published) await documents.publish({ documentId: created.documentId, locale: '*' });
      links.documents.set(`${uid} ${String(entry.en[naturalKey])}`, created.documentId);
      report.entriesCreated += 1;
    }
  }
  return report;
};

/**
 * Development convenience: on a fresh database (no admin yet), create the demo admin and seed demo
 * content, so `npm run develop` opens on something to look at; then, on any boot, 90 days of
 * performance history unless rollups exist already. Never runs outside development.
 */
export const setUpDemo = async (strapi: Core.Strapi) => {
  if (process.env.NODE_ENV !== 'development' || process.env.JOURNEY_DEMO === 'false') return;

  const users = strapi.service('admin::user');
  if (await users.exists()) {
    // A demo database from before the history existed gets it once too.
    await seedDemoHistory(strapi);
    return;
  }

  const superAdmin = await strapi.service('admin::role').getSuperAdmin();
  await users.create({ ...DEMO_ADMIN, isActive: true, roles: [superAdmin.id] });
  const report = await seedDemoContent(strapi);
  const history = await seedDemoHistory(strapi);

  strapi.log.info(
    [
      '',
      '  Journey demo is ready: http://localhost:1337/admin',
      `  Demo admin:  ${DEMO_ADMIN.email}  /  ${DEMO_ADMIN.password}`,
      `  Seeded ${report.personasCreated} personas, ${report.imagesUploaded} images and ${report.entriesCreated} entries (en + da).`,
      history.seeded
        ? `  Seeded ${history.days} days of performance history (${history.events} events).`
        : '  Performance history: kept what the database has.',
      '',
    ].join('\n')
  );
};

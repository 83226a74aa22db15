'use strict';
/**
 * Seeds realistic journey content through Strapi's database layer: real rows in the real tables
 * (strapi.db.query(uid).createMany), persona links in the link tables Strapi's metadata names.
 *
 * Shape: 8 personas (Document Service, published); documents spread over the five tagged types,
 * every document in English and 30% also in Danish (stage and personas are document-level),
 * 70% published (a published document has a draft row and a published row per locale, same
 * document_id), five stages with a skewed stage x persona distribution (some cells empty,
 * some huge). Deterministic: document i always gets the same stage, personas, type and status,
 * so seeding 10k and then 90k more yields the same data as seeding 100k at once.
 */
const { createId } = require('@paralleldrive/cuid2');

const PERSONA_UID = 'plugin::journey.persona';

const PERSONAS = [
  {
    slug: 'restaurant-owner',
    name: 'Restaurant owner',
    description: 'Runs one or two restaurants and books tables by phone today.',
  },
  {
    slug: 'b2b-buyer',
    name: 'B2B buyer',
    description: 'Part of a buying team in a mid-sized company.',
  },
  {
    slug: 'hotel-manager',
    name: 'Hotel manager',
    description: 'Manages a city hotel with a small team.',
  },
  {
    slug: 'retail-chain-buyer',
    name: 'Retail chain buyer',
    description: 'Buys for a chain of 40 stores.',
  },
  {
    slug: 'startup-founder',
    name: 'Startup founder',
    description: 'Founder of a ten-person startup.',
  },
  {
    slug: 'it-administrator',
    name: 'IT administrator',
    description: 'Keeps the systems of a municipality running.',
  },
  { slug: 'freelancer', name: 'Freelancer', description: 'A one-person consultancy.' },
  {
    slug: 'consulting-client',
    name: 'Consulting client',
    description: 'Hires consultants once a year, for a big project.',
  },
];

const STAGES = ['awareness', 'consideration', 'decision', 'retention', 'advocacy'];
const STAGE_WEIGHTS = [34, 28, 20, 12, 6];
/** Relative weight of each persona (columns, PERSONAS order) within a stage (rows); 0 = empty cell. */
const PERSONA_WEIGHTS = [
  [30, 20, 12, 10, 8, 6, 4, 0],
  [25, 18, 14, 0, 10, 8, 5, 2],
  [20, 25, 0, 12, 0, 6, 4, 0],
  [15, 10, 8, 6, 4, 0, 2, 0],
  [10, 0, 4, 0, 2, 1, 0, 0],
];
/** How many personas a document has: 0 (8%), 1 (67%), 2 (25%). */
const PERSONA_COUNT_WEIGHTS = [8, 67, 25];
const PUBLISHED_SHARE = 0.7;
const DANISH_SHARE = 0.3;

const TYPES = [
  { uid: 'plugin::journey.blog-post', name: 'blog-post', weight: 35 },
  { uid: 'plugin::journey.landing-page', name: 'landing-page', weight: 15 },
  { uid: 'plugin::journey.cta', name: 'cta', weight: 20 },
  { uid: 'plugin::journey.form', name: 'form', weight: 10 },
  { uid: 'api::article.article', name: 'article', weight: 20 },
];

/** Documents per database round trip (each becomes ~2.1 entry rows and ~2.5 link rows). */
const CHUNK_DOCUMENTS = 1000;
const LINK_BATCH = 500;

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.UTC(2026, 0, 1);

/** A small fast PRNG; seeded per document so a document's shape depends on its index only. */
const mulberry32 = (seed) => () => {
  seed |= 0;
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = (random, weights) => {
  const total = weights.reduce((a, b) => a + b, 0);
  let r = random() * total;
  for (let i = 0; i < weights.length; i += 1) {
    r -= weights[i];
    if (r < 0 && weights[i] > 0) return i;
  }
  return weights.findLastIndex((w) => w > 0);
};

const WORDS = (
  'booking table guests menu season team budget growth onboarding review partner support ' +
  'checklist guide pricing comparison story case study newsletter webinar demo migration security ' +
  'loyalty referral feedback evening lunch weekend launch roadmap integration report'
).split(' ');
const words = (random, n) =>
  Array.from({ length: n }, () => WORDS[Math.floor(random() * WORDS.length)]).join(' ');
const sentence = (random, n) => {
  const text = words(random, n);
  return text.charAt(0).toUpperCase() + text.slice(1) + '.';
};

/** The shape of document `index` (deterministic). */
const documentSpec = (index) => {
  const random = mulberry32(index * 2654435761 + 17);
  const type =
    TYPES[
      pick(
        random,
        TYPES.map((t) => t.weight)
      )
    ];
  const stage = pick(random, STAGE_WEIGHTS);
  const personaCount = pick(random, PERSONA_COUNT_WEIGHTS);
  const personas = [];
  const weights = [...PERSONA_WEIGHTS[stage]];
  for (let k = 0; k < personaCount && weights.some((w) => w > 0); k += 1) {
    const persona = pick(random, weights);
    personas.push(persona);
    weights[persona] = 0;
  }
  const published = random() < PUBLISHED_SHARE;
  const danish = random() < DANISH_SHARE;
  // Spread over three years, none in the future: timestamps (and so the merged order) are distinct.
  const createdAt = NOW - 200 * DAY - Math.floor(random() * 3 * 365 * DAY);
  const updatedAt = createdAt + Math.floor(random() * 200 * DAY);
  return {
    index,
    type,
    stage: STAGES[stage],
    personas,
    published,
    danish,
    createdAt,
    updatedAt,
    random,
  };
};

const fieldsFor = (spec, locale) => {
  const { random, index } = spec;
  const title = `${sentence(random, 4 + Math.floor(random() * 4)).slice(0, -1)} ${index}${locale === 'da' ? ' (da)' : ''}`;
  const slug = `${title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')}`;
  const body = Array.from({ length: 3 }, () => sentence(random, 12)).join(' ');
  switch (spec.type.name) {
    case 'blog-post':
      return { title, slug, excerpt: sentence(random, 14), body };
    case 'landing-page':
      return { title, slug, headline: sentence(random, 6), body };
    case 'cta':
      return {
        label: title.slice(0, 110),
        url: `https://example.com/${slug}`,
        description: sentence(random, 10),
      };
    case 'form':
      return {
        name: title.slice(0, 150),
        fields: [
          { name: 'email', label: 'Email', type: 'email', required: true },
          { name: 'message', label: 'Message', type: 'textarea', required: false },
        ],
        submitLabel: 'Send',
      };
    default:
      return {
        title,
        summary: sentence(random, 14),
        body,
        internalNotes: 'Bench data: not for publication.',
      };
  }
};

/** Expected coverage, counted while seeding: published English documents, all types. */
const emptyExpectation = () => ({
  documents: 0,
  entryRows: 0,
  linkRows: 0,
  publishedEn: 0,
  /** stage -> persona slug -> published English documents */
  cells: Object.fromEntries(
    STAGES.map((stage) => [stage, Object.fromEntries(PERSONAS.map((p) => [p.slug, 0]))])
  ),
  /** stage -> published English documents (all personas, counted once) */
  stageTotals: Object.fromEntries(STAGES.map((stage) => [stage, 0])),
  /** stage -> published English documents without persona */
  untagged: Object.fromEntries(STAGES.map((stage) => [stage, 0])),
  byType: Object.fromEntries(TYPES.map((t) => [t.name, 0])),
});

/** Creates the 8 personas with the Document Service and publishes them; returns row ids by slug. */
const seedPersonas = async (strapi) => {
  const documents = strapi.documents(PERSONA_UID);
  for (const persona of PERSONAS) {
    const existing = await documents.findFirst({
      status: 'draft',
      filters: { slug: persona.slug },
    });
    if (existing) continue;
    const created = await documents.create({ data: persona });
    await documents.publish({ documentId: created.documentId });
  }
  const rows = await strapi.db
    .query(PERSONA_UID)
    .findMany({ select: ['id', 'documentId', 'slug', 'publishedAt'] });
  const ids = PERSONAS.map((persona) => {
    const draft = rows.find((row) => row.slug === persona.slug && !row.publishedAt);
    const published = rows.find((row) => row.slug === persona.slug && row.publishedAt);
    if (!draft || !published)
      throw new Error(`persona ${persona.slug} has no draft or no published row`);
    return {
      slug: persona.slug,
      documentId: draft.documentId,
      draftId: draft.id,
      publishedId: published.id,
    };
  });
  return ids;
};

const ARTICLE_UID = 'api::article.article';
const AUTHOR_UID = 'api::author.author';
/** Authors the articles link to (article i -> author i mod AUTHORS), so populate has relations to load. */
const AUTHORS = 12;

/** Creates the authors (no draft & publish: one row each) once; returns their row ids. */
const seedAuthors = async (strapi) => {
  const existing = await strapi.db.query(AUTHOR_UID).findMany({ select: ['id'], orderBy: 'id' });
  if (existing.length >= AUTHORS) return existing.slice(0, AUTHORS).map((row) => row.id);
  const result = await strapi.db.query(AUTHOR_UID).createMany({
    data: Array.from({ length: AUTHORS }, (_, i) => ({
      documentId: createId(),
      name: `Author ${i + 1}`,
      bio: `Writes bench articles, set ${i + 1}.`,
      email: `author-${i + 1}@bench.local`,
    })),
  });
  return result.ids;
};

/** The article -> author link table (manyToOne), as Strapi's metadata names it. */
const authorLinkTable = (strapi) => {
  const joinTable = strapi.db.metadata.get(ARTICLE_UID).attributes.author.joinTable;
  return {
    name: joinTable.name,
    joinColumn: joinTable.joinColumn.name,
    inverseJoinColumn: joinTable.inverseJoinColumn.name,
    inverseOrderColumn: joinTable.inverseOrderColumnName,
  };
};

const linkTableOf = (strapi, uid) => {
  const joinTable = strapi.db.metadata.get(uid).attributes.personas.joinTable;
  return {
    name: joinTable.name,
    joinColumn: joinTable.joinColumn.name,
    inverseJoinColumn: joinTable.inverseJoinColumn.name,
    orderColumn: joinTable.orderColumnName,
    inverseOrderColumn: joinTable.inverseOrderColumnName,
  };
};

/**
 * A seeder that remembers where it stopped: `seedTo(n)` adds documents until n exist.
 * `onProgress(done, total)` is called after every chunk.
 */
const createSeeder = (strapi) => {
  let personaIds = null;
  let authorIds = null;
  let seeded = 0;
  let inverseOrder = 0;
  const expected = emptyExpectation();
  const links = Object.fromEntries(TYPES.map((t) => [t.uid, linkTableOf(strapi, t.uid)]));

  const insertChunk = async (specs) => {
    const rowsByType = new Map();
    for (const spec of specs) {
      const locales = spec.danish ? ['en', 'da'] : ['en'];
      const documentId = createId();
      for (const locale of locales) {
        const fields = fieldsFor(spec, locale);
        const base = {
          documentId,
          locale,
          journeyStage: spec.stage,
          createdAt: new Date(spec.createdAt),
          updatedAt: new Date(spec.updatedAt),
          ...fields,
        };
        const list = rowsByType.get(spec.type.uid) ?? [];
        const author = authorIds[spec.index % authorIds.length];
        list.push({
          row: { ...base, publishedAt: null },
          personas: spec.personas,
          published: false,
          author,
        });
        if (spec.published) {
          list.push({
            row: { ...base, publishedAt: new Date(spec.updatedAt + 60_000) },
            personas: spec.personas,
            published: true,
            author,
          });
        }
        rowsByType.set(spec.type.uid, list);
      }
    }

    await strapi.db.transaction(async ({ trx }) => {
      for (const [uid, entries] of rowsByType) {
        const result = await strapi.db
          .query(uid)
          .createMany({ data: entries.map((entry) => entry.row) });
        if (
          !Array.isArray(result.ids) ||
          result.ids.length !== entries.length ||
          result.ids.some((id) => !id)
        ) {
          throw new Error(
            `createMany on ${uid} returned ${result.ids?.length} ids for ${entries.length} rows`
          );
        }
        const link = links[uid];
        const linkRows = [];
        entries.forEach((entry, i) => {
          entry.personas.forEach((persona, order) => {
            const row = {
              [link.joinColumn]: result.ids[i],
              [link.inverseJoinColumn]: entry.published
                ? personaIds[persona].publishedId
                : personaIds[persona].draftId,
            };
            if (link.orderColumn) row[link.orderColumn] = order + 1;
            if (link.inverseOrderColumn) row[link.inverseOrderColumn] = inverseOrder += 1;
            linkRows.push(row);
          });
        });
        for (let i = 0; i < linkRows.length; i += LINK_BATCH) {
          await trx(link.name).insert(linkRows.slice(i, i + LINK_BATCH));
        }
        expected.entryRows += entries.length;
        expected.linkRows += linkRows.length;
        if (uid === ARTICLE_UID) {
          // Every article row (draft and published) has an author, as the Content Manager would save it.
          const authorLinks = authorLinkTable(strapi);
          const authorRows = entries.map((entry, i) => ({
            [authorLinks.joinColumn]: result.ids[i],
            [authorLinks.inverseJoinColumn]: entry.author,
            ...(authorLinks.inverseOrderColumn ? { [authorLinks.inverseOrderColumn]: i + 1 } : {}),
          }));
          for (let i = 0; i < authorRows.length; i += LINK_BATCH) {
            await trx(authorLinks.name).insert(authorRows.slice(i, i + LINK_BATCH));
          }
        }
      }
    });

    for (const spec of specs) {
      expected.documents += 1;
      expected.byType[spec.type.name] += 1;
      if (!spec.published) continue;
      expected.publishedEn += 1;
      expected.stageTotals[spec.stage] += 1;
      if (spec.personas.length === 0) expected.untagged[spec.stage] += 1;
      for (const persona of spec.personas) expected.cells[spec.stage][PERSONAS[persona].slug] += 1;
    }
  };

  return {
    expected,
    get seeded() {
      return seeded;
    },
    get personas() {
      return personaIds;
    },
    async seedTo(target, { onProgress } = {}) {
      if (!personaIds) personaIds = await seedPersonas(strapi);
      if (!authorIds) authorIds = await seedAuthors(strapi);
      const started = Date.now();
      const from = seeded;
      while (seeded < target) {
        const count = Math.min(CHUNK_DOCUMENTS, target - seeded);
        const specs = Array.from({ length: count }, (_, k) => documentSpec(seeded + k));
        await insertChunk(specs);
        seeded += count;
        onProgress?.(seeded - from, target - from, Date.now() - started);
      }
      // The statistics a live database has. PostgreSQL: autovacuum vacuums and analyzes inserted
      // tables (and without the visibility map no index-only scan is possible). SQLite: nothing
      // runs ANALYZE, Strapi included, so the planner works without statistics here too.
      if (strapi.db.dialect.client === 'postgres') await strapi.db.connection.raw('VACUUM ANALYZE');
      return { documents: seeded - from, ms: Date.now() - started };
    },
  };
};

/** A one-line progress bar for a TTY, a line every 10% otherwise. */
const progressPrinter = (label, stream = process.stdout) => {
  let lastDecile = -1;
  return (done, total, ms) => {
    const share = total ? done / total : 1;
    const rate = ms > 0 ? Math.round((done / ms) * 1000) : 0;
    const text = `${label} ${done.toLocaleString('en')}/${total.toLocaleString('en')} documents (${Math.round(share * 100)}%, ${rate.toLocaleString('en')} docs/s)`;
    if (stream.isTTY) {
      const width = 30;
      const bar = '#'.repeat(Math.round(share * width)).padEnd(width, '.');
      stream.write(`\r[${bar}] ${text}`);
      if (done >= total) stream.write('\n');
    } else if (Math.floor(share * 10) > lastDecile || done >= total) {
      lastDecile = Math.floor(share * 10);
      stream.write(`${text}\n`);
    }
  };
};

module.exports = {
  PERSONAS,
  STAGES,
  TYPES,
  createSeeder,
  seedPersonas,
  documentSpec,
  progressPrinter,
};

import slugify from 'slugify';
import request from 'supertest';
import { errors } from '@strapi/utils';
import { adminToken } from '../helpers/admin';
import { createPersona } from '../helpers/fixtures';
import { bootStrapi, type TestApp } from '../helpers/strapi';

/**
 * Generated writes through the Content Manager admin API and the Document Service, for every tagged
 * type and the persona type: stage values, persona payloads (lists, connect/set/disconnect, good and
 * bad ids), slugs, titles, form field definitions, keys no attribute has. Reproducible: the
 * generator is seeded (JOURNEY_FUZZ_SEED), and every failure prints the seed and the write.
 *
 * Each write has a verdict from its parts: any invalid part must be refused, all valid parts must
 * be accepted, parts Strapi may take either way (an unknown key, a 300-character title) leave it
 * open. A refused write must leave the rows exactly as they were (the type's table and its persona
 * links, compared before and after) and fail as Strapi's 4xx errors, never a 500, TypeError or
 * database error; an accepted one must store exactly what was sent.
 */
const SEED = Number(process.env.JOURNEY_FUZZ_SEED ?? 20261216);
const DOCUMENT_WRITES = 1200;
const ADMIN_WRITES = 400;

const PERSONA = 'plugin::journey.persona';
const STAGES = ['awareness', 'consideration', 'decision', 'retention', 'advocacy'];
const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** The plugin's rule for making a slug, repeated to predict the base of a generated one. */
const toSlug = (text: string) => slugify(text, { lower: true, strict: true, trim: true });

/** mulberry32, as in fuzz.test.ts: a failing write can be reproduced from the seed. */
const prng = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

type Data = Record<string, unknown>;
/** Whether a part of a write must be accepted, must be refused, or may go either way. */
type Verdict = 'valid' | 'invalid' | 'either';

interface TypeInfo {
  uid: string;
  /** The attribute a person reads as its title (the slug is made from it where there is one). */
  titleKey: string;
  hasSlug: boolean;
  localized: boolean;
  tagged: boolean;
  /** Required attributes besides the title, so a valid create is complete. */
  required: Data;
}

interface Row {
  id: number;
  documentId: string;
  locale?: string | null;
  slug?: string | null;
  journeyStage?: string | null;
  fields?: unknown;
  personas?: Array<{ documentId: string }>;
  [key: string]: unknown;
}

/** What a write sends, part by part, so the stored row can be predicted. */
interface Plan {
  via: 'documents' | 'admin';
  type: TypeInfo;
  action: 'create' | 'update';
  documentId?: string;
  locale?: string;
  data: Data;
  verdict: Verdict;
  /** Names of the invalid and open parts, to read a failure. */
  parts: string[];
  /** The attribute each invalid part is sent as: a refusal must name one of them. */
  invalidFields: string[];
  personas?: { resolve: (base: string[]) => string[] };
  slug?: { kind: 'given'; value: string } | { kind: 'generate' };
}

let app: TestApp;
let token: string;
let types: TypeInfo[];
/** Existing personas: documentId, draft row id and (if published) published row id. */
let personas: Array<{ documentId: string; draftId: number; publishedId?: number }>;
const documentIdsByType = new Map<string, string[]>();

const tableOf = (uid: string) => app.strapi.db.metadata.get(uid as never);

/** Every row of the type's table and of its persona link table: what a refused write may not change. */
const snapshot = async (uid: string) => {
  const meta = tableOf(uid);
  const knex = app.strapi.db.connection;
  const rows = await knex(meta.tableName).select('*').orderBy('id');
  const joinTable = (meta.attributes.personas as { joinTable?: { name: string } } | undefined)
    ?.joinTable;
  const links = joinTable ? await knex(joinTable.name).select('*').orderBy('id') : [];
  return JSON.stringify({ rows, links });
};

const draftRow = async (uid: string, documentId: string, locale?: string): Promise<Row | null> =>
  app.strapi.db.query(uid as never).findOne({
    where: { documentId, publishedAt: null, ...(locale ? { locale } : {}) },
    populate: tableOf(uid).attributes.personas ? { personas: { select: ['documentId'] } } : {},
  });

const personaIds = (row: Row | null) =>
  (row?.personas ?? []).map((persona) => persona.documentId).sort();

/** JSON with object keys sorted, to compare stored JSON with what was sent. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, inner) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => a.localeCompare(b)))
      : inner
  );

const sorted = (list: string[]) => [...list].sort();
const unique = (list: string[]) => [...new Set(list)];

/** A JSON body with `key` as an own key, as JSON.parse makes `__proto__`. */
const withOwnKey = (data: Data, key: string, value: unknown) => {
  Object.defineProperty(data, key, { value, enumerable: true, writable: true, configurable: true });
  return data;
};

const describeWrite = (plan: Plan) =>
  `seed ${SEED} ${plan.via} ${plan.action} ${plan.type.uid}${plan.documentId ? ` ${plan.documentId}` : ''}${plan.locale ? ` locale ${plan.locale}` : ''} [${plan.verdict}: ${plan.parts.join(', ')}] ${JSON.stringify(plan.data).slice(0, 400)}`;

/** Numbers titles and slugs across both generators, so a valid new name is never a taken one. */
let counter = 0;
const next = () => (counter += 1);

/**
 * Draws the parts of writes. Strapi's body parser refuses any own `__proto__` key in a JSON body
 * with a 400 (and logs an error) before plugin code runs, so only Document Service writes get one.
 */
const makeGenerator = (random: () => number, via: Plan['via']) => {
  const protoKeys = via === 'documents';
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const chance = (p: number) => random() < p;

  const stage = (): { value: unknown; verdict: Verdict } => {
    if (chance(0.55)) return { value: pick(STAGES), verdict: 'valid' };
    if (chance(0.1)) return { value: null, verdict: 'valid' };
    const invalid: unknown[] = [
      'awarness',
      'AWARENESS',
      ' awareness',
      '',
      'x'.repeat(300),
      '🚀',
      0,
      5,
      -1,
      1.5,
      true,
      {},
      { key: 'awareness' },
      ['awareness'],
      [],
    ];
    return { value: pick(invalid), verdict: 'invalid' };
  };

  /** One reference to an existing persona, in any shape Strapi takes. */
  const goodRef = () => {
    const persona = pick(personas);
    const shapes: Array<() => unknown> = [
      () => persona.documentId,
      () => persona.draftId,
      () => String(persona.draftId),
      () => persona.publishedId ?? persona.draftId,
      () => ({ id: persona.draftId }),
      () => ({ documentId: persona.documentId }),
      () => ({ documentId: persona.documentId, position: { end: true } }),
      () => ({ id: persona.draftId, documentId: persona.documentId, locale: null }),
    ];
    return { ref: pick(shapes)(), documentId: persona.documentId };
  };
  const badRef = (): unknown =>
    pick([
      999_999,
      -1,
      0,
      1.5,
      2 ** 31,
      1e20,
      Number.MAX_SAFE_INTEGER,
      'no-such-persona',
      '',
      '12abc',
      ' 7',
      '-3',
      'x'.repeat(100),
      'constructor',
      null,
      true,
      {},
      { id: 'x' },
      { id: 999_999 },
      { documentId: 5 },
      { documentId: 'missing-persona' },
      [[personas[0].draftId]],
    ]);

  /** A persona payload, with what the links are afterwards given the links before. */
  const personaPayload = (): {
    value: unknown;
    verdict: Verdict;
    resolve: (base: string[]) => string[];
  } => {
    const goods = (count: number) => Array.from({ length: count }, goodRef);
    const bad = chance(0.35);
    const list = (count: number) => {
      const refs = goods(count);
      if (chance(0.3) && refs.length > 0) refs.push(refs[0]); // a duplicate: linked once
      const values = refs.map((ref) => ref.ref);
      if (bad) values.splice(Math.floor(random() * (values.length + 1)), 0, badRef());
      return { values, ids: unique(refs.map((ref) => ref.documentId)) };
    };
    const verdict: Verdict = bad ? 'invalid' : 'valid';
    const shape = random();
    if (shape < 0.3) {
      const { values, ids } = list(Math.floor(random() * 4));
      return { value: values, verdict, resolve: () => ids };
    }
    if (shape < 0.45) {
      const { values, ids } = list(1 + Math.floor(random() * 3));
      return { value: { set: values }, verdict, resolve: () => ids };
    }
    if (shape < 0.65) {
      const { values, ids } = list(1 + Math.floor(random() * 2));
      return {
        value: { connect: values },
        verdict,
        resolve: (base) => unique([...base, ...ids]),
      };
    }
    if (shape < 0.8) {
      const { values, ids } = list(1 + Math.floor(random() * 2));
      return {
        value: { disconnect: values },
        verdict,
        resolve: (base) => base.filter((id) => !ids.includes(id)),
      };
    }
    if (shape < 0.88) {
      // Disjoint, so the result does not hang on which of the two Strapi applies first.
      const { values: connect, ids: connected } = list(1);
      const { values: disconnect, ids: disconnected } = list(1);
      const clash = disconnected.some((id) => connected.includes(id));
      return {
        value: clash ? { connect } : { connect, disconnect },
        verdict,
        resolve: (base) =>
          unique([...base.filter((id) => clash || !disconnected.includes(id)), ...connected]),
      };
    }
    if (shape < 0.92) return { value: null, verdict: 'valid', resolve: () => [] };
    if (shape < 0.95) {
      const { ref, documentId } = goodRef();
      return { value: ref, verdict: 'valid', resolve: () => [documentId] };
    }
    const junk: unknown[] = [
      { connect: [personas[0].documentId], set: [personas[1].documentId] },
      { add: [personas[0].documentId] },
      { connect: 'x'.repeat(80) },
      'not-a-persona',
      42.5,
      true,
    ];
    return { value: pick(junk), verdict: 'invalid', resolve: (base) => base };
  };

  const title = (type: TypeInfo): { value: unknown; verdict: Verdict } => {
    const n = next();
    const valid = [
      `Plain title ${n}`,
      `Ünïcødé café ÆØÅ ${n}`,
      `  Spaced   out ${n}  `,
      `Zürich & Malmö ${n}`,
      `${n} ways to grow`,
    ];
    // Emoji-only names would give personas no slug; the content API finds personas by slug.
    if (type.uid !== PERSONA) valid.push('🚀🎉', '🙂', '中文标题');
    if (chance(0.85)) return { value: pick(valid), verdict: 'valid' };
    return { value: pick(['x'.repeat(250), 5, true, {}, ['a'], '']), verdict: 'either' };
  };

  const slug = async (
    type: TypeInfo,
    documentId: string | undefined,
    locale: string | undefined
  ): Promise<{ value: unknown; verdict: Verdict; plan: Plan['slug'] } | undefined> => {
    const r = random();
    if (r < 0.4) return undefined;
    if (r < 0.55) return { value: pick(['', null]), verdict: 'valid', plan: { kind: 'generate' } };
    if (r < 0.7) {
      const value = `fresh-${SEED}-${next()}`;
      return { value, verdict: 'valid', plan: { kind: 'given', value } };
    }
    if (r < 0.82) {
      // Taken by another document in the same locale: refused; its own slug: kept.
      const recent: Row[] = await app.strapi.db.query(type.uid as never).findMany({
        select: ['slug', 'documentId'],
        where: {
          slug: { $notNull: true },
          publishedAt: null,
          ...(type.localized ? { locale: locale ?? 'en' } : {}),
        },
        orderBy: { id: 'desc' },
        limit: 5,
      });
      const other = recent.length > 0 ? pick(recent) : undefined;
      if (other?.slug) {
        const own = other.documentId === documentId;
        return {
          value: other.slug,
          verdict: own ? 'valid' : 'invalid',
          plan: { kind: 'given', value: other.slug },
        };
      }
    }
    const invalid: unknown[] = [
      'Bad Slug',
      'a--b',
      '-a',
      'a-',
      'a_b',
      'Not A Slug '.repeat(40),
      'ÆØÅ',
      'ünïcode',
      '🚀',
      ' x',
      5,
      {},
      ['a'],
      true,
    ];
    return { value: pick(invalid), verdict: 'invalid', plan: undefined };
  };

  const formFields = (): { value: unknown; verdict: Verdict } => {
    const email = { name: 'email', label: 'Email', type: 'email', required: true };
    const plan = {
      name: 'plan',
      label: 'Plan',
      type: 'select',
      required: false,
      options: [{ value: 'a', label: 'A' }],
    };
    const size = { name: 'size', label: 'Size', type: 'number', required: false, min: 1 };
    if (chance(0.5)) {
      return { value: pick([[email], [email, plan], [size, email], [], null]), verdict: 'valid' };
    }
    const junk: unknown[] = [
      'x',
      {},
      42,
      [{ name: '1bad', label: 'x', type: 'text', required: false }],
      [{ ...email, extra: 1 }],
      [{ name: 'plan', label: 'Plan', type: 'select', required: false }],
      [{ ...email, type: 'password' }],
      [email, email],
      [null],
      [[email]],
    ];
    if (protoKeys) {
      junk.push(
        JSON.parse('[{"__proto__": {"polluted": true}, "name": "a", "label": "A", "type": "text"}]')
      );
    }
    return { value: pick(junk), verdict: 'invalid' };
  };

  /** A key no attribute of the type has, or one only the database or Strapi sets. */
  const strayKey = (action: Plan['action'], documentId?: string) => {
    const options: Array<{ key: string; value: unknown; verdict: Verdict }> = [
      { key: 'id', value: pick([1, 2, 999_999, -1, 'x']), verdict: 'invalid' },
      { key: 'constructor', value: pick([{}, 'x', null]), verdict: 'invalid' },
      { key: 'toString', value: pick(['x', {}]), verdict: 'invalid' },
      { key: 'hasOwnProperty', value: 1, verdict: 'invalid' },
      { key: 'publishedAt', value: pick([new Date().toISOString(), 'x', 5]), verdict: 'either' },
      { key: 'createdAt', value: pick(['2020-01-01T00:00:00.000Z', 'x']), verdict: 'either' },
      { key: 'unknownAttribute', value: pick(['x', { a: [1] }]), verdict: 'either' },
      { key: 'locale', value: pick(['xx', 5]), verdict: 'either' },
      { key: 'seo', value: pick(['x', [1, 2], { metaTitle: { a: 1 } }, {}]), verdict: 'either' },
    ];
    if (protoKeys)
      options.push({ key: '__proto__', value: { polluted: true }, verdict: 'invalid' });
    if (action === 'update' && documentId) {
      options.push({ key: 'documentId', value: documentId, verdict: 'either' });
    }
    return pick(options);
  };

  return { pick, chance, stage, personaPayload, title, slug, formFields, strayKey };
};

type Generator = ReturnType<typeof makeGenerator>;

const combine = (verdicts: Verdict[]): Verdict =>
  verdicts.includes('invalid') ? 'invalid' : verdicts.includes('either') ? 'either' : 'valid';

/** Draws one write: its type, create or update, locale, and each part of its data. */
const planWrite = async (gen: Generator, via: Plan['via']): Promise<Plan> => {
  const type = gen.pick(types);
  const existing = documentIdsByType.get(type.uid) ?? [];
  const action = existing.length === 0 || gen.chance(0.35) ? 'create' : 'update';
  const documentId = action === 'update' ? gen.pick(existing) : undefined;
  const locale = type.localized ? (gen.chance(0.8) ? 'en' : 'da') : undefined;
  const data: Data = {};
  const verdicts: Verdict[] = [];
  const parts: string[] = [];
  const invalidFields: string[] = [];
  const note = (name: string, verdict: Verdict, field = name) => {
    verdicts.push(verdict);
    if (verdict !== 'valid') parts.push(`${verdict} ${name}`);
    if (verdict === 'invalid') invalidFields.push(field);
  };
  const plan: Plan = {
    via,
    type,
    action,
    documentId,
    locale,
    data,
    verdict: 'valid',
    parts,
    invalidFields,
  };

  if (action === 'create' || gen.chance(0.5)) {
    const title = gen.title(type);
    data[type.titleKey] = title.value;
    note('title', title.verdict, type.titleKey);
    if (action === 'create') Object.assign(data, type.required);
  }
  if (type.tagged && gen.chance(0.6)) {
    const stage = gen.stage();
    data.journeyStage = stage.value;
    note('stage', stage.verdict, 'journeyStage');
  }
  if (type.tagged && gen.chance(0.6)) {
    const payload = gen.personaPayload();
    data.personas = payload.value;
    plan.personas = { resolve: payload.resolve };
    note('personas', payload.verdict);
  }
  if (type.hasSlug) {
    const slug = await gen.slug(type, documentId, locale);
    if (slug) {
      data.slug = slug.value;
      plan.slug = slug.plan;
      note('slug', slug.verdict);
    }
  }
  if (type.uid === 'plugin::journey.form' && gen.chance(0.6)) {
    const fields = gen.formFields();
    data.fields = fields.value;
    note('fields', fields.verdict);
  }
  if (type.uid === PERSONA && typeof data.name === 'string' && gen.chance(0.15)) {
    // A name another persona has: names are unique.
    const other = gen.pick(personas);
    const row = await app.strapi.db
      .query(PERSONA)
      .findOne({ where: { documentId: other.documentId } });
    if (other.documentId !== documentId) {
      data.name = row.name;
      note('taken name', 'invalid', 'name');
    }
  }
  const stray = gen.chance(0.2) ? gen.strayKey(action, documentId) : undefined;
  if (stray) {
    withOwnKey(data, stray.key, stray.value);
    // The Content Manager drops keys that are no attribute before the Document Service sees them.
    note(
      `key ${stray.key}`,
      via === 'admin' && stray.verdict === 'invalid' ? 'either' : stray.verdict,
      stray.key
    );
  }
  plan.verdict = combine(verdicts);
  return plan;
};

interface Outcome {
  accepted: boolean;
  documentId?: string;
  /** Why the write failed the fuzz (a 500, a TypeError), or undefined. */
  failure?: string;
  /** A refusal's message and the attributes its details name. */
  refusal?: { message: string; fields: string[] };
}

const refusalOf = (error: {
  message: string;
  details?: { errors?: Array<{ path?: unknown[] }> };
}) => ({
  message: error.message,
  fields: (error.details?.errors ?? []).map((issue) => String(issue.path?.[0])),
});

const runDocuments = async (plan: Plan): Promise<Outcome> => {
  const documents = app.strapi.documents(plan.type.uid as never) as any;
  try {
    const result =
      plan.action === 'create'
        ? await documents.create({ data: plan.data, locale: plan.locale })
        : await documents.update({
            documentId: plan.documentId,
            data: plan.data,
            locale: plan.locale,
          });
    return { accepted: true, documentId: result?.documentId };
  } catch (error) {
    if (error instanceof errors.ApplicationError) {
      return { accepted: false, refusal: refusalOf(error) };
    }
    const { name, message } = error as Error;
    return { accepted: false, failure: `threw ${name}: ${message}` };
  }
};

const runAdmin = async (plan: Plan): Promise<Outcome> => {
  const base = `/content-manager/collection-types/${plan.type.uid}`;
  const query = plan.locale ? `?locale=${plan.locale}` : '';
  const agent = request(app.strapi.server.httpServer);
  const response = await (
    plan.action === 'create'
      ? agent.post(`${base}${query}`)
      : agent.put(`${base}/${plan.documentId}${query}`)
  )
    .set('Authorization', `Bearer ${token}`)
    .set('Content-Type', 'application/json')
    // JSON.stringify keeps an own `__proto__` key, as a client's raw JSON would carry it.
    .send(JSON.stringify(plan.data));
  if (response.status >= 500) {
    return { accepted: false, failure: `${response.status} ${JSON.stringify(response.body)}` };
  }
  if (response.status === 200 || response.status === 201) {
    return { accepted: true, documentId: response.body.data?.documentId };
  }
  if (response.body?.error?.status !== response.status) {
    return { accepted: false, failure: `${response.status} not in Strapi's error shape` };
  }
  return { accepted: false, refusal: refusalOf(response.body.error) };
};

/** What the stored row must be after an accepted write; a list of what differs. */
const checkStored = async (
  plan: Plan,
  documentId: string,
  before: Row | null,
  sibling: Row | null
): Promise<string[]> => {
  const { type } = plan;
  const problems: string[] = [];
  const rows: Row[] = await app.strapi.db.query(type.uid as never).findMany({
    where: { documentId, publishedAt: null, ...(plan.locale ? { locale: plan.locale } : {}) },
    populate: type.tagged ? { personas: { select: ['documentId'] } } : {},
  });
  if (rows.length !== 1) return [`${rows.length} draft rows for ${documentId}`];
  const [row] = rows;
  const sent = plan.data;

  const expectedTitle =
    type.titleKey in sent ? sent[type.titleKey] : (before?.[type.titleKey] ?? null);
  if (row[type.titleKey] !== expectedTitle) {
    problems.push(
      `${type.titleKey} ${JSON.stringify(row[type.titleKey])}, sent ${JSON.stringify(expectedTitle)}`
    );
  }

  if (type.tagged) {
    // Strapi's i18n fills a new locale's nil non-localized fields from the document's other
    // locales, so a null stage sent with a new translation keeps the document's shared stage.
    const stageSent = 'journeyStage' in sent && (sent.journeyStage !== null || before !== null);
    const expectedStage = stageSent
      ? sent.journeyStage
      : (before?.journeyStage ?? sibling?.journeyStage ?? null);
    if (row.journeyStage !== expectedStage) {
      problems.push(
        `stage ${JSON.stringify(row.journeyStage)}, expected ${JSON.stringify(expectedStage)}`
      );
    }
    // The stage is shared by every locale of a document.
    const stages = await app.strapi.db.query(type.uid as never).findMany({
      select: ['journeyStage'],
      where: { documentId, publishedAt: null },
    });
    if (stages.some((other: Row) => other.journeyStage !== row.journeyStage)) {
      problems.push(`locales disagree on the stage: ${JSON.stringify(stages)}`);
    }
    const inherited = before ? personaIds(before) : personaIds(sibling);
    const expectedPersonas = plan.personas
      ? sorted(plan.personas.resolve(before ? personaIds(before) : []))
      : plan.action === 'create'
        ? []
        : inherited;
    const stored = personaIds(row);
    if (JSON.stringify(stored) !== JSON.stringify(expectedPersonas)) {
      problems.push(
        `personas ${JSON.stringify(stored)}, expected ${JSON.stringify(expectedPersonas)}`
      );
    }
  }

  if (type.hasSlug) {
    // The middleware's source: the title sent, or the stored one when the title sent is blank.
    const sentTitle = sent[type.titleKey];
    const titleAfter = [undefined, null, ''].includes(sentTitle as never)
      ? before?.[type.titleKey]
      : sentTitle;
    const generate =
      plan.slug?.kind === 'generate' || (plan.slug === undefined && !before && !('slug' in sent));
    if (plan.slug?.kind === 'given' && row.slug !== plan.slug.value) {
      problems.push(`slug ${JSON.stringify(row.slug)}, sent ${JSON.stringify(plan.slug.value)}`);
    } else if (generate) {
      const base = typeof titleAfter === 'string' ? toSlug(titleAfter) : '';
      const fits =
        base === ''
          ? row.slug === null
          : typeof row.slug === 'string' && new RegExp(`^${base}(-\\d+)?$`).test(row.slug);
      if (!fits)
        problems.push(
          `generated slug ${JSON.stringify(row.slug)} from ${JSON.stringify(titleAfter)}`
        );
    } else if (!('slug' in sent) && before && row.slug !== before.slug) {
      problems.push(
        `slug changed from ${JSON.stringify(before.slug)} to ${JSON.stringify(row.slug)}`
      );
    }
    if (row.slug !== null && row.slug !== undefined) {
      if (!SLUG_PATTERN.test(row.slug))
        problems.push(`slug ${JSON.stringify(row.slug)} is not slug-shaped`);
      const clash = await app.strapi.db.query(type.uid as never).findOne({
        where: {
          slug: row.slug,
          documentId: { $ne: documentId },
          ...(type.localized ? { locale: row.locale } : {}),
        },
      });
      if (clash) problems.push(`slug ${row.slug} also used by ${clash.documentId}`);
    }
  }

  if (type.uid === 'plugin::journey.form' && 'fields' in sent) {
    const stored = typeof row.fields === 'string' ? JSON.parse(row.fields) : row.fields;
    if (canonical(stored) !== canonical(sent.fields)) {
      problems.push(`fields ${JSON.stringify(stored)}, sent ${JSON.stringify(sent.fields)}`);
    }
  }
  return problems;
};

const tally = { documents: { accepted: 0, rejected: 0 }, admin: { accepted: 0, rejected: 0 } };
const failures: Record<Plan['via'], string[]> = { documents: [], admin: [] };

/** One generated write, checked: returns nothing, records what went wrong in `failures`. */
const fuzzOnce = async (gen: Generator, via: Plan['via']) => {
  const plan = await planWrite(gen, via);
  const { type } = plan;
  const before = plan.documentId ? await draftRow(type.uid, plan.documentId, plan.locale) : null;
  const sibling = plan.documentId && !before ? await draftRow(type.uid, plan.documentId) : null;
  // The data is sent as built; the plan keeps its own copy, since the middleware rewrites it.
  const sent: Data = JSON.parse(JSON.stringify(plan.data));
  // Only a refused write is compared; a valid write that is refused fails anyway.
  const snapshotBefore = plan.verdict === 'valid' ? '' : await snapshot(type.uid);
  const outcome = await (via === 'documents' ? runDocuments(plan) : runAdmin(plan));
  plan.data = sent;
  const fail = (why: string) => failures[via].push(`${why}\n    ${describeWrite(plan)}`);

  if (outcome.failure) return fail(outcome.failure);
  if (!outcome.accepted) {
    tally[via].rejected += 1;
    if (plan.verdict === 'valid') return fail(`refused a valid write: ${outcome.refusal?.message}`);
    const refusal = outcome.refusal;
    // Values are cut in messages (a 10 kB slug is not repeated back).
    if (refusal && refusal.message.length > 400)
      fail(`a ${refusal.message.length}-character message`);
    // With one invalid part and nothing open, the refusal is about that part and names it.
    const [only] = plan.invalidFields;
    if (
      refusal &&
      plan.invalidFields.length === 1 &&
      !plan.parts.some((part) => part.startsWith('either'))
    ) {
      if (!refusal.fields.includes(only))
        fail(`refused for ${JSON.stringify(refusal)}, not ${only}`);
    }
    if ((await snapshot(type.uid)) !== snapshotBefore) fail('a refused write changed rows');
    return;
  }
  tally[via].accepted += 1;
  if (plan.verdict === 'invalid') return fail('accepted an invalid write');
  const documentId = outcome.documentId ?? plan.documentId;
  if (!documentId) return fail('accepted without a documentId');
  if (plan.action === 'create') documentIdsByType.get(type.uid)!.push(documentId);
  const problems = await checkStored(plan, documentId, before, sibling);
  if (problems.length > 0) fail(`stored other than sent: ${problems.join('; ')}`);
  if (type.uid === PERSONA && plan.action === 'create') {
    const row = await draftRow(PERSONA, documentId);
    if (row) personas.push({ documentId, draftId: row.id });
  }
};

beforeAll(async () => {
  app = await bootStrapi();
  const { strapi } = app;
  token = await adminToken(strapi);
  for (const name of ['Restaurant owner', 'B2B buyer', 'Shop manager', 'Consultant']) {
    await createPersona(strapi, { name });
  }
  await createPersona(strapi, { name: 'Only a draft' }, { publish: false });
  const rows = await strapi.db.query(PERSONA).findMany({ orderBy: { id: 'asc' } });
  personas = rows
    .filter((row: Row) => row.publishedAt === null)
    .map((row: Row) => ({
      documentId: row.documentId,
      draftId: row.id,
      publishedId: rows.find(
        (other: Row) => other.documentId === row.documentId && other.publishedAt !== null
      )?.id,
    }));

  const tagging = strapi.plugin('journey').service('tagging');
  const own = (strapi.config.get('plugin::journey.contentTypes') ?? []) as string[];
  types = [
    { uid: 'plugin::journey.blog-post', titleKey: 'title', hasSlug: true, required: {} },
    { uid: 'plugin::journey.landing-page', titleKey: 'title', hasSlug: true, required: {} },
    { uid: 'plugin::journey.cta', titleKey: 'label', hasSlug: false, required: { url: '/demo' } },
    { uid: 'plugin::journey.form', titleKey: 'name', hasSlug: false, required: {} },
    ...own.map((uid) => ({ uid, titleKey: 'title', hasSlug: false, required: {} })),
    { uid: PERSONA, titleKey: 'name', hasSlug: true, required: {} },
  ].map((type) => ({
    ...type,
    tagged: tagging.isTagged(type.uid),
    localized: Boolean(
      (strapi.contentType(type.uid as never).pluginOptions as { i18n?: { localized?: boolean } })
        ?.i18n?.localized
    ),
  }));
  for (const type of types) documentIdsByType.set(type.uid, []);
  const existing = await strapi.db.query(PERSONA).findMany({ where: { publishedAt: null } });
  documentIdsByType.set(
    PERSONA,
    existing.map((row: Row) => row.documentId)
  );
}, 120_000);

afterAll(async () => {
  await app?.stop();
});

it('the playground tags its own type too, so the fuzz covers it', () => {
  expect(types.map((type) => type.uid)).toContain('api::article.article');
  expect(types.filter((type) => type.tagged)).toHaveLength(5);
});

it(`${DOCUMENT_WRITES} generated Document Service writes: 4xx errors only, a refused write changes nothing, an accepted one stores what was sent`, async () => {
  const gen = makeGenerator(prng(SEED), 'documents');
  for (let i = 0; i < DOCUMENT_WRITES; i += 1) await fuzzOnce(gen, 'documents');
  // Each failure names the seed (JOURNEY_FUZZ_SEED) and the write, to replay it.
  expect(failures.documents.slice(0, 15)).toEqual([]);
  expect(tally.documents.accepted).toBeGreaterThanOrEqual(DOCUMENT_WRITES * 0.25);
  expect(tally.documents.rejected).toBeGreaterThanOrEqual(DOCUMENT_WRITES * 0.25);
}, 120_000);

it(`${ADMIN_WRITES} generated Content Manager writes: never a 5xx, a refused write changes nothing, an accepted one stores what was sent`, async () => {
  const gen = makeGenerator(prng(SEED + 1), 'admin');
  for (let i = 0; i < ADMIN_WRITES; i += 1) await fuzzOnce(gen, 'admin');
  expect(failures.admin.slice(0, 15)).toEqual([]);
  expect(tally.admin.accepted).toBeGreaterThanOrEqual(ADMIN_WRITES * 0.25);
  expect(tally.admin.rejected).toBeGreaterThanOrEqual(ADMIN_WRITES * 0.25);
}, 120_000);

it('leaves no link to a persona that does not exist', async () => {
  const knex = app.strapi.db.connection;
  const personaTable = tableOf(PERSONA).tableName;
  for (const type of types.filter((candidate) => candidate.tagged)) {
    const joinTable = (
      tableOf(type.uid).attributes.personas as unknown as {
        joinTable: { name: string; inverseJoinColumn: { name: string } };
      }
    ).joinTable;
    const dangling = await knex(joinTable.name)
      .leftJoin(
        personaTable,
        `${personaTable}.id`,
        `${joinTable.name}.${joinTable.inverseJoinColumn.name}`
      )
      .whereNull(`${personaTable}.id`)
      .count({ count: '*' });
    expect([type.uid, Number(dangling[0].count)]).toEqual([type.uid, 0]);
  }
});

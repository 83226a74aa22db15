import request from 'supertest';
import { createEntry, createPersona } from '../helpers/fixtures';
import { bootStrapi, type TestApp } from '../helpers/strapi';

/**
 * Generated abuse of POST /api/journey/forms/:documentId/submissions, bounded and reproducible (a
 * seeded generator; a failure prints the offending body), against a form with every field type.
 * Whatever arrives, the answer is a 201, 400, 404 or 413 in Strapi's shape; afterwards the stored
 * submissions are exactly the 201s that were not honeypot catches, each holding only the form's
 * field names.
 */
const REQUESTS = 3000;
const FORM = 'plugin::journey.form';
const BLOG = 'plugin::journey.blog-post';
const SUBMISSION = 'plugin::journey.submission';
const HONEYPOT = 'website';
const BROWSER =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

/** mulberry32, as in fuzz.test.ts: a failing body can be reproduced from the seed. */
const prng = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const fields = [
  { name: 'email', label: 'Work email', type: 'email', required: true },
  { name: 'name', label: 'Name', type: 'text', required: true, minLength: 2, maxLength: 40 },
  { name: 'phone', label: 'Phone', type: 'tel' },
  { name: 'employees', label: 'Employees', type: 'number', min: 1, max: 10000 },
  {
    name: 'plan',
    label: 'Plan',
    type: 'select',
    required: true,
    options: [
      { value: 'starter', label: 'Starter' },
      { value: 'business', label: 'Business' },
    ],
  },
  { name: 'code', label: 'Voucher', type: 'text', pattern: '[A-Z]{3}-\\d{3}' },
  { name: 'message', label: 'Message', type: 'textarea' },
  { name: 'consent', label: 'I agree', type: 'checkbox', required: true },
];
const FIELD_NAMES = fields.map((field) => field.name);

const NASTY: unknown[] = [
  '',
  ' ',
  'x'.repeat(41),
  'x'.repeat(5001),
  'x'.repeat(70_000),
  'Ünïcødé 🚀 ÆØÅ',
  '\u0000',
  '\ud800',
  "' OR 1=1--",
  '<script>alert(1)</script>',
  '=HYPERLINK("http://x")',
  '__proto__',
  'constructor',
  'toString',
  '$ne',
  '1e3',
  'NaN',
  'Infinity',
  0,
  -1,
  1.5,
  1e308,
  10001,
  true,
  false,
  null,
  [],
  ['starter'],
  {},
  { $ne: null },
  { value: 'starter' },
  JSON.parse('{"__proto__": {"polluted": true}}'),
];

let app: TestApp;
let formId: string;
let draftFormId: string;
let postId: string;
let personaSlug: string;

beforeAll(async () => {
  app = await bootStrapi({
    pluginConfig: { stages: 'default', forms: { rateLimit: false, formRateLimit: false } },
  });
  const { strapi } = app;
  const owner = await createPersona(strapi, { name: 'Owner' });
  personaSlug = owner.slug;
  const published = '2026-03-01T10:00:00.000Z';
  formId = await createEntry(strapi, {
    uid: FORM,
    data: { name: 'Every field', fields },
    stage: 'decision',
    personas: [owner.documentId],
    publishedAt: published,
  });
  draftFormId = await createEntry(strapi, {
    uid: FORM,
    data: { name: 'Draft', fields },
    stage: 'decision',
  });
  postId = await createEntry(strapi, {
    uid: BLOG,
    data: { title: 'Why book a demo' },
    stage: 'decision',
    publishedAt: published,
  });
}, 120_000);

afterAll(async () => {
  await app?.strapi.plugin('journey').service('submissions').settled();
  await app?.stop();
});

const generator = (random: () => number) => {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const validData = (): Record<string, unknown> => ({
    email: pick(['ada@example.com', ' Ada@Example.COM ', 'ø@bå.dk']),
    name: pick(['Ada', 'Ünïcødé 🚀', 'x'.repeat(40)]),
    plan: pick(['starter', 'business']),
    consent: true,
    ...(random() < 0.4 ? { phone: pick(['+45 12 34 56 78', '(555) 123-4567']) } : {}),
    ...(random() < 0.4 ? { employees: pick([1, 10000, '42', 3.5]) } : {}),
    ...(random() < 0.3 ? { code: 'ABC-123' } : {}),
    ...(random() < 0.3 ? { message: pick(['Hi', 'x'.repeat(5000), 'line\nbreak']) } : {}),
    ...(random() < 0.2 ? { [HONEYPOT]: pick(['', null, false]) } : {}),
  });
  const context = (): unknown => {
    const roll = random();
    if (roll < 0.5) return undefined;
    if (roll < 0.8) {
      return {
        ...(random() < 0.5 ? { persona: personaSlug } : {}),
        ...(random() < 0.5 ? { stage: pick(['awareness', 'decision']) } : {}),
        ...(random() < 0.5 ? { locale: 'en' } : {}),
        ...(random() < 0.3 ? { source: { contentType: 'blog-post', documentId: postId } } : {}),
      };
    }
    // A bad context: unknown values, wrong types, extra keys.
    return pick<unknown>([
      { persona: 'nobody' },
      { stage: 'awarness' },
      { locale: 'fr' },
      { locale: '' },
      { locale: 'x'.repeat(101) },
      { source: { contentType: 'blog-post', documentId: 'nope' } },
      { source: { contentType: 'nope', documentId: postId } },
      { source: { contentType: 'form', documentId: draftFormId } },
      { source: 'blog-post' },
      { source: { contentType: 'blog-post' } },
      { stage: 'decision', extra: 1 },
      { persona: { $ne: null } },
      { stage: '\u0000' },
      [],
      'decision',
      null,
      42,
    ]);
  };
  /** Values the form refuses: wrong types, missing or extra fields, huge strings. */
  const brokenData = (): unknown => {
    const roll = random();
    if (roll < 0.1) return pick(NASTY);
    const data = validData();
    if (roll < 0.6) data[pick([...FIELD_NAMES, HONEYPOT])] = pick(NASTY);
    else if (roll < 0.75) delete data[pick(['email', 'name', 'plan', 'consent'])];
    else if (roll < 0.9)
      data[pick(['constructor', 'extra', 'Email', '', 'toString', 'x'.repeat(80)])] = 'x';
    else Object.defineProperty(data, '__proto__', { value: 'x', enumerable: true });
    return data;
  };
  const formPath = () =>
    random() < 0.9
      ? formId
      : pick([draftFormId, postId, 'nope', '__proto__', 'x'.repeat(200), 'Ünïcødé', '%00']);

  /** A body: `raw` is sent as-is (a string), `json` through JSON.stringify. */
  return (): { form: string; json?: unknown; raw?: string; contentType: string } => {
    const roll = random();
    const json = 'application/json';
    const form = formPath();
    if (roll < 0.35) {
      return { form, json: { data: validData(), context: context() }, contentType: json };
    }
    if (roll < 0.45) {
      // A bot filling the honeypot: answered 201, nothing stored.
      const data = random() < 0.7 ? validData() : (brokenData() as Record<string, unknown>);
      const bait = pick(['http://spam.example', ' ', '0', 0, true, 'x'.repeat(1000)]);
      return {
        form,
        json: { data: { ...(typeof data === 'object' && data ? data : {}), [HONEYPOT]: bait } },
        contentType: json,
      };
    }
    if (roll < 0.75) {
      return { form, json: { data: brokenData(), context: context() }, contentType: json };
    }
    if (roll < 0.82) {
      return {
        form,
        json: pick<unknown>([
          null,
          [],
          {},
          'data',
          42,
          { data: null },
          { data: [] },
          { data: 'x' },
          { data: { email: { nested: { deep: 'x' } } } },
          { data: validData(), extra: 1 },
          { Data: validData() },
          [{ data: validData() }],
          {
            data: validData(),
            context: { source: { contentType: 'blog-post', documentId: postId, x: 1 } },
          },
          { data: { ...validData(), message: 'x'.repeat(70_000) } },
        ]),
        contentType: json,
      };
    }
    // Raw strings: prototype keys as JSON text (JSON.stringify would drop a real __proto__),
    // as application/json and text/plain.
    const body = JSON.stringify({ data: validData() });
    const withKey = (key: string, value: string) =>
      `{"data":${JSON.stringify(validData()).slice(0, -1)},${JSON.stringify(key)}:${value}}}`;
    const raw = pick([
      `{"__proto__":${body}}`,
      `${body.slice(0, -1)},"__proto__":{"polluted":true}}`,
      `{"constructor":{"prototype":{"polluted":true}},"data":{}}`,
      withKey('__proto__', '{"polluted":true}'),
      withKey('__proto__', '"x"'),
      withKey('constructor', '{"prototype":{"polluted":true}}'),
      withKey('constructor', '"x"'),
      withKey(HONEYPOT, '"http://spam.example"'),
      withKey(HONEYPOT, '""'),
      `{"data":{"__proto__":{"email":"ada@example.com"}}}`,
      `{"data":${JSON.stringify(validData())},"context":{"__proto__":{"stage":"decision"}}}`,
      `${body}garbage`,
      body.slice(0, -2),
      "{'data':{}}",
      '',
      'null',
      '\u0000',
      body.replace('"starter"', '"\\ud83d\\ude80"').replace('"business"', '"\\ud800"'),
      `{"data":{${Array.from({ length: 3000 }, (_, i) => `"f${i}":"${'y'.repeat(20)}"`).join(',')}}}`,
    ]);
    return { form, raw, contentType: pick([json, 'text/plain', 'text/plain;charset=UTF-8']) };
  };
};

/** Whether the server takes this body for a bot: its data holds a filled honeypot. */
const isHoneypotCatch = (sent: string) => {
  let body: unknown;
  try {
    body = JSON.parse(sent);
  } catch {
    return false;
  }
  const data = (body as { data?: unknown } | null)?.data;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return false;
  if (!Object.prototype.hasOwnProperty.call(data, HONEYPOT)) return false;
  const bait = (data as Record<string, unknown>)[HONEYPOT];
  return bait !== undefined && bait !== null && bait !== '' && bait !== false;
};

const short = (text: string) =>
  text.length > 400 ? `${text.slice(0, 400)}... (${text.length} chars)` : text;

describe('fuzzing POST /api/journey/forms/:documentId/submissions', () => {
  it(`answers ${REQUESTS} generated bodies with a 201, 400, 404 or 413, and stores exactly the real 201s`, async () => {
    const submissions = () => app.strapi.db.query(SUBMISSION);
    expect(await submissions().count({})).toBe(0);
    const next = generator(prng(20261201));
    const tally: Record<string, number> = {};
    const stored = new Set<string>();
    const caught = new Set<string>();
    for (let i = 0; i < REQUESTS; i += 1) {
      const body = next();
      const sent = body.raw ?? JSON.stringify(body.json) ?? '';
      const response = await request(app.strapi.server.httpServer)
        .post(`/api/journey/forms/${encodeURIComponent(body.form)}/submissions`)
        .set({ 'User-Agent': BROWSER, 'Content-Type': body.contentType })
        .send(sent);
      tally[response.status] = (tally[response.status] ?? 0) + 1;
      const where = `request ${i} to ${short(body.form)} (${body.contentType}): ${short(sent)} -> ${response.status} ${short(JSON.stringify(response.body))}`;
      if (![201, 400, 404, 413].includes(response.status)) throw new Error(`unexpected ${where}`);
      if (response.status === 201) {
        const data = response.body?.data;
        if (
          typeof data?.id !== 'string' ||
          Number.isNaN(Date.parse(data.createdAt)) ||
          Object.keys(response.body).join() !== 'data' ||
          Object.keys(data).sort().join() !== 'createdAt,id'
        )
          throw new Error(`malformed 201 for ${where}`);
        (isHoneypotCatch(sent) ? caught : stored).add(data.id);
        continue;
      }
      const error = response.body?.error;
      if (
        response.body?.data !== null ||
        error?.status !== response.status ||
        typeof error?.name !== 'string' ||
        typeof error?.message !== 'string' ||
        error.message.length > 2000 ||
        (response.status === 400 &&
          error.details?.errors !== undefined &&
          !(error.details.errors as Array<{ path: unknown; message: unknown }>).every(
            (issue) => Array.isArray(issue.path) && typeof issue.message === 'string'
          ))
      )
        throw new Error(`not Strapi's error shape for ${where}`);
    }
    // Nothing leaked onto Object.prototype from the __proto__ bodies.
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // Every kind of answer was exercised, and plenty of each real one.
    expect(Object.keys(tally).sort()).toEqual(['201', '400', '404', '413']);
    expect(stored.size).toBeGreaterThan(300);
    expect(caught.size).toBeGreaterThan(100);
    expect(tally[400]).toBeGreaterThan(1000);

    const rows = (await submissions().findMany({
      select: ['documentId', 'formDocumentId', 'data'],
    })) as Array<{ documentId: string; formDocumentId: string; data: Record<string, unknown> }>;
    expect(new Set(rows.map((row) => row.documentId))).toEqual(stored);
    expect(rows).toHaveLength(stored.size);
    for (const row of rows) {
      expect(row.formDocumentId).toBe(formId);
      const unknown = Object.keys(row.data).filter((key) => !FIELD_NAMES.includes(key));
      if (unknown.length > 0)
        throw new Error(
          `submission ${row.documentId} stored unknown fields: ${unknown.join(', ')}`
        );
      expect(row.data).toMatchObject({ consent: true, plan: expect.any(String) });
    }
  }, 900_000);
});

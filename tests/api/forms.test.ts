import http from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { SMTPServer } from 'smtp-server';
import { adminToken } from '../helpers/admin';
import { createEntry, createPersona } from '../helpers/fixtures';
import { bootStrapi, type TestApp } from '../helpers/strapi';

/**
 * Form submissions end to end, against a real SMTP server and a real webhook receiver started by
 * the test: validation against the form's field definitions, storage, spam protection,
 * notifications with retries, conversions, the admin API, retention and erasure.
 */
const FORM = 'plugin::journey.form';
const BLOG = 'plugin::journey.blog-post';
const BROWSER =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

interface Mail {
  to: string;
  body: string;
}
const mails: Mail[] = [];
/** Rejects the next N messages with a temporary failure, to exercise retries. */
let rejectNext = 0;
let smtp: SMTPServer;
let smtpPort: number;
const hooks: Array<{ event: string; body: Record<string, unknown> }> = [];
let hookServer: http.Server;
let hookUrl: string;

let app: TestApp;
let token: string;
let clientCounter = 0;
const ids: Record<string, string> = {};
let owner: { documentId: string; slug: string };

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
const valid = {
  email: 'Ada@Example.com',
  name: 'Ada',
  plan: 'business',
  consent: true,
};

const api = () => request(app.strapi.server.httpServer);
/** Each call is a new client (X-Forwarded-For is trusted here), unless one is given. */
const submit = (formId: string, body: unknown, client = `10.1.0.${(clientCounter += 1) % 250}`) =>
  api()
    .post(`/api/journey/forms/${formId}/submissions`)
    .set({ 'User-Agent': BROWSER, 'X-Forwarded-For': client })
    .send(body as object);
const admin = (method: 'get' | 'delete', path: string) =>
  api()[method](path).set('Authorization', `Bearer ${token}`);
const service = () => app.strapi.plugin('journey').service('submissions');
const stored = () => app.strapi.db.query('plugin::journey.submission').count({});

/** Waits for a condition, never for a fixed time. */
const eventually = async (
  check: () => Promise<boolean> | boolean,
  what: string,
  timeoutMs = 20_000
) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setImmediate(resolve));
    await service().settled();
  }
};

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      let body = '';
      stream.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      stream.on('end', () => {
        if (rejectNext > 0) {
          rejectNext -= 1;
          const error = Object.assign(new Error('Try again later'), { responseCode: 451 });
          callback(error);
          return;
        }
        // Quoted-printable decoded (soft line breaks joined), so assertions read the message's text.
        const decoded = body
          .replace(/=\r?\n/g, '')
          .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), body: decoded });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  smtpPort = (smtp.server.address() as AddressInfo).port;
  hookServer = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      hooks.push({ event: String(req.headers['x-strapi-event']), body: JSON.parse(body) });
      res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((resolve) => hookServer.listen(0, '127.0.0.1', resolve));
  hookUrl = `http://127.0.0.1:${(hookServer.address() as AddressInfo).port}/crm`;

  app = await bootStrapi({
    pluginConfig: {
      stages: 'default',
      forms: { rateLimit: { max: 3, windowMs: 60_000 }, formRateLimit: false, notifyAttempts: 2 },
    },
    plugins: {
      email: {
        config: {
          provider: 'nodemailer',
          providerOptions: { host: '127.0.0.1', port: smtpPort, secure: false, ignoreTLS: true },
          settings: { defaultFrom: 'journey@example.com', defaultReplyTo: 'journey@example.com' },
        },
      },
    },
  });
  app.strapi.server.app.proxy = true;
  token = await adminToken(app.strapi);
  owner = await createPersona(app.strapi, { name: 'Owner' });
  const published = '2026-03-01T10:00:00.000Z';
  ids.form = await createEntry(app.strapi, {
    uid: FORM,
    data: { name: 'Demo request', fields, notifyEmails: 'sales@example.com, ops@example.com' },
    stage: 'decision',
    personas: [owner.documentId],
    publishedAt: published,
  });
  ids.draftForm = await createEntry(app.strapi, {
    uid: FORM,
    data: { name: 'Not yet', fields },
    stage: 'decision',
  });
  ids.post = await createEntry(app.strapi, {
    uid: BLOG,
    data: { title: 'Why book a demo' },
    stage: 'decision',
    publishedAt: published,
  });
  await app.strapi.get('webhookStore').createWebhook({
    name: 'CRM',
    url: hookUrl,
    headers: {},
    events: ['journey-submission.create'],
    isEnabled: true,
  });
  // Strapi's webhook runner learns of webhooks at startup or through its admin API.
  const [webhook] = await app.strapi.get('webhookStore').findWebhooks();
  app.strapi.get('webhookRunner').add(webhook);
}, 120_000);

afterAll(async () => {
  await service()?.settled();
  await app?.stop();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  await new Promise<void>((resolve) => hookServer.close(() => resolve()));
});

describe('POST /api/journey/forms/:documentId/submissions', () => {
  it('stores a valid submission, answers with its id and time only, and counts conversions', async () => {
    const before = await stored();
    const response = await submit(ids.form, {
      data: { ...valid, phone: '+45 12 34 56 78', employees: '25', message: '<b>Hi</b> =1+1' },
      context: {
        persona: owner.slug,
        stage: 'decision',
        source: { contentType: 'blog-post', documentId: ids.post },
      },
    });
    expect(response.status).toBe(201);
    expect(Object.keys(response.body.data).sort()).toEqual(['createdAt', 'id']);
    expect(await stored()).toBe(before + 1);
    const row = await app.strapi.db
      .query('plugin::journey.submission')
      .findOne({ where: { documentId: response.body.data.id } });
    // Only the form's fields, coerced to their types, HTML kept as the text it is.
    expect(row.data).toEqual({
      email: 'Ada@Example.com',
      name: 'Ada',
      plan: 'business',
      consent: true,
      phone: '+45 12 34 56 78',
      employees: 25,
      message: '<b>Hi</b> =1+1',
    });
    expect(row).toMatchObject({
      formDocumentId: ids.form,
      formLocale: 'en',
      stage: 'decision',
      persona: owner.slug,
    });

    const analytics = app.strapi.plugin('journey').service('analytics');
    await analytics.flush();
    const conversions = await app.strapi.db
      .connection('journey_event_rollups')
      .where({ event_type: 'conversion' })
      .select('document_id')
      .sum({ n: 'count' })
      .groupBy('document_id');
    expect(
      Object.fromEntries(
        (conversions as Array<{ document_id: string; n: unknown }>).map((c) => [
          c.document_id,
          Number(c.n),
        ])
      )
    ).toEqual({
      [ids.form]: 1,
      [ids.post]: 1,
    });
  });

  it('refuses invalid values with one error per field, named data.<field>', async () => {
    const before = await stored();
    const response = await submit(ids.form, {
      data: {
        email: 'not-an-email',
        name: 'A',
        phone: 'call me',
        employees: 0,
        plan: 'gold',
        code: 'abc-123',
        consent: false,
        color: 'red',
      },
    });
    expect(response.status).toBe(400);
    expect(response.body.error.name).toBe('ValidationError');
    const byField = Object.fromEntries(
      response.body.error.details.errors.map((e: { path: string[]; message: string }) => [
        e.path.join('.'),
        e.message,
      ])
    );
    expect(byField).toEqual({
      'data.color': 'This form has no such field.',
      'data.email': 'Enter a valid email address.',
      'data.name': 'Use at least 2 characters.',
      'data.phone': 'Enter a valid phone number.',
      'data.employees': 'Enter a number of at least 1.',
      'data.plan': 'Choose one of: Starter, Business.',
      'data.code': 'This value does not have the expected format.',
      'data.consent': 'This box must be checked.',
    });
    const missing = await submit(ids.form, { data: {} });
    expect(missing.body.error.details.errors.map((e: { path: string[] }) => e.path[1])).toEqual([
      'email',
      'name',
      'plan',
      'consent',
    ]);
    const tooLong = await submit(ids.form, { data: { ...valid, message: 'x'.repeat(5001) } });
    expect(tooLong.body.error.details.errors).toEqual([
      expect.objectContaining({
        path: ['data', 'message'],
        message: 'Use at most 5000 characters.',
      }),
    ]);
    expect(await stored()).toBe(before);
  });

  it('refuses malformed bodies and unknown context with a 400 naming the field', async () => {
    for (const [body, text] of [
      [{}, 'data'],
      [{ data: { email: { nested: true } } }, 'data.email'],
      [{ data: valid, extra: 1 }, 'extra'],
      [{ data: valid, context: { stage: 'nirvana' } }, 'nirvana'],
      [{ data: valid, context: { persona: 'nobody' } }, 'nobody'],
      [
        { data: valid, context: { source: { contentType: 'blog-post', documentId: 'nope' } } },
        'nope',
      ],
      [{ data: valid, context: { locale: 'xx' } }, 'xx'],
    ] as const) {
      const response = await submit(ids.form, body);
      expect({ body, status: response.status }).toEqual({ body, status: 400 });
      expect(response.body.error.message).toContain(text);
    }
  });

  it('answers 404 for a form that is not published in the locale asked', async () => {
    for (const [formId, context] of [
      ['no-such-form', undefined],
      [ids.draftForm, undefined],
      [ids.form, { locale: 'da' }],
    ] as const) {
      const response = await submit(formId, { data: valid, ...(context ? { context } : {}) });
      expect(response.status).toBe(404);
      expect(response.body.error.name).toBe('NotFoundError');
    }
  });

  it('answers a filled honeypot like a success and stores nothing', async () => {
    const before = await stored();
    const response = await submit(ids.form, { data: { ...valid, website: 'http://spam.example' } });
    expect(response.status).toBe(201);
    expect(response.body.data.id).toMatch(/^[a-z0-9]{24}$/);
    expect(await stored()).toBe(before);
    // An empty honeypot is what a person sends: stored, without the honeypot.
    const person = await submit(ids.form, { data: { ...valid, website: '' } });
    expect(person.status).toBe(201);
    expect(await stored()).toBe(before + 1);
  });

  it('limits submissions per client with a 429 and Retry-After', async () => {
    for (let i = 0; i < 3; i += 1)
      expect((await submit(ids.form, { data: valid }, '10.9.9.9')).status).toBe(201);
    const refused = await submit(ids.form, { data: valid }, '10.9.9.9');
    expect(refused.status).toBe(429);
    expect(refused.body.error.name).toBe('RateLimitError');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
  });
});

describe('notifications', () => {
  it("emails the form's notifyEmails as plain text and posts to webhooks", async () => {
    // Earlier tests' deliveries are done before counting this one's.
    await service().settled();
    mails.length = 0;
    hooks.length = 0;
    const response = await submit(ids.form, {
      data: { ...valid, message: '<script>alert(1)</script>' },
    });
    expect(response.status).toBe(201);
    const id: string = response.body.data.id;
    await eventually(
      () =>
        mails.some((mail) => mail.body.includes(id)) &&
        hooks.some((hook) => JSON.stringify(hook.body).includes(id)),
      'the email and the webhook'
    );
    expect(mails).toHaveLength(1);
    expect(hooks).toHaveLength(1);
    expect(mails[0].to).toBe('sales@example.com,ops@example.com');
    expect(mails[0].body).toContain('Subject: New submission: Demo request');
    expect(mails[0].body).toContain('Work email: Ada@Example.com');
    // The text part has the characters typed; the HTML part has them escaped, never as markup.
    expect(mails[0].body).toContain('Message: <script>alert(1)</script>');
    const html = mails[0].body.slice(mails[0].body.search(/Content-Type: text\/html/i));
    expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
    expect(html).not.toContain('<script>');
    expect(hooks[0].event).toBe('journey-submission.create');
    expect(hooks[0].body).toMatchObject({
      event: 'journey-submission.create',
      submission: {
        id: response.body.data.id,
        form: { documentId: ids.form },
        data: { plan: 'business' },
      },
    });
    const row = await app.strapi.db
      .query('plugin::journey.submission')
      .findOne({ where: { documentId: response.body.data.id } });
    expect(row.delivery).toEqual({
      email: { state: 'sent', attempts: 1 },
      webhooks: { state: 'sent', attempts: 1 },
    });
  });

  it('retries a failed email, and keeps the submission whatever happens', async () => {
    await service().settled();
    mails.length = 0;
    rejectNext = 1;
    const response = await submit(ids.form, { data: valid });
    expect(response.status).toBe(201);
    const row = () =>
      app.strapi.db
        .query('plugin::journey.submission')
        .findOne({ where: { documentId: response.body.data.id } });
    await eventually(
      async () => (await row()).delivery.email.state === 'sent',
      'the retried email'
    );
    expect((await row()).delivery.email).toEqual({ state: 'sent', attempts: 2 });
    expect(mails).toHaveLength(1);

    // Both tries fail (notifyAttempts: 2): given up, logged, the submission is still there.
    rejectNext = 2;
    const lost = await submit(ids.form, { data: valid });
    const lostRow = () =>
      app.strapi.db
        .query('plugin::journey.submission')
        .findOne({ where: { documentId: lost.body.data.id } });
    await eventually(async () => (await lostRow()).delivery.email.state === 'failed', 'giving up');
    expect((await lostRow()).delivery.email).toMatchObject({ state: 'failed', attempts: 2 });
  });

  it('lists the webhook event in Settings > Webhooks', async () => {
    const response = await admin('get', '/admin/webhooks');
    expect(response.status).toBe(200);
    const events: string[] = app.strapi.get('webhookStore').listAllowedEvents();
    expect(events).toContain('JOURNEY_SUBMISSION_CREATE');
  });
});

describe('admin API', () => {
  it('lists, filters, shows, exports, deletes and erases', async () => {
    await submit(ids.form, {
      data: { ...valid, email: 'erase.me@example.com', name: '=HYPERLINK("x")' },
    });
    await submit(ids.form, { data: { ...valid, email: 'ERASE.ME@example.com' } });
    const list = await admin('get', `/journey/submissions?form=${ids.form}&pageSize=2`);
    expect(list.status).toBe(200);
    expect(list.body.data).toHaveLength(2);
    const total = list.body.meta.pagination.total;
    expect(total).toBe(await stored());
    expect(list.body.data[0].data.email).toBe('ERASE.ME@example.com');
    expect(list.body.data[0]).not.toHaveProperty('emails');

    const detail = await admin('get', `/journey/submissions/${list.body.data[0].id}`);
    expect(detail.body.data.fields.map((f: { name: string }) => f.name)).toEqual(
      fields.map((f) => f.name)
    );

    const csv = await admin('get', '/journey/submissions/export?format=csv');
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.text).toContain(`"'=HYPERLINK(""x"")"`);
    expect(csv.text.trim().split('\r\n')).toHaveLength(total + 1);

    const erased = await admin('delete', '/journey/submissions?email=Erase.Me@example.com');
    expect(erased.body.data).toEqual({ deleted: 2 });
    expect(await stored()).toBe(total - 2);

    const one = (await admin('get', '/journey/submissions?pageSize=1')).body.data[0].id;
    expect((await admin('delete', `/journey/submissions/${one}`)).body.data).toEqual({
      deleted: 1,
    });
    expect((await admin('delete', `/journey/submissions/${one}`)).status).toBe(404);
    expect((await admin('get', '/journey/submissions?from=2026-13-01')).status).toBe(400);
  });

  it('needs the submissions permissions, and is not on the content API or GraphQL', async () => {
    const editor = await app.strapi.db
      .query('admin::role')
      .findOne({ where: { code: 'strapi-editor' } });
    const editorToken = await adminToken(app.strapi, editor.id);
    const response = await api()
      .get('/journey/submissions')
      .set('Authorization', `Bearer ${editorToken}`);
    expect(response.status).toBe(403);
    expect((await api().get('/api/journey/submissions')).status).toBe(404);
    const introspect = await api().post('/graphql').send({
      query: '{ __schema { queryType { fields { name } } mutationType { fields { name } } } }',
    });
    const names = JSON.stringify(introspect.body.data);
    expect(names).not.toMatch(/ubmission/);
  });

  it('deletes submissions past retentionDays', async () => {
    const documentId = (await admin('get', '/journey/submissions?pageSize=1')).body.data[0].id;
    const count = await stored();
    await app.strapi.db
      .query('plugin::journey.submission')
      .update({ where: { documentId }, data: { createdAt: new Date('2020-01-01T00:00:00Z') } });
    expect(await service().prune()).toBe(1);
    expect(await stored()).toBe(count - 1);
  });
});

it('stores exactly 500 concurrent submissions and counts 500 conversions', async () => {
  const analytics = app.strapi.plugin('journey').service('analytics');
  await analytics.flush();
  const conversions = async () =>
    Number(
      (
        await app.strapi.db
          .connection('journey_event_rollups')
          .where({ event_type: 'conversion', document_id: ids.form })
          .sum({ n: 'count' })
          .first()
      )?.n ?? 0
    );
  const [storedBefore, conversionsBefore] = [await stored(), await conversions()];
  const responses = await Promise.all(
    Array.from({ length: 500 }, (_, i) =>
      submit(
        ids.form,
        { data: { ...valid, name: `Visitor ${i}` } },
        `10.${2 + Math.floor(i / 250)}.0.${i % 250}`
      )
    )
  );
  expect(responses.map((r) => r.status).filter((s) => s !== 201)).toEqual([]);
  await analytics.flush();
  expect(await stored()).toBe(storedBefore + 500);
  expect(await conversions()).toBe(conversionsBefore + 500);
}, 120_000);

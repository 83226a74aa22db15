'use strict';
/**
 * Form submissions: POST /api/journey/forms/:documentId/submissions at 32 connections to one form
 * with a field of every common type, against what a user builds instead: core REST create of the
 * same values into a plain collection type (api::lead.lead, added to the bench's app copy), whose
 * schema checks the same rules. The plugin does more per request (the form's field definitions,
 * the honeypot, a conversion counted for the form, delivery state), so the ratio shows its cost.
 */
const { LEAD_UID } = require('./boot');
const { httpLoad } = require('./measure');

const CONNECTIONS = 32;
const BODIES = 200;
const BROWSER =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const HEADERS = { 'content-type': 'application/json', 'user-agent': BROWSER };

const FIELDS = [
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
  { name: 'message', label: 'Message', type: 'textarea' },
  { name: 'consent', label: 'I agree', type: 'checkbox', required: true },
];

/** `BODIES` valid value sets, varied so no cache sees the same body twice in a row. */
const valueSets = () =>
  Array.from({ length: BODIES }, (_, i) => ({
    email: `lead${i}@example.com`,
    name: `Lead ${i}`,
    phone: `+45 12 34 ${String(i).padStart(4, '0')}`,
    employees: 1 + ((i * 37) % 10000),
    plan: i % 2 === 0 ? 'starter' : 'business',
    message: `Hello from lead ${i}. We would like a demo next week.`,
    consent: true,
  }));

const grantPublic = async (strapi, action) => {
  const role = await strapi.db
    .query('plugin::users-permissions.role')
    .findOne({ where: { type: 'public' } });
  const permissions = strapi.db.query('plugin::users-permissions.permission');
  if (!(await permissions.findOne({ where: { action, role: role.id } })))
    await permissions.create({ data: { action, role: role.id } });
};

const measureForms = async (app, options, log) => {
  const { strapi, baseUrl } = app;
  const bounded = () =>
    options.requests ? { amount: options.requests } : { duration: options.duration };
  const form = await strapi.documents('plugin::journey.form').create({
    data: { name: 'Bench demo request', fields: FIELDS, submitLabel: 'Send' },
    locale: 'en',
  });
  await strapi
    .documents('plugin::journey.form')
    .publish({ documentId: form.documentId, locale: 'en' });
  await grantPublic(strapi, 'plugin::journey.submission.create');
  await grantPublic(strapi, `${LEAD_UID}.create`);

  const values = valueSets();
  const bodies = values.map((data) => JSON.stringify({ data }));
  const journeyUrl = `${baseUrl}/api/journey/forms/${form.documentId}/submissions`;
  const coreUrl = `${baseUrl}/api/leads`;
  const post = async (url, body) => {
    const response = await fetch(url, { method: 'POST', headers: HEADERS, body });
    if (response.status !== 201 && response.status !== 200)
      throw new Error(`${url}: HTTP ${response.status} ${(await response.text()).slice(0, 300)}`);
  };
  // Both accept every body (and JIT and pools are warm) before anything is measured.
  for (const body of bodies.slice(0, 5)) {
    await post(journeyUrl, body);
    await post(coreUrl, body);
  }
  const knex = strapi.db.connection;
  const count = async (table) => Number((await knex(table).count({ n: '*' }).first()).n);
  const submissionsTable = strapi.db.metadata.get('plugin::journey.submission').tableName;

  const submittedBefore = await count(submissionsTable);
  const journey = await httpLoad({
    url: journeyUrl,
    connections: CONNECTIONS,
    ...bounded(),
    timeout: options.requestTimeout,
    method: 'POST',
    bodies,
    headers: HEADERS,
  });
  await strapi.plugin('journey').service('submissions').settled();
  journey.stored = (await count(submissionsTable)) - submittedBefore;
  log(
    `  form submissions @${CONNECTIONS}: ${journey.rps.toFixed(0)} submissions/s, p50 ${journey.p50.toFixed(1)} ms; stored ${journey.stored} for ${journey.requests} answered requests`
  );

  const leadsBefore = await count('leads');
  const core = await httpLoad({
    url: coreUrl,
    connections: CONNECTIONS,
    ...bounded(),
    timeout: options.requestTimeout,
    method: 'POST',
    bodies,
    headers: HEADERS,
  });
  core.stored = (await count('leads')) - leadsBefore;
  log(
    `  core REST leads @${CONNECTIONS}: ${core.rps.toFixed(0)} creates/s, p50 ${core.p50.toFixed(1)} ms`
  );
  return {
    connections: CONNECTIONS,
    fields: FIELDS.length,
    journey,
    core,
    ratios: { submissionsVsCore: core.rps > 0 ? journey.rps / core.rps : NaN },
  };
};

module.exports = { measureForms };

import type { Core } from '@strapi/strapi';

/** The endpoints the demo opens to anonymous visitors (frontends): reads, and sending events. */
export const PUBLIC_JOURNEY_ACTIONS = [
  'plugin::journey.stage.find',
  'plugin::journey.persona.find',
  'plugin::journey.content.find',
  'plugin::journey.next-content.find',
  // Core REST for the shipped kinds: a page by slug, with its images, SEO and CTA targets.
  'plugin::journey.blog-post.find',
  'plugin::journey.blog-post.findOne',
  'plugin::journey.landing-page.find',
  'plugin::journey.landing-page.findOne',
  'plugin::journey.cta.find',
  'plugin::journey.cta.findOne',
  'plugin::journey.form.find',
  'plugin::journey.form.findOne',
  // Views and CTA clicks from the demo site (POST /api/journey/events): rate-limited, nothing personal kept.
  'plugin::journey.event.create',
  // Strapi's own REST for the demo's article type, to show its journey fields and filters.
  'api::article.article.find',
  'api::article.article.findOne',
  // Article authors, so `populate=author` shows them to visitors (their email is private).
  'api::author.author.find',
  'api::author.author.findOne',
];

/** Grants the Public role the journey read actions it does not have yet. Idempotent. */
export const grantPublicJourneyAccess = async (strapi: Core.Strapi) => {
  const role = await strapi.db
    .query('plugin::users-permissions.role')
    .findOne({ where: { type: 'public' } });
  if (!role) return;
  const permissions = strapi.db.query('plugin::users-permissions.permission');
  for (const action of PUBLIC_JOURNEY_ACTIONS) {
    const granted = await permissions.findOne({ where: { action, role: role.id } });
    if (!granted) await permissions.create({ data: { action, role: role.id } });
  }
};

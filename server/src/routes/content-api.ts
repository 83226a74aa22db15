import { createContentApiRoutesFactory, type ContentApiRoutesFactory } from '@strapi/utils';
import type { PluginRoute } from './plugin-route';

/**
 * Public read endpoints under /api/journey. Each handler is an action
 * (plugin::journey.<controller>.<action>, see CONTENT_API_ACTIONS in shared/constants.ts) that a
 * role must be granted in Users & Permissions; API tokens work as for Strapi's own REST.
 *
 * Built with Strapi's factory, as its own plugins do: the routes are created once and also exposed
 * as `.routes` (which Strapi sets on the factory, its type does not say so), where extensions and
 * tests read them.
 */
const createContentApiRoutes = createContentApiRoutesFactory((): PluginRoute[] => [
  { method: 'GET', path: '/stages', handler: 'stage.find', config: { policies: [] } },
  { method: 'GET', path: '/personas', handler: 'persona.find', config: { policies: [] } },
  { method: 'GET', path: '/content', handler: 'content.find', config: { policies: [] } },
  { method: 'GET', path: '/content/next', handler: 'next-content.find', config: { policies: [] } },
  // Makes the draft-preview permission a grantable action (drafts/guard.ts) and lets a frontend check its token.
  { method: 'GET', path: '/preview', handler: 'preview.drafts', config: { policies: [] } },
  // Views, clicks and conversions from frontends; rate-limited and size-capped (analytics/).
  { method: 'POST', path: '/events', handler: 'event.create', config: { policies: [] } },
  // Coverage for dashboards using an API token: granted to no role by default.
  { method: 'GET', path: '/coverage', handler: 'coverage.find', config: { policies: [] } },
  // Describes the endpoints only; public so frontend tooling can fetch it.
  { method: 'GET', path: '/openapi.json', handler: 'openapi.document', config: { auth: false } },
]) as ContentApiRoutesFactory<PluginRoute[]>;

export default createContentApiRoutes;

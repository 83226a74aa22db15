/**
 * Public read endpoints under /api/journey. Each handler is an action (plugin::journey.<controller>.<action>)
 * that a role must be granted in Users & Permissions; API tokens work as for Strapi's own REST.
 */
export default {
  type: 'content-api' as const,
  routes: [
    { method: 'GET', path: '/stages', handler: 'stage.find', config: { policies: [] } },
    { method: 'GET', path: '/personas', handler: 'persona.find', config: { policies: [] } },
    { method: 'GET', path: '/content', handler: 'content.find', config: { policies: [] } },
    { method: 'GET', path: '/content/next', handler: 'content.next', config: { policies: [] } },
    // Coverage for dashboards using an API token: granted to no role by default.
    { method: 'GET', path: '/coverage', handler: 'coverage.find', config: { policies: [] } },
    // Describes the endpoints only; public so frontend tooling can fetch it.
    { method: 'GET', path: '/openapi.json', handler: 'openapi.document', config: { auth: false } },
  ],
};

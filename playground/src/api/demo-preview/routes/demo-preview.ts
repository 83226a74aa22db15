/**
 * `GET /api/demo-preview?grant=...`: the demo site's preview route (see src/preview.ts). Open to
 * anyone, like a frontend's own preview route: the signed grant is the credential.
 */
export default {
  routes: [
    {
      method: 'GET',
      path: '/demo-preview',
      handler: 'demo-preview.show',
      config: { auth: false },
    },
  ],
};

import path from 'path';

export default () => ({
  'users-permissions': {
    config: { jwtSecret: process.env.JWT_SECRET ?? 'journey-demo-users-permissions-jwt-secret' },
  },
  journey: {
    enabled: true,
    // The plugin is the repository root. This file runs compiled from playground/dist/config/.
    resolve: path.resolve(__dirname, '..', '..', '..'),
    config: {
      stages: 'default',
      // The demo's own type, tagged like the shipped ones; the API and coverage call it "article".
      contentTypes: ['api::article.article'],
    },
  },
});

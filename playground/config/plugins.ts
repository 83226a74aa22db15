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
    },
  },
});

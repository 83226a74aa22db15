export default ({ env }) => ({
  host: env('HOST', '0.0.0.0'),
  port: env.int('PORT', 1337),
  app: {
    // Demo defaults so `npm run develop` works on a fresh clone; set APP_KEYS in any real deployment.
    keys: env.array('APP_KEYS', ['journeyDemoKeyA', 'journeyDemoKeyB']),
  },
  cron: { enabled: env.bool('CRON_ENABLED', false) },
});

import path from 'path';

/**
 * SQLite is the default (a file under .tmp/). `DATABASE_CLIENT=postgres` with the usual DATABASE_*
 * variables (or DATABASE_URL) switches to PostgreSQL.
 */
export default ({ env }) => {
  const client = env('DATABASE_CLIENT', 'sqlite');

  if (client === 'postgres') {
    return {
      connection: {
        client: 'postgres',
        connection: env('DATABASE_URL')
          ? { connectionString: env('DATABASE_URL') }
          : {
              host: env('DATABASE_HOST', '127.0.0.1'),
              port: env.int('DATABASE_PORT', 5432),
              database: env('DATABASE_NAME', 'journey'),
              user: env('DATABASE_USERNAME', 'postgres'),
              password: env('DATABASE_PASSWORD', ''),
              schema: env('DATABASE_SCHEMA', 'public'),
              ssl: env.bool('DATABASE_SSL', false),
            },
        pool: { min: env.int('DATABASE_POOL_MIN', 0), max: env.int('DATABASE_POOL_MAX', 10) },
      },
    };
  }

  const filename = env('DATABASE_FILENAME', '.tmp/data.db');
  return {
    connection: {
      client: 'sqlite',
      connection: {
        // ':memory:' must reach better-sqlite3 unchanged; anything else is relative to the app.
        filename:
          filename === ':memory:' ? filename : path.resolve(__dirname, '..', '..', filename),
      },
      useNullAsDefault: true,
    },
  };
};

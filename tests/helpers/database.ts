import Database from 'better-sqlite3';
import crypto from 'crypto';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { Client } from 'pg';

/**
 * Which engine API suites run on: SQLite unless TEST_DATABASE=postgres. On PostgreSQL, every booted
 * app gets a database of its own, created from the connection in DATABASE_* (default: the local
 * server as user postgres) and dropped afterwards.
 */
export const TEST_ENGINE = process.env.TEST_DATABASE === 'postgres' ? 'postgres' : 'sqlite';

export interface TestDatabase {
  /** Environment variables the playground's config/database.ts reads. */
  env: Record<string, string>;
  drop(): Promise<void>;
}

const pgAdminConfig = () => ({
  host: process.env.DATABASE_HOST ?? '127.0.0.1',
  port: Number(process.env.DATABASE_PORT ?? 5432),
  user: process.env.DATABASE_USERNAME ?? 'postgres',
  password: process.env.DATABASE_PASSWORD ?? '',
  database: 'postgres',
});

const withPgAdmin = async <T>(run: (client: Client) => Promise<T>) => {
  const client = new Client(pgAdminConfig());
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
};

export const createTestDatabase = async (): Promise<TestDatabase> => {
  const name = `journey_test_${crypto.randomBytes(5).toString('hex')}`;

  if (TEST_ENGINE === 'postgres') {
    await withPgAdmin((client) => client.query(`CREATE DATABASE ${name}`));
    const admin = pgAdminConfig();
    return {
      env: {
        DATABASE_CLIENT: 'postgres',
        DATABASE_HOST: admin.host,
        DATABASE_PORT: String(admin.port),
        DATABASE_USERNAME: admin.user,
        DATABASE_PASSWORD: admin.password,
        DATABASE_NAME: name,
      },
      drop: () =>
        withPgAdmin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(
          () => undefined
        ),
    };
  }

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'journey-test-'));
  return {
    env: { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: path.join(dir, `${name}.db`) },
    drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
  };
};

/**
 * Runs one SQL statement ($1-style placeholders) on a connection of its own, outside Strapi: another
 * process, as far as Strapi can tell. Returns the number of rows changed.
 */
export const writeFromOutside = async (
  database: TestDatabase,
  sql: string,
  values: unknown[]
): Promise<number | null> => {
  const env = database.env;
  if (TEST_ENGINE === 'sqlite') {
    const db = new Database(env.DATABASE_FILENAME);
    try {
      return db.prepare(sql.replace(/\$\d+/g, '?')).run(...values).changes;
    } finally {
      db.close();
    }
  }
  const client = new Client({
    host: env.DATABASE_HOST,
    port: Number(env.DATABASE_PORT),
    user: env.DATABASE_USERNAME,
    password: env.DATABASE_PASSWORD,
    database: env.DATABASE_NAME,
  });
  await client.connect();
  try {
    return (await client.query(sql, values)).rowCount;
  } finally {
    await client.end();
  }
};

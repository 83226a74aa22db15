import knexFactory from 'knex';
import type { Core } from '@strapi/strapi';
import {
  carriesLanded,
  isCarryLanding,
  landCarry,
} from '../../server/src/documents/carry-landings';
import { preparedOnce } from '../../server/src/utils/sql';

/** Only what the two modules read of Strapi: the engine and the plugin's config. */
const fakeStrapi = (client: string, preparedStatements = true) =>
  ({
    db: { dialect: { client } },
    config: { get: () => ({ preparedStatements }) },
  }) as unknown as Core.Strapi;

/** A promise and its resolve, to decide from the test when a measure finishes. */
const deferred = <T>() => {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => {
    resolve = done;
  });
  return { promise, resolve };
};

describe('carry landings', () => {
  it('lands at once when nothing is landing and nothing is read (SQLite)', () => {
    const strapi = fakeStrapi('sqlite');
    const landed: string[] = [];
    landCarry(
      strapi,
      'blog-post',
      () => 'v2',
      (version) => landed.push(version),
      fail
    );
    expect({ landed, landing: isCarryLanding(strapi, 'blog-post') }).toEqual({
      landed: ['v2'],
      landing: false,
    });
  });

  it("lands a type's carries in the order of their writes, whenever their reads finish, and readers wait for them", async () => {
    const strapi = fakeStrapi('postgres');
    const landed: string[] = [];
    const first = deferred<string>();
    const second = deferred<string>();
    landCarry(
      strapi,
      'blog-post',
      () => first.promise,
      (v) => landed.push(`first ${v}`),
      fail
    );
    landCarry(
      strapi,
      'blog-post',
      () => second.promise,
      (v) => landed.push(`second ${v}`),
      fail
    );
    // Another type is not held up by this one.
    landCarry(
      strapi,
      'cta',
      () => 'c1',
      (v) => landed.push(`cta ${v}`),
      fail
    );
    let readerDone = false;
    const reader = carriesLanded(strapi, ['blog-post']).then(() => {
      readerDone = true;
    });
    second.resolve('v3');
    await new Promise((resolve) => setImmediate(resolve));
    expect({ landed, readerDone, landing: isCarryLanding(strapi, 'blog-post') }).toEqual({
      landed: ['cta c1'],
      readerDone: false,
      landing: true,
    });
    first.resolve('v2');
    await reader;
    expect({ landed, readerDone, landing: isCarryLanding(strapi, 'blog-post') }).toEqual({
      landed: ['cta c1', 'first v2', 'second v3'],
      readerDone: true,
      landing: false,
    });
  });

  it('a carry that fails is reported and does not stop the ones after it', async () => {
    const strapi = fakeStrapi('postgres');
    const errors: string[] = [];
    const landed: string[] = [];
    landCarry(
      strapi,
      'blog-post',
      () => Promise.reject(new Error('connection closed')),
      () => landed.push('never'),
      (error) => errors.push(String(error))
    );
    landCarry(
      strapi,
      'blog-post',
      () => 'v3',
      (v) => landed.push(v),
      fail
    );
    await carriesLanded(strapi, ['blog-post']);
    expect({ errors, landed }).toEqual({ errors: ['Error: connection closed'], landed: ['v3'] });
  });
});

describe('preparedOnce', () => {
  const knex = knexFactory({ client: 'pg' });
  afterAll(() => knex.destroy());
  const nameOf = (query: ReturnType<typeof knex.select>) =>
    (query.toSQL() as unknown as { options?: { name?: string } }).options?.name;

  it('names a statement on PostgreSQL by its SQL: the same shape one name, whatever its values', () => {
    const strapi = fakeStrapi('postgres');
    const one = nameOf(preparedOnce(strapi, knex.select('id').from('posts').where('slug', 'a')));
    const again = nameOf(preparedOnce(strapi, knex.select('id').from('posts').where('slug', 'b')));
    const other = nameOf(preparedOnce(strapi, knex.select('id').from('pages').where('slug', 'a')));
    expect(one).toMatch(/^journey_[0-9a-f]{24}$/);
    expect({ again, otherDiffers: other !== one }).toEqual({ again: one, otherDiffers: true });
  });

  it('leaves statements unnamed on SQLite and with preparedStatements off', () => {
    const query = () => knex.select('id').from('posts').where('slug', 'a');
    expect([
      nameOf(preparedOnce(fakeStrapi('sqlite'), query())),
      nameOf(preparedOnce(fakeStrapi('postgres', false), query())),
    ]).toEqual([undefined, undefined]);
  });
});

function fail(error: unknown): never {
  throw error;
}

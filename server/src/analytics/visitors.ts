import { createHash, randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import { SALTS_TABLE, VISITORS_TABLE } from './tables';

/**
 * Unique visitors per day without keeping anything personal, as Plausible counts them: a visitor is
 * sha256(day's salt + IP address + user agent). The salt is random, made by whichever server
 * instance needs it first and shared with the others through the database (insert-if-absent, then
 * read back), and deleted once its day is over together with that day's hashes: from then on no one,
 * the site's owner included, can tell whether two days' visits came from the same person.
 */
export const createVisitorHasher = (knex: Knex) => {
  let current: { day: string; salt: string } | undefined;

  const saltOf = async (day: string) => {
    if (current?.day === day) return current.salt;
    await knex(SALTS_TABLE)
      .insert({ day, salt: randomBytes(32).toString('hex') })
      .onConflict('day')
      .ignore();
    const row = (await knex(SALTS_TABLE).where({ day }).first('salt')) as { salt: string };
    current = { day, salt: row.salt };
    return row.salt;
  };

  return {
    async hash(day: string, ip: string, userAgent: string) {
      const salt = await saltOf(day);
      return createHash('sha256').update(`${salt}\n${ip}\n${userAgent}`).digest('hex');
    },
  };
};

/** Deletes salts and visitor hashes of days before `today` (run daily, and at startup). */
export const forgetPastVisitors = async (knex: Knex, today: string) => {
  await knex(VISITORS_TABLE).where('day', '<', today).delete();
  await knex(SALTS_TABLE).where('day', '<', today).delete();
};

import crypto from 'crypto';
import type { Core, Modules, UID } from '@strapi/strapi';
import type { Knex } from 'knex';
import { PERSONA_UID } from '../../../shared/constants';
import { getService } from '../utils/get-service';
import { modelMeta } from '../utils/models';
import { SQLITE_WRITE_LOCK } from '../utils/sql';

type Middleware = Modules.Documents.Middleware.Middleware;

const WRITES = new Set(['create', 'update', 'delete', 'publish', 'unpublish', 'discardDraft']);
/** Writes the journey middleware checks names and slugs for: they must not overlap per type. */
const RULE_CHECKED = new Set(['create', 'update']);

/** A stable signed 32-bit key for PostgreSQL's two-key advisory locks. */
export const lockKey = (text: string) =>
  crypto.createHash('sha1').update(text).digest().readInt32BE(0);

/**
 * Serialises the plugin's writes where it checks before it writes: slug and persona-name uniqueness
 * are a read (is it taken?) and then a write, so two processes creating "My post" at once both saw
 * it free and stored the same slug. Also serialises writes to one document, so an update cannot
 * read a document that a concurrent delete is removing and re-create it.
 *
 * Runs outside the journey middleware: the transaction and the lock come first, so its reads see
 * every write committed before the lock was granted. Strapi's own wrapInTransaction then joins
 * this transaction, so the lock is held until the write commits.
 * - PostgreSQL: transaction-scoped advisory locks, one per type (for personas: creates and updates
 *   only, as the name rule compares across documents), then, for personas, one per document. Always
 *   in that order, so two writers never wait on each other's lock. Tagged types need no document
 *   lock: every write of theirs holds the type's.
 * - SQLite: a write statement that changes no row, before any read: it takes the database's write
 *   lock as BEGIN IMMEDIATE would. SQLite has one writer at a time anyway, but a transaction that
 *   reads first sees a snapshot another process may commit past before it writes.
 * - Other engines: no lock (Strapi supports MySQL too; the rules stay best effort there).
 */
export const createWriteLockMiddleware =
  (strapi: Core.Strapi): Middleware =>
  async (context, next) => {
    if (!WRITES.has(context.action)) return next();
    const uid = context.uid as UID.ContentType;
    if (uid !== PERSONA_UID && !getService(strapi, 'tagging').isTagged(uid)) return next();
    const client = strapi.db.dialect.client;
    if (client !== 'postgres' && client !== 'sqlite') return next();

    const documentId = (context.params as { documentId?: unknown }).documentId;
    return strapi.db.transaction(async ({ trx }) => {
      const knex = trx as unknown as Knex.Transaction;
      if (client === 'sqlite') {
        await knex.raw(SQLITE_WRITE_LOCK, [modelMeta(strapi, uid).tableName]);
      } else {
        const typeKey = lockKey(uid);
        // Every write of tagged content takes its type's lock too: writes of one type then commit
        // one at a time, so each can carry the kept counts to the version it commits
        // (carry-counts.ts) instead of leaving them to be counted again. An editor's save waits
        // for another's commit, a few milliseconds.
        const everyWriteTypeLocked = uid !== PERSONA_UID;
        if (everyWriteTypeLocked || RULE_CHECKED.has(context.action))
          await knex.raw('SELECT pg_advisory_xact_lock(?, 0)', [typeKey]);
        // A document's own lock serialises the writes to it that do not take the type's lock (a
        // persona published while it is updated). Where every write takes the type's lock, it
        // covers each document: a round trip saved.
        if (!everyWriteTypeLocked && typeof documentId === 'string')
          await knex.raw('SELECT pg_advisory_xact_lock(?, ?)', [typeKey, lockKey(documentId)]);
      }
      return next();
    });
  };

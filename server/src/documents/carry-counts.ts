import { AsyncLocalStorage } from 'node:async_hooks';
import type { Core, Modules, UID } from '@strapi/strapi';
import type { Knex } from 'knex';
import { PERSONA_UID } from '../../../shared/constants';
import {
  isTrackingSupported,
  readTableVersionColumns,
  readTableVersions,
  readTransactionWeights,
  tablesOfType,
  tableVersionColumns,
  transactionWeightColumns,
  watchedTables,
} from '../caching/table-changes';
import { getJourneyConfig } from '../config';
import { isCarryLanding, landCarry } from './carry-landings';
import type { TotalGroup } from '../content-api/total-groups';
import type { CoverageGroup } from '../coverage/coverage-sql';
import type { TaggedType } from '../tagging/tagged-types';
import { getService } from '../utils/get-service';
import { column, modelMeta } from '../utils/models';
import { preparedOnce } from '../utils/sql';

type Middleware = Modules.Documents.Middleware.Middleware;

const WRITES = new Set(['create', 'update', 'delete', 'publish', 'unpublish', 'discardDraft']);

/** One document's share of the kept counts: per view (coverage), per locale (content totals). */
interface DocumentShare {
  coverage: Map<string, CoverageGroup[]>;
  totals: Map<string, TotalGroup[]>;
}

/** One Document Service write whose kept counts are carried to the version it commits. */
interface CarryPlan {
  /**
   * A write inside this one changed rows the measured share does not hold (another document of
   * the type, personas, a bulk write): its effect is not known.
   */
  spoiled: boolean;
  /** While the write runs: its type, its document (a create's once its first row is written) and that document's rows. */
  watching?: { uid: string; documentId: string | undefined; rowIds: Set<number> };
  /** Set by the step inside the transaction once the write is done and measured. */
  measured?: {
    type: TaggedType;
    /** [coverage's tables (with personas), the content totals' tables]. */
    tableSets: [string[], string[]];
    versionsAtStart: Array<string | null>;
    ownWeights: Array<number | null>;
    before: DocumentShare;
    after: DocumentShare;
  };
}

const carrying = new AsyncLocalStorage<CarryPlan>();

/**
 * Counts carried through writes (issue #15): a write to a tagged entry no longer makes the next
 * coverage or content list count the whole type again. The kept counts (services/coverage.ts,
 * services/content.ts) are moved to the version the write commits, with the written document's
 * share of them replaced. Its share is counted by the same SQL as the counts, restricted to its
 * rows (an index lookup): in the write's transaction before it writes, and again after.
 *
 * A kept count is exact for one version of its tables (caching/table-changes.ts). Carrying it to
 * the new version is exact only if this write is the only change between the two, so the version
 * after commit must equal the version read at the start (inside the transaction, after the write
 * lock) plus exactly this transaction's own weight. On PostgreSQL it is read after commit: read
 * inside the transaction, another writer committing between that read and this commit, with the
 * same weight, would give its state the version the carried counts are kept at. Anything else
 * (another process writing in between on PostgreSQL, rows of other documents or personas written
 * in the same transaction, a caller's own transaction, an error) carries nothing, and the counts
 * are counted again at their next read, as before. The reconcile step (coverage.recount) checks
 * the outcome like any other kept count.
 *
 * Two middlewares, because the carry has to happen after commit and the counting inside the
 * transaction: `afterCommit` runs outside the write lock's transaction, `inTransaction` inside it.
 */
export const createCountCarryMiddlewares = (strapi: Core.Strapi) => {
  const taggedType = (uid: string) =>
    getService(strapi, 'tagging').types.find((type) => type.uid === uid);

  const afterCommit: Middleware = async (context, next) => {
    if (!WRITES.has(context.action)) return next();
    const uid = context.uid as UID.ContentType;
    const type = taggedType(uid);
    // A write inside a measured write (a hook saving another entry): its rows pass the Query
    // Engine's watcher below like the outer write's own.
    if (carrying.getStore()) return next();
    if (!type || !getJourneyConfig(strapi).cacheTotals || !isTrackingSupported(strapi)) {
      return next();
    }
    // In a caller's transaction the commit, if any, comes later: nothing can be carried here.
    if (strapi.db.inTransaction()) return next();

    const plan: CarryPlan = { spoiled: false };
    const result = await carrying.run(plan, () => next());
    const { measured } = plan;
    if (measured && !plan.spoiled) {
      landCarry(
        strapi,
        type.name,
        () => versionsAfterCommit(measured),
        (versionsNow) => carryCommitted(measured, versionsNow),
        // Only a shortcut is lost: the counts are counted again at their next read.
        (error) => strapi.log.debug(`[journey] Carrying counts through a write: ${error}`)
      );
    }
    return result;
  };

  /**
   * The versions of the write's tables once it has committed. SQLite has one writer at a time and
   * the write lock was held from the start: the version now is the start plus this write, with
   * nothing to read (another write may already be waiting for the connection, and would move it
   * again before a read got there). PostgreSQL's writers commit side by side, so it is read, after
   * commit, while the write's caller goes on (carry-landings.ts).
   */
  const versionsAfterCommit = (
    measured: NonNullable<CarryPlan['measured']>
  ): Array<string | null> | Promise<Array<string | null>> =>
    strapi.db.dialect.client === 'sqlite'
      ? measured.versionsAtStart.map((start, index) => {
          const own = measured.ownWeights[index];
          return start === null || own === null ? null : String(Number(start) + own);
        })
      : readTableVersions(strapi, measured.tableSets);

  const carryCommitted = (
    measured: NonNullable<CarryPlan['measured']>,
    versionsNow: ReadonlyArray<string | null>
  ) => {
    const { type, versionsAtStart, ownWeights } = measured;
    const onlyThisWrite = (index: number) => {
      const start = versionsAtStart[index];
      const own = ownWeights[index];
      const now = versionsNow[index];
      return start !== null && own !== null && now !== null && Number(now) === Number(start) + own
        ? { from: start, to: now }
        : null;
    };
    const coverage = onlyThisWrite(0);
    if (coverage) {
      getService(strapi, 'coverage').carryWrite(
        type.name,
        coverage.from,
        coverage.to,
        measured.before.coverage,
        measured.after.coverage
      );
    }
    const totals = onlyThisWrite(1);
    if (totals) {
      getService(strapi, 'content').carryWrite(
        type.name,
        totals.from,
        totals.to,
        measured.before.totals,
        measured.after.totals
      );
    }
  };

  /**
   * The versions a write starts from, its document's rows in its type's table and the `extra`
   * columns (its share before it writes), in one statement: each statement in the write's
   * transaction adds to its time.
   */
  const readStart = async (
    db: Knex,
    type: TaggedType,
    tableSets: ReadonlyArray<readonly string[]>,
    documentId: string | undefined,
    extra: Knex.Raw[]
  ) => {
    const meta = modelMeta(strapi, type.uid);
    const idList =
      strapi.db.dialect.client === 'sqlite'
        ? 'group_concat(id)'
        : `string_agg(CAST(id AS VARCHAR(20)), ',')`;
    const [row] = (await preparedOnce(
      strapi,
      db.select([
        ...tableVersionColumns(strapi, db, tableSets),
        db.raw(`(SELECT ${idList} FROM ?? WHERE ?? = ?) AS row_ids`, [
          meta.tableName,
          column(meta, 'documentId'),
          documentId ?? null,
        ]),
        ...extra,
      ])
    )) as Array<Record<string, unknown>>;
    return {
      row,
      versions: readTableVersionColumns(row, tableSets),
      rowIds: new Set(
        String(row?.row_ids ?? '')
          .split(',')
          .filter((id) => id !== '')
          .map(Number)
      ),
    };
  };

  const inTransaction: Middleware = async (context, next) => {
    const plan = carrying.getStore();
    const type = taggedType(context.uid);
    if (!plan || !type || plan.watching || plan.measured || plan.spoiled) return next();
    const coverage = getService(strapi, 'coverage');
    const content = getService(strapi, 'content');
    // Nothing of the type is kept: nothing to carry, and no statement to run.
    const viewsKept = coverage.keptViews(type.name);
    const localesKept = content.keptTotalLocales(type.name);
    if (viewsKept.length === 0 && localesKept.size === 0) return next();
    // A create has no rows yet; every other write names its document.
    const documentId = (context.params as { documentId?: unknown }).documentId;
    if (context.action !== 'create' && typeof documentId !== 'string') return next();
    const ownDocument = typeof documentId === 'string' ? documentId : undefined;
    // The carry of the type's previous write is still landing: which counts it keeps, and at
    // which version, is not known yet, so this write measures its share of everything kept.
    const previousLanding = isCarryLanding(strapi, type.name);

    return strapi.db.transaction(async ({ trx }) => {
      const db = trx as unknown as Knex;
      const tableSets: [string[], string[]] = [
        watchedTables(strapi, [type]),
        tablesOfType(strapi, type),
      ];
      /** The document's share of the given views and locales, as columns of one statement. */
      const share = (id: string | undefined, views: typeof viewsKept, locales: string[]) => {
        const parts = [
          coverage.documentShare(db, type, id, views, 'coverage'),
          content.documentTotalShare(db, type, id, locales, 'totals'),
        ] as const;
        return {
          columns: parts.flatMap((part) => part.columns),
          read: (row: Record<string, unknown> | undefined): DocumentShare => ({
            coverage: parts[0].read(row),
            totals: parts[1].read(row),
          }),
        };
      };
      let measuredViews = viewsKept;
      let measuredLocales = [...localesKept.keys()];
      /** Where the write starts from: read before it, except a create's on PostgreSQL (below). */
      let start: { versions: Array<string | null>; before: DocumentShare } | undefined;
      let rowIds = new Set<number>();
      // A create on PostgreSQL reads nothing before it writes: its share before is nothing
      // whenever it is read, and its start version is read after it, in the same statement as
      // its share (the committed version then, under its own weight). SQLite knows a write's own
      // weight only as the version now less the one at the start, so it reads the start.
      const startsAfter = ownDocument === undefined && strapi.db.dialect.client === 'postgres';
      if (!startsAfter) {
        // Read after the write lock and before any write: the version this write starts from,
        // and the document's share of everything kept for the type, at whatever version: which
        // of it is kept at the start version is known only once the version is read.
        const shareBefore = share(ownDocument, viewsKept, measuredLocales);
        const read = await readStart(db, type, tableSets, ownDocument, shareBefore.columns);
        start = { versions: read.versions, before: shareBefore.read(read.row) };
        rowIds = read.rowIds;
        // Carried: what was kept at the start version when the share was chosen (anything
        // counted since is counted again at its next read).
        const [coverageStart, totalsStart] = read.versions;
        if (!previousLanding) {
          measuredViews = viewsKept.filter(
            (view) => coverageStart !== null && view.versions.has(coverageStart)
          );
          measuredLocales = [...localesKept]
            .filter(([, versions]) => totalsStart !== null && versions.has(totalsStart))
            .map(([locale]) => locale);
        }
        if (measuredViews.length === 0 && measuredLocales.length === 0) return next();
      }
      plan.watching = { uid: type.uid, documentId: ownDocument, rowIds };

      const result = await next();
      plan.watching = undefined;

      const written = ownDocument ?? (result as { documentId?: unknown } | null)?.documentId;
      if (plan.spoiled || typeof written !== 'string') return result;
      // The share after the write and the transaction's own weight, in one statement (and a
      // create's start version on PostgreSQL).
      const shareAfter = share(written, measuredViews, measuredLocales);
      const [row] = (await preparedOnce(
        strapi,
        db.select([
          ...shareAfter.columns,
          ...(start ? [] : tableVersionColumns(strapi, db, tableSets)),
          ...transactionWeightColumns(strapi, tableSets),
        ])
      )) as Array<Record<string, unknown>>;
      if (!start) {
        // PostgreSQL sums the transaction's own rows: its weight needs no start version.
        const own = readTransactionWeights(
          strapi,
          row,
          tableSets.map(() => null)
        );
        const versions = readTableVersionColumns(row, tableSets).map((version, index) => {
          const weight = own[index];
          return version === null || weight === null ? null : String(Number(version) - weight);
        });
        start = {
          versions,
          before: share(undefined, measuredViews, measuredLocales).read(undefined),
        };
      }
      plan.measured = {
        type,
        tableSets,
        versionsAtStart: start.versions,
        ownWeights: readTransactionWeights(strapi, row, start.versions),
        before: start.before,
        after: shareAfter.read(row),
      };
      return result;
    });
  };

  /**
   * Query Engine writes while a write is measured (its own rows, i18n copying the stage to the
   * document's other locales, and anything a lifecycle hook or a middleware adds): one that touches
   * a row of another document of the type, a persona or many rows at once spoils the carry, as
   * its change is in the transaction's weight but not in the measured share. (Raw SQL run inside
   * the same transaction is not seen here; the reconcile step finds what it changed.)
   */
  const guard = (action: 'create' | 'update' | 'delete' | 'many') => (event: WriteEvent) => {
    const plan = carrying.getStore();
    const watching = plan?.watching;
    if (!plan || !watching) return;
    if (event.model.uid !== watching.uid || action === 'many') {
      plan.spoiled = true;
      return;
    }
    if (action === 'create') {
      const documentId = event.params?.data?.documentId;
      if (watching.documentId === undefined && typeof documentId === 'string') {
        watching.documentId = documentId;
      }
      if (documentId !== watching.documentId) plan.spoiled = true;
      else if (typeof event.result?.id === 'number') watching.rowIds.add(event.result.id);
      return;
    }
    const id = event.params?.where?.id;
    if (typeof id !== 'number' || !watching.rowIds.has(id)) plan.spoiled = true;
  };

  const writeWatcher = {
    models: [...getService(strapi, 'tagging').types.map((type) => type.uid), PERSONA_UID],
    afterCreate: guard('create'),
    afterUpdate: guard('update'),
    afterDelete: guard('delete'),
    afterCreateMany: guard('many'),
    afterUpdateMany: guard('many'),
    afterDeleteMany: guard('many'),
  };

  return { afterCommit, inTransaction, writeWatcher };
};

/** What the watcher reads of a Query Engine lifecycle event. */
interface WriteEvent {
  model: { uid: string };
  params?: { data?: { documentId?: unknown }; where?: { id?: unknown } };
  result?: { id?: unknown };
}

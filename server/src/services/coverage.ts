import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import type {
  CoverageMatrix,
  CoverageOptionsResponse,
  CoveragePersona,
  CoverageStage,
  EntryCoverageLine,
  EntryCoverageResponse,
  RecountCorrection,
  RecountReport,
} from '../../../shared/contracts';
import { PERSONA_UID } from '../../../shared/constants';
import { getJourneyConfig } from '../config';
import { carriesLanded } from '../documents/carry-landings';
import {
  findUntrackedTables,
  installTableChanges,
  readTableVersions,
  watchedTables,
} from '../caching/table-changes';
import { createVersionedCache } from '../caching/versioned-cache';
import {
  COVERAGE_GROUP_COLUMNS,
  coverageGroupsQuery,
  queryCoverageGroups,
  sumAcrossTypes,
  toCoverageGroups,
  type CoverageGroup,
  type CoverageSqlFilter,
  type CoverageSum,
} from '../coverage/coverage-sql';
import { cellLevel, stageTotalLevel } from '../coverage/levels';
import type { CoverageQueryInput, EntryCoverageQueryInput } from '../coverage/query';
import type { Stage } from '../stages/types';
import type { TaggedType } from '../tagging/tagged-types';
import { getService } from '../utils/get-service';
import { parseJsonRows, rowsAsJson, type ColumnsToRead } from '../utils/sql';
import { truncate } from '../utils/query-parsing';
import { resolveLocale, resolveTypeNames } from '../utils/request-params';
import { fieldError } from '../utils/validation';

const DAY_MS = 24 * 60 * 60 * 1000;

const toCoverageStage = ({ key, label, order, minimum, excess }: Stage): CoverageStage => ({
  key,
  label,
  order,
  minimum,
  excess: excess ?? null,
});

/** Documents and stale documents over several groups (a persona's rows, a stage's types). */
const sumGroups = (groups: ReadonlyArray<{ total: number; stale: number }>) =>
  groups.reduce(
    (sum, group) => ({ total: sum.total + group.total, stale: sum.stale + group.stale }),
    { total: 0, stale: 0 }
  );

/** What one type's kept groups were counted for: the key they are kept under, and read back. */
interface GroupsKey {
  type: string;
  locale: string;
  status: CoverageSqlFilter['status'];
  stages: readonly string[] | null;
  personaRowIds: readonly number[] | null;
  kinds: ReadonlyArray<CoverageGroup['kind']> | null;
  staleAfterDays: number;
}

const groupsKey = (key: GroupsKey) =>
  JSON.stringify([
    key.type,
    key.locale,
    key.status,
    key.stages,
    key.personaRowIds,
    key.kinds,
    key.staleAfterDays,
  ]);

const parseGroupsKey = (key: string): GroupsKey => {
  const [type, locale, status, stages, personaRowIds, kinds, staleAfterDays] = JSON.parse(key);
  return { type, locale, status, stages, personaRowIds, kinds, staleAfterDays };
};

/** The groups of a filtered count, out of the same type's unfiltered groups (same SQL, fewer rows). */
const narrowGroups = (groups: readonly CoverageGroup[], key: GroupsKey) =>
  groups.filter(
    (group) =>
      (key.kinds === null || key.kinds.includes(group.kind)) &&
      (key.stages === null || (group.stage !== null && key.stages.includes(group.stage))) &&
      (key.personaRowIds === null ||
        group.kind === 'stage' ||
        (group.personaRowId !== null && key.personaRowIds.includes(group.personaRowId)))
  );

/** Until when counted groups hold: their oldest fresh row turns stale `staleAfterDays` later. */
const validUntilOf = (groups: readonly CoverageGroup[], staleAfterDays: number) => {
  const freshTimes = groups.flatMap((group) => group.oldestFreshAt ?? []);
  return freshTimes.length > 0 ? Math.min(...freshTimes) + staleAfterDays * DAY_MS : null;
};

/** One (locale, status) a type's groups are kept for: what a write's share is counted in. */
interface CoverageView {
  locale: string;
  status: CoverageSqlFilter['status'];
  /** Names the view in a share (`viewKey`). */
  key: string;
}
const viewKey = (view: Pick<CoverageView, 'locale' | 'status'>) => `${view.locale}|${view.status}`;

/**
 * Kept groups with one document's share replaced: its groups before the write taken out, after it
 * put in. Groups left empty go, as a count from scratch would not return them. The oldest fresh
 * time can only move earlier (a removed row may have been the oldest: keeping its time only makes
 * the counts expire sooner than they must). Undefined if a group would go below zero: the share
 * did not come from these counts, so they are left to be counted again.
 */
const replaceShare = (
  kept: readonly CoverageGroup[],
  before: readonly CoverageGroup[],
  after: readonly CoverageGroup[]
): CoverageGroup[] | undefined => {
  const id = (group: CoverageGroup) => `${group.kind}|${group.stage}|${group.personaRowId}`;
  const groups = new Map(kept.map((group) => [id(group), { ...group }]));
  for (const [sign, share] of [
    [-1, before],
    [1, after],
  ] as const) {
    for (const group of share) {
      const target = groups.get(id(group)) ?? { ...group, total: 0, stale: 0, oldestFreshAt: null };
      target.total += sign * group.total;
      target.stale += sign * group.stale;
      if (sign > 0 && group.oldestFreshAt !== null) {
        target.oldestFreshAt = Math.min(target.oldestFreshAt ?? Infinity, group.oldestFreshAt);
      }
      groups.set(id(group), target);
    }
  }
  const result = [...groups.values()];
  if (result.some((group) => group.total < 0 || group.stale < 0)) return undefined;
  return result.filter((group) => group.total > 0);
};

/** Corrections listed in a recount report; the number of all of them is reported besides. */
const MAX_LISTED_CORRECTIONS = 50;
/** A type counting longer than this at a recount (startup, nightly) gets a line in the log. */
const SLOW_COUNT_MS = 500;

/** Stage x persona coverage of tagged content, computed with aggregate SQL. */
const createCoverageService = ({ strapi }: { strapi: Core.Strapi }) => {
  const stages = getService(strapi, 'stages');
  const tagging = getService(strapi, 'tagging');

  /**
   * Persona documents for the matrix (from their draft rows: every persona document has one,
   * published or not, and marketers plan with both), and every persona row id -> its document,
   * since coverage groups by the row ids entries link to.
   */
  const loadPersonas = async () => {
    const rows = (await strapi.db.query(PERSONA_UID).findMany({
      select: ['id', 'documentId', 'slug', 'name', 'publishedAt'],
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
    })) as Array<CoveragePersona & { id: number; publishedAt: unknown }>;
    const documentByRowId = new Map(rows.map((row) => [row.id, row.documentId]));
    const personas: CoveragePersona[] = rows
      .filter((row) => row.publishedAt === null || row.publishedAt === undefined)
      .map(({ documentId, slug, name }) => ({ documentId, slug, name }));
    return { personas, documentByRowId };
  };

  /**
   * The requested persona documents that are published, in the order asked, each with every row
   * id of the document: coverage groups by the row ids entries link to, and the matrix maps all of
   * a document's rows to it, so the line sums the same groups as the matrix's cell. Name and slug
   * come from the draft row, as in the matrix.
   */
  const loadPublishedPersonas = async (documentIds: readonly string[]) => {
    if (documentIds.length === 0) return [];
    const rows = (await strapi.db.query(PERSONA_UID).findMany({
      select: ['id', 'documentId', 'slug', 'name', 'publishedAt'],
      where: { documentId: { $in: [...documentIds] } },
    })) as Array<CoveragePersona & { id: number; publishedAt: unknown }>;
    const isPublished = (row: { publishedAt: unknown }) =>
      row.publishedAt !== null && row.publishedAt !== undefined;
    return documentIds.flatMap((documentId) => {
      const versions = rows.filter((row) => row.documentId === documentId);
      if (!versions.some(isPublished)) return [];
      const { slug, name } = versions.find((row) => !isPublished(row)) ?? versions[0];
      const rowIds = new Set(versions.map((row) => row.id));
      return [{ persona: { documentId, slug, name }, rowIds }];
    });
  };

  const staleBefore = () => new Date(Date.now() - getJourneyConfig(strapi).staleAfterDays * DAY_MS);

  /** One type's groups for the matrices and edit-view lines asked for recently; see countGroups. */
  const countedGroups = createVersionedCache<CoverageGroup[]>(1000);

  /**
   * The coverage groups for `filter`, summed over its types. Each type's groups are kept apart and
   * counted from the source tables again only when one of the tables they read (the type's, its
   * persona links', the personas') was written since, or one of its counted documents has turned
   * stale since (`staleAfterDays` after its last update). An editor saving blog posts all day
   * recounts blog posts only; analytics flushes, submissions, users and uploads recount nothing.
   * The types that need counting are counted together, in one statement.
   */
  const countGroups = async (filter: CoverageSqlFilter): Promise<CoverageSum[]> => {
    const { cacheTotals, staleAfterDays } = getJourneyConfig(strapi);
    if (!cacheTotals) return sumAcrossTypes(await queryCoverageGroups(strapi, filter));
    const keyOf = (type: CoverageSqlFilter['types'][number]) =>
      groupsKey({
        type: type.name,
        locale: filter.locale,
        status: filter.status,
        stages: filter.stages ?? null,
        personaRowIds: filter.personaRowIds ?? null,
        kinds: filter.kinds ?? null,
        staleAfterDays,
      });
    // A write that has returned has its counts carried before they are read.
    await carriesLanded(
      strapi,
      filter.types.map((type) => type.name)
    );
    // Read before counting: a write that commits in between is then counted or moves the version
    // again, never kept under a version that claims it was not there.
    const versions = await readTableVersions(
      strapi,
      filter.types.map((type) => watchedTables(strapi, [type]))
    );
    const groups: CoverageGroup[] = [];
    const uncounted = filter.types.filter((type, index) => {
      const known = countedGroups.get(keyOf(type), versions[index]);
      if (known) groups.push(...known);
      return known === undefined;
    });
    if (uncounted.length > 0) {
      const counted = await queryCoverageGroups(strapi, { ...filter, types: uncounted });
      uncounted.forEach((type) => {
        const own = counted.filter((group) => group.type === type.name);
        const version = versions[filter.types.indexOf(type)];
        countedGroups.set(keyOf(type), version, own, validUntilOf(own, staleAfterDays));
      });
      groups.push(...counted);
    }
    return sumAcrossTypes(groups);
  };

  return {
    /** What the coverage filters can offer: tagged types and locales. */
    async options(): Promise<CoverageOptionsResponse['data']> {
      const service = strapi.plugin('i18n').service('locales');
      const locales = (await service.find()) as Array<{ code: string; name: string }>;
      const defaultLocale = (await service.getDefaultLocale()) as string;
      return {
        types: tagging.types.map((type) => ({
          name: type.name,
          uid: type.uid,
          displayName: strapi.contentType(type.uid).info.displayName,
        })),
        locales: locales.map(({ code, name }) => ({
          code,
          name,
          isDefault: code === defaultLocale,
        })),
      };
    },

    async compute(query: CoverageQueryInput): Promise<CoverageMatrix> {
      const types = resolveTypeNames(tagging, query.type);
      const locale = await resolveLocale(strapi, query.locale);
      const { staleAfterDays } = getJourneyConfig(strapi);

      const [{ personas, documentByRowId }, localizedStages, rowGroups] = await Promise.all([
        loadPersonas(),
        // Labels in the counted locale: the CSV export of Danish content reads in Danish.
        stages.inKnownLocale(locale),
        countGroups({
          types,
          locale,
          status: query.status,
          staleBefore: staleBefore(),
        }),
      ]);
      // Row ids -> persona documents. Two groups can map to one document (published entries of one
      // type link to the persona's published row, rows of a type without draft & publish to its
      // draft row); each entry links once per persona, so `find` sums them.
      // (Links cascade on delete, so every linked row id is a known persona row.)
      const groups = rowGroups
        .filter(({ personaRowId }) => personaRowId === null || documentByRowId.has(personaRowId))
        .map(({ personaRowId, ...group }) => ({
          ...group,
          persona: personaRowId === null ? null : documentByRowId.get(personaRowId)!,
        }));

      // With `fresh`, stale documents are left out of the counts that decide each status.
      const counted = (total: number, stale: number) => ({
        count: query.fresh ? total - stale : total,
        stale,
      });
      const find = (kind: 'cell' | 'stage', stage: string | null, persona: string | null) =>
        sumGroups(
          groups.filter((g) => g.kind === kind && g.stage === stage && g.persona === persona)
        );

      const cells = stages.stages.flatMap((stage) =>
        personas.map((persona) => {
          const { total, stale } = find('cell', stage.key, persona.documentId);
          const { count } = counted(total, stale);
          const status = cellLevel(count, stage);
          return { stage: stage.key, persona: persona.slug, count, stale, status };
        })
      );
      const stageTotals = stages.stages.map((stage) => {
        const { total, stale } = find('stage', stage.key, null);
        const { count } = counted(total, stale);
        const status = stageTotalLevel(count, stage);
        return { stage: stage.key, count, stale, minimum: stage.minimum, status };
      });
      const untagged = stages.stages.map((stage) => {
        const { total, stale } = find('cell', stage.key, null);
        return { stage: stage.key, ...counted(total, stale) };
      });
      const noStage = find('stage', null, null);
      const unknown = groups
        .filter((g) => g.kind === 'stage' && g.stage !== null && !stages.has(g.stage))
        .map((g) => ({ stage: g.stage as string, ...counted(g.total, g.stale) }))
        .sort((a, b) => a.stage.localeCompare(b.stage));

      return {
        stages: localizedStages.map(toCoverageStage),
        personas,
        cells,
        stageTotals,
        untagged,
        noStage: counted(noStage.total, noStage.stale),
        unknown,
        filters: {
          types: types.map((type) => type.name),
          locale,
          status: query.status,
          fresh: query.fresh,
          staleAfterDays,
        },
      };
    },

    /**
     * The edit view's line: one stage for the entry's personas (published ones, in the order
     * asked), or the stage total when none are given. Counted with the coverage page's defaults
     * (published content of every tagged type, stale documents included), so each number equals
     * its cell or stage total in `compute()`, but only that stage and those personas are counted.
     */
    async entry(query: EntryCoverageQueryInput): Promise<EntryCoverageResponse['data']> {
      if (query.stage === undefined) {
        const valid = stages.keys.join(', ');
        const message = `"stage" is required: a configured stage key (one of: ${valid}).`;
        throw fieldError('stage', message);
      }
      const stage = stages.get(query.stage);
      if (!stage) {
        throw fieldError('stage', stages.describeUnknown(truncate(query.stage)), query.stage);
      }
      const locale = await resolveLocale(strapi, query.locale);
      const personas = await loadPublishedPersonas(query.personas ?? []);

      const filter = {
        types: tagging.types,
        locale,
        status: 'published' as const,
        staleBefore: staleBefore(),
        stages: [stage.key],
      };
      const { minimum } = stage;
      let lines: EntryCoverageLine[];
      if (personas.length === 0) {
        const groups = await countGroups({ ...filter, kinds: ['stage'] });
        const { total, stale } = sumGroups(groups);
        const status = stageTotalLevel(total, stage);
        lines = [{ persona: null, count: total, stale, minimum, status }];
      } else {
        const personaRowIds = personas.flatMap(({ rowIds }) => [...rowIds]);
        const groups = await countGroups({
          ...filter,
          personaRowIds,
          kinds: ['cell'],
        });
        lines = personas.map(({ persona, rowIds }) => {
          const linked = groups.filter(
            ({ personaRowId }) => personaRowId !== null && rowIds.has(personaRowId)
          );
          const { total, stale } = sumGroups(linked);
          return { persona, count: total, stale, minimum, status: cellLevel(total, stage) };
        });
      }
      const localized = (await stages.inKnownLocale(locale))[stage.order];
      return { stage: toCoverageStage(localized), locale, lines };
    },

    /**
     * Counts carried through a write (documents/carry-counts.ts), step 1: the views of `typeName`
     * whose groups are kept, each with the versions it is kept at. A write counts its share in
     * all of them before it knows its version, and carries those kept at that version.
     */
    keptViews(typeName: string): Array<CoverageView & { versions: Set<string> }> {
      const { staleAfterDays } = getJourneyConfig(strapi);
      const views = new Map<string, CoverageView & { versions: Set<string> }>();
      for (const [kept, version] of countedGroups.keyVersions()) {
        const key = parseGroupsKey(kept);
        if (key.type !== typeName || key.staleAfterDays !== staleAfterDays) continue;
        const view = { locale: key.locale, status: key.status };
        const held = views.get(viewKey(view)) ?? {
          ...view,
          key: viewKey(view),
          versions: new Set(),
        };
        held.versions.add(version);
        views.set(held.key, held);
      }
      return [...views.values()];
    },

    /**
     * Step 2, before and after the write, in its transaction: one document's share of each view's
     * groups, counted by the same SQL as the groups themselves, restricted to its rows, as
     * columns of a statement the write runs anyway (`read` takes them from its row). A document
     * not created yet (undefined) has none.
     */
    documentShare(
      db: Knex,
      type: TaggedType,
      documentId: string | undefined,
      views: readonly CoverageView[],
      alias: string
    ): ColumnsToRead<CoverageGroup[]> {
      const counted = views.flatMap((view, index) => {
        if (documentId === undefined) return [];
        const filter = { types: [type], ...view, staleBefore: staleBefore(), documentId };
        const query = coverageGroupsQuery(strapi, filter, db);
        return query ? [{ view, column: `${alias}_${index}`, query }] : [];
      });
      return {
        columns: counted.map(({ column, query }) =>
          rowsAsJson(strapi, db, query, COVERAGE_GROUP_COLUMNS, column)
        ),
        read: (row) => {
          const shares = new Map<string, CoverageGroup[]>(views.map((view) => [view.key, []]));
          for (const { view, column } of counted) {
            shares.set(view.key, toCoverageGroups(parseJsonRows(row?.[column])));
          }
          return shares;
        },
      };
    },

    /**
     * Step 3, once the write has committed and its version is known to hold nothing else: every
     * kept count of `typeName` at `fromVersion` gets the document's new share in place of its old
     * one and is kept at `toVersion`. The number of kept counts carried.
     */
    carryWrite(
      typeName: string,
      fromVersion: string,
      toVersion: string,
      before: ReadonlyMap<string, CoverageGroup[]>,
      after: ReadonlyMap<string, CoverageGroup[]>
    ): number {
      const { staleAfterDays } = getJourneyConfig(strapi);
      let carried = 0;
      for (const kept of countedGroups.keysAt(fromVersion)) {
        const key = parseGroupsKey(kept);
        if (key.type !== typeName || key.staleAfterDays !== staleAfterDays) continue;
        const shareBefore = before.get(viewKey(key));
        const shareAfter = after.get(viewKey(key));
        if (!shareBefore || !shareAfter) continue;
        const moved = countedGroups.carry(kept, fromVersion, toVersion, (groups) => {
          const value = replaceShare(
            groups,
            narrowGroups(shareBefore, key),
            narrowGroups(shareAfter, key)
          );
          return value && { value, validUntil: validUntilOf(value, staleAfterDays) };
        });
        if (moved) carried += 1;
      }
      return carried;
    },

    /**
     * The reconcile step: startup, nightly (bootstrap.ts) and the coverage page's "Recount".
     * Counts are kept per version of their tables (caching/table-changes.ts) and carried through
     * Document Service writes (documents/carry-counts.ts), so they can only be wrong if a table's
     * change tracking went missing (a trigger dropped, a table restored from a dump): writes to it
     * then leave its version, and the counts kept for it, unchanged; or if raw SQL inside a
     * carried write's transaction changed rows it did not measure. So this
     * 1. notes which kept coverage counts readers are being served now;
     * 2. installs change tracking again where it is incomplete;
     * 3. counts every type again from the source tables, for the default view (published, default
     *    locale) and each locale and status being served, one type at a time;
     * 4. compares what was being served with that recount (a drift is a count that differs while
     *    nothing but step 2 moved its tables' version) and keeps the recount in its place;
     * 5. drops the content list's kept totals, counted again at their next use.
     */
    async recount(): Promise<RecountReport> {
      const started = Date.now();
      const { staleAfterDays, cacheTotals } = getJourneyConfig(strapi);
      const { types } = tagging;
      const tablesOf = (type: (typeof types)[number]) => watchedTables(strapi, [type]);
      await carriesLanded(
        strapi,
        types.map((type) => type.name)
      );
      const versionsBefore = await readTableVersions(strapi, types.map(tablesOf));
      const versionBefore = new Map(types.map((type, index) => [type.name, versionsBefore[index]]));
      const served = countedGroups.entries().flatMap(({ key }) => {
        const parsed = parseGroupsKey(key);
        if (parsed.staleAfterDays !== staleAfterDays) return [];
        const groups = countedGroups.get(key, versionBefore.get(parsed.type));
        return groups ? [{ key: parsed, groups }] : [];
      });

      const repairedTables = await findUntrackedTables(strapi, watchedTables(strapi, types));
      if (repairedTables.length > 0) await installTableChanges(strapi, repairedTables);
      const wasRepaired = (type: (typeof types)[number]) =>
        tablesOf(type).some((table) => repairedTables.includes(table));

      const views = new Map<string, { locale: string; status: CoverageSqlFilter['status'] }>();
      const defaultLocale = await resolveLocale(strapi);
      // i18n sets its default locale in its own bootstrap: without one yet, nothing to warm. With
      // cacheTotals off nothing is kept, so there is nothing to count ahead.
      if (defaultLocale && cacheTotals)
        views.set(`${defaultLocale}|published`, { locale: defaultLocale, status: 'published' });
      for (const { key } of served) views.set(`${key.locale}|${key.status}`, key);

      countedGroups.clear();
      // Versions first, as countGroups does: a write landing during a count moves them again.
      const versionsNow = await readTableVersions(strapi, types.map(tablesOf));
      const recounted = new Map<string, { groups: CoverageGroup[]; comparable: boolean }>();
      for (const { locale, status } of views.values()) {
        for (const [index, type] of types.entries()) {
          const version = versionsNow[index];
          const countStarted = Date.now();
          const groups = await queryCoverageGroups(strapi, {
            types: [type],
            locale,
            status,
            staleBefore: staleBefore(),
          });
          const key = { locale, status, stages: null, personaRowIds: null, kinds: null };
          countedGroups.set(
            groupsKey({ ...key, type: type.name, staleAfterDays }),
            version,
            groups,
            validUntilOf(groups, staleAfterDays)
          );
          const before = versionBefore.get(type.name);
          // Repairing moves the version itself; otherwise a moved version means a write landed
          // since the served counts were read, which explains a difference.
          const comparable = version === before || wasRepaired(type);
          recounted.set(`${locale}|${status}|${type.name}`, { groups, comparable });
          const elapsed = Date.now() - countStarted;
          if (elapsed >= SLOW_COUNT_MS) {
            const rows = sumGroups(groups.filter((group) => group.kind === 'stage')).total;
            strapi.log.info(
              `[journey] counts: ${type.name} (${locale}, ${status}) counted again: ${rows} entries in ${elapsed} ms.`
            );
          }
        }
      }

      const { personas, documentByRowId } = await loadPersonas();
      const slugByDocument = new Map(personas.map((persona) => [persona.documentId, persona.slug]));
      const personaSlug = (rowId: number | null) => {
        if (rowId === null) return null;
        const documentId = documentByRowId.get(rowId);
        return (documentId && slugByDocument.get(documentId)) ?? `#${rowId}`;
      };
      const groupId = (group: CoverageGroup) =>
        `${group.kind}|${group.stage}|${group.personaRowId}`;
      const corrections: RecountCorrection[] = [];
      for (const { key, groups } of served) {
        const truth = recounted.get(`${key.locale}|${key.status}|${key.type}`);
        if (!truth?.comparable) continue;
        const expected = new Map(narrowGroups(truth.groups, key).map((g) => [groupId(g), g]));
        const kept = new Map(groups.map((group) => [groupId(group), group]));
        for (const id of new Set([...expected.keys(), ...kept.keys()])) {
          const servedGroup = kept.get(id);
          const countedGroup = expected.get(id);
          const sample = (servedGroup ?? countedGroup)!;
          if (
            servedGroup?.total === countedGroup?.total &&
            servedGroup?.stale === countedGroup?.stale
          )
            continue;
          corrections.push({
            type: key.type,
            locale: key.locale,
            status: key.status,
            kind: sample.kind,
            stage: sample.stage,
            persona: sample.kind === 'stage' ? null : personaSlug(sample.personaRowId),
            served: servedGroup?.total ?? 0,
            counted: countedGroup?.total ?? 0,
          });
        }
      }

      return {
        repairedTables,
        checked: served.length,
        corrected: corrections.length,
        corrections: corrections.slice(0, MAX_LISTED_CORRECTIONS),
        totalsForgotten: getService(strapi, 'content').forgetTotals(),
        counted: [...views.values()].flatMap(({ locale, status }) =>
          types.map((type) => ({ type: type.name, locale, status }))
        ),
        durationMs: Date.now() - started,
      };
    },
  };
};

export default createCoverageService;
export type CoverageService = ReturnType<typeof createCoverageService>;

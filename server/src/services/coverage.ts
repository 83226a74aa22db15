import type { Core } from '@strapi/strapi';
import type { CoverageMatrix, CoverageOptionsResponse, CoveragePersona } from '../../../shared/contracts';
import { PERSONA_UID } from '../constants';
import { queryCoverageGroups } from '../coverage/coverage-sql';
import { coverageLevel } from '../coverage/levels';
import type { CoverageQueryInput } from '../coverage/query';
import { getJourneyConfig } from '../utils/get-config';
import { getService } from '../utils/get-service';
import { resolveLocale, resolveTypeNames } from '../utils/request-params';

const DAY_MS = 24 * 60 * 60 * 1000;


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
        locales: locales.map(({ code, name }) => ({ code, name, isDefault: code === defaultLocale })),
      };
    },

    async compute(query: CoverageQueryInput): Promise<CoverageMatrix> {
      const types = resolveTypeNames(tagging, query.type);
      const locale = await resolveLocale(strapi, query.locale);
      const { staleAfterDays } = getJourneyConfig(strapi);

      const [{ personas, documentByRowId }, rowGroups] = await Promise.all([
        loadPersonas(),
        queryCoverageGroups(strapi, {
          types,
          locale,
          status: query.status,
          staleBefore: new Date(Date.now() - staleAfterDays * DAY_MS),
        }),
      ]);
      // Row ids -> persona documents. A published and a draft row of one persona never meet in one
      // status (published entries link to published rows), so no two groups merge here.
      // (Links cascade on delete, so every linked row id is a known persona row.)
      const groups = rowGroups
        .filter(({ personaRowId }) => personaRowId === null || documentByRowId.has(personaRowId))
        .map(({ personaRowId, ...group }) => ({ ...group, persona: personaRowId === null ? null : documentByRowId.get(personaRowId)! }));

      // With `fresh`, stale documents are left out of the counts that decide each status.
      const counted = (total: number, stale: number) => ({ count: query.fresh ? total - stale : total, stale });
      const find = (kind: 'cell' | 'stage', stage: string | null, persona: string | null) =>
        groups.find((g) => g.kind === kind && g.stage === stage && g.persona === persona) ?? { total: 0, stale: 0 };

      const cells = stages.stages.flatMap((stage) =>
        personas.map((persona) => {
          const { total, stale } = find('cell', stage.key, persona.documentId);
          const { count } = counted(total, stale);
          return { stage: stage.key, persona: persona.slug, count, stale, status: coverageLevel(count, stage.minimum, stage.excess) };
        })
      );
      const stageTotals = stages.stages.map((stage) => {
        const { total, stale } = find('stage', stage.key, null);
        const { count } = counted(total, stale);
        return { stage: stage.key, count, stale, minimum: stage.minimum, status: coverageLevel(count, stage.minimum) };
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
        stages: stages.stages.map(({ key, label, order, minimum, excess }) => ({ key, label, order, minimum, excess: excess ?? null })),
        personas,
        cells,
        stageTotals,
        untagged,
        noStage: counted(noStage.total, noStage.stale),
        unknown,
        filters: { types: types.map((type) => type.name), locale, status: query.status, fresh: query.fresh, staleAfterDays },
      };
    },
  };
};

export default createCoverageService;
export type CoverageService = ReturnType<typeof createCoverageService>;

import type { Core, UID } from '@strapi/strapi';
import type { ContentItem, ContentResponse, NextContentResponse, PersonaRef } from '../../../shared/contracts';
import { PERSONAS_ATTRIBUTE, STAGE_ATTRIBUTE } from '../constants';
import { createMergedContentQuery } from '../content-api/merged-query';
import { echo, type ContentQueryInput } from '../content-api/query';
import { getService } from '../utils/get-service';
import { isLocalized } from '../utils/models';
import { paramError, resolveLocale, resolveTypeNames } from '../utils/request-params';

/** Who is asking (ctx.state.auth), so output is sanitized like Strapi's own REST. */
type Auth = unknown;


/** Fields the response shapes itself; everything else of an entry is passed through, sanitized. */
const SHAPED_FIELDS = new Set(['id', 'documentId', STAGE_ATTRIBUTE, PERSONAS_ATTRIBUTE, 'locale', 'publishedAt', 'updatedAt', 'localizations']);

/** Stage- and persona-appropriate published content across all tagged types, for frontends. */
const createContentService = ({ strapi }: { strapi: Core.Strapi }) => {
  const stages = getService(strapi, 'stages');
  const tagging = getService(strapi, 'tagging');

  const resolveStages = (keys?: string[]) => {
    for (const key of keys ?? []) {
      if (!stages.has(key)) throw paramError('stage', stages.describeUnknown(key.length > 60 ? `${key.slice(0, 60)}...` : key), key);
    }
    return keys;
  };

  /** Persona slugs -> the published persona row ids that published entries link to. */
  const resolvePersonas = async (slugs?: string[]) => {
    if (!slugs) return undefined;
    const rows = await getService(strapi, 'personas').publishedRows();
    const idsBySlug = new Map(rows.map((row) => [row.slug, row.id]));
    const unknown = slugs.find((slug) => !idsBySlug.has(slug));
    if (unknown !== undefined) {
      const known = rows.map((row) => row.slug).join(', ') || '(none published)';
      throw paramError('persona', `Unknown persona ${echo(unknown)}. Known personas: ${known}.`, unknown);
    }
    return slugs.map((slug) => idsBySlug.get(slug)!);
  };

  /** Loads one page's entries per type (one query each), sanitized, in the merged order. */
  const hydrate = async (rows: Array<{ type: string; documentId: string }>, locale: string, auth: Auth) => {
    const byType = new Map<string, string[]>();
    for (const row of rows) byType.set(row.type, [...(byType.get(row.type) ?? []), row.documentId]);

    const items = new Map<string, ContentItem>();
    for (const [name, documentIds] of byType) {
      const type = tagging.byName(name)!;
      const contentType = strapi.contentType(type.uid);
      const localized = isLocalized(strapi, type.uid);
      const entries = (await strapi.documents(type.uid).findMany({
        filters: { documentId: { $in: documentIds } },
        status: 'published',
        ...(localized ? { locale } : {}),
        populate: { [PERSONAS_ATTRIBUTE]: { fields: ['slug', 'name'] } },
      } as never)) as unknown as Array<Record<string, unknown>>;

      for (const entry of entries) {
        const personas = ((entry[PERSONAS_ATTRIBUTE] ?? []) as PersonaRef[]).map(({ slug, name: personaName }) => ({
          slug,
          name: personaName,
        }));
        const own = Object.fromEntries(Object.entries(entry).filter(([key]) => !SHAPED_FIELDS.has(key)));
        const sanitized = (await strapi.contentAPI.sanitize.output(own, contentType, { auth })) as Record<string, unknown>;
        items.set(`${name}:${entry.documentId}`, {
          documentId: entry.documentId as string,
          type: name,
          stage: (entry[STAGE_ATTRIBUTE] as string | null) ?? null,
          personas,
          locale: (entry.locale as string | undefined) ?? null,
          publishedAt: entry.publishedAt as string,
          updatedAt: entry.updatedAt as string,
          ...sanitized,
        });
      }
    }
    // A row can only be missing if it was unpublished between the two queries: skip it.
    return rows.map((row) => items.get(`${row.type}:${row.documentId}`)).filter((item): item is ContentItem => Boolean(item));
  };

  const find = async (query: ContentQueryInput, auth: Auth): Promise<ContentResponse> => {
    const types = resolveTypeNames(tagging, query.type);
    const stageKeys = resolveStages(query.stage);
    const locale = await resolveLocale(strapi, query.locale);
    const personaIds = await resolvePersonas(query.persona);

    const merged = createMergedContentQuery(strapi, { types, stages: stageKeys, personaIds, locale });
    const offset = (query.page - 1) * query.pageSize;
    const { rows, total: pageTotal } = await merged.page(query.sort, offset, query.pageSize);
    // An empty page carries no window count: only then is a separate count needed (or known: 0).
    const total = pageTotal ?? (offset === 0 ? 0 : await merged.count());
    return {
      data: await hydrate(rows, locale, auth),
      meta: {
        pagination: { page: query.page, pageSize: query.pageSize, pageCount: Math.ceil(total / query.pageSize), total },
      },
    };
  };

  return {
    find,

    /** Content of the stage after `query.stage`: what a frontend offers as the next step. */
    async next(query: ContentQueryInput, auth: Auth): Promise<NextContentResponse> {
      if (!query.stage) throw paramError('stage', `"stage" is required: the stage the visitor is in (one of: ${stages.keys.join(', ')}).`);
      if (query.stage.length !== 1) throw paramError('stage', '"stage" takes a single stage here: the stage the visitor is in.', query.stage);
      resolveStages(query.stage);
      const nextStage = stages.next(query.stage[0]);
      if (!nextStage) {
        // Validate the rest of the query anyway, so a bad parameter is never silently accepted.
        await find({ ...query, stage: query.stage, page: 1, pageSize: 1 }, auth);
        return { data: [], meta: { stage: null, pagination: { page: query.page, pageSize: query.pageSize, pageCount: 0, total: 0 } } };
      }
      const result = await find({ ...query, stage: [nextStage.key] }, auth);
      return { data: result.data, meta: { stage: nextStage.key, pagination: result.meta.pagination } };
    },
  };
};

export default createContentService;
export type ContentService = ReturnType<typeof createContentService>;

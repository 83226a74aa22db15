import type { Core } from '@strapi/strapi';
import { PERSONA_UID, PERSONAS_ATTRIBUTE, STAGE_ATTRIBUTE } from '../../../shared/constants';
import type { TaggedType } from '../tagging/tagged-types';
import { column, hasDraftAndPublish, isLocalized, modelMeta } from '../utils/models';
import { getKnex } from '../utils/sql';

/** The stage and published personas (documentIds) a published entry has now; '' for no stage. */
export interface PublishedEntry {
  stage: string;
  personas: string[];
}

/**
 * How long an answer may be reused. Writes through this server's Document Service clear the
 * caches at once (analytics/invalidate.ts); this bounds how long a write made by another server
 * instance, or straight in the database, can go unseen: an event for an entry unpublished there a
 * moment ago may still be counted for up to this long.
 */
export const LOOKUP_TTL_MS = 10_000;
/** Cached answers per kind; past it the cache starts over, so memory stays bounded under floods of unknown ids. */
const MAX_CACHED = 100_000;

class TtlCache<Value> {
  private entries = new Map<string, { value: Value; expires: number }>();
  get(key: string): Value | undefined {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    if (hit.expires > Date.now()) return hit.value;
    this.entries.delete(key);
    return undefined;
  }
  set(key: string, value: Value) {
    if (this.entries.size >= MAX_CACHED) this.entries.clear();
    this.entries.set(key, { value, expires: Date.now() + LOOKUP_TTL_MS });
  }
  clear() {
    this.entries.clear();
  }
}

export const entryKey = (type: string, documentId: string, locale: string) =>
  `${type}\n${documentId}\n${locale}`;

/**
 * What ingestion and form submissions need to know about the ids a request names, in a few
 * statements per request and mostly from memory: whether an entry is published in a locale (with
 * its stage and personas), whether a click's target is published content, which persona a slug
 * names, which locales exist, a published form's definition.
 */
export const createAnalyticsLookups = (strapi: Core.Strapi) => {
  const knex = getKnex(strapi);
  const entries = new TtlCache<PublishedEntry | null>();
  const targets = new TtlCache<boolean>();
  const personas = new TtlCache<string | null>();
  const forms = new TtlCache<unknown>();
  let locales: { codes: Set<string>; defaultLocale: string; expires: number } | undefined;

  const persona = () => modelMeta(strapi, PERSONA_UID);
  /** Persona documentIds with a published version. */
  const publishedPersonaDocuments = () =>
    knex(persona().tableName)
      .select(column(persona(), 'documentId'))
      .whereNotNull(column(persona(), 'publishedAt'));

  /** Loads published entries of one type (uncached ones only) into `found` and the cache. */
  const loadEntries = async (
    type: TaggedType,
    wanted: Array<{ documentId: string; locale: string }>,
    found: Map<string, PublishedEntry | null>
  ) => {
    const meta = modelMeta(strapi, type.uid);
    const localized = isLocalized(strapi, type.uid);
    const col = (attribute: string) => `e.${column(meta, attribute)}`;
    const query = knex(`${meta.tableName} as e`)
      .select({
        id: 'e.id',
        documentId: col('documentId'),
        stage: col(STAGE_ATTRIBUTE),
        ...(localized ? { locale: col('locale') } : {}),
      })
      .whereIn(col('documentId'), [...new Set(wanted.map((want) => want.documentId))]);
    if (localized) query.whereIn(col('locale'), [...new Set(wanted.map((want) => want.locale))]);
    if (hasDraftAndPublish(strapi, type.uid)) query.whereNotNull(col('publishedAt'));
    const rows = (await query) as Array<{
      id: number;
      documentId: string;
      stage: string | null;
      locale?: string;
    }>;

    const personasByRow = new Map<number, Set<string>>();
    if (rows.length > 0) {
      const links = meta.attributes[PERSONAS_ATTRIBUTE].joinTable!;
      const linked = (await knex(`${links.name} as l`)
        .join(`${persona().tableName} as p`, 'p.id', `l.${links.inverseJoinColumn.name}`)
        .select({
          entryId: `l.${links.joinColumn.name}`,
          persona: `p.${column(persona(), 'documentId')}`,
        })
        .whereIn(
          `l.${links.joinColumn.name}`,
          rows.map((row) => row.id)
        )
        // Published personas only, whichever of a persona's rows the entry links to.
        .whereIn(`p.${column(persona(), 'documentId')}`, publishedPersonaDocuments())) as Array<{
        entryId: number | string;
        persona: string;
      }>;
      for (const link of linked) {
        const set = personasByRow.get(Number(link.entryId)) ?? new Set<string>();
        set.add(link.persona);
        personasByRow.set(Number(link.entryId), set);
      }
    }
    for (const want of wanted) found.set(entryKey(type.name, want.documentId, want.locale), null);
    for (const row of rows) {
      const locale = localized ? (row.locale ?? '') : '';
      found.set(entryKey(type.name, row.documentId, locale), {
        stage: row.stage ?? '',
        personas: [...(personasByRow.get(Number(row.id)) ?? [])].sort(),
      });
    }
    for (const want of wanted) {
      const key = entryKey(type.name, want.documentId, want.locale);
      entries.set(key, found.get(key)!);
    }
  };

  return {
    /** Clears every cached answer: content or personas changed. */
    invalidate() {
      entries.clear();
      targets.clear();
      personas.clear();
      forms.clear();
    },

    /** Locale codes that exist, and the default one. */
    async locales() {
      if (locales && locales.expires > Date.now()) return locales;
      const service = strapi.plugin('i18n').service('locales');
      const all = (await service.find()) as Array<{ code: string }>;
      locales = {
        codes: new Set(all.map(({ code }) => code)),
        defaultLocale: (await service.getDefaultLocale()) as string,
        expires: Date.now() + LOOKUP_TTL_MS,
      };
      return locales;
    },

    isLocalized: (type: TaggedType) => isLocalized(strapi, type.uid),

    /** Published entries by entryKey(type, documentId, locale); null: not published there. */
    async entries(wanted: Array<{ type: TaggedType; documentId: string; locale: string }>) {
      const found = new Map<string, PublishedEntry | null>();
      const missing = new Map<TaggedType, Array<{ documentId: string; locale: string }>>();
      for (const want of wanted) {
        const key = entryKey(want.type.name, want.documentId, want.locale);
        const cached = entries.get(key);
        if (cached !== undefined) {
          found.set(key, cached);
          continue;
        }
        const list = missing.get(want.type) ?? [];
        list.push(want);
        missing.set(want.type, list);
      }
      for (const [type, list] of missing) await loadEntries(type, list, found);
      return (type: TaggedType, documentId: string, locale: string) =>
        found.get(entryKey(type.name, documentId, locale)) ?? null;
    },

    /** Which of the documentIds are published content of some tagged type. */
    async targets(types: readonly TaggedType[], documentIds: string[]) {
      const known = new Map<string, boolean>();
      const missing: string[] = [];
      for (const id of new Set(documentIds)) {
        const cached = targets.get(id);
        if (cached === undefined) missing.push(id);
        else known.set(id, cached);
      }
      if (missing.length > 0) {
        const found = new Set<string>();
        for (const type of types) {
          const meta = modelMeta(strapi, type.uid);
          const query = knex(meta.tableName)
            .distinct({ documentId: column(meta, 'documentId') })
            .whereIn(column(meta, 'documentId'), missing);
          if (hasDraftAndPublish(strapi, type.uid)) query.whereNotNull(column(meta, 'publishedAt'));
          for (const row of (await query) as Array<{ documentId: string }>)
            found.add(row.documentId);
        }
        for (const id of missing) {
          known.set(id, found.has(id));
          targets.set(id, found.has(id));
        }
      }
      return (documentId: string) => known.get(documentId) ?? false;
    },

    /**
     * A published form in a locale, as `load` reads it, for form submissions: forms are a tagged
     * type, so a write to one clears this like any entry.
     */
    async publishedForm<Form>(
      documentId: string,
      locale: string,
      load: () => Promise<Form | null>
    ): Promise<Form | null> {
      const key = `${documentId}\n${locale}`;
      const cached = forms.get(key);
      if (cached !== undefined) return cached as Form | null;
      const form = await load();
      forms.set(key, form);
      return form;
    },

    /** Published personas' documentIds by slug. */
    async personas(slugs: string[]) {
      const known = new Map<string, string | null>();
      const missing: string[] = [];
      for (const slug of new Set(slugs)) {
        const cached = personas.get(slug);
        if (cached === undefined) missing.push(slug);
        else known.set(slug, cached);
      }
      if (missing.length > 0) {
        const rows = (await knex(persona().tableName)
          .distinct({
            slug: column(persona(), 'slug'),
            documentId: column(persona(), 'documentId'),
          })
          .whereIn(column(persona(), 'slug'), missing)
          .whereNotNull(column(persona(), 'publishedAt'))) as Array<{
          slug: string;
          documentId: string;
        }>;
        const bySlug = new Map(rows.map((row) => [row.slug, row.documentId]));
        for (const slug of missing) {
          known.set(slug, bySlug.get(slug) ?? null);
          personas.set(slug, bySlug.get(slug) ?? null);
        }
      }
      return (slug: string) => known.get(slug) ?? null;
    },
  };
};

export type AnalyticsLookups = ReturnType<typeof createAnalyticsLookups>;

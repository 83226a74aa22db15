import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import { PERSONA_UID, PERSONAS_ATTRIBUTE } from '../../../shared/constants';
import { echo, truncate } from '../utils/query-parsing';
import { fieldError, fromZodError, unknownFields } from '../utils/validation';

type Data = Record<string, unknown>;

/*
 * Checks on the shape of a write's data that Strapi leaves to the database: found by fuzzing the
 * write path (tests/api/fuzz-writes.test.ts), where each of these reached the database and came
 * back as a 500, or worse, was stored.
 */

/**
 * Keys every object inherits (`constructor`, `toString`, `__proto__`, ...): given as own keys (a
 * JSON body can), Strapi's traversal calls or assigns them and throws a TypeError.
 */
const INHERITED_KEYS = new Set(Object.getOwnPropertyNames(Object.prototype));

/**
 * Refuses keys no editor or client can mean: `id` (the database sets it; on create it failed with
 * a 500, on update it renumbered the row, orphaning its links), and inherited object keys.
 */
export const assertWritableKeys = (data: Data) => {
  if (Object.prototype.hasOwnProperty.call(data, 'id')) {
    throw fieldError('id', 'id is set by the database; leave it out.', data.id);
  }
  const inherited = Object.keys(data).find((key) => INHERITED_KEYS.has(key));
  if (inherited !== undefined) {
    throw fieldError(
      inherited,
      `"${inherited}" is not an attribute of this content type; leave it out.`,
      data[inherited]
    );
  }
};

/** Postgres `integer` ids: a larger number is no id and would fail in the database. */
const MAX_ID = 2_147_483_647;

/** Where Strapi places a connected relation in an ordered list. */
const positionSchema = z
  .strictObject({
    before: z.string().max(64).optional(),
    after: z.string().max(64).optional(),
    start: z.boolean().optional(),
    end: z.boolean().optional(),
    locale: z.string().max(64).nullish(),
    status: z.enum(['draft', 'published']).optional(),
  })
  .optional();

/** How a persona is referred to: by row id or by documentId (what Strapi's relation inputs accept). */
interface PersonaRef {
  id?: number;
  documentId?: string;
  position?: z.infer<typeof positionSchema>;
}

/** A refused value as an error message repeats it: cut, strings quoted, anything else as JSON. */
const describe = (value: unknown) =>
  typeof value === 'string' ? echo(value) : truncate(JSON.stringify(value) ?? String(value));

const notAPersonaRef = (issue: { input?: unknown }) =>
  `${describe(issue.input)} is not a persona id or documentId.`;

const idSchema = z.number().int().min(1).max(MAX_ID);

/**
 * A bare reference. Strapi reads any string parseInt accepts ("12abc", " 7") as a row id and sends
 * it to the database as such, so only digit-only strings count as ids; other strings are
 * documentIds, which never start with a digit.
 */
const shortRefSchema = z.union(
  [
    idSchema.transform((id): PersonaRef => ({ id })),
    z
      .string()
      .regex(/^\d{1,10}$/)
      .transform(Number)
      .pipe(idSchema)
      .transform((id): PersonaRef => ({ id })),
    z
      .string()
      .max(64)
      .regex(/^[A-Za-z_][\w-]*$/)
      .transform((documentId): PersonaRef => ({ documentId })),
  ],
  { error: notAPersonaRef }
);

/**
 * The long form ({ id } or { documentId }, as the Content Manager sends it, with a position and
 * the target's locale): other keys (the admin's own `apiData`, `__temp_key__`) are ignored.
 */
const longRefSchema = z
  .looseObject({
    id: idSchema.optional(),
    documentId: z.string().min(1).max(64).optional(),
    position: positionSchema,
  })
  .refine((ref) => ref.id !== undefined || ref.documentId !== undefined, {
    error: 'names no persona: give an id or a documentId.',
  })
  .transform(({ id, documentId, position }): PersonaRef => ({ id, documentId, position }));

const refSchema = z.union([shortRefSchema, longRefSchema], { error: notAPersonaRef });

/** Strapi takes one reference where it takes a list. */
const refListSchema = z.preprocess(
  (value) => (Array.isArray(value) ? value : [value]),
  z.array(refSchema).max(1000, 'name at most 1000 personas.')
);

const relationOpsSchema = z
  .strictObject(
    {
      connect: refListSchema.optional(),
      disconnect: refListSchema.optional(),
      set: refListSchema.optional(),
    },
    { error: unknownFields('personas takes connect, disconnect or set.', 'must be an object.') }
  )
  .refine((payload) => !(payload.set && (payload.connect || payload.disconnect)), {
    error: 'give either set, or connect and disconnect, not both.',
  });

type RelationOps = z.infer<typeof relationOpsSchema>;

/** An object without id or documentId is { connect, disconnect, set }; anything else is references. */
const isRelationOps = (value: unknown) =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  !('id' in value) &&
  !('documentId' in value);

const parsePersonas = (value: unknown): PersonaRef[] | RelationOps => {
  if (value === null) return [];
  const parsed = isRelationOps(value)
    ? relationOpsSchema.safeParse(value)
    : refListSchema.safeParse(value);
  if (!parsed.success) throw fromZodError(parsed.error, [PERSONAS_ATTRIBUTE]);
  return parsed.data;
};

/** Every reference of a payload, whatever it does with them. */
const refsOf = (payload: PersonaRef[] | RelationOps): PersonaRef[] =>
  Array.isArray(payload)
    ? payload
    : [...(payload.connect ?? []), ...(payload.disconnect ?? []), ...(payload.set ?? [])];

/**
 * Checks the personas of a write: the shape with zod, then that every referenced persona exists
 * (a missing id was linked as a dangling row on SQLite and failed the foreign key on PostgreSQL).
 * Rewrites each reference to its documentId, each list without repeats: naming one persona twice
 * (by id, documentId, or both) links it once.
 */
export const normalizePersonas = async (strapi: Core.Strapi, data: Data) => {
  const value = data[PERSONAS_ATTRIBUTE];
  if (value === undefined) return;
  const payload = parsePersonas(value);
  const refs = refsOf(payload);
  // Strapi goes by the documentId when a reference has both; so does this check.
  const documentIds = refs.flatMap((ref) => (ref.documentId !== undefined ? [ref.documentId] : []));
  const ids = refs.flatMap((ref) =>
    ref.documentId === undefined && ref.id !== undefined ? [ref.id] : []
  );
  const rows: Array<{ id: number; documentId: string }> =
    refs.length === 0
      ? []
      : await strapi.db.query(PERSONA_UID).findMany({
          select: ['id', 'documentId'],
          where: { $or: [{ id: { $in: ids } }, { documentId: { $in: documentIds } }] },
        });
  const byId = new Map(rows.map((row) => [row.id, row.documentId]));
  const known = new Set(rows.map((row) => row.documentId));

  const documentIdOf = (ref: PersonaRef) => {
    const found = ref.documentId ?? (ref.id !== undefined ? byId.get(ref.id) : undefined);
    if (found !== undefined && known.has(found)) return found;
    const given =
      ref.documentId !== undefined ? `documentId ${echo(ref.documentId)}` : `id ${ref.id}`;
    const message = `${PERSONAS_ATTRIBUTE}: no persona has ${given}.`;
    throw fieldError(PERSONAS_ATTRIBUTE, message, ref.documentId ?? ref.id);
  };
  const normalizeList = (list: PersonaRef[]) => {
    const seen = new Set<string>();
    return list.flatMap((ref) => {
      const documentId = documentIdOf(ref);
      if (seen.has(documentId)) return [];
      seen.add(documentId);
      return ref.position ? [{ documentId, position: ref.position }] : [{ documentId }];
    });
  };

  if (Array.isArray(payload)) data[PERSONAS_ATTRIBUTE] = normalizeList(payload);
  else
    data[PERSONAS_ATTRIBUTE] = Object.fromEntries(
      (['connect', 'disconnect', 'set'] as const).flatMap((key) =>
        payload[key] ? [[key, normalizeList(payload[key])]] : []
      )
    );
};

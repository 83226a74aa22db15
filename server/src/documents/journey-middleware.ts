import type { Core, Modules, UID } from '@strapi/strapi';
import { formFieldsSchema } from '../../../shared/form-fields';
import {
  BUILT_IN_TYPES,
  PERSONA_UID,
  PERSONAS_ATTRIBUTE,
  STAGE_ATTRIBUTE,
} from '../../../shared/constants';
import { getService } from '../utils/get-service';
import { truncate } from '../utils/query-parsing';
import { fieldError, fromZodError } from '../utils/validation';
import { applySlugRules, SLUG_SOURCES } from './slugs';
import { effectiveLocale, isTakenByAnotherDocument, type WriteScope } from './uniqueness';
import { assertWritableKeys, normalizePersonas } from './write-shape';

type Middleware = Modules.Documents.Middleware.Middleware;
type Data = Record<string, unknown>;

/** The draft row a write changes (the Document Service always writes the draft), or null if new. */
const findCurrentDraft = async (strapi: Core.Strapi, scope: WriteScope) => {
  if (!scope.documentId) return null;
  const locale = await effectiveLocale(strapi, scope);
  return strapi.db.query(scope.uid).findOne({
    where: { documentId: scope.documentId, publishedAt: null, ...(locale ? { locale } : {}) },
  });
};

const assertConfiguredStage = (strapi: Core.Strapi, data: Data) => {
  const stage = data[STAGE_ATTRIBUTE];
  if (stage === undefined || stage === null) return;
  const stages = getService(strapi, 'stages');
  if (typeof stage !== 'string') throw fieldError(STAGE_ATTRIBUTE, stages.describeNotText(), stage);
  if (!stages.has(stage)) {
    throw fieldError(STAGE_ATTRIBUTE, stages.describeUnknown(truncate(stage)), stage);
  }
};

/**
 * Strapi localizes every relation, so a new translation would start with no personas. It inherits
 * them from the document's other locales instead (the stage is shared by i18n already): a
 * translation is the same piece of the journey unless an editor says otherwise.
 */
const inheritPersonas = async (strapi: Core.Strapi, scope: WriteScope, data: Data) => {
  if (data[PERSONAS_ATTRIBUTE] !== undefined || !scope.documentId) return;
  const sibling = await strapi.db.query(scope.uid).findOne({
    where: { documentId: scope.documentId, publishedAt: null },
    populate: { [PERSONAS_ATTRIBUTE]: { select: ['documentId'] } },
  });
  const personas = (sibling?.[PERSONAS_ATTRIBUTE] ?? []) as Array<{ documentId: string }>;
  if (personas.length > 0)
    data[PERSONAS_ATTRIBUTE] = [...new Set(personas.map((p) => p.documentId))];
};

/**
 * The plugin's rules for every write through the Document Service (Content Manager, REST, code):
 * no `id` or inherited object keys in the data, a tagged entry's stage must be a configured stage
 * key and its personas must exist (each linked once), a form's fields must be well-formed, slugs
 * are generated and kept unique, persona names are unique. Runs before Strapi's own validation so
 * messages say what is allowed.
 */
export const createJourneyDocumentMiddleware =
  (strapi: Core.Strapi): Middleware =>
  async (context, next) => {
    if (context.action !== 'create' && context.action !== 'update') return next();

    const params = context.params as { data?: Data; documentId?: string; locale?: string };
    const data = params.data;
    if (!data || typeof data !== 'object') return next();

    const uid = context.uid as UID.ContentType;
    const tagged = getService(strapi, 'tagging').isTagged(uid);
    if (!tagged && uid !== PERSONA_UID) return next();

    const scope: WriteScope = {
      uid,
      documentId: context.action === 'update' ? params.documentId : undefined,
      locale: params.locale,
    };
    // Pure checks first: a bad key, stage or form definition fails before any query runs.
    assertWritableKeys(data);
    if (tagged) assertConfiguredStage(strapi, data);

    if (uid === BUILT_IN_TYPES.form && data.fields !== undefined && data.fields !== null) {
      const parsed = formFieldsSchema.safeParse(data.fields);
      if (!parsed.success) throw fromZodError(parsed.error, ['fields']);
      data.fields = parsed.data;
    }
    if (uid === BUILT_IN_TYPES.form && typeof data.notifyEmails === 'string') {
      const invalid = data.notifyEmails
        .split(/[\s,;]+/)
        .filter((address) => address !== '' && !/^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/.test(address));
      if (invalid.length > 0) {
        const message = `notifyEmails: ${invalid.map((address) => JSON.stringify(address.slice(0, 60))).join(', ')} ${invalid.length > 1 ? 'are not email addresses' : 'is not an email address'}. Separate addresses with commas or new lines.`;
        throw fieldError('notifyEmails', message, data.notifyEmails);
      }
    }

    if (uid === PERSONA_UID && typeof data.name === 'string') {
      if (await isTakenByAnotherDocument(strapi, scope, 'name', data.name)) {
        const message = `A persona named "${data.name}" already exists. Persona names are unique.`;
        throw fieldError('name', message, data.name);
      }
    }

    if (tagged) await normalizePersonas(strapi, data);

    // The stored draft is only needed to inherit personas into a new locale and for slug rules.
    const needsPersonas =
      tagged && scope.documentId !== undefined && data[PERSONAS_ATTRIBUTE] === undefined;
    const current =
      needsPersonas || SLUG_SOURCES[uid] ? await findCurrentDraft(strapi, scope) : null;
    if (needsPersonas && !current) await inheritPersonas(strapi, scope, data);

    if (SLUG_SOURCES[uid]) await applySlugRules(strapi, scope, data, current);

    return next();
  };

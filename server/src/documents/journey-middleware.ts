import type { Core, Modules, UID } from '@strapi/strapi';
import { formFieldsSchema } from '../../../shared/form-fields';
import { BUILT_IN_TYPES, STAGE_ATTRIBUTE } from '../constants';
import { getService } from '../utils/get-service';
import { attributeError, fromZodError } from '../utils/validation';
import { applySlugRules } from './slugs';

type Middleware = Modules.Documents.Middleware.Middleware;

/**
 * The plugin's rules for every write through the Document Service (Content Manager, REST, code):
 * a tagged entry's stage must be a configured stage key, a form's fields must be well-formed, and
 * slugs are generated and kept unique. Runs before Strapi's own validation so the messages name
 * what is allowed.
 */
export const createJourneyDocumentMiddleware =
  (strapi: Core.Strapi): Middleware =>
  async (context, next) => {
    if (context.action !== 'create' && context.action !== 'update') return next();

    const params = context.params as { data?: Record<string, unknown>; documentId?: string; locale?: string };
    const data = params.data;
    if (!data || typeof data !== 'object') return next();
    const uid = context.uid as UID.ContentType;

    if (getService(strapi, 'tagging').isTagged(uid)) {
      const stage = data[STAGE_ATTRIBUTE];
      if (stage !== undefined && stage !== null) {
        const stages = getService(strapi, 'stages');
        if (typeof stage !== 'string' || !stages.has(stage)) {
          throw attributeError(STAGE_ATTRIBUTE, stages.describeUnknown(String(stage)), stage);
        }
      }
    }

    if (uid === BUILT_IN_TYPES.form && data.fields !== undefined && data.fields !== null) {
      const parsed = formFieldsSchema.safeParse(data.fields);
      if (!parsed.success) throw fromZodError(parsed.error, ['fields']);
      data.fields = parsed.data;
    }

    await applySlugRules(
      strapi,
      { uid, documentId: context.action === 'update' ? params.documentId : undefined, locale: params.locale },
      data
    );

    return next();
  };

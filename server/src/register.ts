import type { Core } from '@strapi/strapi';
import { registerShippedComponents } from './components';
import { getJourneyConfig } from './config';
import { keepBuiltInTables } from './content-types/keep-built-in-tables';
import { createJourneyDocumentMiddleware } from './documents/journey-middleware';
import { injectJourneyFields } from './tagging/inject-fields';
import { assertTaggable } from './tagging/tagged-types';
import { getService } from './utils/get-service';

/**
 * Schema changes must happen in register: the database schema sync runs between register and
 * bootstrap, so fields injected later would have no columns.
 */
const register = ({ strapi }: { strapi: Core.Strapi }) => {
  // Before anything reads the shipped types' attributes: their `seo` field names a component.
  if (getJourneyConfig(strapi).builtInTypes) registerShippedComponents(strapi);

  try {
    const { keys } = getService(strapi, 'stages');
    const { types } = getService(strapi, 'tagging');
    types
      .filter((type) => !type.builtIn)
      .forEach((type, index) => assertTaggable(strapi, type, index));
    for (const type of types) injectJourneyFields(strapi, type.uid, keys);
  } catch (error) {
    // Same wording as Strapi's own config validation failures, so users know where to look. The
    // message carries the cause's text; Strapi's server tsconfig has no ErrorOptions for `cause`.
    // eslint-disable-next-line preserve-caught-error
    throw new Error(`Error regarding journey config: ${(error as Error).message}`);
  }

  strapi.documents.use(createJourneyDocumentMiddleware(strapi));

  // The shipped kinds are left unregistered (server/src/index.ts); their tables, if any, are kept.
  if (!getJourneyConfig(strapi).builtInTypes) {
    strapi.hook('strapi::content-types.beforeSync').register(() => keepBuiltInTables(strapi));
  }
};

export default register;

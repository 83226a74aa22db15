import type { Core } from '@strapi/strapi';
import { FORM_FIELDS_CUSTOM_FIELD, PLUGIN_ID } from '../../shared/constants';
import { createLookupInvalidationMiddleware } from './analytics/invalidate';
import { registerShippedComponents } from './components';
import { getJourneyConfig } from './config';
import { keepBuiltInTables } from './content-types/keep-built-in-tables';
import { createCountCarryMiddlewares } from './documents/carry-counts';
import { createJourneyDocumentMiddleware } from './documents/journey-middleware';
import { createWriteLockMiddleware } from './documents/write-lock';
import { createDraftGuardMiddleware } from './drafts/guard';
import { registerGraphql } from './graphql';
import { migrateRenamedActions } from './permissions-migration';
import { injectJourneyFields } from './tagging/inject-fields';
import { assertTaggable } from './tagging/tagged-types';
import { getService } from './utils/get-service';

/**
 * Schema changes must happen in register: the database schema sync runs between register and
 * bootstrap, so fields injected later would have no columns.
 */
const register = ({ strapi }: { strapi: Core.Strapi }) => {
  // Before the schemas' customField attributes are resolved (right after every plugin's register):
  // the form's `fields` is edited by the admin's field editor and stored as plain JSON.
  strapi.customFields.register({ name: FORM_FIELDS_CUSTOM_FIELD, plugin: PLUGIN_ID, type: 'json' });

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

  // Registration order is nesting order, first outermost. Lookups are invalidated after the write
  // has committed (a lookup racing it would otherwise cache the old state again); the write lock
  // opens the transaction before the journey rules read anything, so their checks hold until commit.
  // Kept counts are carried through a write (documents/carry-counts.ts): measured inside the
  // write lock's transaction, carried once it has committed, unless the Query Engine saw the
  // write change rows its measurement does not cover.
  const countCarry = createCountCarryMiddlewares(strapi);
  strapi.documents.use(createLookupInvalidationMiddleware(strapi));
  strapi.documents.use(countCarry.afterCommit);
  strapi.documents.use(createWriteLockMiddleware(strapi));
  strapi.documents.use(countCarry.inTransaction);
  strapi.db.lifecycles.subscribe(countCarry.writeWatcher);
  strapi.documents.use(createJourneyDocumentMiddleware(strapi));
  strapi.documents.use(createDraftGuardMiddleware(strapi));

  // Only with @strapi/plugin-graphql installed and enabled; its schema is built in its bootstrap.
  if (strapi.plugin('graphql')) registerGraphql(strapi);

  // Right after the schema sync, before any plugin's bootstrap: Users & Permissions deletes grants
  // of actions that no longer exist when it boots, so renamed ones must be moved before that.
  strapi.hook('strapi::content-types.afterSync').register(() => migrateRenamedActions(strapi));

  // The shipped kinds are left unregistered (server/src/index.ts); their tables, if any, are kept.
  if (!getJourneyConfig(strapi).builtInTypes) {
    strapi.hook('strapi::content-types.beforeSync').register(() => keepBuiltInTables(strapi));
  }
};

export default register;

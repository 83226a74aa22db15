import type { Core, Modules } from '@strapi/strapi';
import { PERSONA_UID } from '../../../shared/constants';
import { getService } from '../utils/get-service';

const READS = new Set(['findOne', 'findMany', 'findFirst', 'count']);

/**
 * Clears ingestion's cached lookups after every write to tagged content or personas through the
 * Document Service (Content Manager, REST, GraphQL, code), so an event for an entry unpublished
 * here a moment ago is dropped at once. After the write, not before: a lookup racing the write
 * could otherwise cache the old state again.
 */
export const createLookupInvalidationMiddleware =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (context, next) => {
    const result = await next();
    if (READS.has(context.action)) return result;
    if (context.uid === PERSONA_UID || getService(strapi, 'tagging').isTagged(context.uid)) {
      getService(strapi, 'analytics').invalidateLookups();
    }
    return result;
  };

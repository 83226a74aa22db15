import type { Core, UID } from '@strapi/strapi';
import { PERSONA_UID, PERSONAS_ATTRIBUTE, STAGE_ATTRIBUTE } from '../constants';

/**
 * Adds `journeyStage` and `personas` to a content type. Every tagged type, shipped or user-defined,
 * goes through here, in `register()` so the database schema sync creates the columns.
 *
 * Both fields are document-level (not localized): a translation is the same piece of the journey,
 * and i18n keeps non-localized fields in sync across locales.
 */
export const injectJourneyFields = (
  strapi: Core.Strapi,
  uid: UID.ContentType,
  stageKeys: readonly string[]
) => {
  strapi.get('content-types').extend(uid, (contentType) => {
    Object.assign(contentType.attributes, {
      [STAGE_ATTRIBUTE]: {
        // An enumeration is a plain string column: changing the configured stages needs no
        // migration, and stored keys that were removed from config are kept, not rewritten.
        type: 'enumeration',
        enum: [...stageKeys],
        configurable: false,
        pluginOptions: { i18n: { localized: false } },
      },
      [PERSONAS_ATTRIBUTE]: {
        type: 'relation',
        relation: 'manyToMany',
        target: PERSONA_UID,
        configurable: false,
        pluginOptions: { i18n: { localized: false } },
      },
    });
  });
};

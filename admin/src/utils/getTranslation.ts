import { PLUGIN_ID } from '../../../shared/constants';

const PREFIX = `${PLUGIN_ID}.`;

/** `coverage.title` -> `journey.coverage.title`: the id react-intl knows the message by. */
export const getTranslation = (id: string): string =>
  id.startsWith(PREFIX) ? id : `${PREFIX}${id}`;

/**
 * Translation files hold unprefixed keys (as in Strapi's own plugins); the admin merges every
 * plugin's messages into one table, so they are namespaced on load.
 */
export const prefixTranslations = (messages: Record<string, string>): Record<string, string> =>
  Object.fromEntries(
    Object.entries(messages).map(([key, message]) => [getTranslation(key), message])
  );

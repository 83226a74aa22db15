import type { Core } from '@strapi/strapi';
import { ADMIN_ACTIONS } from './permissions';
import { checkStageLocales } from './stages/stage-model';
import { getService } from './utils/get-service';

/**
 * The locale codes of the stage texts, checked where i18n can answer: which codes Strapi knows
 * (its ISO list, so a translation may be written before its locale is added in Settings) and the
 * default locale (stored in the database, so unknown in register).
 */
const assertStageLocales = async (strapi: Core.Strapi) => {
  const i18n = strapi.plugin('i18n');
  const isoLocales = i18n.service('iso-locales').getIsoLocales() as Array<{ code: string }>;
  const defaultLocale = (await i18n.service('locales').getDefaultLocale()) as string;
  const problems = checkStageLocales(getService(strapi, 'stages').definitions, {
    knownCodes: new Set(isoLocales.map(({ code }) => code)),
    defaultLocale,
  });
  if (problems.length > 0) {
    // Same wording as register's config errors (and Strapi's own), so users know where to look.
    throw new Error(
      `Error regarding journey config: invalid configuration. ${problems.join('; ')}`
    );
  }
};

/** The daily job deleting rollups past `analytics.retentionDays` and past days' visitor hashes. */
export const ANALYTICS_PRUNE_JOB = 'journey-analytics-prune';

const startAnalytics = async (strapi: Core.Strapi) => {
  const analytics = getService(strapi, 'analytics');
  await analytics.start();
  await analytics.prune();
  strapi.cron.add({
    [ANALYTICS_PRUNE_JOB]: {
      task: async () => {
        const { cutoff, deleted } = await getService(strapi, 'analytics').prune();
        strapi.log.info(
          `[journey] analytics: deleted ${deleted} rollup rows of days before ${cutoff}.`
        );
      },
      // Just after midnight UTC, when the day's visitor salt has just gone out of use.
      options: { rule: '5 0 * * *', tz: 'Etc/UTC' },
    },
  });
};

const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  await assertStageLocales(strapi);
  await startAnalytics(strapi);
  // Super admins get every registered action; other roles are granted it in Settings > Roles.
  await strapi.service('admin::permission').actionProvider.registerMany(ADMIN_ACTIONS);
};

export default bootstrap;

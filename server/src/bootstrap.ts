import type { Core } from '@strapi/strapi';
import { SUBMISSION_UID, SUBMISSION_WEBHOOK_EVENT } from '../../shared/constants';
import { startTableChanges } from './caching/table-changes';
import type { RecountReport } from '../../shared/contracts';
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

/** The daily job deleting submissions past `forms.retentionDays` and retrying stuck deliveries. */
export const FORMS_JOB = 'journey-forms-maintenance';

const startForms = async (strapi: Core.Strapi) => {
  // Submissions come with the shipped form type (builtInTypes).
  if (!strapi.contentTypes[SUBMISSION_UID]) return;
  // Listed in Settings > Webhooks, so a CRM can subscribe to new submissions.
  strapi.get('webhookStore').addAllowedEvent('JOURNEY_SUBMISSION_CREATE', SUBMISSION_WEBHOOK_EVENT);
  const submissions = getService(strapi, 'submissions');
  await submissions.retryPending();
  strapi.cron.add({
    [FORMS_JOB]: {
      task: async () => {
        const deleted = await getService(strapi, 'submissions').prune();
        if (deleted > 0)
          strapi.log.info(
            `[journey] forms: deleted ${deleted} submissions past forms.retentionDays.`
          );
        await getService(strapi, 'submissions').retryPending();
      },
      options: { rule: '20 0 * * *', tz: 'Etc/UTC' },
    },
  });
};

/** The nightly job running the reconcile step (services/coverage.ts recount). */
export const COUNTS_JOB = 'journey-counts-reconcile';

/** A recount's outcome in the log: a warning when it had something to repair. */
const logRecount = (strapi: Core.Strapi, when: string, report: RecountReport) => {
  const summary =
    `[journey] counts (${when}): ${report.checked} kept counts checked, ${report.corrected} corrected` +
    `${report.repairedTables.length > 0 ? `, change tracking installed again on ${report.repairedTables.join(', ')}` : ''}` +
    `; ${report.counted.length} type counts built in ${report.durationMs} ms.`;
  if (report.corrected > 0 || report.repairedTables.length > 0) strapi.log.warn(summary);
  else strapi.log.info(summary);
};

/**
 * Counts coverage's default view before the first request (a restart or an upgrade from a version
 * without kept counts starts with none), and again every night, repairing what drifted.
 */
const startCounts = async (strapi: Core.Strapi) => {
  logRecount(strapi, 'startup', await getService(strapi, 'coverage').recount());
  strapi.cron.add({
    [COUNTS_JOB]: {
      task: async () =>
        logRecount(strapi, 'nightly', await getService(strapi, 'coverage').recount()),
      options: { rule: '40 0 * * *', tz: 'Etc/UTC' },
    },
  });
};

const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  await assertStageLocales(strapi);
  // After the schema sync (which may have rebuilt a tagged table without its triggers on SQLite).
  await startTableChanges(strapi, getService(strapi, 'tagging').types);
  await startCounts(strapi);
  await startAnalytics(strapi);
  await startForms(strapi);
  // Super admins get every registered action; other roles are granted it in Settings > Roles.
  await strapi.service('admin::permission').actionProvider.registerMany(ADMIN_ACTIONS);
};

export default bootstrap;

import { randomBytes } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import {
  BUILT_IN_TYPES,
  SUBMISSION_UID,
  SUBMISSION_WEBHOOK_EVENT,
} from '../../../shared/constants';
import { formFieldsSchema, type FormFieldDefinition } from '../../../shared/form-fields';
import { createRateLimiter } from '../analytics/rate-limit';
import { getJourneyConfig } from '../config';
import type { SubmissionBody } from '../forms/body';
import type { SubmissionsQueryInput } from '../forms/query';
import {
  parseNotifyEmails,
  sendNoticeEmail,
  sendNoticeWebhooks,
  type Delivery,
  type DeliveryState,
  type SubmissionNotice,
} from '../forms/notify';
import { checkSubmission, emailsIn, type SubmittedValue } from '../forms/values';
import { DAY_MS, dayStart } from '../utils/days';
import { getService } from '../utils/get-service';
import { unknownLocale } from '../utils/request-params';
import { echo } from '../utils/query-parsing';
import { fieldError, validationError } from '../utils/validation';
import type { EventClient } from './analytics';

const FORM_UID = BUILT_IN_TYPES.form;
/** Waits before the second, third... try of a notification. */
const RETRY_DELAYS_MS = [1000, 10_000, 60_000, 300_000];

/** A stored submission as the database returns it. */
interface SubmissionRow {
  id: number;
  documentId: string;
  createdAt: string | Date;
  formDocumentId: string;
  formLocale: string | null;
  formName: string | null;
  data: Record<string, SubmittedValue>;
  context: Record<string, unknown> | null;
  stage: string | null;
  persona: string | null;
  delivery: Delivery | null;
}

interface FormRow {
  documentId: string;
  locale: string | null;
  name: string;
  fields: unknown;
  notifyEmails: string | null;
  journeyStage: string | null;
}

const iso = (value: string | Date) => new Date(value).toISOString();

const ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
/** 24 lowercase letters and digits, as Strapi's documentIds are (about 124 random bits). */
const newDocumentId = () =>
  [...randomBytes(24)].map((byte) => ID_ALPHABET[byte % ID_ALPHABET.length]).join('');

/** A submission as the admin API answers it. */
const toListed = (row: SubmissionRow) => ({
  id: row.documentId,
  createdAt: iso(row.createdAt),
  form: { documentId: row.formDocumentId, name: row.formName, locale: row.formLocale },
  stage: row.stage,
  persona: row.persona,
  data: row.data,
  context: row.context ?? {},
  delivery: row.delivery,
});

export type ListedSubmission = ReturnType<typeof toListed>;

/**
 * Form submissions: checked against the form's field definitions, stored first (a notification
 * failing never loses one), counted as conversions of the form and of the content it was sent
 * from, then delivered by email and webhooks with bounded retries.
 */
const createSubmissionsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => getJourneyConfig(strapi).forms;
  const { rateLimit, formRateLimit } = config();
  const clientLimiter = rateLimit ? createRateLimiter(rateLimit) : null;
  const formLimiter = formRateLimit ? createRateLimiter(formRateLimit) : null;
  /** Deliveries in flight (and their retries), so tests and shutdown can wait for them. */
  const inFlight = new Set<Promise<void>>();
  const timers = new Set<NodeJS.Timeout>();

  const submissions = () => strapi.db.query(SUBMISSION_UID);

  /**
   * Whether an enabled webhook subscribes to new submissions, from Strapi's webhook runner, which
   * holds every webhook in memory (kept current by Settings > Webhooks): no query per submission.
   */
  const hasSubmissionWebhooks = () => {
    const runner = strapi.get('webhookRunner') as {
      webhooksMap?: Map<string, Array<{ isEnabled: boolean }>>;
    };
    // Unknown shape (another Strapi version): assume there may be some and look them up.
    if (!(runner.webhooksMap instanceof Map)) return true;
    return (runner.webhooksMap.get(SUBMISSION_WEBHOOK_EVENT) ?? []).some((hook) => hook.isEnabled);
  };

  /**
   * Submissions, like events, are checked against what exists mostly from memory: the analytics
   * lookups' caches (locales, forms, personas, entries), which any write to tagged content or
   * personas through this server clears at once (analytics/invalidate.ts), and another server's
   * writes within LOOKUP_TTL_MS. The conversion counted after reads the same cached entries.
   */
  const lookups = () => getService(strapi, 'analytics').lookups;

  const loadPublishedForm = (documentId: string, locale: string) =>
    lookups().publishedForm(
      documentId,
      locale,
      async () =>
        (await strapi.db.query(FORM_UID).findOne({
          select: ['documentId', 'locale', 'name', 'fields', 'notifyEmails', 'journeyStage'],
          where: { documentId, locale, publishedAt: { $notNull: true } },
        })) as FormRow | null
    );

  /** The context's locale if it exists, else the default one (a 400 naming context.locale). */
  const submissionLocale = async (code: string | undefined) => {
    const { codes, defaultLocale } = await lookups().locales();
    if (code === undefined) return defaultLocale;
    if (!codes.has(code)) throw unknownLocale(code, codes, ['context', 'locale']);
    return code;
  };

  /** Context values must name what exists: they are counted with the conversion. */
  const checkContext = async (context: SubmissionBody['context'], locale: string) => {
    if (!context) return;
    const contextError = (key: string, message: string) =>
      validationError(message, [{ path: ['context', key], message, name: 'ValidationError' }]);
    const stages = getService(strapi, 'stages');
    if (context.stage !== undefined && !stages.has(context.stage)) {
      throw contextError('stage', stages.describeUnknown(context.stage.slice(0, 60)));
    }
    if (context.persona !== undefined) {
      const personaBySlug = await lookups().personas([context.persona]);
      if (personaBySlug(context.persona) === null) {
        throw contextError('persona', `No published persona with slug ${echo(context.persona)}.`);
      }
    }
    if (context.source) {
      const type = getService(strapi, 'tagging').byName(context.source.contentType);
      const { documentId } = context.source;
      // Published (any row for types without draft & publish), in the locale when localized.
      const entryLocale = type && lookups().isLocalized(type) ? locale : '';
      const found =
        type &&
        (await lookups().entries([{ type, documentId, locale: entryLocale }]))(
          type,
          documentId,
          entryLocale
        );
      if (!found) {
        throw contextError(
          'source',
          `The source ${echo(context.source.contentType)} ${echo(context.source.documentId)} is no published entry of a tagged type in locale "${locale}".`
        );
      }
    }
  };

  const noticeOf = (row: SubmissionRow, fields: FormFieldDefinition[]): SubmissionNotice => ({
    id: row.documentId,
    createdAt: iso(row.createdAt),
    form: { documentId: row.formDocumentId, name: row.formName ?? '', locale: row.formLocale },
    fields,
    data: row.data,
    context: row.context ?? {},
  });

  /** Tries each pending channel once; schedules the next try of a failed one, up to notifyAttempts. */
  const attemptDelivery = async (submissionId: number) => {
    const row = (await submissions().findOne({
      where: { id: submissionId },
    })) as SubmissionRow | null;
    if (!row?.delivery) return;
    const form = (await strapi.db.query(FORM_UID).findOne({
      select: ['fields', 'notifyEmails'],
      where: {
        documentId: row.formDocumentId,
        ...(row.formLocale ? { locale: row.formLocale } : {}),
      },
    })) as Pick<FormRow, 'fields' | 'notifyEmails'> | null;
    const parsed = formFieldsSchema.safeParse(form?.fields ?? []);
    const notice = noticeOf(row, parsed.success ? parsed.data : []);
    const delivery: Delivery = { ...row.delivery };
    const maxAttempts = config().notifyAttempts;
    let retry = false;

    const attempt = async (channel: keyof Delivery, send: () => Promise<number>) => {
      const state: DeliveryState = delivery[channel];
      if (state.state !== 'pending') return;
      const attempts = state.attempts + 1;
      try {
        const sent = await send();
        delivery[channel] = { state: sent > 0 ? 'sent' : 'none', attempts };
      } catch (error) {
        const message = (error as Error).message.slice(0, 500);
        const giveUp = attempts >= maxAttempts;
        delivery[channel] = { state: giveUp ? 'failed' : 'pending', attempts, error: message };
        strapi.log.error(
          `[journey] forms: ${channel === 'email' ? 'notification email' : 'webhook'} for submission ${row.documentId} failed (try ${attempts} of ${maxAttempts})${giveUp ? ', given up' : ''}: ${message}`
        );
        if (!giveUp) retry = true;
      }
    };
    await attempt('email', async () => {
      const to = parseNotifyEmails(form?.notifyEmails);
      if (to.length === 0) return 0;
      await sendNoticeEmail(strapi, to, notice);
      return to.length;
    });
    await attempt('webhooks', () => sendNoticeWebhooks(strapi, notice));
    await submissions().update({ where: { id: row.id }, data: { delivery } });
    if (retry) {
      const tries = Math.max(delivery.email.attempts, delivery.webhooks.attempts);
      const wait = RETRY_DELAYS_MS[Math.min(tries - 1, RETRY_DELAYS_MS.length - 1)];
      const timer = setTimeout(() => {
        timers.delete(timer);
        track(attemptDelivery(submissionId));
      }, wait);
      timer.unref();
      timers.add(timer);
    }
  };

  const track = (delivery: Promise<void>) => {
    const tracked = delivery.catch((error: Error) => {
      strapi.log.error(`[journey] forms: delivering a submission failed: ${error.message}`);
    });
    inFlight.add(tracked);
    void tracked.finally(() => inFlight.delete(tracked));
  };

  return {
    /** Throws a 429 (Retry-After set) when the client or the form is over its limit. */
    checkRateLimit(
      client: string,
      formDocumentId: string,
      setRetryAfter: (seconds: number) => void
    ) {
      const wait = clientLimiter?.hit(client) || formLimiter?.hit(formDocumentId) || 0;
      if (wait === 0) return;
      setRetryAfter(wait);
      throw new errors.RateLimitError(`Too many submissions. Try again in ${wait} s.`, {
        retryAfter: wait,
      });
    },

    /**
     * Stores a submission of a published form and counts it as a conversion; delivery follows in
     * the background. A filled honeypot gets the same answer and nothing is stored.
     */
    async submit(formDocumentId: string, body: SubmissionBody, client: EventClient) {
      if (!strapi.contentTypes[SUBMISSION_UID]) {
        throw new errors.NotFoundError(
          'Forms are switched off here (builtInTypes: false): no form accepts submissions.'
        );
      }
      const { honeypot } = config();
      const data = { ...body.data };
      if (honeypot) {
        const bait = data[honeypot];
        delete data[honeypot];
        if (bait !== undefined && bait !== null && bait !== '' && bait !== false) {
          // Looks like any other answer (an id shaped like Strapi's), so a bot learns nothing.
          return { id: newDocumentId(), createdAt: new Date().toISOString() };
        }
      }
      const locale = await submissionLocale(body.context?.locale);
      const form = await loadPublishedForm(formDocumentId, locale);
      if (!form) {
        throw new errors.NotFoundError(
          `No published form with documentId ${echo(formDocumentId)} in locale "${locale}".`
        );
      }
      const checked = checkSubmission(form.fields, data);
      if (checked.issues.length > 0) {
        const count = checked.issues.length;
        throw validationError(
          `${count} field${count > 1 ? 's need' : ' needs'} attention: ${checked.issues.map((issue) => `${issue.path[1]}: ${issue.message}`).join(' ')}`,
          checked.issues
        );
      }
      await checkContext(body.context, locale);

      const context = body.context ?? {};
      const delivery: Delivery = {
        email: {
          state: parseNotifyEmails(form.notifyEmails).length > 0 ? 'pending' : 'none',
          attempts: 0,
        },
        webhooks: { state: hasSubmissionWebhooks() ? 'pending' : 'none', attempts: 0 },
      };
      const emails = emailsIn(checked.values);
      // One INSERT through the Query Engine, not the Document Service: a submission is written
      // once and never edited, so its transaction, validation of the (already checked) values
      // and re-read add nothing, and its `entry.create` event would hand a visitor's answers to
      // every webhook subscribed to any entry; subscribers get journey-submission.create instead.
      // The row is what the Document Service writes for a type without draft & publish.
      const now = new Date();
      const stored = (await submissions().create({
        data: {
          documentId: newDocumentId(),
          publishedAt: now,
          createdAt: now,
          updatedAt: now,
          formDocumentId: form.documentId,
          formLocale: form.locale,
          formName: form.name,
          data: checked.values,
          context: { ...context, locale },
          stage: context.stage ?? form.journeyStage ?? null,
          persona: context.persona ?? null,
          emails: emails.length > 0 ? ` ${emails.join(' ')} ` : null,
          delivery,
        },
      })) as SubmissionRow;

      // A conversion of the form, and of the entry it was shown on.
      const conversion = {
        type: 'conversion',
        locale,
        persona: context.persona,
        stage: context.stage,
      };
      await getService(strapi, 'analytics').ingest(
        [
          { ...conversion, documentId: form.documentId, contentType: 'form' },
          ...(context.source ? [{ ...conversion, ...context.source }] : []),
        ],
        client,
        getJourneyConfig(strapi).analytics.enabled ? null : 'disabled'
      );
      // Nothing to send: no second write (on SQLite, writes queue behind one another).
      if (delivery.email.state === 'pending' || delivery.webhooks.state === 'pending') {
        track(attemptDelivery(stored.id));
      }
      return { id: stored.documentId, createdAt: iso(stored.createdAt) };
    },

    /** Resolves once every delivery started so far (retries waiting on a timer aside) is done. */
    async settled() {
      while (inFlight.size > 0) await Promise.all([...inFlight]);
    },

    /** Deliveries still pending after a restart or a long outage: tried again (daily cron and startup). */
    async retryPending() {
      const rows = (await submissions().findMany({ select: ['id', 'delivery'] })) as Array<
        Pick<SubmissionRow, 'id' | 'delivery'>
      >;
      for (const row of rows) {
        if (row.delivery?.email.state === 'pending' || row.delivery?.webhooks.state === 'pending') {
          track(attemptDelivery(row.id));
        }
      }
    },

    stop() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },

    /** Deletes submissions older than `forms.retentionDays`; returns how many. */
    async prune(now: Date = new Date()) {
      const { retentionDays } = config();
      if (retentionDays === false) return 0;
      const cutoff = new Date(now.getTime() - retentionDays * DAY_MS);
      const { count } = await submissions().deleteMany({ where: { createdAt: { $lt: cutoff } } });
      return count as number;
    },

    /** Submissions, newest first, filtered and paged (the admin's Submissions view). */
    async list(query: SubmissionsQueryInput, { all = false } = {}) {
      const where: Record<string, unknown> = {};
      if (query.form) where.formDocumentId = query.form;
      if (query.stage) where.stage = query.stage;
      if (query.persona) where.persona = query.persona;
      const createdAt: Record<string, Date> = {};
      if (query.from) createdAt.$gte = new Date(`${query.from}T00:00:00.000Z`);
      if (query.to) createdAt.$lt = new Date(dayStart(query.to) + DAY_MS);
      if (Object.keys(createdAt).length > 0) where.createdAt = createdAt;
      const page = query.page ?? 1;
      const pageSize = query.pageSize ?? 25;
      const [rows, total] = await Promise.all([
        submissions().findMany({
          where,
          orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
          ...(all ? {} : { offset: (page - 1) * pageSize, limit: pageSize }),
        }) as Promise<SubmissionRow[]>,
        submissions().count({ where }) as Promise<number>,
      ]);
      return {
        data: rows.map(toListed),
        meta: { pagination: { page, pageSize, pageCount: Math.ceil(total / pageSize), total } },
      };
    },

    /** One submission with its form's field labels (they may have changed since; unknown ones show by name). */
    async findOne(documentId: string) {
      const row = (await submissions().findOne({ where: { documentId } })) as SubmissionRow | null;
      if (!row) throw new errors.NotFoundError(`No submission with id ${echo(documentId)}.`);
      const form = (await strapi.db.query(FORM_UID).findOne({
        select: ['fields'],
        where: {
          documentId: row.formDocumentId,
          ...(row.formLocale ? { locale: row.formLocale } : {}),
        },
      })) as Pick<FormRow, 'fields'> | null;
      const parsed = formFieldsSchema.safeParse(form?.fields ?? []);
      const fields = (parsed.success ? parsed.data : []).map(({ name, label, type }) => ({
        name,
        label,
        type,
      }));
      return { ...toListed(row), fields };
    },

    /** Deletes one submission; 404 if there is none. */
    async remove(documentId: string) {
      const { count } = await submissions().deleteMany({ where: { documentId } });
      if (count === 0) throw new errors.NotFoundError(`No submission with id ${echo(documentId)}.`);
      return count as number;
    },

    /** A person's erasure request: deletes every submission with that email address in it. */
    async erase(email: string) {
      const normalized = email.trim().toLowerCase();
      if (!normalized.includes('@') || /\s/.test(normalized)) {
        throw fieldError('email', `"email" must be an email address; got ${echo(email)}.`, email);
      }
      const { count } = await submissions().deleteMany({
        where: { emails: { $contains: ` ${normalized} ` } },
      });
      return count as number;
    },
  };
};

export default createSubmissionsService;
export type SubmissionsService = ReturnType<typeof createSubmissionsService>;

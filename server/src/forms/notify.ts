import type { Core } from '@strapi/strapi';
import { SUBMISSION_WEBHOOK_EVENT } from '../../../shared/constants';
import type { FormFieldDefinition } from '../../../shared/form-fields';
import type { SubmittedValue } from './values';

/** What a notification says about one stored submission. */
export interface SubmissionNotice {
  id: string;
  createdAt: string;
  form: { documentId: string; name: string; locale: string | null };
  fields: FormFieldDefinition[];
  data: Record<string, SubmittedValue>;
  context: Record<string, unknown>;
}

export interface DeliveryState {
  state: 'none' | 'pending' | 'sent' | 'failed';
  attempts: number;
  error?: string;
}

export interface Delivery {
  email: DeliveryState;
  webhooks: DeliveryState;
}

/** notifyEmails as editors write it: separated by commas, semicolons, spaces or new lines. */
export const parseNotifyEmails = (value: unknown): string[] =>
  typeof value === 'string'
    ? [
        ...new Set(
          value
            .split(/[\s,;]+/)
            .map((email) => email.trim())
            .filter((email) => email.includes('@'))
        ),
      ]
    : [];

const show = (value: SubmittedValue | undefined) =>
  value === undefined ? '—' : typeof value === 'boolean' ? (value ? 'yes' : 'no') : String(value);

/**
 * The email's text: plain text only, so HTML a visitor typed reaches the inbox as the characters
 * they typed and is never rendered.
 */
export const noticeText = (notice: SubmissionNotice) => {
  const lines = notice.fields.map((field) => `${field.label}: ${show(notice.data[field.name])}`);
  const { persona, stage, source } = notice.context as {
    persona?: string;
    stage?: string;
    source?: { contentType: string; documentId: string };
  };
  const journey = [
    stage ? `Stage: ${stage}` : null,
    persona ? `Persona: ${persona}` : null,
    source ? `Sent from: ${source.contentType} ${source.documentId}` : null,
  ].filter((line): line is string => line !== null);
  return [
    `A new submission of "${notice.form.name}" (${notice.createdAt}).`,
    '',
    ...lines,
    ...(journey.length > 0 ? ['', ...journey] : []),
    '',
    `Submission ${notice.id}. Read all submissions in the Strapi admin: Journey > Submissions.`,
  ].join('\n');
};

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/**
 * Sends the notification email to the form's notifyEmails through Strapi's email plugin. The HTML
 * part is given explicitly, the text escaped: providers fill a missing HTML part with the raw text
 * (Strapi's nodemailer provider does), which would render what a visitor typed as HTML.
 */
export const sendNoticeEmail = async (
  strapi: Core.Strapi,
  to: string[],
  notice: SubmissionNotice
) => {
  await strapi
    .plugin('email')
    .service('email')
    .send({
      to: to.join(', '),
      subject: `New submission: ${notice.form.name}`.slice(0, 200),
      text: noticeText(notice),
      html: `<pre style="white-space: pre-wrap; font-family: inherit">${escapeHtml(noticeText(notice))}</pre>`,
    });
};

interface Webhook {
  id: number | string;
  url: string;
  events: string[];
  isEnabled: boolean;
  headers?: Record<string, string>;
}

/**
 * Posts the submission to every enabled webhook listening for `journey-submission.create`, through
 * Strapi's own webhook runner (its headers and timeout), but awaited here so a failure can be
 * retried: Strapi's event hub fires and forgets. Resolves with how many webhooks there were;
 * throws with the failures' messages if any failed.
 */
export const sendNoticeWebhooks = async (strapi: Core.Strapi, notice: SubmissionNotice) => {
  const webhooks = ((await strapi.get('webhookStore').findWebhooks()) as Webhook[]).filter(
    (webhook) => webhook.isEnabled && webhook.events.includes(SUBMISSION_WEBHOOK_EVENT)
  );
  const runner = strapi.get('webhookRunner') as {
    run(
      webhook: Webhook,
      event: string,
      info: object
    ): Promise<{ statusCode: number; message?: string }>;
  };
  const failures: string[] = [];
  for (const webhook of webhooks) {
    const { statusCode, message } = await runner.run(webhook, SUBMISSION_WEBHOOK_EVENT, {
      submission: {
        id: notice.id,
        createdAt: notice.createdAt,
        form: notice.form,
        data: notice.data,
        context: notice.context,
      },
    });
    if (statusCode < 200 || statusCode >= 300) {
      failures.push(`${webhook.url}: ${statusCode}${message ? ` ${message.slice(0, 200)}` : ''}`);
    }
  }
  if (failures.length > 0) throw new Error(failures.join('; '));
  return webhooks.length;
};

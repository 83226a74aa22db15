import { errors } from '@strapi/utils';
import { z } from 'zod';
import { MAX_EVENTS_PER_REQUEST } from '../../../shared/contracts';
import { fromZodError, unknownFields, validationError } from '../utils/validation';

/**
 * Largest request body accepted, in bytes. 100 events of a few ids each fit in about 20 kB; the
 * cap leaves room for long ids without letting a client make the server parse megabytes.
 */
export const MAX_EVENTS_BODY_BYTES = 64 * 1024;

const id = (what: string) =>
  z
    .string({ error: `must be a string (${what})` })
    .min(1, `must not be empty (${what})`)
    .max(100, `must be at most 100 characters (${what})`)
    // PostgreSQL refuses a NUL in any text parameter (invalid byte sequence for encoding "UTF8"),
    // so such an id would fail the lookup with a 500; no id can contain one (found by fuzzing).
    .refine((value) => !value.includes('\u0000'), `must not contain a NUL character (${what})`);

/**
 * One event as structure. Whether its values name anything that exists (a published entry, a
 * configured stage...) is for ingestion to say: such events are dropped with a reason, not refused.
 */
const eventSchema = z.strictObject(
  {
    type: id('"view", "click" or "conversion"'),
    documentId: id('the documentId of the entry'),
    contentType: id('a tagged type\'s name, e.g. "blog-post"'),
    locale: id('a locale code, e.g. "en"').optional(),
    persona: id('a persona slug').optional(),
    stage: id('a stage key').optional(),
    target: id('the documentId of the CTA or entry clicked through to').optional(),
  },
  {
    error: unknownFields(
      'an event has type, documentId, contentType, locale, persona, stage and target',
      'must be an object { type, documentId, contentType, ... }'
    ),
  }
);

/** The request body; also the OpenAPI document's description of it (content-api/openapi.ts). */
export const eventsBodySchema = z.strictObject(
  {
    events: z
      .array(eventSchema, { error: 'must be an array of events' })
      .min(1, 'must hold at least one event')
      .max(
        MAX_EVENTS_PER_REQUEST,
        `must hold at most ${MAX_EVENTS_PER_REQUEST} events; send more in several requests`
      ),
  },
  {
    error: unknownFields(
      'the body is { "events": [...] }',
      'The body must be a JSON object { "events": [...] }.'
    ),
  }
);

export type ParsedEvent = z.output<typeof eventSchema>;

const tooLarge = () =>
  new errors.PayloadTooLargeError(
    `The body is larger than ${MAX_EVENTS_BODY_BYTES} bytes. Send at most ${MAX_EVENTS_PER_REQUEST} events a request.`
  );

/**
 * The events of a request body. JSON arrives parsed by Strapi's body parser; a string is JSON sent
 * as text/plain, which is what `navigator.sendBeacon` sends without a CORS preflight.
 * `declaredLength` is the Content-Length, checked before anything is read.
 */
export const parseEventsBody = (body: unknown, declaredLength?: number): ParsedEvent[] => {
  if (declaredLength !== undefined && declaredLength > MAX_EVENTS_BODY_BYTES) throw tooLarge();
  let value = body;
  if (typeof body === 'string') {
    if (body.length > MAX_EVENTS_BODY_BYTES) throw tooLarge();
    try {
      value = JSON.parse(body);
    } catch {
      throw validationError('The body is not valid JSON. Send { "events": [...] }.');
    }
  } else if (body !== undefined && JSON.stringify(body).length > MAX_EVENTS_BODY_BYTES) {
    // A chunked body has no Content-Length; Strapi's parser caps it at its own (larger) limit.
    throw tooLarge();
  }
  if (
    value === undefined ||
    value === null ||
    (typeof value === 'object' && Object.keys(value).length === 0 && !Array.isArray(value))
  ) {
    throw validationError('The body is empty. Send a JSON object { "events": [...] }.');
  }
  const result = eventsBodySchema.safeParse(value);
  if (!result.success) throw fromZodError(result.error);
  return result.data.events;
};

/**
 * The typed client's `submit`: the request it sends (URL, body, context defaults) and how it
 * reports refusals, against a fake fetch. tests/api/client.test.ts submits to a real Strapi.
 */
import {
  createJourneyClient,
  fieldErrorsOf,
  JourneyApiError,
  JourneyFormError,
} from '../../shared/client';
import type { SubmissionRequest } from '../../shared/contracts';

const BASE = 'https://cms.example.com';

interface Sent {
  url: string;
  init: RequestInit;
  body: SubmissionRequest;
}

/** A fetch that answers every request with `status` and `answer`, and records what it got. */
const fakeFetch = (status: number, answer: unknown) => {
  const sent: Sent[] = [];
  const fake = (async (input: string | URL | Request, init: RequestInit = {}) => {
    sent.push({
      url: String(input),
      init,
      body: JSON.parse(String(init.body)) as SubmissionRequest,
    });
    return new Response(JSON.stringify(answer), {
      status,
      headers: { 'Content-Type': 'application/json' },
    });
  }) as typeof globalThis.fetch;
  return { fetch: fake, sent };
};

const CREATED = { data: { id: 'abc123', createdAt: '2026-12-01T10:00:00.000Z' } };

const validationAnswer = (errors: Array<{ path: string[]; message: string }>) => ({
  data: null,
  error: {
    status: 400,
    name: 'ValidationError',
    message: `${errors.length} fields need attention`,
    details: { errors: errors.map((error) => ({ ...error, name: 'ValidationError' })) },
  },
});

/** Runs `call` and returns what it rejected with (fails the test when it resolves). */
const rejection = async (call: () => Promise<unknown>): Promise<unknown> => {
  try {
    await call();
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
};

describe('client.submit', () => {
  it('POSTs the values as JSON to the form and resolves with the created id and time', async () => {
    const { fetch, sent } = fakeFetch(201, CREATED);
    const client = createJourneyClient({ baseUrl: `${BASE}/`, fetch, token: 't0k' });

    await expect(client.submit('form/1', { email: 'a@b.co', size: 3, ok: true })).resolves.toEqual(
      CREATED.data
    );

    expect(sent).toHaveLength(1);
    expect(sent[0].url).toBe(`${BASE}/api/journey/forms/form%2F1/submissions`);
    expect(sent[0].init.method).toBe('POST');
    expect(sent[0].init.headers).toEqual({
      Accept: 'application/json',
      Authorization: 'Bearer t0k',
      'Content-Type': 'application/json',
    });
    // Nothing to add and nothing given: no context at all.
    expect(sent[0].body).toEqual({ data: { email: 'a@b.co', size: 3, ok: true } });
  });

  it("fills the context with the client's locale and the visitor's persona and stage", async () => {
    const { fetch, sent } = fakeFetch(201, CREATED);
    const client = createJourneyClient({ baseUrl: BASE, fetch, locale: 'da', persona: 'chef' });
    client.setVisitor({ persona: 'owner', stage: 'decision' });

    await client.submit(
      'f1',
      { name: 'Ada' },
      { source: { contentType: 'cta', documentId: 'c1' } }
    );
    expect(sent[0].body.context).toEqual({
      locale: 'da',
      persona: 'owner',
      stage: 'decision',
      source: { contentType: 'cta', documentId: 'c1' },
    });
  });

  it("keeps the call's own context values over the defaults", async () => {
    const { fetch, sent } = fakeFetch(201, CREATED);
    const client = createJourneyClient({
      baseUrl: BASE,
      fetch,
      locale: 'da',
      persona: 'owner',
      stage: 'awareness',
    });

    await client.submit('f1', {}, { locale: 'en', persona: 'chef', stage: 'decision' });
    expect(sent[0].body.context).toEqual({ locale: 'en', persona: 'chef', stage: 'decision' });
  });

  it('rejects values refused with a JourneyFormError holding each message by field name', async () => {
    const answer = validationAnswer([
      { path: ['data', 'email'], message: 'Enter a valid email address.' },
      { path: ['data', 'size'], message: 'Enter a number of at least 1.' },
    ]);
    const { fetch } = fakeFetch(400, answer);
    const client = createJourneyClient({ baseUrl: BASE, fetch });

    const error = await rejection(() => client.submit('f1', { email: 'x', size: 0 }));
    expect(error).toBeInstanceOf(JourneyFormError);
    expect(error).toBeInstanceOf(JourneyApiError);
    const formError = error as JourneyFormError;
    expect(formError.name).toBe('JourneyFormError');
    expect(formError.status).toBe(400);
    expect(formError.errorName).toBe('ValidationError');
    expect(formError.error).toEqual(answer.error);
    expect(formError.url).toBe(`${BASE}/api/journey/forms/f1/submissions`);
    expect(formError.fieldErrors).toEqual({
      email: 'Enter a valid email address.',
      size: 'Enter a number of at least 1.',
    });
  });

  it('rejects a 400 about the context (no field errors) with a plain JourneyApiError', async () => {
    const answer = validationAnswer([
      { path: ['context', 'stage'], message: "Unknown stage 'x'." },
    ]);
    const { fetch } = fakeFetch(400, answer);
    const client = createJourneyClient({ baseUrl: BASE, fetch });

    const error = await rejection(() => client.submit('f1', {}, { stage: 'x' }));
    expect(error).toBeInstanceOf(JourneyApiError);
    expect(error).not.toBeInstanceOf(JourneyFormError);
    expect((error as JourneyApiError).details).toEqual(answer.error.details);
  });

  it.each([
    [404, 'NotFoundError', 'No published form with documentId "f1" in locale "en".'],
    [429, 'RateLimitError', 'Too many submissions. Try again in 42 s.'],
  ])('rejects a %i with a JourneyApiError carrying the error', async (status, name, message) => {
    const { fetch } = fakeFetch(status, {
      data: null,
      error: { status, name, message, details: {} },
    });
    const client = createJourneyClient({ baseUrl: BASE, fetch });

    const error = await rejection(() => client.submit('f1', { email: 'a@b.co' }));
    expect(error).toBeInstanceOf(JourneyApiError);
    expect(error).not.toBeInstanceOf(JourneyFormError);
    expect(error).toMatchObject({ status, errorName: name, message });
  });
});

describe('fieldErrorsOf', () => {
  const error = (status: number, paths: string[][]) => ({
    status,
    name: 'ValidationError',
    message: 'm',
    details: { errors: paths.map((path) => ({ path, message: path.join('.'), name: 'x' })) },
  });

  it('keeps only data.<field> paths of a 400, the first message of a field', () => {
    expect(
      fieldErrorsOf(
        error(400, [
          ['data', 'a'],
          ['context', 'stage'],
          ['data'],
          ['data', 'a', 'b'],
          ['data', 'a'],
        ])
      )
    ).toEqual({ a: 'data.a' });
  });

  it('is empty for other statuses and errors without details', () => {
    expect(fieldErrorsOf(error(422, [['data', 'a']]))).toEqual({});
    expect(fieldErrorsOf({ status: 400, name: 'x', message: 'm', details: {} })).toEqual({});
  });

  it('keeps a field named like an Object.prototype key as data, not as a prototype', () => {
    const errors = fieldErrorsOf(
      error(400, [
        ['data', '__proto__'],
        ['data', 'constructor'],
      ])
    );
    expect(Object.keys(errors)).toEqual(['__proto__', 'constructor']);
  });
});

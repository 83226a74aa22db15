import { z } from 'zod';
import {
  list,
  oneOf,
  parseQuery,
  rejectQuery,
  wholeNumber,
} from '../../server/src/utils/query-parsing';

/** The message of the 400 a query gets, or the parsed value. */
const outcome = (schema: z.ZodType, query: Record<string, unknown>) => {
  try {
    return parseQuery(schema, query);
  } catch (error) {
    return (error as Error).message;
  }
};

describe('wholeNumber', () => {
  const schema = z.strictObject({ page: wholeNumber('page', 100, ' (default 1)').default(1) });
  const refused = '"page" must be a whole number from 1 to 100 (default 1).';

  it.each([
    ['1', 1],
    ['100', 100],
    ['007', 7],
  ])('accepts %j as %i', (page, expected) => {
    expect(outcome(schema, { page })).toEqual({ page: expected });
  });

  it('defaults when absent', () => {
    expect(outcome(schema, {})).toEqual({ page: 1 });
  });

  it.each(['0', '101', '1e3', ' 7', '0x10', '1.5', '-1', '', 'ten', '1234567890'])(
    'refuses %j',
    (page) => {
      expect(outcome(schema, { page })).toBe(refused);
    }
  );

  it('refuses a repeated or nested parameter with its own message', () => {
    expect(outcome(schema, { page: ['1', '2'] })).toBe(
      '"page" was given more than once. Give it once, with several values separated by commas ' +
        '(page=a,b).'
    );
    expect(outcome(schema, { page: { gt: '1' } })).toBe(
      '"page" must be a plain value, not an object (page[...]=).'
    );
  });

  it('describes the parameter as the integer a client sends (its JSON Schema input side)', () => {
    expect(z.toJSONSchema(wholeNumber('page', 100), { io: 'input' })).toMatchObject({
      type: 'integer',
      minimum: 1,
      maximum: 100,
    });
  });
});

describe('oneOf', () => {
  const schema = z.strictObject({
    status: oneOf('status', ['published', 'draft']).default('published'),
  });

  it('accepts a listed value and defaults', () => {
    expect(outcome(schema, { status: 'draft' })).toEqual({ status: 'draft' });
    expect(outcome(schema, {})).toEqual({ status: 'published' });
  });

  it('names the allowed values, or the problem with a repeated parameter', () => {
    expect(outcome(schema, { status: 'live' })).toBe(
      '"status" must be one of: published, draft; got "live".'
    );
    expect(outcome(schema, { status: ['draft', 'draft'] })).toBe(
      '"status" was given more than once. Give it once, with several values separated by commas ' +
        '(status=a,b).'
    );
  });
});

describe('list', () => {
  it('splits, trims and removes duplicates; refuses empty items', () => {
    const schema = z.strictObject({ stage: list('stage') });
    expect(outcome(schema, { stage: 'a, b,a' })).toEqual({ stage: ['a', 'b'] });
    expect(outcome(schema, { stage: 'a,,b' })).toBe(
      '"stage" has an empty value; separate values with single commas (stage=a,b).'
    );
    expect(outcome(schema, { stage: '' })).toBe(
      '"stage" has an empty value; separate values with single commas (stage=a,b).'
    );
  });

  it('reads an empty value as no items when asked to', () => {
    const schema = z.strictObject({ personas: list('personas', { emptyMeansNone: true }) });
    expect(outcome(schema, { personas: '' })).toEqual({ personas: [] });
  });

  it('caps the number of values', () => {
    const schema = z.strictObject({ type: list('type', { maxItems: 2 }) });
    expect(outcome(schema, { type: 'a,b,c' })).toBe('"type" accepts at most 2 values.');
  });
});

describe('rejectQuery', () => {
  it('accepts no parameters and names the ones given, cut to 60 characters', () => {
    expect(() => rejectQuery({})).not.toThrow();
    const long = 'x'.repeat(61);
    expect(() => rejectQuery({ locale: 'en', [long]: '1' })).toThrow(
      `This endpoint takes no parameters; got "locale", "${'x'.repeat(60)}...".`
    );
  });
});

import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { assertWritableKeys, normalizePersonas } from '../../server/src/documents/write-shape';

/** Two personas, each a draft row and a published row, as the persona table holds them. */
const ROWS = [
  { id: 1, documentId: 'alice' },
  { id: 2, documentId: 'alice' },
  { id: 3, documentId: 'bob' },
];

/** Answers the one query normalizePersonas runs: rows by id or documentId. */
const fakeStrapi = {
  db: {
    query: () => ({
      findMany: async ({
        where,
      }: {
        where: { $or: [{ id: { $in: number[] } }, { documentId: { $in: string[] } }] };
      }) => {
        const [byId, byDocumentId] = where.$or;
        return ROWS.filter(
          (row) =>
            byId.id.$in.includes(row.id) || byDocumentId.documentId.$in.includes(row.documentId)
        );
      },
    }),
  },
} as unknown as Core.Strapi;

const normalized = async (personas: unknown) => {
  const data: Record<string, unknown> = { personas };
  await normalizePersonas(fakeStrapi, data);
  return data.personas;
};

const refusal = async (personas: unknown) => {
  try {
    await normalized(personas);
  } catch (error) {
    expect(error).toBeInstanceOf(errors.ValidationError);
    const { message, details } = error as errors.ValidationError;
    return { message, path: (details as { errors: Array<{ path: string[] }> }).errors[0].path };
  }
  throw new Error('not refused');
};

describe('write shape: keys', () => {
  it('refuses id, naming it', () => {
    expect(() => assertWritableKeys({ id: 5, title: 'x' })).toThrow(
      'id is set by the database; leave it out.'
    );
  });

  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty'])(
    'refuses an own %s key, naming it',
    (key) => {
      const data = JSON.parse(`{"title": "x", ${JSON.stringify(key)}: {}}`);
      expect(() => assertWritableKeys(data)).toThrow(
        `"${key}" is not an attribute of this content type; leave it out.`
      );
    }
  );

  it('lets attributes through', () => {
    expect(() =>
      assertWritableKeys({ title: 'x', documentId: 'abc', publishedAt: null })
    ).not.toThrow();
  });
});

describe('write shape: personas', () => {
  it('rewrites ids, digit strings and objects to documentIds, each persona once', async () => {
    expect(await normalized([1, '2', 'alice', { id: 3 }, { documentId: 'bob' }])).toEqual([
      { documentId: 'alice' },
      { documentId: 'bob' },
    ]);
  });

  it('keeps connect, disconnect and set apart, with positions', async () => {
    expect(
      await normalized({ connect: [{ documentId: 'bob', position: { end: true } }], disconnect: 1 })
    ).toEqual({
      connect: [{ documentId: 'bob', position: { end: true } }],
      disconnect: [{ documentId: 'alice' }],
    });
  });

  it('clears on null', async () => {
    expect(await normalized(null)).toEqual([]);
  });

  it.each([
    [[999], 'personas: no persona has id 999.'],
    [{ connect: ['carol'] }, 'personas: no persona has documentId "carol".'],
    [['x'.repeat(80)], `personas[0]: "${'x'.repeat(60)}..." is not a persona id or documentId.`],
    [[-1], 'personas[0]: -1 is not a persona id or documentId.'],
    [['12abc'], 'personas[0]: "12abc" is not a persona id or documentId.'],
    [[2 ** 31], 'personas[0]: 2147483648 is not a persona id or documentId.'],
    [
      { add: ['alice'] },
      'personas: unknown field "add"; personas takes connect, disconnect or set.',
    ],
  ])('refuses %j naming personas and the value', async (personas, message) => {
    expect(await refusal(personas)).toEqual({
      message,
      path: expect.arrayContaining(['personas']),
    });
  });
});

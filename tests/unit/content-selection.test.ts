import {
  depthOf,
  normalizeFields,
  normalizePopulate,
} from '../../server/src/content-api/selection';

/** The parsed value, or the message of the 400 it gets. */
const outcome = <T>(parse: () => T) => {
  try {
    return parse();
  } catch (error) {
    return (error as Error).message;
  }
};

describe('normalizePopulate', () => {
  it.each([
    ['*', '*'],
    [['*'], '*'],
    ['cover', { cover: true }],
    ['cover, author', { cover: true, author: true }],
    [['cover', 'author'], { cover: true, author: true }],
    ['author.avatar', { author: { populate: { avatar: true } } }],
    [
      'author.avatar,author.company.logo,cover',
      {
        author: { populate: { avatar: true, company: { populate: { logo: true } } } },
        cover: true,
      },
    ],
    [{ seo: { populate: 'shareImage' } }, { seo: { populate: 'shareImage' } }],
  ])('reads %j', (raw, expected) => {
    expect(normalizePopulate(raw)).toEqual(expected);
  });

  it('refuses empty names and values of the wrong kind', () => {
    expect(outcome(() => normalizePopulate('cover,'))).toBe(
      '"populate" has an empty name in ""; separate relations with single commas (populate=cover,author) and levels with single dots (populate=author.avatar).'
    );
    expect(outcome(() => normalizePopulate('author..avatar'))).toBe(
      '"populate" has an empty name in "author..avatar"; separate relations with single commas (populate=cover,author) and levels with single dots (populate=author.avatar).'
    );
    expect(outcome(() => normalizePopulate([{ cover: true }]))).toBe(
      '"populate" as a list takes names only: populate[0]=cover&populate[1]=author.'
    );
  });
});

describe('depthOf', () => {
  it.each([
    [undefined, 0],
    ['*', 1],
    ['cover', 1],
    ['cover,author.avatar', 2],
    [['a.b.c', 'd'], 3],
    [{ cover: 'true' }, 1],
    [{ seo: { populate: 'shareImage' } }, 2],
    [{ seo: { populate: { shareImage: true } } }, 2],
    [{ author: { populate: { avatar: { populate: '*' } } } }, 3],
    [{ author: { fields: ['name'] } }, 1],
    // A dynamic zone's components are on the zone's level.
    [{ blocks: { on: { 'shared.hero': { populate: { image: true } } } } }, 2],
  ])('%j is %i levels deep', (populate, expected) => {
    expect(depthOf(populate)).toBe(expected);
  });
});

describe('normalizeFields', () => {
  it.each([
    ['title', ['title']],
    ['title, slug,title', ['title', 'slug']],
    [
      ['title', 'slug'],
      ['title', 'slug'],
    ],
    ['*', undefined],
  ])('reads %j', (raw, expected) => {
    expect(normalizeFields(raw)).toEqual(expected);
  });

  it('refuses objects, empty names and overlong lists', () => {
    const usage =
      '"fields" takes attribute names: fields=title,slug or fields[0]=title&fields[1]=slug.';
    expect(outcome(() => normalizeFields({ x: 'title' }))).toBe(usage);
    expect(outcome(() => normalizeFields('title,,slug'))).toBe(
      `"fields" has an empty name. ${usage}`
    );
    const many = Array.from({ length: 101 }, (_, i) => `f${i}`).join(',');
    expect(outcome(() => normalizeFields(many))).toBe('"fields" accepts at most 100 names.');
  });
});

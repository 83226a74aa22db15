import { parseJourneyConfig } from '../../server/src/config';
import { toSlug } from '../../server/src/documents/slugs';
import { listTaggedTypes } from '../../server/src/tagging/tagged-types';

describe('tagged types', () => {
  it('tags the four shipped kinds by default', () => {
    expect(listTaggedTypes(parseJourneyConfig({}))).toEqual([
      { uid: 'plugin::journey.blog-post', name: 'blog-post', builtIn: true },
      { uid: 'plugin::journey.landing-page', name: 'landing-page', builtIn: true },
      { uid: 'plugin::journey.cta', name: 'cta', builtIn: true },
      { uid: 'plugin::journey.form', name: 'form', builtIn: true },
    ]);
  });

  it('adds configured types, named after their UID unless a name is given', () => {
    const config = parseJourneyConfig({
      builtInTypes: false,
      contentTypes: ['api::article.article', { uid: 'api::page.page', name: 'web-page' }],
    });
    expect(listTaggedTypes(config)).toEqual([
      { uid: 'api::article.article', name: 'article', builtIn: false },
      { uid: 'api::page.page', name: 'web-page', builtIn: false },
    ]);
  });

  it('refuses a UID listed twice and a name already taken', () => {
    expect(() =>
      listTaggedTypes(
        parseJourneyConfig({ contentTypes: ['api::article.article', 'api::article.article'] })
      )
    ).toThrow('contentTypes[1] ("api::article.article"): listed twice.');
    expect(() =>
      listTaggedTypes(parseJourneyConfig({ contentTypes: ['plugin::journey.cta'] }))
    ).toThrow('the plugin tags it already');
    expect(() => listTaggedTypes(parseJourneyConfig({ contentTypes: ['api::cta.cta'] }))).toThrow(
      'the name "cta" is taken by plugin::journey.cta'
    );
  });
});

describe('toSlug', () => {
  it.each([
    ['Restaurant owner', 'restaurant-owner'],
    ['  Café & Bar Owner ', 'cafe-and-bar-owner'],
    ['Kundens rejse: før købet', 'kundens-rejse-for-kobet'],
    ['B2B buyer (IT)', 'b2b-buyer-it'],
  ])('%s -> %s', (input, slug) => expect(toSlug(input)).toBe(slug));
});

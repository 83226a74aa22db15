import type { Core } from '@strapi/strapi';
import { guardedTypeReached } from '../../server/src/drafts/guard';

/**
 * A draft read of an unguarded type populates drafts of what it relates to, so the guard follows
 * the populate (in every shape the Document Service receives) to the guarded types it reaches.
 */
const MODELS: Record<string, { attributes: Record<string, unknown> }> = {
  'api::tag.tag': {
    attributes: {
      name: { type: 'string' },
      articles: { type: 'relation', relation: 'manyToMany', target: 'api::article.article' },
      topic: { type: 'relation', relation: 'manyToOne', target: 'api::topic.topic' },
      seo: { type: 'component', component: 'shared.seo' },
      blocks: { type: 'dynamiczone', components: ['shared.quote', 'shared.teaser'] },
    },
  },
  'api::topic.topic': {
    attributes: {
      tags: { type: 'relation', relation: 'oneToMany', target: 'api::tag.tag' },
      lead: { type: 'relation', relation: 'oneToOne', target: 'plugin::journey.persona' },
    },
  },
  'api::article.article': { attributes: { title: { type: 'string' } } },
  'plugin::journey.persona': { attributes: { name: { type: 'string' } } },
  'shared.seo': { attributes: { title: { type: 'string' } } },
  'shared.quote': { attributes: { text: { type: 'string' } } },
  'shared.teaser': {
    attributes: {
      article: { type: 'relation', relation: 'oneToOne', target: 'api::article.article' },
    },
  },
};
const strapi = { getModel: (uid: string) => MODELS[uid] } as unknown as Core.Strapi;
const guarded = new Set(['api::article.article', 'plugin::journey.persona']);
const reached = (uid: string, populate: unknown) =>
  guardedTypeReached(strapi, uid, populate, guarded);

describe('guardedTypeReached', () => {
  it.each([
    [undefined, null],
    [false, null],
    ['*', 'api::article.article'],
    [true, 'api::article.article'],
    ['name,seo', null],
    ['seo,articles', 'api::article.article'],
    [['topic'], null],
    [['topic.lead'], 'plugin::journey.persona'],
    [['topic.tags.articles'], 'api::article.article'],
    [{ seo: true }, null],
    [{ articles: { fields: ['title'] } }, 'api::article.article'],
    [{ topic: { populate: { lead: true } } }, 'plugin::journey.persona'],
    [{ topic: { populate: ['tags'] } }, null],
    [{ topic: { populate: { tags: { populate: '*' } } } }, 'api::article.article'],
    [{ blocks: { on: { 'shared.quote': { populate: '*' } } } }, null],
    [{ blocks: { on: { 'shared.teaser': { populate: ['article'] } } } }, 'api::article.article'],
    [{ unknown: true }, null],
  ])('tag with populate %j reaches %s', (populate, expected) => {
    expect(reached('api::tag.tag', populate)).toBe(expected);
  });

  it('refuses (names the type it got to) beyond the depth limit instead of following on', () => {
    let populate: Record<string, unknown> = { name: true };
    for (let depth = 0; depth < 50; depth += 1)
      populate = { topic: { populate: { tags: { populate } } } };
    // Levels alternate tag (even) and topic (odd); level 11 is a topic.
    expect(reached('api::tag.tag', populate)).toBe('api::topic.topic');
    expect(
      reached('api::tag.tag', { topic: { populate: { tags: { populate: { name: true } } } } })
    ).toBeNull();
  });
});

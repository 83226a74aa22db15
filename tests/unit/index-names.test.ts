import { indexName } from '../../server/src/tagging/inject-fields';

describe('journey index names', () => {
  it('keep short table names whole', () => {
    expect(indexName('journey_blog_posts', 'journey_stage_idx')).toBe(
      'journey_blog_posts_journey_stage_idx'
    );
  });

  it.each(['journey_stage_idx', 'journey_cov_idx'])(
    'cut long table names to 60 characters with a hash that tells them apart (%s)',
    (suffix) => {
      const a = indexName(`${'x'.repeat(50)}_customer_stories`, suffix);
      const b = indexName(`${'x'.repeat(50)}_customer_reviews`, suffix);
      for (const name of [a, b]) {
        expect(name.length).toBeLessThanOrEqual(60);
        expect(name.endsWith(`_${suffix}`)).toBe(true);
        expect(name.startsWith('xxxxxxxxxx')).toBe(true);
      }
      expect(a).not.toBe(b);
    }
  );

  it('uses the whole budget at the boundary', () => {
    const table = 't'.repeat(60 - '_journey_cov_idx'.length);
    expect(indexName(table, 'journey_cov_idx')).toBe(`${table}_journey_cov_idx`);
    expect(indexName(`${table}u`, 'journey_cov_idx')).toHaveLength(60);
  });
});

import { bootStrapi } from '../helpers/strapi';
import { createTestDatabase } from '../helpers/database';
import { journeyIndexColumns } from '../helpers/indexes';

const custom = (keys: string[]) => ({ stages: keys.map((key) => ({ key })) });

describe('plugin config at startup', () => {
  it.each([
    [
      { stages: [] },
      'Error regarding journey config: invalid configuration. stages: must list at least one stage',
    ],
    [
      custom(['awareness', 'awareness']),
      'stages[1].key: duplicate stage key "awareness" (already used by stages[0])',
    ],
    [{ stages: [{ key: 'Decision' }] }, 'stages[0].key: must be a slug'],
    [{ stages: [{ key: 'decision', minimum: -3 }] }, 'stages[0].minimum: must be 0 or more'],
    [
      { stages: 'hero-journey' },
      'stages: must be a preset name (default, see-think-do-care, five-step)',
    ],
    [
      { contentTypes: ['api::nothing.nothing'] },
      'contentTypes[0] ("api::nothing.nothing"): no such content type.',
    ],
    [
      { contentTypes: ['admin::user'] },
      'contentTypes[0] ("admin::user"): only your own content types (api::...) or a plugin\'s (plugin::...) can be tagged.',
    ],
  ])('refuses to start with %j', async (pluginConfig, message) => {
    const boot = bootStrapi({ pluginConfig });
    // Stop an instance that booted against expectations, so it cannot leak into later boots.
    boot.then(
      (app) => app.stop(),
      () => undefined
    );
    await expect(boot).rejects.toThrow(message);
  });

  it('boots with a preset and injects its keys', async () => {
    const app = await bootStrapi({ pluginConfig: { stages: 'five-step' } });
    try {
      const attribute = (app.strapi.contentType('plugin::journey.cta' as never) as any).attributes
        .journeyStage;
      expect(attribute.enum).toEqual([
        'awareness',
        'research',
        'consideration',
        'decision',
        'post-purchase',
      ]);
      const cta = await app.strapi.documents('plugin::journey.cta' as never).create({
        data: { label: 'Compare plans', url: '/plans', journeyStage: 'post-purchase' },
      } as never);
      expect((cta as any).journeyStage).toBe('post-purchase');
    } finally {
      await app.stop();
    }
  });
});

describe('removing a stage from config', () => {
  it('keeps stored entries as they are, rejects new writes of the key, and restores cleanly', async () => {
    const database = await createTestDatabase();
    const withLegacy = custom(['awareness', 'legacy', 'decision']);
    const readStage = async (app: Awaited<ReturnType<typeof bootStrapi>>, documentId: string) => {
      const meta = app.strapi.db.metadata.get('plugin::journey.blog-post' as never) as any;
      const rows = await app.strapi.db
        .connection(meta.tableName)
        .select(meta.attributes.journeyStage.columnName + ' as stage')
        .where({ document_id: documentId });
      return rows.map((row: { stage: string }) => row.stage);
    };

    let app = await bootStrapi({ pluginConfig: withLegacy, database });
    const posts = () => app.strapi.documents('plugin::journey.blog-post' as never) as any;
    const post = await posts().create({ data: { title: 'Old campaign', journeyStage: 'legacy' } });
    await posts().publish({ documentId: post.documentId });
    expect(await readStage(app, post.documentId)).toEqual(['legacy', 'legacy']);
    await app.stop({ keepDatabase: true });

    app = await bootStrapi({ pluginConfig: custom(['awareness', 'decision']), database });
    try {
      // Never rewritten, never dropped: both the draft and the published row keep the key.
      expect(await readStage(app, post.documentId)).toEqual(['legacy', 'legacy']);
      const published = await posts().findOne({ documentId: post.documentId, status: 'published' });
      expect(published.journeyStage).toBe('legacy');
      await expect(
        posts().update({ documentId: post.documentId, data: { journeyStage: 'legacy' } })
      ).rejects.toThrow('Unknown journey stage "legacy". Valid stages: awareness, decision.');
      // Re-tagging to a configured stage works.
      const retagged = await posts().update({
        documentId: post.documentId,
        data: { journeyStage: 'decision' },
      });
      expect(retagged.journeyStage).toBe('decision');
      await posts().update({
        documentId: post.documentId,
        data: { title: 'Old campaign, renamed' },
      });
      expect(await readStage(app, post.documentId)).toEqual(
        expect.arrayContaining(['legacy', 'decision'])
      );
    } finally {
      await app.stop({ keepDatabase: true });
    }

    app = await bootStrapi({ pluginConfig: withLegacy, database });
    try {
      const published = await posts().findOne({ documentId: post.documentId, status: 'published' });
      expect(published.journeyStage).toBe('legacy');
      const draft = await posts().update({
        documentId: post.documentId,
        data: { journeyStage: 'legacy' },
      });
      expect(draft.journeyStage).toBe('legacy');
    } finally {
      await app.stop();
    }
  });
});

describe('journey indexes from an earlier version of the plugin', () => {
  it('are brought to the current columns by Strapi schema sync when the plugin is upgraded', async () => {
    const database = await createTestDatabase();
    const indexColumns = (app: Awaited<ReturnType<typeof bootStrapi>>, table: string) =>
      journeyIndexColumns(app.strapi, table);

    let app = await bootStrapi({ database });
    const table = (app.strapi.db.metadata.get('plugin::journey.blog-post' as never) as any)
      .tableName as string;
    const stageIndex = `${table}_journey_stage_idx`;
    const coverageIndex = `${table}_journey_cov_idx`;
    // What 0.1.0 declared: both indexes without id, the stage index also without updated_at.
    const oldColumns = {
      [stageIndex]: ['journey_stage', 'locale', 'published_at'],
      [coverageIndex]: ['locale', 'published_at', 'journey_stage', 'updated_at'],
    };
    try {
      const knex = app.strapi.db.connection;
      await knex.schema.alterTable(table, (t) => {
        for (const name of Object.keys(oldColumns)) t.dropIndex([], name);
      });
      await knex.schema.alterTable(table, (t) => {
        for (const [name, columns] of Object.entries(oldColumns)) t.index(columns, name);
      });
      // And the schema Strapi stored after booting 0.1.0 (Strapi diffs the database only when the
      // declared schema's hash differs from the stored one, as it does after an upgrade).
      const stored = await knex('strapi_database_schema').first();
      const schema = typeof stored.schema === 'string' ? JSON.parse(stored.schema) : stored.schema;
      const tableSchema = schema.tables.find((t: { name: string }) => t.name === table);
      tableSchema.indexes = tableSchema.indexes.map((index: { name: string }) =>
        oldColumns[index.name] ? { ...index, columns: oldColumns[index.name] } : index
      );
      await knex('strapi_database_schema')
        .where({ id: stored.id })
        .update({ schema: JSON.stringify(schema), hash: 'stored-by-journey-0.1.0' });
      expect(await indexColumns(app, table)).toEqual(oldColumns);
    } finally {
      await app.stop({ keepDatabase: true });
    }

    app = await bootStrapi({ database });
    try {
      expect(await indexColumns(app, table)).toEqual({
        [stageIndex]: ['journey_stage', 'locale', 'published_at', 'updated_at', 'id'],
        [coverageIndex]: ['locale', 'published_at', 'journey_stage', 'updated_at', 'id'],
      });
    } finally {
      await app.stop();
    }
  });
});

'use strict';
/**
 * Write overhead of the count tracking (`--writes`, issue #15's target: creating, updating and
 * publishing a tagged entry through the Document Service at most 1.2x the same write with the
 * counting switched off).
 *
 * The counting is the plugin's per-table change triggers (server/src/caching/table-changes.ts):
 * on SQLite three triggers a table (`journey_change_{insert|update|delete}_{table}`) that add 1
 * to the table's row in journey_table_changes, on PostgreSQL one statement-level trigger a table
 * (`journey_table_change`) whose function appends a row there; and the carrying of kept counts
 * through each write (server/src/documents/carry-counts.ts: the written document's share counted
 * before and after it, in its transaction). "Switched on" = the triggers in place and the blog
 * posts' coverage counts kept before each block, so every write of the block carries them.
 * "Switched off" = those triggers dropped from the blog post table, its persona link table and the
 * persona table (what `watchedTables` lists for the blog-post type) and `cacheTotals: false`, so
 * nothing is kept or carried. The plugin's other document middlewares (stage validation, its write
 * lock) are not counting and run in both arms.
 *
 * Rounds of create (a stage and one or two personas), update (another stage and persona), publish
 * run in the bench's own process through `strapi.documents()`, as the Content Manager's
 * controllers call it. The arms are interleaved in blocks, swapping which goes first, so a burst
 * of machine noise or a slow drift (the tables grow by one post a round) hits both alike.
 */
const { STAGES, PERSONAS } = require('./seed');
const { median, percentile } = require('./measure');

const BLOG_POST_UID = 'plugin::journey.blog-post';
const PERSONA_UID = 'plugin::journey.persona';
const PERSONAS_ATTRIBUTE = 'personas';
/** Mirrors table-changes.ts: its change table and PostgreSQL trigger name. */
const TABLE_CHANGES = 'journey_table_changes';
const PG_TRIGGER = 'journey_table_change';
const SQLITE_TRIGGER_PREFIX = 'journey_change_';
const SQLITE_OPERATIONS = ['insert', 'update', 'delete'];
/** Issue #15: a tagged write with the counting on at most this x the same write without it. */
const WRITE_OVERHEAD_MAX_RATIO = 1.2;
/** Rounds per arm (200 gives a median that moves by a few percent between runs on this machine). */
const WRITE_OVERHEAD_ROUNDS = 200;
/** Rounds in a row of one arm before the other takes over. */
const WRITE_OVERHEAD_BLOCK = 10;
const OPERATIONS = ['create', 'update', 'publish'];

/**
 * The tables the blog-post type's counts read, named from Strapi's metadata as table-changes.ts
 * names them (`watchedTables` for this one type): its table, its persona link table, personas.
 */
const watchedBlogPostTables = (strapi) => {
  const meta = strapi.db.metadata.get(BLOG_POST_UID);
  return [
    ...new Set([
      meta.tableName,
      meta.attributes[PERSONAS_ATTRIBUTE].joinTable.name,
      strapi.db.metadata.get(PERSONA_UID).tableName,
    ]),
  ];
};

const placeholders = (values) => values.map(() => '?').join(', ');

/**
 * The plugin's triggers on `tables` as the database stores them: [{ name, table, definition }],
 * sorted. The definition is the statement that recreates the trigger (SQLite keeps the CREATE
 * TRIGGER text as it was run; PostgreSQL rebuilds it with pg_get_triggerdef).
 */
const countTriggers = async (strapi, tables) => {
  const knex = strapi.db.connection;
  let rows;
  if (strapi.db.dialect.client === 'postgres') {
    ({ rows } = await knex.raw(
      `SELECT t.tgname AS name, c.relname AS "table", pg_get_triggerdef(t.oid) AS definition
       FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
       WHERE t.tgname = ? AND c.relnamespace = current_schema()::regnamespace
         AND c.relname IN (${placeholders(tables)})`,
      [PG_TRIGGER, ...tables]
    ));
  } else {
    rows = await knex.raw(
      `SELECT name, tbl_name AS "table", sql AS definition FROM sqlite_master
       WHERE type = 'trigger' AND name LIKE ? AND tbl_name IN (${placeholders(tables)})`,
      [`${SQLITE_TRIGGER_PREFIX}%`, ...tables]
    );
  }
  return rows
    .map(({ name, table, definition }) => ({ name, table, definition }))
    .sort((a, b) => `${a.table} ${a.name}`.localeCompare(`${b.table} ${b.name}`));
};

/** How many triggers the plugin installs on `tables` (table-changes.ts: 3 a table on SQLite, 1 on PostgreSQL). */
const expectedTriggerCount = (strapi, tables) =>
  tables.length * (strapi.db.dialect.client === 'postgres' ? 1 : SQLITE_OPERATIONS.length);

const dropTriggers = async (strapi, triggers) => {
  const knex = strapi.db.connection;
  for (const { name, table } of triggers) {
    if (strapi.db.dialect.client === 'postgres')
      await knex.raw('DROP TRIGGER IF EXISTS ?? ON ??', [name, table]);
    else await knex.raw('DROP TRIGGER IF EXISTS ??', [name]);
  }
};

/**
 * Puts back the triggers dropped, from their stored definitions: the built plugin is one bundle
 * (dist/server/index.js) that exports only the plugin object, so its `installTableChanges` cannot
 * be called from here, and running its statements as the database recorded them recreates exactly
 * what it installed rather than a copy of its code that could drift from it. Then each table's
 * version moves once, as installTableChanges does after installing: counts cached while the
 * triggers were missing must not be served again.
 */
const restoreTriggers = async (strapi, triggers, tables) => {
  const knex = strapi.db.connection;
  for (const { definition } of triggers)
    // A literal `?` in the stored text would read as a binding: knex escapes it as `\?`.
    await knex.raw(definition.replace(/\?/g, '\\?'));
  await knex(TABLE_CHANGES).whereIn('table_name', tables).increment('weight', 1);
};

const elapsedMs = (start) => Number(process.hrtime.bigint() - start) / 1e6;

const summary = (times) => ({
  p50: median(times),
  p95: percentile(times, 95),
  mean: times.reduce((a, b) => a + b, 0) / times.length,
  count: times.length,
});

const ratio = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? a / b : NaN);

/**
 * Measures `rounds` create/update/publish rounds per arm, with the triggers installed (as the
 * plugin leaves them) and dropped, interleaved in blocks of `block` rounds after one unrecorded
 * block of each arm (warms the JIT, statement caches and the new triggers' first run). Throws when
 * the triggers are not as the plugin installs them before, or are not back as they were after,
 * so the phases and drift check after it keep their meaning. Deletes the posts it created.
 */
const measureWriteOverhead = async (
  strapi,
  { rounds = WRITE_OVERHEAD_ROUNDS, block = WRITE_OVERHEAD_BLOCK, log = () => {} } = {}
) => {
  const tables = watchedBlogPostTables(strapi);
  const expectedTriggers = expectedTriggerCount(strapi, tables);
  const installed = await countTriggers(strapi, tables);
  if (installed.length !== expectedTriggers)
    throw new Error(
      `write overhead: ${installed.length} change triggers on ${tables.join(', ')} before the measurement, expected ${expectedTriggers}`
    );

  const posts = strapi.documents(BLOG_POST_UID);
  const personaRows = await strapi
    .documents(PERSONA_UID)
    .findMany({ fields: ['slug'], status: 'draft', limit: PERSONAS.length });
  const personaIdBySlug = new Map(personaRows.map((row) => [row.slug, row.documentId]));
  const personaIds = (...slugs) => [...new Set(slugs)].map((slug) => personaIdBySlug.get(slug));
  const slugAt = (i) => PERSONAS[i % PERSONAS.length].slug;

  const created = [];
  let roundNumber = 0;
  /** One round: the three writes, each timed, and the whole. */
  const round = async () => {
    const k = roundNumber;
    roundNumber += 1;
    const times = {};
    const roundStart = process.hrtime.bigint();
    let start = process.hrtime.bigint();
    const { documentId } = await posts.create({
      data: {
        title: `Bench write overhead ${k}`,
        journeyStage: STAGES[k % STAGES.length],
        // One persona or two, in turn.
        personas: personaIds(slugAt(k), slugAt(k + (k % 2))),
      },
    });
    times.create = elapsedMs(start);
    created.push(documentId);
    start = process.hrtime.bigint();
    await posts.update({
      documentId,
      data: { journeyStage: STAGES[(k + 2) % STAGES.length], personas: personaIds(slugAt(k + 3)) },
    });
    times.update = elapsedMs(start);
    start = process.hrtime.bigint();
    await posts.publish({ documentId });
    times.publish = elapsedMs(start);
    times.round = elapsedMs(roundStart);
    return times;
  };

  const times = { tracked: [], untracked: [] };
  const config = 'plugin::journey.cacheTotals';
  const cacheTotals = strapi.config.get(config);
  const runBlock = async (arm, record = true) => {
    if (arm === 'untracked') {
      await dropTriggers(strapi, installed);
      strapi.config.set(config, false);
    } else {
      // Kept at the current version: each write of the block then carries them to its own.
      await strapi
        .plugin('journey')
        .service('coverage')
        .compute({ type: ['blog-post'], status: 'published', fresh: false });
    }
    try {
      for (let i = 0; i < block; i += 1) {
        const measured = await round();
        if (record) times[arm].push(measured);
      }
    } finally {
      if (arm === 'untracked') {
        strapi.config.set(config, cacheTotals);
        await restoreTriggers(strapi, installed, tables);
      }
    }
  };

  let restored;
  try {
    await runBlock('tracked', false);
    await runBlock('untracked', false);
    const pairs = Math.ceil(rounds / block);
    for (let pair = 0; pair < pairs; pair += 1) {
      // Which arm goes first swaps every pair, so neither always follows a DDL change.
      const order = pair % 2 === 0 ? ['tracked', 'untracked'] : ['untracked', 'tracked'];
      for (const arm of order) await runBlock(arm);
    }
  } finally {
    restored = await countTriggers(strapi, tables);
    // Deleted with the triggers back on: the deletes move the versions as any write does.
    for (const documentId of created) await posts.delete({ documentId });
  }
  const definitions = (triggers) => triggers.map((t) => `${t.table} ${t.definition}`);
  if (
    restored.length !== expectedTriggers ||
    JSON.stringify(definitions(restored)) !== JSON.stringify(definitions(installed))
  )
    throw new Error(
      `write overhead: the change triggers on ${tables.join(', ')} are not back as the plugin installed them (${restored.length} of ${expectedTriggers})`
    );

  const arms = {};
  for (const arm of ['tracked', 'untracked'])
    arms[arm] = Object.fromEntries(
      [...OPERATIONS, 'round'].map((what) => [what, summary(times[arm].map((t) => t[what]))])
    );
  const ratios = Object.fromEntries(
    [...OPERATIONS, 'round'].map((what) => [
      what,
      ratio(arms.tracked[what].p50, arms.untracked[what].p50),
    ])
  );
  const met = Object.values(ratios).every((r) => r <= WRITE_OVERHEAD_MAX_RATIO);
  log(
    `  write overhead (${times.tracked.length} rounds an arm, blocks of ${block}): ${[
      ...OPERATIONS,
      'round',
    ]
      .map(
        (what) =>
          `${what} p50 ${arms.tracked[what].p50.toFixed(2)} / ${arms.untracked[what].p50.toFixed(2)} ms (${ratios[what].toFixed(2)}x)`
      )
      .join(', ')}; target <= ${WRITE_OVERHEAD_MAX_RATIO}x ${met ? 'met' : 'NOT MET'}`
  );
  return {
    target: WRITE_OVERHEAD_MAX_RATIO,
    met,
    roundsPerArm: times.tracked.length,
    block,
    tables,
    tracked: arms.tracked,
    untracked: arms.untracked,
    ratios,
    triggers: { expected: expectedTriggers, before: installed.length, after: restored.length },
    postsDeleted: created.length,
  };
};

module.exports = {
  measureWriteOverhead,
  watchedBlogPostTables,
  countTriggers,
  WRITE_OVERHEAD_MAX_RATIO,
  WRITE_OVERHEAD_ROUNDS,
  WRITE_OVERHEAD_BLOCK,
};

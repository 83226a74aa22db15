'use strict';
/**
 * Reads under writes (`--writes`, issue #15): the journey content list and coverage measured again,
 * first while only a writer of a table nothing journey reads runs, then while another writer also
 * creates, updates, publishes, unpublishes and deletes tagged blog posts; then the coverage matrix
 * the plugin serves is checked against a recount of the source tables in raw SQL (drift), and the
 * writer's posts are deleted so the next size is seeded onto exactly the data the seeder counted.
 *
 * The tagged writer runs in the bench's own process, on the Strapi instance that serves the reads,
 * through the Document Service: that is what the Content Manager's controllers call, so the
 * plugin's document middlewares (stage validation, its per-document write lock) and the table
 * change triggers its caches depend on all run. The reads come from autocannon in child processes,
 * so writes and reads compete for the server's event loop and database connections as an editor's
 * saves do on a live site. A second Strapi process would add a boot and, on SQLite, a second
 * writer on the file: a different scenario, which tests/api/concurrency-processes.test.ts covers.
 */
const { sleep } = require('./boot');
const { STAGES, PERSONAS, TYPES } = require('./seed');
const { rawContentQuery, rawCoverage } = require('./sql');

const BLOG_POST_UID = 'plugin::journey.blog-post';
const PERSONA_UID = 'plugin::journey.persona';
const TAGGED_WRITES_PER_SECOND = 10;
const UNRELATED_WRITES_PER_SECOND = 20;
/** Issue #15: content and coverage medians with only the unrelated writer at most this x idle. */
const UNRELATED_WRITES_MAX_RATIO = 1.2;
/**
 * Posts written side by side, each by its own worker: one write at a time fell behind the pace
 * while 32 connections of reads kept the server busy (a publish then took longer than the 100 ms
 * a write has). Several editors saving different documents at once, as on a real site.
 */
const TAGGED_WORKERS = 4;
const UNRELATED_TABLE = 'bench_unrelated_writes';

/**
 * Inserts rows into a table nothing journey reads, `perSecond` a second on average (what analytics
 * flushes, sign-ups and uploads look like to the database), until `stop()`, which resolves with
 * the achieved rate. Each tick inserts the rows due by then: timers run late on a busy server,
 * and a plain 50 ms interval then wrote 10 rows a second instead of 20.
 */
const startUnrelatedWriter = async (strapi, perSecond = UNRELATED_WRITES_PER_SECOND) => {
  const knex = strapi.db.connection;
  if (!(await knex.schema.hasTable(UNRELATED_TABLE)))
    await knex.schema.createTable(UNRELATED_TABLE, (t) => {
      t.increments('id');
      t.bigInteger('at');
    });
  let issued = 0;
  let writes = 0;
  const inFlight = new Set();
  const started = Date.now();
  const timer = setInterval(() => {
    const due = Math.floor(((Date.now() - started) / 1000) * perSecond);
    for (; issued < due; issued += 1) {
      const insert = knex(UNRELATED_TABLE)
        .insert({ at: Date.now() })
        .then(() => {
          writes += 1;
        })
        .finally(() => inFlight.delete(insert));
      inFlight.add(insert);
    }
  }, 1000 / perSecond);
  return {
    async stop() {
      clearInterval(timer);
      const seconds = (Date.now() - started) / 1000;
      await Promise.allSettled([...inFlight]);
      return { writes, seconds, perSecond: writes / seconds };
    },
  };
};

/**
 * Writes tagged blog posts through the Document Service at most `perSecond` times a second (a
 * late write is not made up for: the pace stays steady and the achieved rate is reported). Each
 * post goes through five writes: created as a draft with a stage and personas (always the queried
 * persona, so the measured content list changes), published, its stage and personas changed,
 * published again (its counts move to another cell), then deleted, unpublished or left published,
 * in turn. `stop()` lets each worker finish its post.
 */
const startTaggedWriter = async (strapi, { persona, perSecond = TAGGED_WRITES_PER_SECOND }) => {
  const posts = strapi.documents(BLOG_POST_UID);
  const personaRows = await strapi
    .documents(PERSONA_UID)
    .findMany({ fields: ['slug'], status: 'draft', limit: PERSONAS.length });
  const personaIdBySlug = new Map(personaRows.map((row) => [row.slug, row.documentId]));
  const personaIds = (slugs) => [...new Set(slugs)].map((slug) => personaIdBySlug.get(slug));
  const slugAt = (i) => PERSONAS[i % PERSONAS.length].slug;

  const counts = { create: 0, publish: 0, update: 0, unpublish: 0, delete: 0 };
  const failures = [];
  /** The writer's posts that still exist (deleted ones are gone), for the cleanup. */
  const existing = new Set();
  /** Post `k`'s five writes, as [kind, write] in order; how it ends turns with k. */
  const lifecycle = (k) => {
    let documentId;
    const ending = ['delete', 'unpublish', 'update'][k % 3];
    return [
      [
        'create',
        async () => {
          const created = await posts.create({
            data: {
              title: `Bench writer ${k}`,
              journeyStage: STAGES[k % STAGES.length],
              personas: personaIds([persona, slugAt(k)]),
            },
          });
          documentId = created.documentId;
          existing.add(documentId);
        },
      ],
      ['publish', () => posts.publish({ documentId })],
      [
        'update',
        () =>
          posts.update({
            documentId,
            data: {
              journeyStage: STAGES[(k + 2) % STAGES.length],
              personas: personaIds([slugAt(k + 3)]),
            },
          }),
      ],
      ['publish', () => posts.publish({ documentId })],
      [
        ending,
        async () => {
          if (ending === 'delete') {
            await posts.delete({ documentId });
            existing.delete(documentId);
          } else if (ending === 'unpublish') {
            await posts.unpublish({ documentId });
          } else {
            // Left published with a newer draft: published and draft rows now differ.
            await posts.update({ documentId, data: { title: `Bench writer ${k} (kept)` } });
          }
        },
      ],
    ];
  };

  // One schedule for all workers: a write starts at the next free slot, `1000 / perSecond` ms
  // after the one before, or at once when its slot has passed (a late write is not made up for).
  const interval = 1000 / perSecond;
  const started = Date.now();
  let nextSlot = started;
  const waitForSlot = async () => {
    const at = Math.max(nextSlot, Date.now());
    nextSlot = at + interval;
    if (at > Date.now()) await sleep(at - Date.now());
  };
  let stopping = false;
  let writes = 0;
  let nextPost = 0;
  let finished = started;
  // A worker stops between posts, so every post started gets all five writes: a short
  // (count-bounded) run still creates, publishes, updates, unpublishes and deletes.
  const worker = async () => {
    while (!stopping) {
      const k = nextPost;
      nextPost += 1;
      for (const [kind, write] of lifecycle(k)) {
        await waitForSlot();
        try {
          await write();
          counts[kind] += 1;
        } catch (error) {
          failures.push(`post ${k}, ${kind}: ${error.message}`);
        }
        writes += 1;
        finished = Date.now();
      }
    }
  };
  const done = Promise.all(Array.from({ length: TAGGED_WORKERS }, worker));
  return {
    async stop() {
      stopping = true;
      await done;
      const seconds = (finished - started) / 1000;
      return {
        workers: TAGGED_WORKERS,
        writes,
        seconds,
        perSecond: writes / seconds,
        counts,
        failures,
        existing,
      };
    },
  };
};

/** Deletes the writer's remaining posts, so the data is the seeded data again. */
const deletePosts = async (strapi, documentIds) => {
  for (const documentId of documentIds)
    await strapi.documents(BLOG_POST_UID).delete({ documentId });
};

/**
 * The raw SQL recount (bench/lib/sql.js) as the matrix's numbers, keyed as `countsOfMatrix` keys
 * the served ones: persona row ids map to their document's slug (from its draft row, as the
 * matrix names personas); cells and untagged counts of configured stages only, as the matrix shows.
 */
const countsOfRecount = ({ groups, personas }, stageKeys) => {
  const slugOfDocument = new Map(
    personas.filter((row) => row.publishedAt === null).map((row) => [row.documentId, row.slug])
  );
  const slugOfRow = new Map(personas.map((row) => [row.id, slugOfDocument.get(row.documentId)]));
  const counts = new Map();
  const add = (key, total) => counts.set(key, (counts.get(key) ?? 0) + total);
  for (const group of groups) {
    if (group.kind === 'stage') add(`stage ${group.stage ?? '(none)'}`, group.total);
    else if (!stageKeys.includes(group.stage)) continue;
    else if (group.persona_id === null) add(`untagged ${group.stage}`, group.total);
    else add(`cell ${group.stage} x ${slugOfRow.get(group.persona_id)}`, group.total);
  }
  return counts;
};

/** The served matrix's counts: every cell, stage total (configured, unknown, none) and untagged. */
const countsOfMatrix = (matrix) =>
  new Map([
    ...matrix.cells.map((cell) => [`cell ${cell.stage} x ${cell.persona}`, cell.count]),
    ...matrix.stageTotals.map((row) => [`stage ${row.stage}`, row.count]),
    ...matrix.unknown.map((row) => [`stage ${row.stage}`, row.count]),
    ['stage (none)', matrix.noStage.count],
    ...matrix.untagged.map((row) => [`untagged ${row.stage}`, row.count]),
  ]);

/** Keys whose counts differ (a key missing on one side counts 0 there). */
const differences = (served, recounted, label) =>
  [...new Set([...served.keys(), ...recounted.keys()])]
    .filter((key) => (served.get(key) ?? 0) !== (recounted.get(key) ?? 0))
    .map(
      (key) => `${label} ${key}: served ${served.get(key) ?? 0}, raw SQL ${recounted.get(key) ?? 0}`
    );

/**
 * Drift: the coverage matrix as served (its cache on, what the next marketer sees, and with the
 * cache bypassed, `cacheTotals: false`) and the content list's total, against raw SQL recounts of
 * the source tables. Returns the differing cells; none is the only right answer.
 */
const checkDrift = async (app, { urls, auth, setCacheTotals, stage, persona }) => {
  const { strapi } = app;
  const served = async () => (await (await fetch(urls.coverage, { headers: auth })).json()).data;
  const cached = await served();
  setCacheTotals(false);
  let counted;
  try {
    counted = await served();
  } finally {
    setCacheTotals(true);
  }
  const contentTotal = (await (await fetch(urls.journey)).json()).meta?.pagination?.total;
  const recount = countsOfRecount(
    await rawCoverage(strapi, { types: TYPES }),
    cached.stages.map((s) => s.key)
  );
  const rawContentTotal = await rawContentQuery(strapi, { types: TYPES, stage, persona }).count();
  const cachedCounts = countsOfMatrix(cached);
  const cells = [
    ...differences(cachedCounts, recount, 'cached'),
    ...differences(countsOfMatrix(counted), recount, 'counted'),
  ];
  if (contentTotal !== rawContentTotal)
    cells.push(
      `content total ${stage} x ${persona}: served ${contentTotal}, raw SQL ${rawContentTotal}`
    );
  // Counts compared per matrix: every count either side has, plus the content total.
  return { compared: new Set([...cachedCounts.keys(), ...recount.keys()]).size + 1, cells };
};

/**
 * One phase of reads under writes: starts the writers (in order), reads the content list and
 * coverage at each connection count while they run, and stops them again, even when a read
 * fails. Returns the reads by connection count and each writer's `stop()` result by name.
 */
const readWhileWriting = async (writers, { urls, auth, options, load }) => {
  const running = {};
  const content = {};
  const coverage = {};
  const stopped = {};
  const pace = Object.values(writers)
    .map((w) => `${w.perSecond} ${w.label}`)
    .join(' + ');
  try {
    for (const [name, { start }] of Object.entries(writers)) running[name] = await start();
    for (const connections of options.connections) {
      content[`c${connections}`] = await load(
        `journey content, ${pace} writes/s`,
        urls.journey,
        connections
      );
      coverage[`c${connections}`] = await load(
        `coverage, ${pace} writes/s`,
        urls.coverage,
        connections,
        auth
      );
    }
  } finally {
    for (const [name, writer] of Object.entries(running)) stopped[name] = await writer.stop();
  }
  return { content, coverage, stopped };
};

/**
 * The content list and coverage at each connection count in two phases, then the drift check and
 * the cleanup. First with only the unrelated writer: that is the issue's target (at most 1.2x
 * idle), and a tagged write must invalidate the coverage cache, so reads among tagged writes
 * cannot show it. Then with both writers (the results' top-level `content` and `coverage`, as
 * before the first phase existed), whose posts the drift check counts. `load` is measureSize's
 * (warm-up, then autocannon).
 */
const measureUnderWrites = async (app, { urls, auth, setCacheTotals, options, load, log }) => {
  const { strapi } = app;
  const unrelatedWriter = {
    label: 'unrelated',
    perSecond: UNRELATED_WRITES_PER_SECOND,
    start: () => startUnrelatedWriter(strapi),
  };
  const taggedWriter = {
    label: 'tagged',
    perSecond: TAGGED_WRITES_PER_SECOND,
    start: () => startTaggedWriter(strapi, { persona: options.persona }),
  };
  const reads = { urls, auth, options, load };

  const unrelatedPhase = await readWhileWriting({ unrelated: unrelatedWriter }, reads);
  const unrelatedOnly = {
    content: unrelatedPhase.content,
    coverage: unrelatedPhase.coverage,
    unrelated: unrelatedPhase.stopped.unrelated,
  };
  log(`  unrelated writer alone: ${unrelatedOnly.unrelated.perSecond.toFixed(1)} writes/s`);

  const mixed = await readWhileWriting({ tagged: taggedWriter, unrelated: unrelatedWriter }, reads);
  const { existing, ...writer } = mixed.stopped.tagged;
  const unrelatedResult = mixed.stopped.unrelated;
  log(
    `  writers: ${writer.perSecond.toFixed(1)} tagged writes/s (${Object.entries(writer.counts)
      .map(([kind, count]) => `${count} ${kind}`)
      .join(
        ', '
      )}${writer.failures.length ? `; ${writer.failures.length} FAILED` : ''}), ${unrelatedResult.perSecond.toFixed(1)} unrelated writes/s`
  );
  const drift = await checkDrift(app, {
    urls,
    auth,
    setCacheTotals,
    stage: options.stage,
    persona: options.persona,
  });
  log(
    `  drift: ${drift.cells.length} cells${drift.cells.length ? ` (${drift.cells.slice(0, 5).join('; ')})` : ''} of ${drift.compared} compared`
  );
  await deletePosts(strapi, existing);
  return {
    target: {
      taggedPerSecond: TAGGED_WRITES_PER_SECOND,
      unrelatedPerSecond: UNRELATED_WRITES_PER_SECOND,
      unrelatedOnlyMaxRatio: UNRELATED_WRITES_MAX_RATIO,
    },
    unrelatedOnly,
    content: mixed.content,
    coverage: mixed.coverage,
    tagged: writer,
    unrelated: unrelatedResult,
    drift,
    postsDeleted: existing.size,
  };
};

module.exports = {
  startUnrelatedWriter,
  measureUnderWrites,
  checkDrift,
  countsOfRecount,
  countsOfMatrix,
  differences,
  TAGGED_WRITES_PER_SECOND,
  UNRELATED_WRITES_PER_SECOND,
  UNRELATED_WRITES_MAX_RATIO,
};

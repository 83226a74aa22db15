'use strict';
/**
 * Journey performance ingestion: POST /api/journey/events in 50-event batches at 32 connections,
 * against a plain collection type written through core REST one event per request (what a user
 * builds instead) and against the floor (the same additive upserts as raw SQL, no HTTP); server
 * RSS during sustained ingestion; the performance matrix against its raw SQL (segment sums and
 * coverage's counts) over seeded rollups;
 * and content and coverage medians while ingestion runs at half its maximum rate, against idle.
 */
const { PAGE_EVENT_UID } = require('./boot');
const { TYPES } = require('./seed');
const { rawCoverage } = require('./sql');
const { httpLoad, timeLoop } = require('./measure');

const BATCH = 50;
const BODIES = 200;
const CONNECTIONS = 32;
const DAYS = 90;
/** Rollups seeded for the matrix: 10 events per document, at most 10 million. */
const EVENTS_PER_DOCUMENT = 10;
const MAX_SEEDED_EVENTS = 10_000_000;
/** Per-entry rollup rows seeded (the matrix does not read them; they make the table realistic). */
const MAX_ENTRY_ROWS = 100_000;
const EVENT_TYPES = ['view', 'click', 'conversion'];
const EVENT_SHARE = { view: 0.85, click: 0.12, conversion: 0.03 };
const STAGES = ['awareness', 'consideration', 'decision', 'retention', 'advocacy'];
const BROWSER =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const HEADERS = { 'content-type': 'application/json', 'user-agent': BROWSER };

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const utcDay = (ms = Date.now()) => new Date(ms).toISOString().slice(0, 10);
const prng = (seed) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

/** Published English entries of the seeded types, with their stage and persona documentIds. */
const publishedEntries = async (strapi, perType = 400) => {
  const knex = strapi.db.connection;
  const personaTable = strapi.db.metadata.get('plugin::journey.persona').tableName;
  const entries = [];
  for (const type of TYPES) {
    const meta = strapi.db.metadata.get(type.uid);
    const link = meta.attributes.personas.joinTable;
    const rows = await knex(`${meta.tableName} as e`)
      .leftJoin(`${link.name} as l`, `l.${link.joinColumn.name}`, 'e.id')
      .leftJoin(`${personaTable} as p`, 'p.id', `l.${link.inverseJoinColumn.name}`)
      .whereIn(
        'e.id',
        knex(meta.tableName)
          .select('id')
          .whereNotNull('published_at')
          .where('locale', 'en')
          .orderBy('id')
          .limit(perType)
      )
      .select({ documentId: 'e.document_id', stage: 'e.journey_stage', persona: 'p.document_id' });
    const byId = new Map();
    for (const row of rows) {
      const entry = byId.get(row.documentId) ?? {
        type: type.name,
        documentId: row.documentId,
        stage: row.stage ?? '',
        personas: new Set(),
      };
      if (row.persona) entry.personas.add(row.persona);
      byId.set(row.documentId, entry);
    }
    entries.push(...byId.values());
  }
  return entries;
};

/** `BODIES` request bodies of `BATCH` events each, spread over the entries. */
const eventBatches = (entries) => {
  const random = prng(20261201);
  const pickType = () => {
    const r = random();
    return r < EVENT_SHARE.view
      ? 'view'
      : r < EVENT_SHARE.view + EVENT_SHARE.click
        ? 'click'
        : 'conversion';
  };
  return Array.from({ length: BODIES }, () =>
    Array.from({ length: BATCH }, () => {
      const entry = entries[Math.floor(random() * entries.length)];
      return { type: pickType(), documentId: entry.documentId, contentType: entry.type, entry };
    })
  );
};

const EVENT_KEY = [
  'day',
  'type_name',
  'document_id',
  'locale',
  'event_type',
  'persona',
  'stage',
  'target',
];
const SEGMENT_KEY = [
  'day',
  'type_name',
  'locale',
  'scope',
  'content_stage',
  'content_persona',
  'event_type',
];

/** One batch summed into rollup rows, as the plugin's buffer does (server/src/analytics/rollups.ts). */
const rollupRows = (batch, day) => {
  const events = new Map();
  const segments = new Map();
  const bump = (map, key, row) => {
    const id = key.map((column) => row[column]).join('\n');
    const existing = map.get(id);
    if (existing) existing.count += 1;
    else map.set(id, { ...row, count: 1, visitors: 0 });
  };
  for (const { type, entry } of batch) {
    const locale = 'en';
    bump(events, EVENT_KEY, {
      day,
      type_name: entry.type,
      document_id: entry.documentId,
      locale,
      event_type: type,
      persona: '',
      stage: '',
      target: '',
    });
    const segment = {
      day,
      type_name: entry.type,
      locale,
      content_stage: entry.stage,
      event_type: type,
    };
    bump(segments, SEGMENT_KEY, { ...segment, scope: 'stage', content_persona: '' });
    for (const persona of entry.personas.size ? entry.personas : [''])
      bump(segments, SEGMENT_KEY, { ...segment, scope: 'cell', content_persona: persona });
  }
  const sorted = (map) =>
    [...map.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, row]) => row);
  return { events: sorted(events), segments: sorted(segments) };
};

/** Each batch as the body of one POST /api/journey/events. */
const requestBodies = (batches) =>
  batches.map((batch) =>
    JSON.stringify({
      events: batch.map(({ type, documentId, contentType }) => ({ type, documentId, contentType })),
    })
  );

/** The additive upsert the plugin's flush runs: INSERT ... ON CONFLICT DO UPDATE count = count + excluded.count. */
const upsert = (trx, table, key, rows) =>
  trx(table)
    .insert(rows)
    .onConflict(key)
    .merge({
      count: trx.raw('??.?? + excluded.??', [table, 'count', 'count']),
      visitors: trx.raw('??.?? + excluded.??', [table, 'visitors', 'visitors']),
    });

/** The floor: each batch's rows upserted in one transaction on Strapi's knex, back to back. */
const rawIngestion = async (strapi, batches, seconds) => {
  const knex = strapi.db.connection;
  const day = utcDay();
  const prepared = batches.map((batch) => rollupRows(batch, day));
  const deadline = Date.now() + seconds * 1000;
  const started = process.hrtime.bigint();
  let done = 0;
  while (Date.now() < deadline || done < 10) {
    const { events, segments } = prepared[done % prepared.length];
    await knex.transaction(async (trx) => {
      await upsert(trx, 'journey_event_rollups', EVENT_KEY, events);
      await upsert(trx, 'journey_segment_rollups', SEGMENT_KEY, segments);
    });
    done += 1;
  }
  const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
  return { batches: done, seconds: elapsed, eventsPerSecond: (done * BATCH) / elapsed };
};

const storedEvents = async (strapi) => {
  const row = await strapi.db
    .connection('journey_segment_rollups')
    .where('scope', 'stage')
    .sum({ total: 'count' })
    .first();
  return Number(row?.total ?? 0);
};

/**
 * Seeds DAYS days of rollups ending yesterday directly with SQL: EVENTS_PER_DOCUMENT events per
 * seeded document (at most 10 million), spread over types, stages, personas and event types in
 * the segment rollups the matrix reads, and over up to MAX_ENTRY_ROWS documents per entry.
 * Returns what was written. Adds to what an earlier (smaller) size seeded.
 */
const seedRollups = async (strapi, { documents, entries, already = 0 }) => {
  const knex = strapi.db.connection;
  const started = Date.now();
  const target = Math.min(MAX_SEEDED_EVENTS, documents * EVENTS_PER_DOCUMENT);
  const events = target - already;
  if (events <= 0) return { events: 0, total: already, segmentRows: 0, entryRows: 0, ms: 0 };
  const random = prng(documents);
  const personas = [...new Set(entries.flatMap((entry) => [...entry.personas]))];
  const typeShare = Object.fromEntries(TYPES.map((t) => [t.name, t.weight / 100]));
  const stageShare = [0.34, 0.28, 0.2, 0.12, 0.06];
  const days = Array.from({ length: DAYS }, (_, i) => utcDay(Date.now() - (i + 1) * 86_400_000));
  const segmentRows = [];
  let seeded = 0;
  for (const day of days) {
    for (const type of TYPES) {
      STAGES.forEach((stage, s) => {
        for (const eventType of EVENT_TYPES) {
          const count = Math.round(
            (events / DAYS) * typeShare[type.name] * stageShare[s] * EVENT_SHARE[eventType]
          );
          if (count === 0) continue;
          seeded += count;
          const base = {
            day,
            type_name: type.name,
            locale: 'en',
            content_stage: stage,
            event_type: eventType,
          };
          segmentRows.push({ ...base, scope: 'stage', content_persona: '', count, visitors: 0 });
          // Split over the personas (and no persona); entries with two count in both cells.
          for (const persona of ['', ...personas]) {
            const share = Math.round(count * random() * 0.4);
            if (share > 0)
              segmentRows.push({
                ...base,
                scope: 'cell',
                content_persona: persona,
                count: share,
                visitors: 0,
              });
          }
        }
      });
    }
  }
  const entryRows = [];
  const perEntry = Math.min(entries.length * 100, MAX_ENTRY_ROWS);
  for (let i = 0; i < perEntry; i += 1) {
    const entry = entries[i % entries.length];
    entryRows.push({
      day: days[Math.floor(i / entries.length) % DAYS],
      type_name: entry.type,
      document_id: entry.documentId,
      locale: 'en',
      event_type: 'view',
      persona: '',
      stage: '',
      target: '',
      count: Math.max(1, Math.round(seeded / perEntry)),
      visitors: 0,
    });
  }
  await knex.transaction(async (trx) => {
    for (let i = 0; i < segmentRows.length; i += 500)
      await upsert(trx, 'journey_segment_rollups', SEGMENT_KEY, segmentRows.slice(i, i + 500));
    for (let i = 0; i < entryRows.length; i += 500)
      await upsert(trx, 'journey_event_rollups', EVENT_KEY, entryRows.slice(i, i + 500));
  });
  if (strapi.db.dialect.client === 'postgres') {
    await knex.raw('ANALYZE journey_segment_rollups');
    await knex.raw('ANALYZE journey_event_rollups');
  }
  return {
    events: seeded,
    total: already + seeded,
    segmentRows: segmentRows.length,
    entryRows: entryRows.length,
    ms: Date.now() - started,
  };
};

/** RSS of this process (the server) every `intervalMs` until stopped: start, end and maximum (MB). */
const sampleRss = (intervalMs = 100) => {
  const mb = (bytes) => bytes / 1024 / 1024;
  const start = process.memoryUsage().rss;
  let max = start;
  let samples = 0;
  const timer = setInterval(() => {
    max = Math.max(max, process.memoryUsage().rss);
    samples += 1;
  }, intervalMs);
  return () => {
    clearInterval(timer);
    const end = process.memoryUsage().rss;
    return { startMB: mb(start), endMB: mb(end), maxMB: mb(Math.max(max, end)), samples };
  };
};

/**
 * Everything about ingestion at the current size. `load(label, url, connections, headers)` is the
 * bench's measured GET load; `state` carries the seeded rollups from one size to the next.
 */
const measureIngestion = async (app, token, options, load, log, state) => {
  const { strapi, baseUrl } = app;
  const knex = strapi.db.connection;
  const bounded = (seconds) =>
    options.requests ? { amount: options.requests } : { duration: seconds };
  const entries = await publishedEntries(strapi);
  const batches = eventBatches(entries);
  const eventsUrl = `${baseUrl}/api/journey/events`;
  const eventBodies = requestBodies(batches);
  const analytics = strapi.plugin('journey').service('analytics');
  const post = async (url, body) => {
    const response = await fetch(url, { method: 'POST', headers: HEADERS, body });
    const answer = await response.json();
    if (response.status !== (url === eventsUrl ? 202 : 201))
      throw new Error(`${url}: HTTP ${response.status} ${JSON.stringify(answer).slice(0, 300)}`);
    return answer;
  };
  // Every event of the bodies names a published entry: all are accepted.
  for (const body of eventBodies.slice(0, 5)) {
    const answer = await post(eventsUrl, body);
    if (answer.data.accepted !== BATCH)
      throw new Error(
        `events: ${answer.data.accepted} of ${BATCH} accepted: ${JSON.stringify(answer.data.dropped[0])}`
      );
  }

  // (1) Batched ingestion at 32 connections, with the server's RSS sampled throughout.
  await analytics.flush();
  const storedBefore = await storedEvents(strapi);
  const stopRss = sampleRss();
  const batched = await httpLoad({
    url: eventsUrl,
    connections: CONNECTIONS,
    ...bounded(options.ingestDuration ?? options.duration),
    timeout: options.requestTimeout,
    method: 'POST',
    bodies: eventBodies,
    headers: HEADERS,
  });
  const rss = stopRss();
  await analytics.flush();
  const stored = (await storedEvents(strapi)) - storedBefore;
  batched.eventsPerSecond = batched.rps * BATCH;
  log(
    `  events endpoint @${CONNECTIONS} (${BATCH}-event batches): ${batched.rps.toFixed(0)} req/s = ${batched.eventsPerSecond.toFixed(0)} events/s, p50 ${batched.p50.toFixed(1)} ms; stored ${stored} events for ${batched.requests} answered requests; RSS ${rss.startMB.toFixed(0)} -> ${rss.endMB.toFixed(0)} MB (max ${rss.maxMB.toFixed(0)})`
  );

  // (a) What a user builds instead: one event per request into a plain collection type.
  const role = await strapi.db
    .query('plugin::users-permissions.role')
    .findOne({ where: { type: 'public' } });
  const permissions = strapi.db.query('plugin::users-permissions.permission');
  const action = `${PAGE_EVENT_UID}.create`;
  if (!(await permissions.findOne({ where: { action, role: role.id } })))
    await permissions.create({ data: { action, role: role.id } });
  const coreUrl = `${baseUrl}/api/page-events`;
  const coreBodies = batches.flat().map(({ type, documentId, contentType }) =>
    JSON.stringify({
      data: { type, entryDocumentId: documentId, contentType, entryLocale: 'en' },
    })
  );
  for (const body of coreBodies.slice(0, 5)) await post(coreUrl, body);
  const rowsBefore = Number((await knex('page_events').count({ n: '*' }).first()).n);
  const core = await httpLoad({
    url: coreUrl,
    connections: CONNECTIONS,
    ...bounded(options.duration),
    timeout: options.requestTimeout,
    method: 'POST',
    bodies: coreBodies,
    headers: HEADERS,
  });
  core.eventsPerSecond = core.rps;
  core.stored = Number((await knex('page_events').count({ n: '*' }).first()).n) - rowsBefore;
  log(
    `  core REST page-events @${CONNECTIONS} (one event per request): ${core.rps.toFixed(0)} events/s, p50 ${core.p50.toFixed(1)} ms`
  );

  // (b) The floor: the same additive upserts as raw SQL, batch after batch, on the same connection.
  const raw = await rawIngestion(
    strapi,
    batches,
    options.requests ? 1 : Math.min(options.duration, 5)
  );
  log(
    `  raw SQL upserts (${BATCH}-event batches, one transaction each): ${raw.eventsPerSecond.toFixed(0)} events/s`
  );

  // The performance matrix over seeded rollups, against the raw SQL it runs.
  const seeding = await seedRollups(strapi, {
    documents: options.size,
    entries,
    already: state.seededEvents ?? 0,
  });
  state.seededEvents = seeding.total;
  log(
    `  seeded rollups: +${seeding.events.toLocaleString('en')} events (${seeding.total.toLocaleString('en')} in all) as ${seeding.segmentRows} segment and ${seeding.entryRows} entry rows in ${(seeding.ms / 1000).toFixed(1)} s`
  );
  const to = utcDay();
  const from = utcDay(Date.now() - (DAYS - 1) * 86_400_000);
  const auth = { authorization: `Bearer ${token}` };
  const matrixUrl = `${baseUrl}/journey/performance?from=${from}&to=${to}`;
  const matrix = await load('performance matrix (90 days)', matrixUrl, 1, auth);
  const typeNames = strapi
    .plugin('journey')
    .service('tagging')
    .types.map((type) => type.name);
  // The matrix is two statements, run side by side: the events per stage x persona cell (the
  // segment rollups) and the entries per cell (coverage's count). Its floor is both, raw.
  const rawMatrix = await timeLoop(
    () =>
      Promise.all([
        knex('journey_segment_rollups')
          .whereBetween('day', [from, to])
          .whereIn('type_name', typeNames)
          .whereIn('locale', ['en', ''])
          .select('scope', 'content_stage', 'content_persona', 'event_type')
          .sum({ count: 'count' })
          .groupBy('scope', 'content_stage', 'content_persona', 'event_type'),
        rawCoverage(strapi, { types: TYPES }),
      ]),
    { iterations: Math.min(options.loops, 50), warm: 2 }
  );
  log(`  raw matrix SQL: median ${rawMatrix.median.toFixed(2)} ms`);

  // Reads while ingestion runs at half its maximum rate, against idle, back to back.
  const contentUrl = `${baseUrl}/api/journey/content?stage=${options.stage}&persona=${options.persona}&pageSize=25`;
  const coverageUrl = `${baseUrl}/journey/coverage`;
  const idle = {
    content: await load('journey content, idle', contentUrl, 1),
    coverage: await load('coverage, idle', coverageUrl, 1, auth),
  };
  const halfRate = Math.max(1, Math.round(batched.rps / 2));
  const background = httpLoad({
    url: eventsUrl,
    connections: CONNECTIONS,
    duration: 3600,
    timeout: options.requestTimeout,
    method: 'POST',
    bodies: eventBodies,
    headers: HEADERS,
    overallRate: halfRate,
  });
  let underLoad;
  let backgroundResult;
  try {
    await sleep(500);
    underLoad = {
      content: await load(`journey content, ingesting ${halfRate} req/s`, contentUrl, 1),
      coverage: await load(`coverage, ingesting ${halfRate} req/s`, coverageUrl, 1, auth),
    };
  } finally {
    background.stop();
    backgroundResult = await background;
  }
  await analytics.flush();
  log(
    `  background ingestion: ${backgroundResult.rps.toFixed(0)} req/s (${(backgroundResult.rps * BATCH).toFixed(0)} events/s) while reads were measured`
  );

  const ratio = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? a / b : NaN);
  return {
    batchSize: BATCH,
    connections: CONNECTIONS,
    batched,
    stored,
    rss,
    core,
    raw,
    seeding,
    matrix: { http: matrix, raw: rawMatrix, from, to },
    reads: { idle, underLoad, halfRate, background: backgroundResult },
    ratios: {
      batchedVsCoreEvents: ratio(batched.eventsPerSecond, core.eventsPerSecond),
      batchedVsRawEvents: ratio(batched.eventsPerSecond, raw.eventsPerSecond),
      matrixVsRawSql: ratio(matrix.p50, rawMatrix.median),
      contentUnderLoadVsIdle: ratio(underLoad.content.p50, idle.content.p50),
      coverageUnderLoadVsIdle: ratio(underLoad.coverage.p50, idle.coverage.p50),
    },
  };
};

/** Growth allowed between the first and the last window of sustained ingestion: "flat". */
const flatGrowthMB = (baseMB) => Math.max(20, 0.2 * baseMB);

/**
 * Server memory under sustained ingestion (--sustain seconds): the events endpoint at full load
 * for that long, with the server's memory sampled every second and summed up per window (a
 * minute; a third of the run when it is shorter than three minutes). Per window: the highest RSS
 * and the heap's floor, the lowest heap in use, which is what survives garbage collection. A leak
 * raises the floor window after window; the sawtooth between collections does not. Flat: the
 * last window's figures at most max(20 MB, 20%) above the first's. Ends with a flush, and checks
 * that every accepted event is stored.
 */
const measureSustainedIngestion = async (app, seconds, log) => {
  const { strapi, baseUrl } = app;
  const bodies = requestBodies(eventBatches(await publishedEntries(strapi)));
  const analytics = strapi.plugin('journey').service('analytics');
  await analytics.flush();
  const storedBefore = await storedEvents(strapi);
  const windowSeconds = seconds >= 180 ? 60 : Math.max(1, Math.floor(seconds / 3));
  const samples = [];
  const started = Date.now();
  const sample = () => {
    const { rss, heapUsed } = process.memoryUsage();
    samples.push({
      at: (Date.now() - started) / 1000,
      rssMB: rss / 2 ** 20,
      heapMB: heapUsed / 2 ** 20,
    });
  };
  sample();
  const timer = setInterval(sample, 1000);
  let run;
  try {
    run = await httpLoad({
      url: `${baseUrl}/api/journey/events`,
      connections: CONNECTIONS,
      duration: seconds,
      method: 'POST',
      bodies,
      headers: HEADERS,
    });
  } finally {
    clearInterval(timer);
  }
  sample();
  await analytics.flush();
  const stored = (await storedEvents(strapi)) - storedBefore;
  const windows = [];
  for (let from = 0; from < seconds; from += windowSeconds) {
    const inside = samples.filter((s) => s.at >= from && s.at < from + windowSeconds);
    if (inside.length === 0) continue;
    windows.push({
      fromSecond: from,
      toSecond: Math.min(seconds, from + windowSeconds),
      rssMaxMB: Math.max(...inside.map((s) => s.rssMB)),
      heapFloorMB: Math.min(...inside.map((s) => s.heapMB)),
      heapMaxMB: Math.max(...inside.map((s) => s.heapMB)),
    });
  }
  const first = windows[0];
  const last = windows[windows.length - 1];
  const result = {
    seconds,
    windowSeconds,
    connections: CONNECTIONS,
    batchSize: BATCH,
    eventsPerSecond: run.rps * BATCH,
    requests: run.requests,
    errors: run.errors,
    non2xx: run.non2xx,
    timeouts: run.timeouts,
    // Events of answered 202s.
    accepted: (run.requests - run.non2xx) * BATCH,
    stored,
    windows,
    growth: {
      rssMB: last.rssMaxMB - first.rssMaxMB,
      heapFloorMB: last.heapFloorMB - first.heapFloorMB,
    },
  };
  // Every answered event is stored; requests still in flight when the load stopped were counted
  // by the server but never answered: at most one batch per connection more.
  result.storedAll = stored >= result.accepted && stored <= result.accepted + CONNECTIONS * BATCH;
  result.flat =
    result.growth.rssMB <= flatGrowthMB(first.rssMaxMB) &&
    result.growth.heapFloorMB <= flatGrowthMB(first.heapFloorMB);
  log(
    `  sustained ingestion, ${seconds} s @${CONNECTIONS}: ${result.eventsPerSecond.toFixed(0)} events/s; stored ${stored} of ${result.accepted} accepted; per ${windowSeconds} s, RSS max ${windows.map((w) => w.rssMaxMB.toFixed(0)).join(' / ')} MB, heap floor ${windows.map((w) => w.heapFloorMB.toFixed(0)).join(' / ')} MB: ${result.flat ? 'flat' : 'NOT flat'}`
  );
  return result;
};

module.exports = {
  measureIngestion,
  measureSustainedIngestion,
  flatGrowthMB,
  seedRollups,
  publishedEntries,
  BATCH,
};

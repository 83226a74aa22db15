'use strict';
/** REPORT.md and the latency-vs-size SVG, from the object runBench() returns. */
const fs = require('fs');
const path = require('path');
const { judgedSize } = require('./bench');
const { WRITE_OVERHEAD_ROUNDS } = require('./write-overhead');

/** One line per load run (by connection count) that had errors, non-2xx answers or timeouts. */
const httpProblems = (name, runsByConnections, size) =>
  Object.entries(runsByConnections)
    .filter(([, r]) => r.errors || r.non2xx || r.timeouts)
    .map(
      ([c, r]) =>
        `${name} ${c} at ${size}: ${r.errors} errors, ${r.non2xx} non-2xx, ${r.timeouts} timeouts`
    );

const n = (x, digits = 1) => (Number.isFinite(x) ? x.toFixed(digits) : 'n/a');
const int = (x) => (Number.isFinite(x) ? Math.round(x).toLocaleString('en') : 'n/a');
const metCell = (met) => (met === true ? 'met' : met === false ? '**not met**' : 'n/a');
const escapeXml = (s) =>
  String(s).replace(
    /[<>&"]/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]
  );

/** Series plotted against data size: [label, colour, value(sizeReport)]. */
const SERIES = [
  ['merged content (journey) p50 @1', '#d62728', (s) => s.content.journey.c1.p50],
  ['journey, counting every request p50 @1', '#9467bd', (s) => s.content.journeyCounting?.c1.p50],
  [
    'journey, a new filter each request p50 @1',
    '#ff7f0e',
    (s) => s.content.journeyNewFilter?.c1.p50,
  ],
  ['core REST articles p50 @1', '#1f77b4', (s) => s.content.core.c1.p50],
  ['raw content SQL (page + count)', '#ff9896', (s) => s.rawContent.countAndPage.median],
  ['coverage (HTTP) p50 @1', '#2ca02c', (s) => s.coverage.http.c1.p50],
  ['raw coverage SQL median', '#98df8a', (s) => s.coverage.raw.median],
];

/** A plain line chart: x = documents (log scale when the sizes span a decade or more), y = ms. */
const latencySvg = (report) => {
  const width = 760;
  const height = 440;
  const margin = { left: 70, right: 250, top: 40, bottom: 60 };
  const plotW = width - margin.left - margin.right;
  const plotH = height - margin.top - margin.bottom;
  const sizes = report.sizes.map((s) => s.size);
  const minX = Math.min(...sizes);
  const maxX = Math.max(...sizes);
  const logX = maxX / minX >= 10;
  const xOf = (size) => {
    if (maxX === minX) return margin.left + plotW / 2;
    const t = logX
      ? (Math.log10(size) - Math.log10(minX)) / (Math.log10(maxX) - Math.log10(minX))
      : (size - minX) / (maxX - minX);
    return margin.left + t * plotW;
  };
  const values = report.sizes
    .flatMap((s) => SERIES.map(([, , get]) => get(s)))
    .filter(Number.isFinite);
  const rawMax = Math.max(1, ...values);
  const magnitude = 10 ** Math.floor(Math.log10(rawMax));
  const step =
    [1, 2, 2.5, 5, 10].map((m) => (m * magnitude) / 2).find((s) => rawMax / s <= 6) ?? magnitude;
  const maxY = Math.ceil(rawMax / step) * step;
  const yOf = (ms) => margin.top + plotH - (ms / maxY) * plotH;

  const parts = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`
  );
  parts.push(`<rect width="${width}" height="${height}" fill="#fff"/>`);
  parts.push(
    `<text x="${margin.left}" y="22" font-size="15" font-weight="bold">Latency vs data size (${escapeXml(report.versions.database.engine)} ${escapeXml(report.versions.database.version)})</text>`
  );
  for (let y = 0; y <= maxY + 1e-9; y += step) {
    const py = yOf(y);
    parts.push(
      `<line x1="${margin.left}" x2="${margin.left + plotW}" y1="${py}" y2="${py}" stroke="#e5e5e5"/>`
    );
    parts.push(
      `<text x="${margin.left - 8}" y="${py + 4}" text-anchor="end">${y % 1 ? y.toFixed(1) : y}</text>`
    );
  }
  for (const size of sizes) {
    const px = xOf(size);
    parts.push(
      `<line x1="${px}" x2="${px}" y1="${margin.top}" y2="${margin.top + plotH}" stroke="#f0f0f0"/>`
    );
    parts.push(
      `<text x="${px}" y="${margin.top + plotH + 18}" text-anchor="middle">${size >= 1e6 ? `${size / 1e6}M` : size >= 1e3 ? `${size / 1e3}k` : size}</text>`
    );
  }
  parts.push(
    `<line x1="${margin.left}" x2="${margin.left}" y1="${margin.top}" y2="${margin.top + plotH}" stroke="#333"/>`
  );
  parts.push(
    `<line x1="${margin.left}" x2="${margin.left + plotW}" y1="${margin.top + plotH}" y2="${margin.top + plotH}" stroke="#333"/>`
  );
  parts.push(
    `<text x="${margin.left + plotW / 2}" y="${height - 15}" text-anchor="middle">documents seeded${logX ? ' (log scale)' : ''}</text>`
  );
  parts.push(
    `<text transform="translate(18 ${margin.top + plotH / 2}) rotate(-90)" text-anchor="middle">milliseconds (median)</text>`
  );
  SERIES.forEach(([label, colour, get], i) => {
    const points = report.sizes
      .map((s) => [xOf(s.size), get(s)])
      .filter(([, v]) => Number.isFinite(v))
      .map(([x, v]) => [x, yOf(v)]);
    if (points.length > 1)
      parts.push(
        `<polyline fill="none" stroke="${colour}" stroke-width="2" points="${points.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join(' ')}"/>`
      );
    for (const [x, y] of points)
      parts.push(`<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="3.5" fill="${colour}"/>`);
    const ly = margin.top + 10 + i * 22;
    const lx = margin.left + plotW + 20;
    parts.push(
      `<line x1="${lx}" x2="${lx + 22}" y1="${ly}" y2="${ly}" stroke="${colour}" stroke-width="3"/>`
    );
    parts.push(`<text x="${lx + 28}" y="${ly + 4}">${escapeXml(label)}</text>`);
  });
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
};

const commandLine = (report) =>
  `npm run bench -- ${report.engine === 'postgres' ? '--db postgres ' : ''}--sizes ${report.options.sizes.join(',')} --duration ${report.options.duration}${report.options.ingestDuration && report.options.ingestDuration !== report.options.duration ? ` --ingest-duration ${report.options.ingestDuration}` : ''}${report.options.writes ? ' --writes' : ''}${report.options.sustain ? ` --sustain ${report.options.sustain}` : ''}${report.options.overheadRounds && report.options.overheadRounds !== WRITE_OVERHEAD_ROUNDS ? ` --overhead-rounds ${report.options.overheadRounds}` : ''}`;

/** Journey performance ingestion (bench/lib/ingestion.js): one column per size, as the figures. */
const ingestionSection = (report, push) => {
  const sizes = report.sizes.filter((s) => s.ingestion);
  const first = sizes[0].ingestion;
  const seconds = report.options.ingestDuration ?? report.options.duration;
  push('## Ingestion', '');
  push(
    `POST /api/journey/events at ${first.connections} connections with ${first.batchSize}-event batches (every event names a published entry, a normal browser User-Agent, rate limit off: \`analytics.rateLimit: false\`), ${seconds} s of sustained load with the server's RSS sampled every 100 ms. Against (a) what a user builds instead: a plain collection type (\`api::page-event.page-event\`, added to the bench's copy of the app) written through Strapi's core REST, one event per request, Public allowed to create; (b) the floor: each batch summed into rollup rows as the plugin's buffer does and written as the same additive upserts (\`INSERT ... ON CONFLICT DO UPDATE count = count + excluded.count\`, one transaction a batch) on Strapi's knex connection, no HTTP. The plugin can beat the floor: its buffer sums many requests into one flush. The performance matrix (\`GET /journey/performance\`, 90 days, admin token) reads rollups seeded with SQL (${EVENTS_PER_DOCUMENT_TEXT}); its raw SQL is the two statements it runs side by side: the \`SUM(count) ... GROUP BY scope, stage, persona, event type\` over journey_segment_rollups and coverage's counts per stage x persona (the entries per cell). Content (\`/api/journey/content\`) and coverage medians at 1 connection idle, then while ingestion runs at half the rate measured above.`,
    ''
  );
  const header = ['figure', ...sizes.map((s) => `${int(s.size)} docs`)];
  push(`| ${header.join(' | ')} |`, `| --- | ${sizes.map(() => '---:').join(' | ')} |`);
  const row = (label, get, format = (x) => n(x)) =>
    push(`| ${label} | ${sizes.map((s) => format(get(s.ingestion))).join(' | ')} |`);
  const ratioCell = (x) => `${n(x, 1)}x`;
  row('events endpoint, 32 conn: events/s', (i) => i.batched.eventsPerSecond, int);
  row('events endpoint, 32 conn: req/s', (i) => i.batched.rps);
  row('events endpoint, 32 conn: p50 ms', (i) => i.batched.p50);
  row('events endpoint, 32 conn: p95 ms', (i) => i.batched.p95);
  row('events stored after the flush', (i) => i.stored, int);
  row(
    'core REST page-events (one event a request), 32 conn: events/s',
    (i) => i.core.eventsPerSecond
  );
  row('core REST page-events, 32 conn: p50 ms', (i) => i.core.p50);
  row('raw SQL upserts of the same batches: events/s', (i) => i.raw.eventsPerSecond, int);
  row(
    '**ratio** events endpoint / core REST, events/s',
    (i) => i.ratios.batchedVsCoreEvents,
    ratioCell
  );
  row(
    '**ratio** events endpoint / raw SQL upserts, events/s',
    (i) => i.ratios.batchedVsRawEvents,
    (x) => `${n(x, 2)}x`
  );
  row(
    'server RSS during ingestion: start MB',
    (i) => i.rss.startMB,
    (x) => n(x, 0)
  );
  row(
    'server RSS during ingestion: end MB',
    (i) => i.rss.endMB,
    (x) => n(x, 0)
  );
  row(
    'server RSS during ingestion: max MB',
    (i) => i.rss.maxMB,
    (x) => n(x, 0)
  );
  row('rollups seeded for the matrix: events in all', (i) => i.seeding.total, int);
  row('performance matrix (HTTP), 1 conn: p50 ms', (i) => i.matrix.http.p50);
  row('performance matrix (HTTP), 1 conn: p95 ms', (i) => i.matrix.http.p95);
  row(
    'raw matrix SQL: median ms',
    (i) => i.matrix.raw.median,
    (x) => n(x, 2)
  );
  row(
    '**ratio** matrix p50 / raw matrix SQL',
    (i) => i.ratios.matrixVsRawSql,
    (x) => `${n(x, 2)}x`
  );
  row('journey content, 1 conn, idle: p50 ms', (i) => i.reads.idle.content.p50);
  row('journey content, 1 conn, while ingesting: p50 ms', (i) => i.reads.underLoad.content.p50);
  row('coverage, 1 conn, idle: p50 ms', (i) => i.reads.idle.coverage.p50);
  row('coverage, 1 conn, while ingesting: p50 ms', (i) => i.reads.underLoad.coverage.p50);
  row(
    'ingestion meanwhile (half the maximum): events/s',
    (i) => i.reads.background.rps * i.batchSize,
    int
  );
  row(
    '**ratio** content p50 while ingesting / idle',
    (i) => i.ratios.contentUnderLoadVsIdle,
    (x) => `${n(x, 2)}x`
  );
  row(
    '**ratio** coverage p50 while ingesting / idle',
    (i) => i.ratios.coverageUnderLoadVsIdle,
    (x) => `${n(x, 2)}x`
  );
  const errors = sizes.flatMap((s) =>
    [
      ['events endpoint', s.ingestion.batched],
      ['core REST page-events', s.ingestion.core],
      ['performance matrix', s.ingestion.matrix.http],
      ['background ingestion', s.ingestion.reads.background],
    ]
      .filter(([, r]) => r.errors || r.non2xx || r.timeouts)
      .map(
        ([name, r]) =>
          `${name} at ${s.size}: ${r.errors} errors, ${r.non2xx} non-2xx, ${r.timeouts} timeouts`
      )
  );
  push(
    '',
    errors.length
      ? `HTTP errors: ${errors.join('; ')}.`
      : 'No HTTP errors, non-2xx answers or timeouts in the ingestion runs.',
    ''
  );
};
/** Server memory under sustained ingestion (--sustain; bench/lib/ingestion.js), one row per window. */
const sustainedSection = (sustained, push) => {
  push('## Sustained ingestion', '');
  push(
    `POST /api/journey/events at ${sustained.connections} connections with ${sustained.batchSize}-event batches for ${sustained.seconds} s at ${int(sustained.size)} documents, after every other measurement, with the server's memory sampled every second. Per ${sustained.windowSeconds} s window: the highest RSS, and the heap's floor (the lowest heap in use, what survives garbage collection; a leak raises it window after window). Flat: the last window at most max(20 MB, 20%) above the first.`,
    ''
  );
  push('| seconds | RSS max MB | heap floor MB | heap max MB |', '| --- | ---: | ---: | ---: |');
  for (const w of sustained.windows)
    push(
      `| ${w.fromSecond}-${w.toSecond} | ${n(w.rssMaxMB, 0)} | ${n(w.heapFloorMB, 0)} | ${n(w.heapMaxMB, 0)} |`
    );
  push(
    '',
    `${int(sustained.eventsPerSecond)} events/s sustained; ${int(sustained.stored)} events stored for ${int(sustained.accepted)} accepted in answered requests (${int(sustained.requests)} of them; the difference is what was in flight when the load stopped, at most a batch a connection: ${sustained.storedAll ? 'within it' : '**outside it**'}; ${sustained.errors} errors, ${sustained.non2xx} non-2xx, ${sustained.timeouts} timeouts). Growth first -> last window: RSS ${n(sustained.growth.rssMB, 0)} MB, heap floor ${n(sustained.growth.heapFloorMB, 0)} MB: ${sustained.flat ? 'flat' : '**not flat**'}.`,
    ''
  );
};

/** Form submissions (bench/lib/forms.js): one column per size. */
const formsSection = (report, push) => {
  const sizes = report.sizes.filter((s) => s.forms);
  const first = sizes[0].forms;
  const seconds = report.options.duration;
  push('## Forms', '');
  push(
    `POST /api/journey/forms/:documentId/submissions at ${first.connections} connections to one published form of ${first.fields} fields (email, text with lengths, tel, number with a range, select, textarea, required checkbox), 200 different valid value sets, a normal browser User-Agent, rate limits off (\`forms: { rateLimit: false, formRateLimit: false }\`), ${seconds} s. Against what a user builds instead: Strapi's core REST create of the same \`{ data }\` into a plain collection type (\`api::lead.lead\`, added to the bench's copy of the app, its attributes checking the same rules), Public allowed to create. Each submission also loads the form, checks its values against the field definitions, counts a conversion and records the delivery state.`,
    ''
  );
  const header = ['figure', ...sizes.map((s) => `${int(s.size)} docs`)];
  push(`| ${header.join(' | ')} |`, `| --- | ${sizes.map(() => '---:').join(' | ')} |`);
  const row = (label, get, format = (x) => n(x)) =>
    push(`| ${label} | ${sizes.map((s) => format(get(s.forms))).join(' | ')} |`);
  row('form submissions, 32 conn: req/s', (f) => f.journey.rps);
  row('form submissions, 32 conn: p50 ms', (f) => f.journey.p50);
  row('form submissions, 32 conn: p95 ms', (f) => f.journey.p95);
  row('form submissions stored', (f) => f.journey.stored, int);
  row('core REST leads, 32 conn: req/s', (f) => f.core.rps);
  row('core REST leads, 32 conn: p50 ms', (f) => f.core.p50);
  row('core REST leads, 32 conn: p95 ms', (f) => f.core.p95);
  row(
    '**ratio** form submissions / core REST, req/s',
    (f) => f.ratios.submissionsVsCore,
    (x) => `${n(x, 2)}x`
  );
  const errors = sizes.flatMap((s) =>
    [
      ['form submissions', s.forms.journey],
      ['core REST leads', s.forms.core],
    ]
      .filter(([, r]) => r.errors || r.non2xx || r.timeouts)
      .map(
        ([name, r]) =>
          `${name} at ${s.size}: ${r.errors} errors, ${r.non2xx} non-2xx, ${r.timeouts} timeouts`
      )
  );
  push(
    '',
    errors.length
      ? `HTTP errors: ${errors.join('; ')}.`
      : 'No HTTP errors, non-2xx answers or timeouts in the forms runs.',
    ''
  );
};
/** Reads under writes and the drift check (bench/lib/writes.js, `--writes`): one column per size. */
const writesSection = (report, push) => {
  const sizes = report.sizes.filter((s) => s.writes);
  const { target } = sizes[0].writes;
  // Results saved before the unrelated-only phase existed have only the phase with both writers.
  const unrelatedOnly = sizes.some((s) => s.writes.unrelatedOnly);
  const maxRatio = sizes.find((s) => s.writes.unrelatedOnly)?.writes.target.unrelatedOnlyMaxRatio;
  const taggedWriter = `up to ${target.taggedPerSecond} Document Service writes a second to tagged blog posts, ${sizes[0].writes.tagged.workers ?? 1} posts at a time (each post created as a draft with a stage and personas, published, its stage and personas changed, published again, then deleted, unpublished or left published, in turn)`;
  const unrelatedWriter = `inserts ${target.unrelatedPerSecond} rows a second into a table nothing journey reads`;
  push('## Reads under writes', '');
  push(
    `\`--writes\`: after the other measurements of a size, the journey content list and coverage (the same URLs, admin token, connection counts and duration as above) again while writers run in the server's process. ${
      unrelatedOnly
        ? `First one writer alone, which ${unrelatedWriter} (what analytics flushes, sign-ups and uploads look like to the database): issue #15 sets content and coverage medians there at most ${maxRatio}x their idle figures, and its p50 ratios are marked against that. Then a second writer joins it, making ${taggedWriter}. Every tagged write changes what coverage and the content totals count, so the written type (blog posts) is counted again after it: that phase shows what editing costs the reads, and no target applies to it.`
        : `One makes ${taggedWriter}, the other ${unrelatedWriter}.`
    } The tagged writer does not make up for a late write (the unrelated one does), so the achieved rates are reported. Ratios are against the idle figures of the same run. Then the drift check: the coverage matrix as served, with its cache on and with it bypassed (\`cacheTotals: false\`), and the content list's total, against raw SQL recounts of the source tables; every cell, stage total and untagged count must be equal. The writer's posts are deleted afterwards and the data checked against the seed again.`,
    ''
  );
  const header = ['figure', ...sizes.map((s) => `${int(s.size)} docs`)];
  push(`| ${header.join(' | ')} |`, `| --- | ${sizes.map(() => '---:').join(' | ')} |`);
  const row = (label, get, format = (x) => n(x)) =>
    push(`| ${label} | ${sizes.map((s) => format(get(s.writes))).join(' | ')} |`);
  const ratioCell = (x) => `${n(x, 2)}x`;
  /**
   * The p50, p95 and their ratios to idle of one phase, `phaseOf(writes)`, at each connection
   * count; with `maxP50Ratio`, each p50 ratio is marked met or not met against it.
   */
  const phaseRows = (phaseOf, when, maxP50Ratio) => {
    const p50RatioCell = (x) =>
      maxP50Ratio === undefined
        ? ratioCell(x)
        : `${ratioCell(x)} (${metCell(Number.isFinite(x) ? x <= maxP50Ratio : null)})`;
    for (const c of report.options.connections)
      for (const [what, label] of [
        ['content', 'journey content'],
        ['coverage', 'coverage'],
      ]) {
        const key = (p) => `${what}${p}C${c}VsIdle`;
        row(`${label} ${when}, ${c} conn: p50 ms`, (w) => phaseOf(w)?.[what][`c${c}`]?.p50);
        row(`${label} ${when}, ${c} conn: p95 ms`, (w) => phaseOf(w)?.[what][`c${c}`]?.p95);
        row(
          `**ratio** ${label} p50 ${when} / idle, ${c} conn${maxP50Ratio === undefined ? '' : ` (target <= ${maxP50Ratio}x)`}`,
          (w) => phaseOf(w)?.ratios[key('P50')],
          p50RatioCell
        );
        row(
          `**ratio** ${label} p95 ${when} / idle, ${c} conn`,
          (w) => phaseOf(w)?.ratios[key('P95')],
          ratioCell
        );
      }
  };
  if (unrelatedOnly) {
    phaseRows((w) => w.unrelatedOnly, 'under unrelated writes only', maxRatio);
    row(
      'unrelated-table writes, writer alone: per second',
      (w) => w.unrelatedOnly?.unrelated.perSecond
    );
  }
  phaseRows((w) => w, unrelatedOnly ? 'under tagged and unrelated writes' : 'under writes');
  row('tagged-post writes (Document Service): per second', (w) => w.tagged.perSecond);
  row(
    'tagged-post writes: create / publish / update / unpublish / delete',
    (w) =>
      ['create', 'publish', 'update', 'unpublish', 'delete']
        .map((k) => w.tagged.counts[k])
        .join(' / '),
    (x) => x
  );
  row('tagged-post writes that failed', (w) => w.tagged.failures.length, int);
  row(
    unrelatedOnly
      ? 'unrelated-table writes, beside the tagged writer: per second'
      : 'unrelated-table writes: per second',
    (w) => w.unrelated.perSecond
  );
  row('counts compared with the raw SQL recount', (w) => w.drift.compared, int);
  row(
    '**drift**: counts differing from the raw SQL recount',
    (w) => (w.drift.cells.length ? `**${w.drift.cells.length}**` : '0'),
    (x) => x
  );
  const drifted = sizes.flatMap((s) => s.writes.drift.cells.map((cell) => `${cell} at ${s.size}`));
  const failed = sizes.flatMap((s) => s.writes.tagged.failures.map((f) => `${f} at ${s.size}`));
  const errors = sizes.flatMap((s) =>
    ['content', 'coverage'].flatMap((what) => [
      ...httpProblems(
        `${what}, unrelated writes only`,
        s.writes.unrelatedOnly?.[what] ?? {},
        s.size
      ),
      ...httpProblems(what, s.writes[what], s.size),
    ])
  );
  push(
    '',
    drifted.length ? `**Drift**: ${drifted.join('; ')}.` : 'Drift: 0 cells.',
    '',
    failed.length ? `Failed writes: ${failed.join('; ')}.` : 'No write failed.',
    '',
    errors.length
      ? `HTTP errors: ${errors.join('; ')}.`
      : 'No HTTP errors, non-2xx answers or timeouts in the reads under writes.',
    ''
  );
  // Results saved before the write overhead was measured have none.
  if (sizes.some((s) => s.writes.overhead)) writeOverheadSection(sizes, push);
};
/** The write overhead of the count tracking (bench/lib/write-overhead.js), one row per operation and size. */
const writeOverheadSection = (sizes, push) => {
  const measured = sizes.filter((s) => s.writes.overhead);
  const { target, roundsPerArm, block } = measured[0].writes.overhead;
  push('### Write overhead of the counting', '');
  push(
    `Issue #15 sets a tagged write with the counting on at most ${target}x the same write with the counting switched off. The counting is the plugin's change triggers (on SQLite three a table that add 1 to the table's row in journey_table_changes, on PostgreSQL one statement-level trigger a table that appends a row there) and the carrying of kept counts through each write (the written document's share counted before and after it, in its transaction). "Switched on" means the triggers in place and the blog posts' coverage counts kept before each block, so every write carries them; "switched off" means those triggers dropped from the blog post table, its persona link table and the persona table, and \`cacheTotals: false\` (nothing kept, nothing carried). The plugin's other document middlewares (stage validation, its write lock) run in both arms. After the reads under writes, ${roundsPerArm} rounds an arm in the bench's process through the Document Service, each a blog post created as a draft with a stage and one or two personas, its stage and personas updated, then published, each write timed. The arms run interleaved in blocks of ${block} rounds, swapping which goes first, after one unrecorded block of each. The triggers are then put back as the plugin installed them (checked), and the posts deleted.`,
    ''
  );
  push(
    '| operation | documents | p50 with counting, ms | p50 counting switched off, ms | ratio | target met |',
    '| --- | ---: | ---: | ---: | ---: | --- |'
  );
  for (const what of ['create', 'update', 'publish', 'round'])
    for (const s of measured) {
      const o = s.writes.overhead;
      const ratio = o.ratios[what];
      push(
        `| ${what === 'round' ? 'round (all three)' : what} | ${int(s.size)} | ${n(o.tracked[what].p50, 2)} | ${n(o.untracked[what].p50, 2)} | ${n(ratio, 2)}x | ${metCell(Number.isFinite(ratio) ? ratio <= target : null)} |`
      );
    }
  push('');
};
const EVENTS_PER_DOCUMENT_TEXT = '10 events a document over 90 days, at most 10 million';

const markdown = (report, { svgName }) => {
  const lines = [];
  const push = (...l) => lines.push(...l);
  const db = report.versions.database;
  const last = report.sizes[report.sizes.length - 1];
  const o = report.options;
  push(`# strapi-plugin-journey benchmark: ${db.engine} ${db.version}`, '');
  push(`Generated by \`${commandLine(report)}\` on ${report.finishedAt}.`, '');
  push('## Machine and versions', '');
  push('| | |', '| --- | --- |');
  push(`| CPU | ${report.machine.cpu}, ${report.machine.cores} cores |`);
  push(`| memory | ${report.machine.memoryGB} GB |`);
  push(`| OS | ${report.machine.os} |`);
  push(`| Node | ${report.versions.node} |`);
  push(`| Strapi | ${report.versions.strapi} |`);
  push(`| database | ${db.engine} ${db.version} |`);
  push(
    `| load generator | autocannon ${report.versions.autocannon}, in a child process on the same machine (it competes with the server for the ${report.machine.cores} cores) |`
  );
  push('');
  push('## Data', '');
  push(
    `Seeded through Strapi's database layer (\`strapi.db.query(uid).createMany\` plus the persona link tables), into one database, size after size. ` +
      'Five tagged types (blog-post 35%, cta 20%, article 20%, landing-page 15%, form 10%); every document in English, 30% also in Danish; ' +
      '70% published (draft row + published row per locale); 8 personas; stages skewed 34/28/20/12/6%; per document 0 (8%), 1 (67%) or 2 (25%) personas, ' +
      'drawn from a stage-specific skew with empty cells (e.g. nothing for consulting-client in awareness); every article row links to one of 12 authors (what `populate=*` loads; Public may read authors, as in the demo). On PostgreSQL `VACUUM ANALYZE` runs after each seeding step, as autovacuum would after a bulk load; SQLite gets no `ANALYZE`, as under Strapi.',
    ''
  );
  push(
    '| documents | entry rows | link rows | published English documents | seeding time (this step) | documents/s |',
    '| ---: | ---: | ---: | ---: | ---: | ---: |'
  );
  report.seeding.forEach((seed, i) => {
    const s = report.sizes[i];
    push(
      `| ${int(seed.size)} | ${int(seed.rows)} | ${int(seed.links)} | ${int(s?.rows.publishedEn)} | ${n(seed.seconds)} s (+${int(seed.added)}) | ${int(seed.added / seed.seconds)} |`
    );
  });
  const totalSeconds = report.seeding.reduce((sum, seed) => sum + seed.seconds, 0);
  push('', `Seeding up to ${int(last.size)} documents took ${n(totalSeconds)} s in total.`, '');
  push(
    `Queried cell: \`stage=${o.stage}\`, \`persona=${o.persona}\` (the largest stage x persona cell: ${report.sizes.map((s) => `${int(s.matchingDocuments)} matching documents at ${int(s.size)}`).join(', ')}). ` +
      `Every run first checks the coverage API and the content total against the counts the seeder kept: ${
        report.sizes.every((s) => s.verification.ok)
          ? 'all matched'
          : `**MISMATCH**: ${report.sizes
              .flatMap((s) => s.verification.mismatches)
              .slice(0, 5)
              .join('; ')}`
      }.`,
    ''
  );

  push('## Targets', '');
  const judged = judgedSize(report);
  push(
    `Judged at ${int(judged.size)} documents, the size the targets are set for (memory: across the sizes; every size is in the figures below).`,
    ''
  );
  push('| target | measured | status | note |', '| --- | --- | --- | --- |');
  for (const t of report.targets)
    push(`| ${t.target} | ${t.measured} | ${t.status ?? metCell(t.met)} | ${t.note} |`);
  push('');

  push('## Figures', '');
  push(
    `HTTP: autocannon, ${o.duration} s per run, after a warm-up; latency percentiles are exact (every response time). ` +
      `Raw SQL: the same statements on Strapi's knex connection, timed in a loop (up to ${o.loops} iterations), no HTTP, no JSON, no hydration. ` +
      'HTTP adds parsing, routing, permissions, hydration, sanitizing and JSON serialization that raw SQL does not have; an HTTP/SQL ratio below 1 means the endpoint ran less SQL than the raw query (a reused total).',
    ''
  );
  push(
    'Journey content three ways: "journey content" asks the same URL every time (its total kept per filter, the steady state of a page reloaded); ' +
      '"a new filter each request" (cacheTotals on) asks a different stage and persona list each time, each stage (one, as core REST\'s query has) with every set of one, two or three personas in a fixed shuffled order, the loads going on where the one before stopped, so the per-filter totals cannot answer and each total is summed from the types\' kept groups (published entries per stage x persona set, counted before the load); ' +
      '"counting every request" (cacheTotals: false) counts all matches each time, as the first request after a write to the type does.',
    ''
  );
  const header = ['figure', ...report.sizes.map((s) => `${int(s.size)} docs`)];
  push(`| ${header.join(' | ')} |`, `| --- | ${report.sizes.map(() => '---:').join(' | ')} |`);
  const row = (label, get, format = (x) => n(x)) =>
    push(`| ${label} | ${report.sizes.map((s) => format(get(s))).join(' | ')} |`);
  for (const c of o.connections) {
    row(`journey content, ${c} conn: p50 ms`, (s) => s.content.journey[`c${c}`].p50);
    row(`journey content, ${c} conn: p95 ms`, (s) => s.content.journey[`c${c}`].p95);
    row(`journey content, ${c} conn: req/s`, (s) => s.content.journey[`c${c}`].rps);
    row(
      `journey content, a new filter each request, ${c} conn: p50 ms`,
      (s) => s.content.journeyNewFilter?.[`c${c}`]?.p50
    );
    row(
      `journey content, a new filter each request, ${c} conn: p95 ms`,
      (s) => s.content.journeyNewFilter?.[`c${c}`]?.p95
    );
    row(
      `journey content, a new filter each request, ${c} conn: req/s`,
      (s) => s.content.journeyNewFilter?.[`c${c}`]?.rps
    );
    row(
      `journey content, a new filter each request, ${c} conn: requests (distinct filters)`,
      (s) =>
        s.content.newFilters
          ? `${int(s.content.journeyNewFilter[`c${c}`].requests)} (${int(s.content.newFilters.distinct)})`
          : 'n/a',
      (x) => x
    );
    row(
      `journey content, counting every request, ${c} conn: p50 ms`,
      (s) => s.content.journeyCounting?.[`c${c}`]?.p50
    );
    row(
      `journey content, counting every request, ${c} conn: p95 ms`,
      (s) => s.content.journeyCounting?.[`c${c}`]?.p95
    );
    row(
      `journey content, counting every request, ${c} conn: req/s`,
      (s) => s.content.journeyCounting?.[`c${c}`]?.rps
    );
    row(`core REST articles, ${c} conn: p50 ms`, (s) => s.content.core[`c${c}`].p50);
    row(`core REST articles, ${c} conn: p95 ms`, (s) => s.content.core[`c${c}`].p95);
    row(`core REST articles, ${c} conn: req/s`, (s) => s.content.core[`c${c}`].rps);
    for (const [label, key] of [
      ['journey content, populate=*', 'journeyPopulate'],
      ['core REST articles, populate=*', 'corePopulate'],
    ]) {
      row(`${label}, ${c} conn: p50 ms`, (s) => s.content[key]?.[`c${c}`]?.p50);
      row(`${label}, ${c} conn: p95 ms`, (s) => s.content[key]?.[`c${c}`]?.p95);
      row(`${label}, ${c} conn: req/s`, (s) => s.content[key]?.[`c${c}`]?.rps);
    }
    row(`GraphQL journeyContent, ${c} conn: p50 ms`, (s) => s.content.graphql?.[`c${c}`]?.p50);
    row(`GraphQL journeyContent, ${c} conn: p95 ms`, (s) => s.content.graphql?.[`c${c}`]?.p95);
    row(`GraphQL journeyContent, ${c} conn: req/s`, (s) => s.content.graphql?.[`c${c}`]?.rps);
    row(`core GraphQL articles, ${c} conn: p50 ms`, (s) => s.content.coreGraphql?.[`c${c}`]?.p50);
    row(`core GraphQL articles, ${c} conn: req/s`, (s) => s.content.coreGraphql?.[`c${c}`]?.rps);
  }
  for (const c of o.connections) {
    row(
      `blog post by slug (/api/journey/blog-posts), ${c} conn: p50 ms`,
      (s) => s.singleEntry?.journey[`c${c}`]?.p50
    );
    row(
      `article by title (core REST /api/articles), ${c} conn: p50 ms`,
      (s) => s.singleEntry?.core[`c${c}`]?.p50
    );
  }
  row(
    'raw content SQL (page + count, as the plugin runs them for a fresh total): median ms',
    (s) => s.rawContent.countAndPage.median,
    (x) => n(x, 2)
  );
  row(
    'raw content SQL (page only, as the plugin runs it with a cached total): median ms',
    (s) => s.rawContent.pageOnly.median,
    (x) => n(x, 2)
  );
  for (const c of o.connections) {
    row(`coverage (HTTP), ${c} conn: p50 ms`, (s) => s.coverage.http[`c${c}`].p50);
    row(`coverage (HTTP), ${c} conn: p95 ms`, (s) => s.coverage.http[`c${c}`].p95);
    row(`coverage (HTTP), ${c} conn: req/s`, (s) => s.coverage.http[`c${c}`].rps);
    row(
      `coverage counting every request (cacheTotals: false), ${c} conn: p50 ms`,
      (s) => s.coverage.counting?.[`c${c}`]?.p50 ?? NaN
    );
    row(
      `coverage counting every request, ${c} conn: req/s`,
      (s) => s.coverage.counting?.[`c${c}`]?.rps ?? NaN
    );
  }
  row(
    'raw coverage SQL: median ms',
    (s) => s.coverage.raw.median,
    (x) => n(x, 2)
  );
  row(
    'naive coverage (200 Document Service counts): median ms',
    (s) => s.coverage.naive.median,
    (x) => n(x, 0)
  );
  row(
    '**ratio** journey / core REST, p50 @1',
    (s) => s.ratios.contentVsCoreMedianC1,
    (x) => `${n(x, 2)}x`
  );
  row(
    `**ratio** journey / core REST, p50 @${Math.max(...o.connections)}`,
    (s) => s.ratios.contentVsCoreMedianCmax,
    (x) => `${n(x, 2)}x`
  );
  row(
    '**ratio** journey / core REST, p95 @1',
    (s) => s.ratios.contentVsCoreP95C1,
    (x) => `${n(x, 2)}x`
  );
  row(
    '**ratio** journey / core REST, req/s @1',
    (s) => s.ratios.contentVsCoreThroughputC1,
    (x) => `${n(x, 2)}x`
  );
  row(
    `**ratio** journey / core REST, req/s @${Math.max(...o.connections)}`,
    (s) => s.ratios.contentVsCoreThroughputCmax,
    (x) => `${n(x, 2)}x`
  );
  row(
    '**ratio** journey counting every request / core REST, p50 @1',
    (s) => s.ratios.countingVsCoreMedianC1,
    (x) => `${n(x, 2)}x`
  );
  row(
    `**ratio** journey counting every request / core REST, p50 @${Math.max(...o.connections)}`,
    (s) => s.ratios.countingVsCoreMedianCmax,
    (x) => `${n(x, 2)}x`
  );
  row(
    `**ratio** journey counting every request / core REST, req/s @${Math.max(...o.connections)}`,
    (s) => s.ratios.countingVsCoreThroughputCmax,
    (x) => `${n(x, 2)}x`
  );
  row(
    '**ratio** journey, a new filter each request / core REST, p50 @1',
    (s) => s.ratios.newFilterVsCoreMedianC1,
    (x) => `${n(x, 2)}x`
  );
  row(
    `**ratio** journey, a new filter each request / core REST, p50 @${Math.max(...o.connections)}`,
    (s) => s.ratios.newFilterVsCoreMedianCmax,
    (x) => `${n(x, 2)}x`
  );
  row(
    '**ratio** journey p50 / raw content SQL (page + count)',
    (s) => s.ratios.contentVsRawSql,
    (x) => `${n(x, 1)}x`
  );
  row(
    '**ratio** journey p50 / raw content SQL (page only)',
    (s) => s.ratios.contentVsRawPageSql ?? s.ratios.contentVsRawSql,
    (x) => `${n(x, 1)}x`
  );
  row(
    '**ratio** journey counting every request p50 / raw content SQL (page + count)',
    (s) => s.ratios.countingVsRawSql,
    (x) => `${n(x, 1)}x`
  );
  row(
    '**ratio** core REST p50 / raw content SQL (page + count, for scale)',
    (s) => s.ratios.coreVsRawSql,
    (x) => `${n(x, 1)}x`
  );
  row(
    '**ratio** coverage p50 / raw coverage SQL',
    (s) => s.ratios.coverageVsRawSql,
    (x) => `${n(x, 2)}x`
  );
  row(
    '**ratio** coverage counting every request p50 / raw coverage SQL',
    (s) => s.ratios.coverageCountingVsRawSql ?? NaN,
    (x) => `${n(x, 2)}x`
  );
  row(
    "**ratio** Strapi's GraphQL articles / its core REST twin p50, 1 conn (reference)",
    (s) => s.ratios.coreGraphqlVsCoreMedianC1 ?? NaN,
    (x) => `${n(x, 2)}x`
  );
  row(
    '**ratio** content p50 with an unrelated table written 20/s / idle',
    (s) => s.ratios.contentUnrelatedWritesVsIdle ?? NaN,
    (x) => `${n(x, 2)}x`
  );
  row(
    '**ratio** coverage p50 with an unrelated table written 20/s / idle',
    (s) => s.ratios.coverageUnrelatedWritesVsIdle ?? NaN,
    (x) => `${n(x, 2)}x`
  );
  row(
    '**ratio** journey content / core REST p50, both populate=*, 1 conn',
    (s) => s.ratios.populateVsCoreMedianC1,
    (x) => `${n(x, 2)}x`
  );
  row(
    '**ratio** naive / coverage p50 (times slower)',
    (s) => s.ratios.naiveVsCoverage,
    (x) => `${n(x, 1)}x`
  );
  row(
    'SQL statements per journey content request',
    (s) => s.queries.journeyContent,
    (x) => n(x, 0)
  );
  row(
    'SQL statements per core REST request',
    (s) => s.queries.coreRest,
    (x) => n(x, 0)
  );
  row(
    'SQL statements per journey content request with populate=*',
    (s) => s.queries.journeyPopulate,
    (x) => n(x, 0)
  );
  row(
    'SQL statements per core REST request with populate=*',
    (s) => s.queries.corePopulate,
    (x) => n(x, 0)
  );
  row(
    'SQL statements per coverage request',
    (s) => s.queries.coverage,
    (x) => n(x, 0)
  );
  row(
    'memory before coverage burst: RSS / heap MB',
    (s) => `${n(s.memory.rssBeforeMB, 0)} / ${n(s.memory.heapBeforeMB, 0)}`,
    (x) => x
  );
  row(
    `memory peak during coverage burst (@${Math.max(...o.connections)}): RSS / heap MB`,
    (s) => `${n(s.memory.rssPeakMB, 0)} / ${n(s.memory.heapPeakMB, 0)}`,
    (x) => x
  );
  const errors = report.sizes.flatMap((s) =>
    [
      ['journey', s.content.journey],
      ['journey counting', s.content.journeyCounting ?? {}],
      ['journey new filter', s.content.journeyNewFilter ?? {}],
      ['core', s.content.core],
      ['journey populate', s.content.journeyPopulate ?? {}],
      ['core populate', s.content.corePopulate ?? {}],
      ['core graphql', s.content.coreGraphql ?? {}],
      ['graphql', s.content.graphql ?? {}],
      ['coverage', s.coverage.http],
      ['coverage counting', s.coverage.counting ?? {}],
    ].flatMap(([name, byC]) => httpProblems(name, byC, s.size))
  );
  push(
    '',
    errors.length
      ? `HTTP errors: ${errors.join('; ')}.`
      : 'No HTTP errors, non-2xx answers or timeouts in any run.',
    ''
  );
  if (report.sizes.some((s) => s.ingestion)) ingestionSection(report, push);
  if (report.sustained) sustainedSection(report.sustained, push);
  if (report.sizes.some((s) => s.forms)) formsSection(report, push);
  if (report.sizes.some((s) => s.writes)) writesSection(report, push);
  push(`![latency against data size](${svgName})`, '');
  push(`[${svgName}](${svgName}): medians against data size.`, '');
  if (report.analysis) push('## Analysis', '', report.analysis.trim(), '');
  push('## Reproduce', '', '```bash', commandLine(report), '```', '');
  return `${lines.join('\n')}\n`;
};

/** Writes REPORT(.md), the SVG and the raw JSON next to each other; returns their paths. */
const writeReport = (report, { dir, reportName, svgName, jsonName }) => {
  fs.mkdirSync(dir, { recursive: true });
  const files = {
    report: path.join(dir, reportName),
    svg: path.join(dir, svgName),
    json: path.join(dir, jsonName),
  };
  fs.writeFileSync(files.svg, latencySvg(report));
  fs.writeFileSync(files.report, markdown(report, { svgName }));
  fs.writeFileSync(files.json, `${JSON.stringify(report, null, 2)}\n`);
  return files;
};

module.exports = { latencySvg, markdown, writeReport };

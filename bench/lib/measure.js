'use strict';
/** Measurement primitives: HTTP load in a child process, tight timing loops, memory, query counts. */
const path = require('path');
const { fork } = require('child_process');

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
};

/**
 * autocannon against `url` for `duration` seconds (or `amount` requests) with `connections`
 * connections, from a child process. POST loads pass `method` and `bodies` (sent in turn); GET
 * loads may pass `paths` (path and query string on `url`'s origin, requested in turn); `overallRate` caps the requests per second. The returned promise has `stop()`, which ends the
 * load early (a background load) and resolves with what it measured.
 */
const httpLoad = (load) => {
  let child;
  const done = new Promise((resolve, reject) => {
    child = fork(path.join(__dirname, 'load-worker.js'), [], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let settled = false;
    child.once('message', (message) => {
      settled = true;
      child.kill();
      if (message.error) reject(new Error(`autocannon: ${message.error}`));
      else resolve(message.result);
    });
    child.once('error', (error) => {
      if (!settled) reject(error);
    });
    child.once('exit', (code) => {
      if (!settled) reject(new Error(`load worker exited with ${code}`));
    });
    child.send({ headers: {}, ...load });
  });
  /** Ends the load now (a background load); the promise resolves with what it measured. */
  done.stop = () => child.connected && child.send({ stop: true });
  return done;
};

/**
 * GET, once more on a reset connection. Seeding and the raw SQL timings run in this process and
 * block its event loop for seconds to minutes at 1M documents, so a keep-alive socket's idle timer
 * fires late, and the next request can go out on a socket that is being closed (ECONNRESET; the
 * 1M runs died on it after seeding and after the raw matrix SQL). A GET is safe to send again.
 */
const getOnLiveSocket = async (url, headers = {}) => {
  try {
    return await fetch(url, { headers });
  } catch (error) {
    const code = error.cause?.code;
    if (code !== 'ECONNRESET' && code !== 'UND_ERR_SOCKET') throw error;
    return fetch(url, { headers });
  }
};

/** GET and parse JSON (getOnLiveSocket). */
const getJson = async (url, headers = {}) => (await getOnLiveSocket(url, headers)).json();

/** A few sequential requests first, so JIT, caches and the connection pool are warm. */
const warmUp = async (url, headers = {}, count = 10) => {
  for (let i = 0; i < count; i += 1) {
    const response = await getOnLiveSocket(url, headers);
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`warm-up ${url}: HTTP ${response.status}`);
  }
};

/** Times `fn` `iterations` times (after `warm` untimed calls); milliseconds. */
const timeLoop = async (fn, { iterations = 200, warm = 5 } = {}) => {
  for (let i = 0; i < warm; i += 1) await fn();
  const times = [];
  for (let i = 0; i < iterations; i += 1) {
    const start = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return { median: median(times), p95: percentile(times, 95), iterations };
};

/** Samples this process's memory every `intervalMs` until stopped; returns before/peak figures (MB). */
const sampleMemory = (intervalMs = 20) => {
  const mb = (bytes) => bytes / 1024 / 1024;
  const before = process.memoryUsage();
  let peakRss = before.rss;
  let peakHeap = before.heapUsed;
  let samples = 0;
  const timer = setInterval(() => {
    const now = process.memoryUsage();
    peakRss = Math.max(peakRss, now.rss);
    peakHeap = Math.max(peakHeap, now.heapUsed);
    samples += 1;
  }, intervalMs);
  return () => {
    clearInterval(timer);
    return {
      rssBeforeMB: mb(before.rss),
      heapBeforeMB: mb(before.heapUsed),
      rssPeakMB: mb(peakRss),
      heapPeakMB: mb(peakHeap),
      rssGrowthMB: mb(peakRss - before.rss),
      heapGrowthMB: mb(peakHeap - before.heapUsed),
      samples,
    };
  };
};

/** How many SQL statements one request makes (knex 'query' events on Strapi's connection). */
const countQueries = async (strapi, url, headers = {}, repeat = 3) => {
  const knex = strapi.db.connection;
  let count = 0;
  const listener = () => {
    count += 1;
  };
  knex.on('query', listener);
  try {
    for (let i = 0; i < repeat; i += 1) {
      const response = await fetch(url, { headers });
      await response.arrayBuffer();
    }
  } finally {
    knex.off('query', listener);
  }
  return count / repeat;
};

/**
 * A profile of one request (the median of `repeat` runs by wall time): each SQL statement with its
 * time (knex 'query' -> 'query-response'), the SQL total and the whole request's time.
 */
const profileRequest = async (strapi, url, headers = {}, repeat = 5) => {
  const knex = strapi.db.connection;
  const runs = [];
  for (let i = 0; i < repeat; i += 1) {
    const started = new Map();
    const statements = [];
    const onQuery = (q) =>
      started.set(q.__knexQueryUid, { sql: q.sql, t: process.hrtime.bigint() });
    const onResponse = (_r, q) => {
      const s = started.get(q.__knexQueryUid);
      if (s)
        statements.push({
          sql: s.sql.replace(/\s+/g, ' '),
          ms: Number(process.hrtime.bigint() - s.t) / 1e6,
        });
    };
    knex.on('query', onQuery);
    knex.on('query-response', onResponse);
    const t0 = process.hrtime.bigint();
    try {
      const response = await fetch(url, { headers });
      await response.arrayBuffer();
    } finally {
      knex.off('query', onQuery);
      knex.off('query-response', onResponse);
    }
    const requestMs = Number(process.hrtime.bigint() - t0) / 1e6;
    runs.push({
      requestMs,
      statements,
      count: started.size,
      sqlMs: statements.reduce((a, b) => a + b.ms, 0),
    });
  }
  runs.sort((a, b) => a.requestMs - b.requestMs);
  return runs[Math.floor(runs.length / 2)];
};

module.exports = {
  getJson,
  median,
  percentile,
  httpLoad,
  warmUp,
  timeLoop,
  sampleMemory,
  countQueries,
  profileRequest,
};

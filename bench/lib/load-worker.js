'use strict';
/**
 * Runs one autocannon load in its own process (so the HTTP client does not share the server's
 * event loop) and sends the result to the parent: exact p50/p95/p99 from every response time.
 */
const autocannon = require('autocannon');

const percentile = (sorted, p) => {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index];
};

let instance;
process.on('message', async (message) => {
  // A background load (ingestion while reads are measured) is stopped by its parent.
  if (message.stop) {
    instance?.stop();
    return;
  }
  const {
    url,
    connections,
    duration,
    amount,
    timeout,
    headers,
    method,
    bodies,
    paths,
    overallRate,
  } = message;
  const times = [];
  const started = process.hrtime.bigint();
  // `amount` (a request count) replaces `duration` when given: the smoke run in npm test is bounded
  // by count, so a slow machine answers the same requests later rather than fewer of them.
  const bound = amount ? { amount } : { duration };
  // POST loads: `bodies` are sent in turn (each connection takes the next one).
  let next = 0;
  const posting = method
    ? {
        method,
        requests: [
          { setupRequest: (request) => ({ ...request, body: bodies[next++ % bodies.length] }) },
        ],
      }
    : {};
  // GET loads with `paths` (path and query string, on `url`'s origin): each request takes the
  // next one, so a load can ask a different question every time instead of repeating `url`.
  const varying = paths?.length
    ? {
        requests: [
          { setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length] }) },
        ],
      }
    : {};
  const options = {
    url,
    connections,
    ...bound,
    ...posting,
    ...varying,
    ...(overallRate ? { overallRate } : {}),
    headers,
    timeout: timeout ?? 30,
  };
  instance = autocannon(options, (error, result) => {
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (error) {
      process.send({ error: error.message });
      return;
    }
    times.sort((a, b) => a - b);
    process.send({
      result: {
        connections,
        durationSeconds: seconds,
        requests: result.requests.total,
        rps: result.requests.total / result.duration,
        p50: percentile(times, 50),
        p95: percentile(times, 95),
        p99: percentile(times, 99),
        max: times[times.length - 1] ?? NaN,
        mean: times.length ? times.reduce((a, b) => a + b, 0) / times.length : NaN,
        samples: times.length,
        errors: result.errors,
        timeouts: result.timeouts,
        non2xx: result.non2xx,
        // How far through `paths` the load went: autocannon also builds a request per connection
        // up front, so this can exceed `requests`; the next load starts after it.
        ...(paths?.length ? { pathsTaken: next } : {}),
      },
    });
  });
  instance.on('response', (_client, _status, _bytes, responseTime) => times.push(responseTime));
});

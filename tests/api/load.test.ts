import type { AddressInfo } from 'net';
import autocannon from 'autocannon';
import { seedDemoContent } from '../../playground/src/seed';
import { adminToken } from '../helpers/admin';
import { bootStrapi, type TestApp } from '../helpers/strapi';

/**
 * A bounded load run on loopback: 32 connections sending LOAD_REQUESTS requests against the content
 * endpoint and then coverage, with writes going on. It asserts zero errors and that every request
 * was answered, and prints latency; speed itself is measured by the benchmark (npm run bench), not
 * asserted here. The run is bounded by a count, not a duration, and a request may take as long as a
 * busy machine needs (the timeout only catches a server that stopped answering): how fast a loaded
 * CI machine is must not decide the result. The client shares the server's process, so the figures
 * are conservative.
 */
const LOAD_REQUESTS = Number(process.env.JOURNEY_LOAD_REQUESTS ?? 640);
const CONNECTIONS = 32;
/** Seconds before autocannon counts a request as timed out: a hang, not slowness. */
const HANG_SECONDS = 300;
/** Jest's limit for one run: well past what a busy machine needs, so only a hang reaches it. */
const RUN_TIMEOUT_MS = 2 * HANG_SECONDS * 1000;

let app: TestApp;
let baseUrl: string;
let token: string;

beforeAll(async () => {
  app = await bootStrapi();
  await seedDemoContent(app.strapi);
  token = await adminToken(app.strapi);
  // Node closes keep-alive sockets idle for 5 s and waits 60 s for headers: on a starved machine
  // (p99 past 45 s seen with browser tests beside it) that drops requests already on their way.
  // The run is bounded by count; only a hang may fail it.
  const { httpServer } = app.strapi.server;
  httpServer.keepAliveTimeout = HANG_SECONDS * 1000;
  httpServer.headersTimeout = HANG_SECONDS * 1000 + 1000;
  httpServer.requestTimeout = HANG_SECONDS * 1000 + 2000;
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(app.strapi.server.httpServer.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => app?.strapi.server.httpServer.close(resolve));
  await app?.stop();
});

/** Creates and re-stages blog posts until stopped, so reads race real writes. */
const startWriter = () => {
  let running = true;
  let writes = 0;
  const errors: string[] = [];
  const posts = () => app.strapi.documents('plugin::journey.blog-post' as never) as any;
  const done = (async () => {
    const stages = ['awareness', 'consideration', 'decision', 'retention', 'advocacy'];
    while (running) {
      try {
        const post = await posts().create({
          data: { title: `Load ${writes}`, journeyStage: stages[writes % 5] },
        });
        await posts().publish({ documentId: post.documentId });
        await posts().update({
          documentId: post.documentId,
          data: { journeyStage: stages[(writes + 2) % 5] },
        });
        writes += 3;
      } catch (error) {
        errors.push((error as Error).message);
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await done;
      return { writes, errors };
    },
  };
};

const load = (requests: autocannon.Request[], headers: Record<string, string> = {}) =>
  autocannon({
    url: baseUrl,
    connections: CONNECTIONS,
    amount: LOAD_REQUESTS,
    timeout: HANG_SECONDS,
    headers,
    requests,
  });

const summary = (name: string, result: autocannon.Result, writes: number) =>
  `${name}: ${result.requests.total} requests in ${result.duration.toFixed(1)} s (${Math.round(result.requests.average)} req/s), ` +
  `latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms; ` +
  `${result.errors} errors, ${result.non2xx} non-2xx, ${result.timeouts} timeouts; ${writes} writes meanwhile`;

/** Prints the figures, then requires zero failed requests and zero failed writes. */
const expectCleanRun = (
  name: string,
  result: autocannon.Result,
  writer: { writes: number; errors: string[] }
) => {
  console.log(summary(name, result, writer.writes));
  expect({
    errors: result.errors,
    non2xx: result.non2xx,
    timeouts: result.timeouts,
    writeErrors: writer.errors,
  }).toEqual({
    errors: 0,
    non2xx: 0,
    timeouts: 0,
    writeErrors: [],
  });
  // Every request sent was answered with a 2xx (non2xx and errors are 0 above).
  expect(result['2xx']).toBe(LOAD_REQUESTS);
};

describe(`bounded load: ${CONNECTIONS} connections, ${LOAD_REQUESTS} requests each run, with writes`, () => {
  it(
    'serves the content endpoint with zero errors',
    async () => {
      const writer = startWriter();
      const result = await load([
        {
          method: 'GET',
          path: '/api/journey/content?stage=awareness&persona=restaurant-owner&pageSize=25',
        },
        { method: 'GET', path: '/api/journey/content?pageSize=10&page=2' },
        { method: 'GET', path: '/api/journey/content?type=blog-post,cta&sort=title:asc' },
        { method: 'GET', path: '/api/journey/content/next?stage=awareness' },
      ]);
      expectCleanRun('content', result, await writer.stop());
    },
    RUN_TIMEOUT_MS
  );

  it(
    'serves coverage with zero errors',
    async () => {
      const writer = startWriter();
      const result = await load(
        [
          { method: 'GET', path: '/journey/coverage' },
          { method: 'GET', path: '/journey/coverage?status=all&fresh=true' },
        ],
        { authorization: `Bearer ${token}` }
      );
      expectCleanRun('coverage', result, await writer.stop());
    },
    RUN_TIMEOUT_MS
  );
});

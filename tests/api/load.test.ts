import type { AddressInfo } from 'net';
import autocannon from 'autocannon';
import { seedDemoContent } from '../../playground/src/seed';
import { adminToken } from '../helpers/admin';
import { bootStrapi, type TestApp } from '../helpers/strapi';

/**
 * A bounded load run on loopback: 32 connections for LOAD_SECONDS against the content endpoint and
 * then coverage, with writes going on. It asserts zero errors and prints latency; speed itself is
 * measured by the benchmark (npm run bench), not asserted here. The client shares the server's
 * process, so the figures are conservative.
 */
const LOAD_SECONDS = Number(process.env.JOURNEY_LOAD_SECONDS ?? 10);
const CONNECTIONS = 32;

let app: TestApp;
let baseUrl: string;
let token: string;

beforeAll(async () => {
  app = await bootStrapi();
  await seedDemoContent(app.strapi);
  token = await adminToken(app.strapi);
  await new Promise<void>((resolve) => app.strapi.server.httpServer.listen(0, '127.0.0.1', resolve));
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
        const post = await posts().create({ data: { title: `Load ${writes}`, journeyStage: stages[writes % 5] } });
        await posts().publish({ documentId: post.documentId });
        await posts().update({ documentId: post.documentId, data: { journeyStage: stages[(writes + 2) % 5] } });
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
  autocannon({ url: baseUrl, connections: CONNECTIONS, duration: LOAD_SECONDS, headers, requests });

const summary = (name: string, result: autocannon.Result, writes: number) =>
  `${name}: ${result.requests.total} requests in ${LOAD_SECONDS}s (${Math.round(result.requests.average)} req/s), ` +
  `latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms; ` +
  `${result.errors} errors, ${result.non2xx} non-2xx, ${result.timeouts} timeouts; ${writes} writes meanwhile`;

/** Prints the figures, then requires zero failed requests and zero failed writes. */
const expectCleanRun = (name: string, result: autocannon.Result, writer: { writes: number; errors: string[] }) => {
  console.log(summary(name, result, writer.writes));
  expect({ errors: result.errors, non2xx: result.non2xx, timeouts: result.timeouts, writeErrors: writer.errors }).toEqual({
    errors: 0,
    non2xx: 0,
    timeouts: 0,
    writeErrors: [],
  });
  expect(result.requests.total).toBeGreaterThan(CONNECTIONS);
};

describe(`bounded load: ${CONNECTIONS} connections for ${LOAD_SECONDS}s each, with writes`, () => {
  it('serves the content endpoint with zero errors', async () => {
    const writer = startWriter();
    const result = await load([
      { method: 'GET', path: '/api/journey/content?stage=awareness&persona=restaurant-owner&pageSize=25' },
      { method: 'GET', path: '/api/journey/content?pageSize=10&page=2' },
      { method: 'GET', path: '/api/journey/content?type=blog-post,cta&sort=title:asc' },
      { method: 'GET', path: '/api/journey/content/next?stage=awareness' },
    ]);
    expectCleanRun('content', result, await writer.stop());
  });

  it('serves coverage with zero errors', async () => {
    const writer = startWriter();
    const result = await load(
      [{ method: 'GET', path: '/journey/coverage' }, { method: 'GET', path: '/journey/coverage?status=all&fresh=true' }],
      { authorization: `Bearer ${token}` }
    );
    expectCleanRun('coverage', result, await writer.stop());
  });
});

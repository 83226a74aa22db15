import type { ChildProcess } from 'child_process';
import { createEntry, createPersona } from '../helpers/fixtures';
import { bootStrapi, listenOnFreePort, spawnStrapiProcess, type TestApp } from '../helpers/strapi';

/**
 * Many clients posting events at once while the flush timer runs (every 50 ms, and whenever 500
 * events wait), so flushes interleave with ingestion; then two Strapi instances on one database
 * posting and flushing into the same rollup rows at once. After the final flush the rollups hold
 * exactly what was answered as accepted, per entry and event type, and per segment.
 *
 * The second instance runs on both engines: on PostgreSQL that is the multi-instance deployment;
 * on SQLite two processes share the file and a flush that meets the other's write lock waits
 * (better-sqlite3's busy timeout) or is retried at the next flush with its events kept.
 */
const CLIENTS = 20;
const REQUESTS_PER_CLIENT = 25;
const EVENTS_PER_REQUEST = 50;
const BLOG = 'plugin::journey.blog-post';
const BROWSER =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const CONFIG = { analytics: { rateLimit: false, flushIntervalMs: 50, flushMaxEvents: 500 } };

const prng = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

let app: TestApp;
let baseUrl: string;
/** Published posts and how many personas each has (cell rows count an event once per persona). */
const posts: Array<{ documentId: string; personas: number }> = [];
let draftOnly: string;

beforeAll(async () => {
  app = await bootStrapi({ pluginConfig: CONFIG });
  const { strapi } = app;
  const owner = await createPersona(strapi, { name: 'Owner' });
  const buyer = await createPersona(strapi, { name: 'Buyer' });
  const sets = [[], [owner.documentId], [owner.documentId, buyer.documentId], [buyer.documentId]];
  for (let i = 0; i < 8; i += 1) {
    const personas = sets[i % sets.length];
    posts.push({
      documentId: await createEntry(strapi, {
        uid: BLOG,
        data: { title: `Post ${i}` },
        stage: ['awareness', 'consideration', 'decision'][i % 3],
        personas,
        publishedAt: new Date(Date.UTC(2026, 0, 1 + i)).toISOString(),
      }),
      personas: personas.length,
    });
  }
  draftOnly = await createEntry(strapi, { uid: BLOG, data: { title: 'Draft' }, stage: 'decision' });
  baseUrl = await listenOnFreePort(app);
}, 120_000);

afterAll(async () => {
  await app?.stop();
});

const analytics = () => app.strapi.plugin('journey').service('analytics');

/** What the rollups hold: per entry and event type, and the stage and cell scope totals. */
const recount = async () => {
  const knex = app.strapi.db.connection;
  const rows = (await knex('journey_event_rollups')
    .select('document_id', 'event_type')
    .sum({ total: 'count' })
    .groupBy('document_id', 'event_type')) as Array<{
    document_id: string;
    event_type: string;
    total: unknown;
  }>;
  const byEntry: Record<string, number> = {};
  for (const row of rows) byEntry[`${row.document_id} ${row.event_type}`] = Number(row.total);
  const scopes = (await knex('journey_segment_rollups')
    .select('scope')
    .sum({ total: 'count' })
    .groupBy('scope')) as Array<{ scope: string; total: unknown }>;
  const scope = (name: string) => Number(scopes.find((row) => row.scope === name)?.total ?? 0);
  return { byEntry, stage: scope('stage'), cell: scope('cell') };
};

/** What the answers say was counted, in the same shape as `recount`. */
class Expected {
  byEntry: Record<string, number> = {};
  stage = 0;
  cell = 0;
  add(events: Array<{ type: string; documentId: string }>, dropped: Array<{ index: number }>) {
    const skip = new Set(dropped.map((drop) => drop.index));
    events.forEach((event, index) => {
      if (skip.has(index)) return;
      const key = `${event.documentId} ${event.type}`;
      this.byEntry[key] = (this.byEntry[key] ?? 0) + 1;
      this.stage += 1;
      this.cell += Math.max(
        1,
        posts.find((post) => post.documentId === event.documentId)?.personas ?? 0
      );
    });
  }
}

/** `clients` concurrent clients, each posting `requests` batches in turn to one of `urls`. */
const flood = async (urls: string[], seed: number, expected: Expected) => {
  const random = prng(seed);
  const failures: string[] = [];
  let accepted = 0;
  let dropped = 0;
  const batch = () =>
    Array.from({ length: EVENTS_PER_REQUEST }, () => ({
      type: ['view', 'view', 'view', 'click', 'conversion'][Math.floor(random() * 5)],
      // One in ten names a draft-only entry: answered as dropped, never stored.
      documentId:
        random() < 0.1 ? draftOnly : posts[Math.floor(random() * posts.length)].documentId,
      contentType: 'blog-post',
    }));
  const client = async (index: number) => {
    const url = `${urls[index % urls.length]}/api/journey/events`;
    for (let i = 0; i < REQUESTS_PER_CLIENT; i += 1) {
      const events = batch();
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': BROWSER },
        body: JSON.stringify({ events }),
      });
      const body = await response.json();
      if (response.status !== 202) {
        failures.push(`${response.status} ${JSON.stringify(body).slice(0, 300)}`);
        continue;
      }
      expected.add(events, body.data.dropped);
      accepted += body.data.accepted;
      dropped += body.data.dropped.length;
    }
  };
  await Promise.all(Array.from({ length: CLIENTS }, (_, index) => client(index)));
  return { failures, accepted, dropped };
};

describe('concurrent event ingestion', () => {
  it(`${CLIENTS} clients x ${REQUESTS_PER_CLIENT} requests x ${EVENTS_PER_REQUEST} events while flushes run: the rollups hold exactly what was accepted`, async () => {
    await analytics().flush();
    const before = await recount();
    expect(before).toEqual({ byEntry: {}, stage: 0, cell: 0 });
    const expected = new Expected();

    // Sample the stored total while the clients post: flushes must land during the run.
    let posting = true;
    const samples: number[] = [];
    const sampler = (async () => {
      while (posting) {
        samples.push((await recount()).stage);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    })();
    const result = await flood([baseUrl], 1, expected);
    posting = false;
    await sampler;

    expect(result.failures).toEqual([]);
    const total = CLIENTS * REQUESTS_PER_CLIENT * EVENTS_PER_REQUEST;
    expect(result.accepted + result.dropped).toBe(total);
    expect(result.dropped).toBeGreaterThan(0);
    expect(samples.some((stored) => stored > 0 && stored < result.accepted)).toBe(true);

    await analytics().flush();
    expect(analytics().pending().events).toBe(0);
    const after = await recount();
    expect(after.stage).toBe(result.accepted);
    expect(after).toEqual({
      byEntry: expected.byEntry,
      stage: expected.stage,
      cell: expected.cell,
    });
  }, 300_000);

  it('two Strapi instances on one database, posting and flushing at once, add up exactly', async () => {
    const start = await recount();
    let second: ChildProcess | undefined;
    try {
      second = spawnStrapiProcess('events-instance-process.js', app);
      let stderr = '';
      second.stderr!.on('data', (chunk) => (stderr += chunk));
      let out = '';
      const secondUrl = await new Promise<string>((resolve, reject) => {
        second!.stdout!.on('data', (chunk) => {
          out += chunk;
          const match = /listening (\S+)\n/.exec(out);
          if (match) resolve(match[1]);
        });
        second!.once('exit', (code) =>
          reject(new Error(`second instance exited ${code}: ${stderr}`))
        );
      });

      const expected = new Expected();
      const result = await flood([baseUrl, secondUrl], 2, expected);
      expect(result.failures).toEqual([]);

      // The second instance flushes what it holds on a clean stop (Strapi's SIGTERM handler).
      const stopped = new Promise<number | null>((resolve) => second!.once('close', resolve));
      second.kill('SIGTERM');
      expect({ code: await stopped, stderr }).toEqual({ code: 0, stderr: '' });
      second = undefined;
      await analytics().flush();

      const after = await recount();
      const grown = Object.fromEntries(
        Object.entries(after.byEntry)
          .map(([key, value]) => [key, value - (start.byEntry[key] ?? 0)])
          .filter(([, value]) => value !== 0)
      );
      expect(after.stage - start.stage).toBe(result.accepted);
      expect({
        byEntry: grown,
        stage: after.stage - start.stage,
        cell: after.cell - start.cell,
      }).toEqual({
        byEntry: expected.byEntry,
        stage: expected.stage,
        cell: expected.cell,
      });
    } finally {
      second?.kill('SIGKILL');
    }
  }, 300_000);
});

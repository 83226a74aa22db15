import request from 'supertest';
import { adminToken } from '../helpers/admin';
import { createPersona } from '../helpers/fixtures';
import { coverageAsCounts, recountCoverage } from '../helpers/recount';
import { bootStrapi, type TestApp } from '../helpers/strapi';

/** Hundreds of concurrent writes of tagged entries while coverage is read, bounded in count. */
const OPERATIONS = 300;
const PARALLEL = 24;
const STAGES = ['awareness', 'consideration', 'decision', 'retention', 'advocacy'];
const BLOG = 'plugin::journey.blog-post';

let app: TestApp;
let token: string;
beforeAll(async () => {
  app = await bootStrapi();
  token = await adminToken(app.strapi);
});
afterAll(async () => {
  await app?.stop();
});

const coverage = async (status: string) => {
  const response = await request(app.strapi.server.httpServer)
    .get(`/journey/coverage?type=blog-post&status=${status}`)
    .set('Authorization', `Bearer ${token}`);
  if (response.status !== 200)
    throw new Error(`coverage ${response.status}: ${JSON.stringify(response.body)}`);
  return response.body.data;
};

describe('concurrent writes while coverage is read', () => {
  it('loses and duplicates nothing, and coverage equals a recount', async () => {
    const personas: string[] = [];
    for (const name of ['Owner', 'Buyer', 'Founder'])
      personas.push((await createPersona(app.strapi, { name })).documentId);
    const posts = () => app.strapi.documents(BLOG as never) as any;

    const alive = new Set<string>();
    // Workers update, publish and delete the same documents at once. The plugin's write lock
    // (server/src/documents/write-lock.ts) takes a per-document lock before Strapi reads anything,
    // so an update after a delete finds nothing and returns null (a 404 over REST), and never
    // re-creates it. Without the lock, on PostgreSQL (ten connections per process), an update that
    // read the draft before a delete committed failed with a 500: its link rows pointed at the
    // deleted row ("current transaction is aborted") or Strapi read the vanished row ("Cannot read
    // properties of null (reading 'id')"). SQLite's single connection serialises one process's
    // transactions anyway; concurrency-processes.test.ts races separate processes.
    const failures: string[] = [];
    /** Deletes that found rows to delete, per document: a second one deleted it twice. */
    const deletions = new Map<string, number>();
    let reads = 0;
    let writing = true;

    // Readers: keep asking for coverage the whole time; every answer must be a 200.
    const reader = (async () => {
      while (writing) {
        await coverage(reads % 2 ? 'published' : 'all');
        reads += 1;
      }
    })();

    // Writers: a deterministic mix of creates (some published), stage/persona updates, deletes.
    let next = 0;
    const worker = async () => {
      while (next < OPERATIONS) {
        const i = next++;
        try {
          // Reads interleaved with the writes (on SQLite the pool has one connection, so a
          // separate reader loop would just queue behind the writers).
          if (i % 10 === 0) {
            await coverage(i % 20 ? 'published' : 'all');
            reads += 1;
          }
          const known = [...alive];
          const rotated = (offset: number) => [
            ...known.slice(offset % (known.length || 1)),
            ...known.slice(0, offset % (known.length || 1)),
          ];
          // Few distinct targets (the three oldest live documents), so writes to one overlap.
          const target =
            (i % 5 === 3 && known.length > 4) || (i % 5 === 2 && known.length > 0)
              ? rotated(i % 3)[0]
              : undefined;
          if (i % 5 === 3 && target) {
            alive.delete(target);
            const deleted = await posts().delete({ documentId: target });
            if (deleted.entries.length > 0) deletions.set(target, (deletions.get(target) ?? 0) + 1);
          } else if (i % 5 === 2 && target) {
            const updated = await posts().update({
              documentId: target,
              data: {
                journeyStage: STAGES[(i * 3) % STAGES.length],
                personas: [personas[i % personas.length]],
              },
            });
            // Null only when a delete came first (a re-created document shows in the final rows).
            if (updated === null && alive.has(target))
              failures.push(`op ${i}: update of live ${target} found nothing`);
            if (i % 2 === 0) await posts().publish({ documentId: target });
          } else {
            const created = await posts().create({
              data: {
                title: `Concurrent ${i}`,
                journeyStage: STAGES[i % STAGES.length],
                personas: personas.slice(0, i % 4),
              },
            });
            alive.add(created.documentId);
            if (i % 3 !== 0) await posts().publish({ documentId: created.documentId });
          }
        } catch (error) {
          failures.push(`op ${i}: ${(error as Error).message}`);
        }
      }
    };
    await Promise.all(Array.from({ length: PARALLEL }, worker));
    writing = false;
    await reader;

    expect(failures).toEqual([]);
    expect([...deletions].filter(([, times]) => times > 1)).toEqual([]);
    expect(deletions.size).toBeGreaterThan(0);
    expect(reads).toBeGreaterThanOrEqual(OPERATIONS / 10);

    // Nothing lost or duplicated: exactly one draft row per surviving document, none for deleted ones.
    const rows = (await app.strapi.db
      .query(BLOG as never)
      .findMany({ select: ['documentId'], where: { publishedAt: null } })) as Array<{
      documentId: string;
    }>;
    expect(rows.map((row) => row.documentId).sort()).toEqual([...alive].sort());

    for (const status of ['published', 'draft'] as const) {
      const expected = await recountCoverage(app.strapi, BLOG, status);
      // The API's "draft" is never-published documents; the Document Service's draft is every
      // document's latest version, which is the API's "all".
      const actual = coverageAsCounts(await coverage(status === 'draft' ? 'all' : 'published'));
      expect({ status, ...actual }).toEqual({
        status,
        stageTotals: expected.stageTotals,
        cells: expected.cells,
      });
    }
    console.log(
      `concurrency: ${OPERATIONS} writes by ${PARALLEL} workers, ${reads} coverage reads, ${alive.size} documents left`
    );
  });
});

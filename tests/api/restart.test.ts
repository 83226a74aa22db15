import type { ChildProcessByStdio } from 'child_process';
import type { Readable } from 'stream';
import request from 'supertest';
import { adminToken } from '../helpers/admin';
import { createTestDatabase, TEST_ENGINE } from '../helpers/database';
import { coverageAsCounts, recountCoverage } from '../helpers/recount';
import { bootStrapi, spawnStrapiProcess } from '../helpers/strapi';

const BLOG = 'plugin::journey.blog-post';
const WRITES_BEFORE_KILL = 25;

describe('SIGKILL mid-write, then restart', () => {
  it('leaves an intact database whose coverage recounts correctly', async () => {
    const database = await createTestDatabase();
    const child = spawnStrapiProcess('writer-process.js', { database }) as ChildProcessByStdio<
      null,
      Readable,
      Readable
    >;
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('exit', (_, signal) => resolve(signal))
    );

    // Kill it the moment it reports enough writes: it is in the middle of the next one.
    await new Promise<void>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk) => {
        out += chunk;
        if (out.includes(`wrote ${WRITES_BEFORE_KILL}\n`)) {
          child.kill('SIGKILL');
          resolve();
        }
      });
      child.on('exit', () => reject(new Error(`writer exited early: ${stderr}`)));
    });
    expect(await exited).toBe('SIGKILL');

    const app = await bootStrapi({ database });
    try {
      if (TEST_ENGINE === 'sqlite') {
        const [check] = await app.strapi.db.connection.raw('PRAGMA integrity_check');
        expect(check).toEqual({ integrity_check: 'ok' });
      }
      // Every document has exactly one draft row; every published row belongs to one of them.
      const rows = (await app.strapi.db
        .query(BLOG as never)
        .findMany({ select: ['documentId', 'publishedAt'] })) as Array<{
        documentId: string;
        publishedAt: unknown;
      }>;
      const drafts = rows.filter((row) => row.publishedAt === null).map((row) => row.documentId);
      expect(new Set(drafts).size).toBe(drafts.length);
      expect(drafts.length).toBeGreaterThanOrEqual(WRITES_BEFORE_KILL);
      for (const row of rows.filter((r) => r.publishedAt !== null))
        expect(drafts).toContain(row.documentId);

      // Coverage after the crash equals a recount from scratch.
      const token = await adminToken(app.strapi);
      for (const [apiStatus, serviceStatus] of [
        ['published', 'published'],
        ['all', 'draft'],
      ] as const) {
        const response = await request(app.strapi.server.httpServer)
          .get(`/journey/coverage?type=blog-post&status=${apiStatus}`)
          .set('Authorization', `Bearer ${token}`);
        const expected = await recountCoverage(app.strapi, BLOG, serviceStatus);
        expect(response.status).toBe(200);
        // The writer links personas to every post: an empty matrix would compare equal vacuously.
        expect(Object.keys(expected.cells).length).toBeGreaterThan(0);
        expect({ apiStatus, ...coverageAsCounts(response.body.data) }).toEqual({
          apiStatus,
          stageTotals: expected.stageTotals,
          cells: expected.cells,
        });
      }
      console.log(
        `restart (${TEST_ENGINE}): killed after ${WRITES_BEFORE_KILL} writes; ${drafts.length} documents, ${rows.length - drafts.length} published, integrity ok`
      );
    } finally {
      await app.stop();
    }
  });
});

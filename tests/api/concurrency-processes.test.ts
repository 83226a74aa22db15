import type { ChildProcessWithoutNullStreams } from 'child_process';
import readline from 'readline';
import request from 'supertest';
import { errors } from '@strapi/utils';
import { adminToken } from '../helpers/admin';
import { createPersona } from '../helpers/fixtures';
import { coverageAsCounts, recountCoverage } from '../helpers/recount';
import { bootStrapi, spawnStrapiProcess, type TestApp } from '../helpers/strapi';

/*
 * Races between processes, as several Strapi instances behind a load balancer have them: the test's
 * own Strapi and OTHERS more, each with its own connection pool, on one database. In one process
 * SQLite's single connection (and Node's one thread) keep many writes from ever overlapping; here
 * they do. Every round starts with a ready/go handshake, so all processes write at once.
 */
const OTHERS = 3;
const POSTS_PER_PROCESS = 12;
const PERSONAS_PER_PROCESS = 3;
const TOGGLES_PER_PROCESS = 6;
const BLOG = 'plugin::journey.blog-post';
/** The blog post Document Service of the test's own Strapi. */
const posts = () => app.strapi.documents(BLOG as never) as any;
const PERSONA = 'plugin::journey.persona';

interface ReportedError {
  name: string;
  message: string;
  path: string[] | null;
  /** An errors.ApplicationError: Strapi answers it with a 4xx. */
  application: boolean;
}
interface Settled<T> {
  values: T[];
  errors: ReportedError[];
}
interface Child {
  process: ChildProcessWithoutNullStreams;
  messages: Array<Record<string, unknown>>;
  stderr: string;
  /** Resolves with the first message (seen or to come) that matches. */
  next(match: (message: Record<string, unknown>) => boolean): Promise<Record<string, unknown>>;
}

const startChild = (app: TestApp): Child => {
  // stdin too: the test tells the process when to go.
  const child = spawnStrapiProcess('race-process.js', app, [
    'pipe',
    'pipe',
    'pipe',
  ]) as ChildProcessWithoutNullStreams;
  const waiters: Array<() => boolean> = [];
  let exited: Error | null = null;
  const state: Child = {
    process: child,
    messages: [],
    stderr: '',
    next: (match) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const found = state.messages.find(match);
          if (found) resolve(found);
          else if (exited) reject(exited);
          return Boolean(found) || exited !== null;
        };
        if (!check()) waiters.push(check);
      }),
  };
  const wake = () => {
    for (const waiter of waiters.splice(0)) if (!waiter()) waiters.push(waiter);
  };
  child.stderr.on('data', (chunk) => (state.stderr += chunk));
  readline.createInterface({ input: child.stdout }).on('line', (line) => {
    if (!line.startsWith('{')) return;
    state.messages.push(JSON.parse(line) as Record<string, unknown>);
    wake();
  });
  child.once('exit', (code, signal) => {
    exited = new Error(`race process exited (${code ?? signal}): ${state.stderr.slice(-2000)}`);
    wake();
  });
  return state;
};

let app: TestApp;
let token: string;
let children: Child[] = [];
let round = 0;

beforeAll(async () => {
  app = await bootStrapi();
  token = await adminToken(app.strapi);
  children = Array.from({ length: OTHERS }, () => startChild(app));
  await Promise.all(children.map((child) => child.next((m) => m.ready === 'boot')));
});

afterAll(async () => {
  // Closing stdin stops a child cleanly; SIGKILL whatever is still running (e.g. after a failure).
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.process.exitCode !== null || child.process.signalCode !== null)
            return resolve();
          const timer = setTimeout(() => child.process.kill('SIGKILL'), 10_000);
          child.process.once('exit', () => {
            clearTimeout(timer);
            resolve();
          });
          child.process.stdin.end();
        })
    )
  );
  await app?.stop();
});

/**
 * Runs `op` in every child and `own` in this process at the same moment (after every child has
 * said it is ready); returns every process's result, this process's first.
 */
const race = async <T>(
  op: string,
  argsFor: (index: number) => Record<string, unknown>,
  own: (args: Record<string, unknown>) => Promise<Settled<T>>
): Promise<Array<Settled<T>>> => {
  const id = `${op}-${(round += 1)}`;
  children.forEach((child, i) =>
    child.process.stdin.write(`${JSON.stringify({ id, op, args: argsFor(i + 1) })}\n`)
  );
  await Promise.all(children.map((child) => child.next((m) => m.ready === id)));
  children.forEach((child) => child.process.stdin.write(`${JSON.stringify({ go: id })}\n`));
  const [mine, ...theirs] = await Promise.all([
    own(argsFor(0)),
    ...children.map((child) => child.next((m) => m.done === id)),
  ]);
  return [
    mine,
    ...theirs.map((message) => {
      if (message.failed) throw new Error(`${op} failed: ${JSON.stringify(message.failed)}`);
      return message.result as Settled<T>;
    }),
  ];
};

const settle = async <T>(runs: Array<Promise<T>>): Promise<Settled<T>> => {
  const results = await Promise.allSettled(runs);
  return {
    values: results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : [])),
    errors: results.flatMap((r) =>
      r.status === 'rejected'
        ? [
            {
              name: r.reason?.name,
              message: String(r.reason?.message),
              path: r.reason?.details?.errors?.[0]?.path ?? null,
              application: r.reason instanceof errors.ApplicationError,
            },
          ]
        : []
    ),
  };
};

const coverage = async (status: 'all' | 'published') => {
  const response = await request(app.strapi.server.httpServer)
    .get(`/journey/coverage?type=blog-post&status=${status}`)
    .set('Authorization', `Bearer ${token}`);
  if (response.status !== 200)
    throw new Error(`coverage ${response.status}: ${JSON.stringify(response.body)}`);
  return response.body.data as {
    cells: Array<{ stage: string; persona: string; count: number; stale: number }>;
    stageTotals: Array<{ stage: string; count: number; stale: number }>;
    untagged: Array<{ stage: string; count: number; stale: number }>;
    noStage: { count: number; stale: number };
  };
};

/**
 * What one coverage answer must satisfy whatever it raced with. Every post in these races has at
 * most one persona, so a stage's total is exactly its persona cells plus its untagged documents:
 * an answer that counted some rows before a commit and others after would break it.
 */
const inconsistencies = (data: Awaited<ReturnType<typeof coverage>>) => {
  const problems: string[] = [];
  const counts = [...data.cells, ...data.stageTotals, ...data.untagged, data.noStage];
  for (const count of counts)
    if (
      !Number.isInteger(count.count) ||
      count.count < 0 ||
      count.stale < 0 ||
      count.stale > count.count
    )
      problems.push(`impossible count ${JSON.stringify(count)}`);
  for (const total of data.stageTotals) {
    const cells = data.cells.filter((cell) => cell.stage === total.stage);
    const untagged = data.untagged.find((u) => u.stage === total.stage)?.count ?? 0;
    const sum = cells.reduce((s, cell) => s + cell.count, 0) + untagged;
    if (sum !== total.count)
      problems.push(`${total.stage}: total ${total.count}, cells + untagged ${sum}`);
  }
  return problems;
};

/** Reads coverage over and over until `writes` settles; returns how many answers were checked. */
const readWhile = async <T>(writes: Promise<T>) => {
  let writing = true;
  const problems: string[] = [];
  let reads = 0;
  const reader = (async () => {
    while (writing) {
      problems.push(...inconsistencies(await coverage(reads % 2 ? 'published' : 'all')));
      reads += 1;
    }
  })();
  try {
    const result = await writes;
    writing = false;
    await reader; // its last answer was asked for during the writes too
    return { result, reads, problems };
  } finally {
    writing = false;
    await reader;
  }
};

const draftRows = async (where: Record<string, unknown>) =>
  (await app.strapi.db.query(BLOG as never).findMany({
    select: ['documentId', 'slug', 'publishedAt', 'locale'],
    where,
  })) as Array<{ documentId: string; slug: string; publishedAt: unknown; locale: string }>;

describe('writes racing from four processes on one database', () => {
  let reader: string;
  const stats: string[] = [];

  beforeAll(async () => {
    reader = (await createPersona(app.strapi, { name: 'Reader' })).documentId;
  });

  it('creates every post titled alike, each with its own slug, while coverage stays consistent', async () => {
    const title = 'Same title';
    const {
      result: rounds,
      reads,
      problems,
    } = await readWhile(
      race<{ documentId: string; slug: string }>(
        'createPosts',
        (index) => ({ title, count: POSTS_PER_PROCESS, offset: index, persona: reader }),
        ({ count, offset, persona }) =>
          settle(
            Array.from({ length: count as number }, (_, i) =>
              posts()
                .create({
                  data: {
                    title,
                    journeyStage: [
                      'awareness',
                      'consideration',
                      'decision',
                      'retention',
                      'advocacy',
                    ][((offset as number) + i) % 5],
                    personas: i % 2 === 0 ? [persona] : [],
                  },
                })
                .then(async (post: { documentId: string; slug: string }) => {
                  if (i % 3 === 0) await posts().publish({ documentId: post.documentId });
                  return { documentId: post.documentId, slug: post.slug };
                })
            )
          )
      )
    );
    expect(rounds.flatMap((r) => r.errors)).toEqual([]);
    expect(problems).toEqual([]);
    expect(reads).toBeGreaterThan(0);

    const created = rounds.flatMap((r) => r.values);
    expect(created).toHaveLength((OTHERS + 1) * POSTS_PER_PROCESS);
    const rows = await draftRows({ title, publishedAt: null });
    expect(rows.map((row) => row.documentId).sort()).toEqual(
      created.map((post) => post.documentId).sort()
    );
    const slugs = rows.map((row) => row.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    expect(slugs).toContain('same-title');
    stats.push(`${created.length} posts titled alike, ${reads} coverage reads during`);
  });

  it('lets exactly one of the personas named alike exist; the others get a ValidationError', async () => {
    const name = 'Racer';
    const rounds = await race<{ documentId: string }>(
      'createPersonas',
      () => ({ name, count: PERSONAS_PER_PROCESS }),
      () =>
        settle(
          Array.from({ length: PERSONAS_PER_PROCESS }, () =>
            app.strapi
              .documents(PERSONA as never)
              .create({ data: { name } } as never)
              .then((persona) => ({ documentId: (persona as { documentId: string }).documentId }))
          )
        )
    );
    const created = rounds.flatMap((r) => r.values);
    const refused = rounds.flatMap((r) => r.errors);
    expect(created).toHaveLength(1);
    expect(refused).toHaveLength((OTHERS + 1) * PERSONAS_PER_PROCESS - 1);
    for (const error of refused)
      expect(error).toMatchObject({
        name: 'ValidationError',
        path: ['name'],
        message: `A persona named "${name}" already exists. Persona names are unique.`,
      });
    const personas = (await app.strapi.db
      .query(PERSONA as never)
      .findMany({ where: { name }, select: ['documentId'] })) as Array<{ documentId: string }>;
    expect(personas.map((p) => p.documentId)).toEqual([created[0].documentId]);
  });

  it('publishes and unpublishes one entry from every process: only 4xx, one draft row, at most one published row', async () => {
    const post = (await app.strapi.documents(BLOG as never).create({
      data: { title: 'Toggled', journeyStage: 'decision', personas: [reader] },
    } as never)) as {
      documentId: string;
    };
    const {
      result: rounds,
      reads,
      problems,
    } = await readWhile(
      race<string>(
        'toggle',
        (index) => ({ documentId: post.documentId, times: TOGGLES_PER_PROCESS, start: index }),
        ({ documentId, times, start }) =>
          settle(
            Array.from({ length: times as number }, (_, i) => {
              const action = (i + (start as number)) % 2 === 0 ? 'publish' : 'unpublish';
              const run = posts()[action] as (params: object) => Promise<unknown>;
              return run({ documentId }).then(() => action);
            })
          )
      )
    );
    expect(problems).toEqual([]);
    expect(reads).toBeGreaterThan(0);
    const errors = rounds.flatMap((r) => r.errors);
    expect(errors.filter((error) => !error.application)).toEqual([]);

    const rows = await draftRows({ documentId: post.documentId });
    for (const locale of new Set(rows.map((row) => row.locale))) {
      const mine = rows.filter((row) => row.locale === locale);
      expect(mine.filter((row) => row.publishedAt === null)).toHaveLength(1);
      expect(mine.filter((row) => row.publishedAt !== null).length).toBeLessThanOrEqual(1);
    }
    stats.push(
      `${rounds.flatMap((r) => r.values).length} publish/unpublish done, ${errors.length} refused, ${reads} coverage reads during`
    );
  });

  it('counts coverage as a recount does once the writes are over', async () => {
    for (const status of ['published', 'draft'] as const) {
      const expected = await recountCoverage(app.strapi, BLOG, status);
      const actual = coverageAsCounts(
        (await coverage(status === 'draft' ? 'all' : 'published')) as never
      );
      expect({ status, ...actual }).toEqual({
        status,
        stageTotals: expected.stageTotals,
        cells: expected.cells,
      });
      expect(Object.keys(expected.cells).length).toBeGreaterThan(0);
    }
    console.log(`concurrency-processes (${OTHERS + 1} processes): ${stats.join('; ')}`);
  });
});

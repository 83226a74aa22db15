import fs from 'fs';
import os from 'os';
import path from 'path';

// The runner's rules live in a CommonJS file so this test exercises the code npm test runs.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const policy = require('../../scripts/test-policy.cjs') as {
  emptySuiteFolders: (testsDir: string) => string[];
  notRunTests: (
    label: string,
    report: {
      testResults: Array<{ assertionResults: Array<{ status: string; fullName: string }> }>;
    },
    allowlist: Array<{ suite: string; test: string; reason?: string }>
  ) => Array<{ suite: string; test: string; allowed: boolean }>;
};

const allowlistFile = path.join(__dirname, '..', 'skip-allowlist.json');

describe('npm test run policy', () => {
  const report = {
    testResults: [
      {
        assertionResults: [
          { status: 'passed', fullName: 'a passes' },
          { status: 'pending', fullName: 'b is skipped on purpose' },
          { status: 'todo', fullName: 'c is a todo' },
          { status: 'skipped', fullName: 'd is skipped in another suite' },
        ],
      },
    ],
  };

  it('lists every test that did not run, allowed only when its suite, name and reason match', () => {
    const allowlist = [
      { suite: 'API suites on PostgreSQL', test: 'b is skipped on purpose', reason: 'engine only' },
      { suite: 'another suite', test: 'd is skipped in another suite', reason: 'elsewhere' },
      { suite: 'API suites on PostgreSQL', test: 'c is a todo' }, // no reason: not allowed
    ];
    expect(policy.notRunTests('API suites on PostgreSQL', report, allowlist)).toEqual([
      { suite: 'API suites on PostgreSQL', test: 'b is skipped on purpose', allowed: true },
      { suite: 'API suites on PostgreSQL', test: 'c is a todo', allowed: false },
      { suite: 'API suites on PostgreSQL', test: 'd is skipped in another suite', allowed: false },
    ]);
  });

  it('gives a reason for every entry of the committed allowlist', () => {
    const { entries } = JSON.parse(fs.readFileSync(allowlistFile, 'utf8')) as {
      entries: Array<{ suite: string; test: string; reason: string }>;
    };
    expect(entries.length).toBeGreaterThan(0);
    for (const entry of entries) {
      expect(entry.suite).toMatch(/\S/);
      expect(entry.test).toMatch(/\S/);
      expect(entry.reason.length).toBeGreaterThan(10);
    }
  });

  it('names suite folders without test files, and missing ones', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'journey-policy-'));
    try {
      fs.mkdirSync(path.join(dir, 'unit', 'nested'), { recursive: true });
      fs.writeFileSync(path.join(dir, 'unit', 'nested', 'x.test.ts'), '');
      fs.mkdirSync(path.join(dir, 'admin'));
      fs.writeFileSync(path.join(dir, 'admin', 'x.test.ts'), ''); // admin tests are .test.tsx
      fs.mkdirSync(path.join(dir, 'api'));
      fs.writeFileSync(path.join(dir, 'api', 'helper.ts'), '');
      expect(policy.emptySuiteFolders(dir)).toEqual(['admin', 'api', 'e2e']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('finds tests in every suite folder of this repository', () => {
    expect(policy.emptySuiteFolders(path.join(__dirname, '..'))).toEqual([]);
  });
});

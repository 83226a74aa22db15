/**
 * What `npm test` (scripts/test.mjs) accepts as a complete run, kept apart from the runner so a
 * unit test (tests/unit/test-policy.test.ts) can prove each rule fails when it should.
 */
const fs = require('node:fs');
const path = require('node:path');

/** Test files per suite folder: a folder that vanished or was emptied must not pass as 0 failed. */
const TEST_FILE_PATTERNS = {
  unit: /\.test\.ts$/,
  admin: /\.test\.tsx$/,
  api: /\.test\.ts$/,
  e2e: /\.test\.ts$/,
};

/** The suite folders under `testsDir` that hold no test file. */
const emptySuiteFolders = (testsDir) =>
  Object.entries(TEST_FILE_PATTERNS)
    .filter(([folder, pattern]) => {
      const dir = path.join(testsDir, folder);
      if (!fs.existsSync(dir)) return true;
      return !fs.readdirSync(dir, { recursive: true }).some((file) => pattern.test(String(file)));
    })
    .map(([folder]) => folder);

/**
 * The tests a jest JSON report says were not run, each marked allowed when the allowlist names its
 * suite label and full name (tests/skip-allowlist.json, where every entry carries a reason).
 */
const notRunTests = (label, report, allowlist) => {
  const result = [];
  for (const file of report.testResults ?? []) {
    for (const test of file.assertionResults ?? []) {
      if (!['pending', 'skipped', 'todo', 'disabled'].includes(test.status)) continue;
      const allowed = allowlist.some(
        (entry) => entry.suite === label && entry.test === test.fullName && Boolean(entry.reason)
      );
      result.push({ suite: label, test: test.fullName, allowed });
    }
  }
  return result;
};

module.exports = { TEST_FILE_PATTERNS, emptySuiteFolders, notRunTests };

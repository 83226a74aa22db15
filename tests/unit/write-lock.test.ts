import Database from 'better-sqlite3';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { lockKey } from '../../server/src/documents/write-lock';
import { SQLITE_WRITE_LOCK } from '../../server/src/utils/sql';

describe('write lock', () => {
  it.each(['wal', 'delete'])(
    "SQLite's no-row UPDATE holds the write lock until commit (journal mode %s)",
    (mode) => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'journey-lock-'));
      const file = path.join(dir, 'lock.db');
      const first = new Database(file);
      // timeout 0: a second writer fails at once instead of waiting for the first.
      const second = new Database(file, { timeout: 0 });
      try {
        first.pragma(`journal_mode = ${mode}`);
        first.exec('CREATE TABLE posts (id INTEGER PRIMARY KEY, title TEXT)');
        first.exec('BEGIN');
        first.exec(SQLITE_WRITE_LOCK.replace('??', '"posts"'));
        expect(() => second.exec('BEGIN IMMEDIATE')).toThrow(/database is locked/);
        first.exec('COMMIT');
        second.exec('BEGIN IMMEDIATE');
        second.exec('COMMIT');
        expect(first.prepare('SELECT COUNT(*) AS n FROM posts').get()).toEqual({ n: 0 });
      } finally {
        first.close();
        second.close();
        fs.rmSync(dir, { recursive: true, force: true });
      }
    }
  );

  it('keys PostgreSQL advisory locks by a stable 32-bit hash', () => {
    expect(lockKey('plugin::journey.blog-post')).toBe(lockKey('plugin::journey.blog-post'));
    expect(lockKey('plugin::journey.blog-post')).not.toBe(lockKey('plugin::journey.persona'));
    expect(Number.isInteger(lockKey('x')) && Math.abs(lockKey('x')) <= 2 ** 31).toBe(true);
  });
});

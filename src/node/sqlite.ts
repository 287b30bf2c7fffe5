// The storage interface (src/store/database.ts) over a better-sqlite3 file, for the Node server. On open it applies
// the migrations in migrations/ that the file has not had, recorded in d1_migrations as wrangler does on D1.
import type Database from 'better-sqlite3';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { SqlDatabase, SqlStatement, SqlValue } from '../store/database';
import { groupCommit } from './group-commit';

// Beside the bundle (dist/migrations, copied by build-server.ts) or at the repository's top (running from source).
const MIGRATIONS = [join(import.meta.dirname, 'migrations'), join(import.meta.dirname, '..', '..', 'migrations')].find(
  (dir) => existsSync(dir),
);

/** better-sqlite3 is a native addon the bundle cannot hold: loaded when storage opens, so a host without it still
 * serves answers (openStorage says that feedback is not kept). */
const loadSqlite = (): typeof Database => createRequire(import.meta.url)('better-sqlite3') as typeof Database;

/** How to run each statement this adapter made, synchronously, inside a batch's transaction. */
const runners = new WeakMap<SqlStatement, () => void>();

/** One compiled statement per SQL text: compiling costs more than running one of these small writes. */
function preparer(db: Database.Database): (sql: string) => Database.Statement {
  const cache = new Map<string, Database.Statement>();
  return (sql) => {
    let prepared = cache.get(sql);
    if (!prepared) cache.set(sql, (prepared = db.prepare(sql)));
    return prepared;
  };
}

function statement(prepared: Database.Statement, values: SqlValue[] = []): SqlStatement {
  const made: SqlStatement = {
    bind: (...next) => statement(prepared, next),
    run: async () => prepared.run(...values),
    all: async <Row>() => ({ results: prepared.all(...values) as Row[] }),
  };
  runners.set(made, () => void prepared.run(...values));
  return made;
}

function applyMigrations(db: Database.Database): void {
  db.exec(
    'CREATE TABLE IF NOT EXISTS d1_migrations (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT UNIQUE, applied_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL)',
  );
  const applied = new Set(db.prepare('SELECT name FROM d1_migrations').pluck().all() as string[]);
  if (!MIGRATIONS) throw new Error('no migrations folder beside the server');
  for (const name of readdirSync(MIGRATIONS)
    .filter((f) => f.endsWith('.sql'))
    .sort()) {
    if (applied.has(name)) continue;
    db.transaction(() => {
      db.exec(readFileSync(join(MIGRATIONS, name), 'utf8'));
      db.prepare('INSERT INTO d1_migrations (name) VALUES (?)').run(name);
    })();
  }
}

/**
 * Opens (creating it and its folder if need be) the SQLite file at `path`, brought up to the latest schema.
 * @example const db = openSqlite('./data/assistant.db'); await app.fetch(request, { DB: db })
 */
export function openSqlite(path: string): SqlDatabase & { close(): void } {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const Sqlite = loadSqlite();
  const db = new Sqlite(path);
  db.pragma('journal_mode = WAL');
  // With WAL, NORMAL syncs at checkpoints rather than at every commit: a crash of the process loses nothing, a power
  // cut at most the last commits (counts and questions), and an answer no longer waits on the disk.
  db.pragma('synchronous = NORMAL');
  applyMigrations(db);
  const prepare = preparer(db);
  const commit = groupCommit((work) => db.transaction(work)());
  return {
    prepare: (sql) => statement(prepare(sql)),
    batch: async (statements) => {
      await commit(
        statements.map((s) => {
          const run = runners.get(s);
          if (!run) throw new Error('batch got a statement this database did not prepare');
          return run;
        }),
      );
      return [];
    },
    close: () => db.close(),
  };
}

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

/** One compiled statement per SQL text: compiling costs more than running one of these small writes. */
function preparer(db: Database.Database): (sql: string) => Database.Statement {
  const cache = new Map<string, Database.Statement>();
  return (sql) => {
    let prepared = cache.get(sql);
    if (!prepared) cache.set(sql, (prepared = db.prepare(sql)));
    return prepared;
  };
}

/** A statement with its values; a class, so the few an answer records cost two small objects each, no closures. */
class SqliteStatement implements SqlStatement {
  constructor(
    private readonly prepared: Database.Statement,
    private readonly values: SqlValue[] = [],
  ) {}
  bind(...values: SqlValue[]): SqlStatement {
    return new SqliteStatement(this.prepared, values);
  }
  async run(): Promise<unknown> {
    return this.prepared.run(...this.values);
  }
  async all<Row>(): Promise<{ results: Row[] }> {
    return { results: this.prepared.all(...this.values) as Row[] };
  }
  /** Runs it synchronously, inside a batch's transaction. */
  runNow(): void {
    this.prepared.run(...this.values);
  }
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
  // One transaction function for the file's life: better-sqlite3 builds its wrapper on each db.transaction() call.
  const inTransaction = db.transaction((work: () => void) => work());
  const commit = groupCommit((work) => inTransaction(work));
  return {
    prepare: (sql) => new SqliteStatement(prepare(sql)),
    batch: async (statements) => {
      await commit(
        statements.map((s) => {
          if (!(s instanceof SqliteStatement)) throw new Error('batch got a statement this database did not prepare');
          return () => s.runNow();
        }),
      );
      return [];
    },
    close: () => db.close(),
  };
}

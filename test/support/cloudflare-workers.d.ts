// The pieces of `cloudflare:workers` and `cloudflare:test` the Worker tests use, run in workerd.
declare module 'cloudflare:workers' {
  export const exports: { default: { fetch(input: string, init?: RequestInit): Promise<Response> } };
}

declare module 'cloudflare:test' {
  interface D1Migration {
    name: string;
    queries: string[];
  }
  type SqlDatabase = import('../../src/store/database').SqlDatabase;
  export const env: { DB: SqlDatabase; ADMIN_TOKEN: string; TEST_MIGRATIONS: D1Migration[] };
  export function applyD1Migrations(db: SqlDatabase, migrations: D1Migration[]): Promise<void>;
}

// The pieces of `cloudflare:workers` and `cloudflare:test` the Worker tests use, run in workerd, and the bindings
// of wrangler.toml (local KV and D1 from the Workers pool).
declare module 'cloudflare:workers' {
  export const exports: { default: { fetch(input: string, init?: RequestInit): Promise<Response> } };
  export const env: { WECHAT_KV: import('../../src/wechat/store').ShortStore & KvListing };
  interface KvListing {
    list(options?: { prefix?: string }): Promise<{ keys: { name: string }[] }>;
  }
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

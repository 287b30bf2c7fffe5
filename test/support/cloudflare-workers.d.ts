// The pieces of `cloudflare:workers` the Worker tests use: the main Worker's default export, run in workerd,
// and the bindings of wrangler.toml (local KV from the Workers pool).
declare module 'cloudflare:workers' {
  export const exports: { default: { fetch(input: string, init?: RequestInit): Promise<Response> } };
  export const env: { WECHAT_KV: import('../../src/wechat/store').ShortStore & KvListing };
  interface KvListing {
    list(options?: { prefix?: string }): Promise<{ keys: { name: string }[] }>;
  }
}

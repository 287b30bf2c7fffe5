// The one piece of `cloudflare:workers` the Worker test uses: the main Worker's default export, run in workerd.
declare module 'cloudflare:workers' {
  export const exports: { default: { fetch(input: string, init?: RequestInit): Promise<Response> } };
}

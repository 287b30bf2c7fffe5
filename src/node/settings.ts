// The Node server's own settings (where it listens, how long a client may take), parsed once from the
// environment at start. The app's settings (model key, origins…) are the Bindings of src/http/env.ts.
import { z } from 'zod';

/** A setting where an empty variable (`PORT=` in an environment file) counts as unset. */
const setting = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (value === '' ? undefined : value), schema);
const milliseconds = (fallback: number) => setting(z.coerce.number().int().min(1).max(600_000).default(fallback));

export const serverSettingsSchema = z.object({
  /** Address to listen on; missing -> 127.0.0.1 (this machine only). HOST=0.0.0.0 serves every interface. */
  HOST: setting(z.string().trim().min(1).default('127.0.0.1')),
  /** Port to listen on; missing -> 8787. 0 picks a free port (the startup log names it). */
  PORT: setting(z.coerce.number().int().min(0).max(65_535).default(8787)),
  /** A client must send headers and body within this many ms, or gets 408; missing -> 10000. */
  REQUEST_TIMEOUT_MS: milliseconds(10_000),
  /** A request must be answered within this many ms, answer included, or gets 503; missing -> 30000. */
  RESPONSE_TIMEOUT_MS: milliseconds(30_000),
});

export type ServerSettings = z.infer<typeof serverSettingsSchema>;

/** The settings from `env`; a bad one stops the server before it listens, with a line naming each. */
export function readServerSettings(env: NodeJS.ProcessEnv): ServerSettings {
  const parsed = serverSettingsSchema.safeParse(env);
  if (parsed.success) return parsed.data;
  for (const { path, message } of parsed.error.issues) {
    console.error(`bad server setting ${String(path[0])}=${env[String(path[0])]}: ${message}`);
  }
  process.exit(1);
}

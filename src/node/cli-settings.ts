// The settings of a command (ask, eval) from its environment, parsed by the same settingsFrom as the server's and
// the Worker's: a malformed one exits 1 with a line naming it, as the server does at start.
import { SettingsError, type Settings, settingsFrom } from '../schema/settings';

/** settingsFrom(env), or exit 1 naming the malformed setting. */
export function settingsOrExit(env: NodeJS.ProcessEnv): Settings {
  try {
    return settingsFrom(env);
  } catch (error) {
    if (!(error instanceof SettingsError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}

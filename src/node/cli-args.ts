// The command-line arguments of ask, eval and bench, read with node:util parseArgs: `--help` prints the usage,
// an unknown option or a missing value is an error with the usage and exit code 2 (never taken as a question).
import { parseArgs, type ParseArgsConfig } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * Parses process.argv for one command; exits 0 after printing `usage` on --help, 2 on a bad argument.
 * @example const { values, positionals } = readArgs('用法: npm run eval -- [file.jsonl] [--json]', { json: { type: 'boolean' } });
 */
export function readArgs<O extends Options>(usage: string, options: O, args = process.argv.slice(2)) {
  try {
    const parsed = parseArgs({
      args,
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
    if ((parsed.values as { help?: boolean }).help) {
      console.log(usage);
      process.exit(0);
    }
    return parsed;
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${usage}`);
    process.exit(2);
  }
}

// `tsx src/node/check-vars.ts [wrangler's arguments]`: the Worker's settings checked before a deploy, with the same
// schema the app parses them with (src/schema/settings.ts): [vars] of wrangler.toml, each [env.NAME.vars], and the
// `--var KEY:VALUE` of the command line on the vars they override. A malformed one stops `npm run deploy`, and
// wrangler's [build] command (so `wrangler deploy`, `--dry-run` and `wrangler dev` too), with a line naming it;
// otherwise the Worker would answer 503 to every request until it is fixed. Exit 0 when all are good, 1 otherwise.
import { readFileSync } from 'node:fs';
import { parse } from 'smol-toml';
import { type RawSettings, settingsProblems } from '../schema/settings';

interface Invocation {
  config: string;
  env?: string;
  vars: Record<string, string>;
}

/** The parts of wrangler's command line that decide the vars: --config/-c, --env/-e and every --var KEY:VALUE. */
function invocationOf(args: readonly string[]): Invocation {
  const found: Invocation = { config: 'wrangler.toml', vars: {} };
  const addVar = (pair: string) => {
    const colon = pair.indexOf(':');
    if (colon > 0) found.vars[pair.slice(0, colon)] = pair.slice(colon + 1);
  };
  for (let i = 0; i < args.length; i++) {
    const [flag, inline] = args[i]!.split(/=(.*)/s, 2) as [string, string | undefined];
    const value = () => inline ?? args[++i];
    if (flag === '--config' || flag === '-c') found.config = value() ?? found.config;
    else if (flag === '--env' || flag === '-e') found.env = value();
    else if (flag === '--var' && inline !== undefined) addVar(inline);
    else if (flag === '--var') while (args[i + 1] !== undefined && !args[i + 1]!.startsWith('-')) addVar(args[++i]!);
  }
  return found;
}

/**
 * Every malformed setting, each line naming where it was set.
 * @example varsProblems('[vars]\nTRUST_PROXY = "yes"', { config: 'wrangler.toml', vars: {} })
 *   // ['wrangler.toml [vars]: setting TRUST_PROXY: "yes" is not a whole number from 0 to 10']
 */
function varsProblems(toml: string, { config, env, vars }: Invocation): string[] {
  const parsed = parse(toml) as { vars?: RawSettings; env?: Record<string, { vars?: RawSettings }> };
  const sections: [string, RawSettings][] = [[`${config} [vars]`, parsed.vars ?? {}]];
  for (const [name, section] of Object.entries(parsed.env ?? {})) {
    sections.push([`${config} [env.${name}.vars]`, section.vars ?? {}]);
  }
  const overridden = env ? `${config} [env.${env}.vars]` : `${config} [vars]`;
  return sections.flatMap(([where, values]) => {
    const withCli = where === overridden && Object.keys(vars).length > 0;
    const label = withCli ? `${where} with --var` : where;
    return settingsProblems(withCli ? { ...values, ...vars } : values).map((p) => `${label}: ${p}`);
  });
}

const invocation = invocationOf(process.argv.slice(2));
const problems = varsProblems(readFileSync(invocation.config, 'utf8'), invocation);
for (const problem of problems) console.error(problem);
if (problems.length > 0) {
  console.error('the Worker would answer 503 to every request with these settings: fix them, then deploy again');
  process.exit(1);
}

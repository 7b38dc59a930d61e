// The `rapport` command line. bin/rapport.js calls main(argv) and exits with the
// number it returns: 0 fine, 1 findings at or above --fail-on (or skipped input
// lines for audit), 2 usage, config or input errors.

import { readFileSync } from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { DataError } from '../engine/index.js';
import { AUDIT_FORMATS, runAudit } from './audit.js';
import { FAIL_ON, runCheck, type FailOn } from './check.js';
import { loadConfig, type LoadedConfig } from './config.js';
import { runExplain, runLists, runRules } from './info.js';
import { Output, UsageError } from './io.js';
import { lookup } from '../engine/lookup.js';

type Options = NonNullable<ParseArgsConfig['options']>;

interface Command {
  summary: string;
  usage: string;
  options: Options;
  help: string;
  run(values: Record<string, unknown>, positionals: string[], out: Output): Promise<number>;
}

const CONFIG_HELP = `  --config FILE        team config (default: the nearest rapport.config.json|yaml|yml
                       or .rapportrc.json in this folder or above)`;

const COMMANDS: Readonly<Record<string, Command>> = lookup<Command>({
  check: {
    summary: 'lint draft replies or a library of canned responses',
    usage: 'rapport check [options] [FILE|DIR|-]...',
    options: {
      customer: { type: 'string', multiple: true },
      context: { type: 'string' },
      format: { type: 'string' },
      'fail-on': { type: 'string' },
      config: { type: 'string' },
      'no-strengths': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    help: `Checks each file as one draft reply (a directory: its .txt and .md files,
recursively; - reads standard input), as the agent's next message after the
context, and reports problems, strengths and skill scores.

Options:
  --customer TEXT      what the customer wrote before the draft (repeatable)
  --context FILE       the exchange before the draft: a conversation as JSON, or
                       the first line of a JSON Lines file (see shared/TAXONOMY.md)
  --format FORMAT      pretty (default) or json
  --fail-on LEVEL      exit 1 when a problem reaches this severity:
                       error (default), warning, info or never
${CONFIG_HELP}
  --no-strengths       do not list strengths
  -h, --help           show this help

Examples:
  rapport check reply.txt --customer "The internet is broken and I have a deadline"
  rapport check canned/ --fail-on warning
  pbpaste | rapport check - --format json`,
    async run(v, pos, out) {
      const format = oneOf(v.format, ['pretty', 'json'], 'pretty', '--format', 'check');
      const failOn = oneOf(v['fail-on'], FAIL_ON, 'error', '--fail-on', 'check') as FailOn;
      const loaded = configFrom(v, out);
      if (typeof loaded === 'number') return loaded;
      return runCheck(loaded.engine, {
        inputs: pos, customer: (v.customer as string[] | undefined) ?? [], ...(typeof v.context === 'string' ? { context: v.context } : {}),
        format, failOn, strengths: !v['no-strengths'],
      }, out);
    },
  },
  audit: {
    summary: 'score whole conversations from help-desk exports',
    usage: 'rapport audit [options] FILE...|-',
    options: {
      format: { type: 'string' },
      from: { type: 'string' },
      columns: { type: 'string' },
      workers: { type: 'string' },
      output: { type: 'string', short: 'o' },
      report: { type: 'string' },
      now: { type: 'string' },
      progress: { type: 'boolean' },
      'no-progress': { type: 'boolean' },
      'fail-on': { type: 'string' },
      config: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    help: `Reads conversations and writes one result per conversation, in input order:
its findings (messages and the whole exchange: promises kept and broken,
silences, repeated questions, unresolved closes), skill scores, the promise
ledger, the customer's emotional arc and the outcome. Files are streamed (.gz
is decompressed); - reads standard input. A record that cannot be read is
reported on stderr with its position (FILE:LINE) and skipped (exit status 1).

Input formats (guessed from each file; --from names one):
  jsonl       canonical conversations, one JSON object a line (shared/TAXONOMY.md)
  csv         one message per row (--columns maps your headers)
  zendesk     tickets with comments        freshdesk  tickets with conversations
  zammad      tickets with articles        chatwoot   conversation messages
  freescout   conversation threads         twcs       Customer Support on Twitter CSV
  ubuntu-irc  #ubuntu IRC logs with reply annotations

Options:
  --format FORMAT      jsonl (default), json (one array), csv (one row per
                       conversation) or html (the team lead's report)
  --from FORMAT        read every input as this format
  --columns MAP        csv headers: conversation_id=Ticket,role=From,text=Body,
                       at=Date,author=Name,channel=Channel,team=Team
  --workers N          worker threads (default: one per core; 1: no threads)
  -o, --output FILE    write the output to FILE instead of standard output
  --report FILE        also write the HTML report to FILE
  --now TIME           judge waits and promises still running at the end
                       against this time (ISO 8601), e.g. when the export was taken
  --progress / --no-progress
                       show or hide the progress line (default: on a terminal)
  --fail-on LEVEL      also exit 1 when a problem reaches this severity:
                       error, warning, info or never (default)
${CONFIG_HELP}
  -h, --help           show this help

Examples:
  rapport audit tickets.jsonl > findings.jsonl
  rapport audit zendesk-export.json --format html -o report.html
  rapport audit chats.csv --columns conversation_id=Chat,role=Sender,text=Message --format csv`,
    async run(v, pos, out) {
      const format = oneOf(v.format, AUDIT_FORMATS, 'jsonl', '--format', 'audit');
      const failOn = oneOf(v['fail-on'], FAIL_ON, 'never', '--fail-on', 'audit') as FailOn;
      let workers: number | undefined;
      if (v.workers !== undefined) {
        workers = Number(v.workers);
        if (!Number.isInteger(workers) || workers < 1) throw new UsageError(`--workers must be a whole number of at least 1 (got "${String(v.workers)}")`, 'audit');
      }
      const loaded = configFrom(v, out);
      if (typeof loaded === 'number') return loaded;
      return runAudit(() => loaded.engine, {
        inputs: pos, format, failOn, config: loaded.config,
        ...(typeof v.from === 'string' ? { from: v.from } : {}),
        ...(typeof v.columns === 'string' ? { columns: v.columns } : {}),
        ...(workers !== undefined ? { workers } : {}),
        ...(typeof v.output === 'string' ? { output: v.output } : {}),
        ...(typeof v.report === 'string' ? { report: v.report } : {}),
        ...(typeof v.now === 'string' ? { now: v.now } : {}),
        ...(v.progress ? { progress: true } : v['no-progress'] ? { progress: false } : {}),
      }, out);
    },
  },
  rules: {
    summary: 'list the rules, grouped by skill',
    usage: 'rapport rules [--format pretty|json]',
    options: { format: { type: 'string' }, config: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    help: `Lists every rule (id, category, kind, severity under your config, summary),
grouped by the skill it counts towards.

Options:
  --format FORMAT      pretty (default) or json
${CONFIG_HELP}
  -h, --help           show this help`,
    async run(v, pos, out) {
      noPositionals(pos, 'rules');
      const format = oneOf(v.format, ['pretty', 'json'], 'pretty', '--format', 'rules');
      const loaded = configFrom(v, out);
      if (typeof loaded === 'number') return loaded;
      return runRules(loaded.engine, loaded.config, format, out);
    },
  },
  explain: {
    summary: 'show a rule\'s docs, examples and what it reports',
    usage: 'rapport explain RULE|CATEGORY',
    options: { format: { type: 'string' }, config: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    help: `Shows a rule (by id, or every rule of a category): what it finds, why it
matters, what to write instead, its correct and incorrect examples, and the
findings the engine produces on the incorrect ones.

Options:
  --format FORMAT      pretty (default) or json
${CONFIG_HELP}
  -h, --help           show this help

Example:
  rapport explain hollow-apology`,
    async run(v, pos, out) {
      if (pos.length > 1) throw new UsageError(`explain takes one rule, got ${pos.length}`, 'explain');
      const format = oneOf(v.format, ['pretty', 'json'], 'pretty', '--format', 'explain');
      const loaded = configFrom(v, out);
      if (typeof loaded === 'number') return loaded;
      return runExplain(loaded.engine, loaded.config, pos[0], format, out);
    },
  },
  lists: {
    summary: 'list the phrase lists (built-in and the team\'s)',
    usage: 'rapport lists [--format pretty|json]',
    options: { format: { type: 'string' }, config: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    help: `Lists the phrase lists the rules read: id, kind (list or existence),
category and number of phrases, including the team's lists from the config.

Options:
  --format FORMAT      pretty (default) or json
${CONFIG_HELP}
  -h, --help           show this help`,
    async run(v, pos, out) {
      noPositionals(pos, 'lists');
      const format = oneOf(v.format, ['pretty', 'json'], 'pretty', '--format', 'lists');
      const loaded = configFrom(v, out);
      if (typeof loaded === 'number') return loaded;
      return runLists(loaded.engine, format, out);
    },
  },
});

function topHelp(): string {
  const w = Math.max(...Object.keys(COMMANDS).map((k) => k.length));
  return `rapport — a soft-skills coach for help-desk replies

Usage: rapport <command> [options]

Commands:
${Object.entries(COMMANDS).map(([k, c]) => `  ${k.padEnd(w)}  ${c.summary}`).join('\n')}

Run \`rapport <command> --help\` for a command's options.
Exit status: 0 fine, 1 findings at --fail-on (or skipped lines), 2 usage, config or input errors.
`;
}

function commandHelp(name: string): string {
  const c = COMMANDS[name]!;
  return `Usage: ${c.usage}\n\n${c.help}\n`;
}

function version(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], fallback: T, flag: string, command: string): T {
  if (value === undefined) return fallback;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${flag} must be one of ${allowed.join(', ')} (got "${String(value)}")`, command);
}

function noPositionals(pos: string[], command: string): void {
  if (pos.length) throw new UsageError(`unexpected argument "${pos[0]}"`, command);
}

/** The engine for this run, or exit status 2 after printing every config error as file:line: message. */
function configFrom(v: Record<string, unknown>, out: Output): LoadedConfig | number {
  try {
    return loadConfig(typeof v.config === 'string' ? { configPath: v.config } : {});
  } catch (e) {
    if (!(e instanceof DataError)) throw e;
    const sorted = [...e.errors].sort((a, b) => (a.file === b.file ? a.line - b.line : a.file < b.file ? -1 : 1));
    for (const x of sorted) out.err(`${x.file}:${x.line}: ${x.message}`);
    out.err(`rapport: the config has ${e.errors.length} error${e.errors.length === 1 ? '' : 's'}; nothing was checked`);
    return 2;
  }
}

function explainParseError(e: Error & { code?: string }): string {
  const m = /^(?:Unknown option|Option) '([^']+)'/.exec(e.message);
  if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && m) return `unknown option ${m[1]}`;
  if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return e.message.replace(/^Option /, 'option ');
  return e.message;
}

export async function main(argv: string[]): Promise<number> {
  const out = new Output();
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    const topic = first === 'help' ? rest[0] : undefined;
    if (topic && COMMANDS[topic]) await out.out(commandHelp(topic));
    else if (topic) {
      out.err(`rapport: unknown command "${topic}"\n`);
      out.err(topHelp());
      return 2;
    } else if (first === undefined) {
      out.err(topHelp());
      return 2;
    } else await out.out(topHelp());
    return 0;
  }
  if (first === '--version' || first === '-v') {
    await out.out(`${version()}\n`);
    return 0;
  }
  const command = COMMANDS[first];
  if (!command) {
    out.err(`rapport: unknown command "${first}"${first.startsWith('-') ? '' : ''} — try \`rapport --help\``);
    return 2;
  }
  let parsed: { values: Record<string, unknown>; positionals: string[] };
  try {
    parsed = parseArgs({ args: rest, options: command.options, allowPositionals: true, strict: true }) as typeof parsed;
  } catch (e) {
    out.err(`rapport ${first}: ${explainParseError(e as Error & { code?: string })} (see \`rapport ${first} --help\`)`);
    return 2;
  }
  if (parsed.values.help) {
    await out.out(commandHelp(first));
    return 0;
  }
  try {
    return await command.run(parsed.values, parsed.positionals, out);
  } catch (e) {
    if (e instanceof UsageError) {
      out.err(`rapport ${e.command ?? first}: ${e.message}${e.command ? ` (see \`rapport ${e.command} --help\`)` : ''}`);
      return 2;
    }
    if (e instanceof DataError) {
      for (const x of e.errors) out.err(`${x.file}:${x.line}: ${x.message}`);
      return 2;
    }
    throw e;
  }
}

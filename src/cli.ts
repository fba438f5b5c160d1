import { Argument, Command, CommanderError, Option } from 'commander';
import type { CommandResult } from './commands/result.js';
import type { Diagnostic } from './model/diagnostic.js';
import { MERGE_MODES } from './coding/merge.js';
import { DISPLAY_HELP, DISPLAY_TYPES } from './display/registry.js';
import { LANGS } from './model/codebook.js';
import { SOURCE_KINDS } from './model/source.js';
import { CODEBOOK_FORMATS, CODING_FORMATS, DIGEST_FORMATS, LIST_FORMATS, MATRIX_FORMATS, REPORT_FORMATS, SOURCES_FORMATS } from './render/formats.js';
import { toolVersion } from './study/resolve.js';
import { formatDiagnostic, QiaError } from './util/diagnostics.js';
import { terminalSafe } from './util/terminal-safe.js';
import { SHELLS } from './completion/shells.js';
import { diagnosticLines, summaryLine, type PrintOptions } from './util/diagnostic-print.js';
import { localDiagnostic, summaryLineId } from './i18n/diagnostics.js';
import type { Lang } from './model/codebook.js';

/**
 * The commander program. Every command's implementation is imported only when that command
 * runs, so `qia --help` stays fast: this file must not import anything heavy.
 */

type Runner = (args: string[], opts: Record<string, unknown>) => Promise<CommandResult>;

interface Output {
  out: (s: string) => void;
  err: (s: string) => void;
}

const defaultOutput: Output = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
};

const FORMAT = (choices: readonly string[], dflt: string) => new Option('-f, --format <format>', 'output format').choices([...choices]).default(dflt);

/** Study commands: files outside the study folder are refused unless asked for (src/util/boundary.ts). */
const ALLOW_OUTSIDE = () => new Option('--allow-outside', 'read files that lie outside the study folder (through links or ../ paths); refused by default');

/** Every command that writes CSV: the spreadsheet form (csv-write.ts). */
const EXCEL = () =>
  new Option('--excel', 'CSV for Excel/LibreOffice: UTF-8 byte order mark and `;` as separator (for comma-decimal locales such as Indonesian)');

const LANG = () => new Option('--lang <lang>', 'label language').choices([...LANGS]);
/** Listings: the terminal's and Markdown's headers; csv and json keep their English keys for scripts. */
const LISTING_LANG = () => new Option('--lang <lang>', "language of headers and totals in table and md (default: the study's language)").choices([...LANGS]);

/** Shown after every command's help (commander's afterAll): what scripts and CI need to know. */
export const EXIT_AND_ENV_HELP = `
Exit codes:
  0    done (warnings and notes may be on stderr)
  1    done, but the input has errors (each on stderr with file:line:column); outputs may be partial
  2    could not run: a usage error, a missing study or file, or an internal error
  130  interrupted (Ctrl-C), 143 terminated (qia run then leaves out/ as it was)

Files: \`-\` as an input file is standard input (qia codebook check -); \`-o -\` is standard output.

Environment:
  NO_COLOR=1        never colour (as --no-color); FORCE_COLOR=1 colours a pipe, FORCE_COLOR=0 never
  TERM=dumb         no colour on that terminal
  QIA_CACHE_DIR     where the cache lives (default: qia-cache-<uid> in the system's temporary folder)
  QIA_NO_CACHE=1    no cache: read, parse and code everything afresh
  QIA_DEBUG=1       print the stack trace of an internal error
  QIA_HEAP_GROWING_PERCENT  how far qia code lets a thread's heap grow between full collections (default 20; 0: V8's own)

Shell completion: source <(qia completion bash)   (zsh, fish: see qia completion --help)
`;

function example(...lines: string[]): string {
  return `\nExample${lines.length > 1 ? 's' : ''}:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`;
}

export function buildProgram(run: (name: string, args: string[], opts: Record<string, unknown>) => Promise<void>, io: Output = defaultOutput): Command {
  const program = new Command('qia');
  // Set before any subcommand is created: commander copies these settings into each
  // subcommand at creation, so a bad option value there also throws instead of exiting 1.
  program.exitOverride();
  program.configureOutput({ writeOut: io.out, writeErr: io.err });
  program
    .description('Qualitative innovation-attribute analysis: Rogers attributes, obstacles, Miles & Huberman displays.')
    .version(toolVersion(), '-V, --version')
    .option('--no-color', 'never colour the output (also: NO_COLOR=1, FORCE_COLOR=0, TERM=dumb; colour is on only for a terminal)')
    .hook('preAction', async (cmd) => {
      // A program option, valid before or after the command name.
      if (cmd.opts()['color'] === false) (await import('./render/color.js')).disableColor();
    })
    .showHelpAfterError('(run `qia --help` for usage)')
    .option('--verbose', 'print every diagnostic (by default at most 5 warnings of each kind, then a count)')
    .option('-q, --quiet', 'print errors only: no warnings, notes or progress')
    .addHelpText('after', example('qia run', 'qia init my-study && qia run my-study', 'qia matrix samples/lapak-asik --type role'))
    .addHelpText('afterAll', EXIT_AND_ENV_HELP);

  const act =
    (name: string) =>
    async (...params: unknown[]) => {
      const cmd = params[params.length - 1] as Command;
      // With the program's own options (--quiet, --verbose), wherever they were typed.
      const opts = cmd.optsWithGlobals();
      const args = cmd.args.slice();
      await run(name, args, opts);
    };

  program
    .command('init')
    .description('scaffold a new study folder with the default Rogers codebook and an example transcript')
    .argument('<dir>', 'folder to create (must not hold a study already)')
    .option('--title <title>', 'study title')
    .addOption(new Option('--lang <lang>', 'main language of the material (id or en)').choices([...LANGS]).default('id'))
    .addHelpText('after', example('qia init studi-saya', 'qia run studi-saya'))
    .action(act('init'));

  program
    .command('sources')
    .description('list the sources of a study with kind, informant, role, segments and words, plus diagnostics')
    .argument('[study]', 'study folder (default: the current folder, else the bundled sample)')
    .addOption(FORMAT(SOURCES_FORMATS, 'table'))
    .addOption(LISTING_LANG())
    .addHelpText('after', example('qia sources samples/lapak-asik', 'qia sources --format json > sources.json'))
    .addOption(ALLOW_OUTSIDE())
    .action(act('sources'));

  const codebook = program
    .command('codebook')
    .description('check, show or export a codebook')
    .addHelpText(
      'after',
      example('qia codebook check my-study/codebook.yaml', 'qia codebook show --lang en', 'qia codebook export --format md -o lampiran-kodebuku.md'),
    );
  codebook
    .command('check')
    .description('validate a codebook; exit 1 when it has errors')
    .argument('[file]', 'codebook YAML, `-` for standard input (default: the built-in Rogers codebook)')
    .addOption(new Option('--lang <lang>', "language of the messages (default: the codebook's first language)").choices([...LANGS]))
    .addHelpText('after', example('qia codebook check codebooks/rogers.yaml', 'qia codebook check my-study/codebook.yaml --lang en'))
    .action(act('codebook-check'));
  codebook
    .command('show')
    .description('a readable table of the codes with their labels')
    .argument('[file]', 'codebook YAML, `-` for standard input (default: the built-in Rogers codebook)')
    .addOption(LANG().default('id'))
    .addHelpText('after', example('qia codebook show codebooks/rogers.yaml --lang en'))
    .action(act('codebook-show'));
  codebook
    .command('export')
    .description('export the codebook as a thesis appendix (md), a spreadsheet (csv) or data (json)')
    .argument('[file]', 'codebook YAML, `-` for standard input (default: the built-in Rogers codebook)')
    .addOption(FORMAT(CODEBOOK_FORMATS, 'md'))
    .addOption(EXCEL())
    .addOption(LANG().default('id'))
    .option('-o, --out <file>', 'write to a file instead of stdout (`-`: stdout)')
    .addHelpText('after', example('qia codebook export codebooks/rogers.yaml --format md -o lampiran-kodebuku.md'))
    .action(act('codebook-export'));

  program
    .command('code')
    .description('auto-code every segment with the codebook, merge manual codings, write out/codings.csv')
    .argument('[study]', 'study folder (default: the current folder, else the bundled sample)')
    .addOption(FORMAT(CODING_FORMATS, 'table'))
    .addOption(EXCEL())
    .addOption(LISTING_LANG())
    .option('--explain', 'show, for each coding, the segment, the matched words and the rule')
    .option('--interviewer', 'also code interviewer turns')
    .addOption(new Option('--merge <mode>', 'how manual and auto codings combine').choices([...MERGE_MODES]))
    .option('--learn', 'learn from the codings a person made or judged and propose codes for the unread rest (study.yaml coding.learn)')
    .option('-o, --out <dir>', 'output folder (default: <study>/out)')
    .option('-j, --jobs <n>', 'threads for reading and coding (default: one per core above 2 MB of sources, else 1)')
    .addHelpText('after', example('qia code samples/lapak-asik', 'qia code --explain | less -R', 'qia code --format json > codings.json'))
    .addOption(ALLOW_OUTSIDE())
    .action(act('code'));

  program
    .command('review')
    .description('review the automatic codings one segment at a time, full screen: accept, reject, change code or valence, add, memo, undo')
    .argument('[study]', 'study folder (default: the current folder)')
    .option('-c, --code <code>', 'only codings of this code (a parent code also takes its sub-codes)')
    .option('-s, --source <source>', 'only this source (id or path)')
    .option('-i, --informant <id>', 'only what this informant said')
    .option('--only-unreviewed', 'only segments with codings not yet reviewed')
    .option(
      '--learn',
      'also the codes learnt from the codings a person made or judged, with the words that weighed (qia code --learn; study.yaml coding.learn)',
    )
    .option(
      '--coder <name>',
      'who is reviewing: names the decision log codings/<coder>.decisions.jsonl (default: study.yaml coding.coder, git user.name, login name)',
    )
    .option('--disagreements', "adjudicate: only the segments where the study's coders disagree, each coding with who gave it")
    .option('--coders <list>', 'with --disagreements: the coders whose disagreements to walk, comma-separated (default: as qia agree chooses them)')
    .addOption(LANG())
    .addHelpText(
      'after',
      example('qia review my-study', 'qia review my-study --code complexity --only-unreviewed', 'qia review my-study --disagreements --coder rina'),
    )
    .addOption(ALLOW_OUTSIDE())
    .action(act('review'));

  program
    .command('tag')
    .description('one manual coding from the shell: the lines of a source, a code and its valence (appended to your decision log)')
    .argument('<source>', 'the source file, or its id as `qia sources` lists it')
    .argument('<lines>', 'a line or a range of lines as your editor numbers them, e.g. 12 or 12-14')
    .argument('<code>', 'a code id with + (favourable), - (unfavourable) or 0, e.g. complexity.ease_of_use+')
    .option('--study <dir>', 'the study (default: the folder above the source file, or the current one)')
    .option('--coder <name>', 'who codes (default: study.yaml coding.coder, git user.name, login name)')
    .option('--memo <text>', 'a memo on the coding')
    .addOption(new Option('--lang <lang>', "language of the messages (default: the study's language)").choices([...LANGS]))
    .addHelpText(
      'after',
      example(
        'qia tag sources/interviews/w01-kepala.md 12-14 relative_advantage.time_saving+',
        'qia tag interviews/w01-kepala 20 obstacle_internal.server_system- --memo "server pusat"',
      ),
    )
    .addOption(ALLOW_OUTSIDE())
    .action(act('tag'));

  program
    .command('untag')
    .description('take back a coding qia tag or qia review added')
    .argument('<source>', 'the source file, or its id')
    .argument('<lines>', 'the line or lines it was tagged on')
    .argument('<code>', 'the code id')
    .option('--study <dir>', 'the study (default: the folder above the source file, or the current one)')
    .option('--coder <name>', 'whose tag (default: as for qia tag)')
    .addOption(new Option('--lang <lang>', "language of the messages (default: the study's language)").choices([...LANGS]))
    .addHelpText('after', example('qia untag sources/interviews/w01-kepala.md 12 relative_advantage.time_saving'))
    .addOption(ALLOW_OUTSIDE())
    .action(act('untag'));

  program
    .command('query')
    .description('retrieve coded segments with source, informant and line numbers')
    .argument('[study]', 'study folder')
    .requiredOption('-c, --code <code>', 'code id (a parent code also finds its sub-codes)')
    .option('-r, --role <role>', 'only this informant role')
    .addOption(new Option('-k, --kind <kind>', 'only this source kind').choices([...SOURCE_KINDS]))
    .addOption(new Option('--valence <v>', 'only favourable (+), unfavourable (-) or neutral (0)').choices(['+', '-', '0']))
    .addOption(FORMAT(LIST_FORMATS, 'table'))
    .addOption(EXCEL())
    .addOption(LISTING_LANG())
    .addHelpText('after', example('qia query samples/lapak-asik --code complexity --role user --valence -'))
    .addOption(ALLOW_OUTSIDE())
    .action(act('query'));

  program
    .command('kwic')
    .description('keyword in context, with the same tokenizer and stemmer as coding')
    .argument('<term>', 'a word, a phrase in quotes, or a glob such as kendala*')
    .argument('[study]', 'study folder')
    .option('-w, --window <n>', 'words of context on each side', '6')
    .addOption(FORMAT(LIST_FORMATS, 'table'))
    .addOption(EXCEL())
    .addOption(LISTING_LANG())
    .addHelpText('after', example('qia kwic mudah samples/lapak-asik', 'qia kwic "server down" --window 10'))
    .addOption(ALLOW_OUTSIDE())
    .action(act('kwic'));

  program
    .command('condense')
    .description('a digest per code: counts by valence, informants, sources and representative excerpts')
    .argument('[study]', 'study folder')
    .addOption(FORMAT(DIGEST_FORMATS, 'md'))
    .addOption(LANG())
    .option('-o, --out <file>', 'write to a file instead of stdout (`-`: stdout)')
    .addHelpText('after', example('qia condense samples/lapak-asik > reduksi-data.md'))
    .addOption(ALLOW_OUTSIDE())
    .action(act('condense'));

  program
    .command('matrix')
    .description('one Miles & Huberman display: every cell links back to its codings')
    .argument('[study]', 'study folder')
    .addOption(
      new Option('-t, --type <type>', `display type: ${DISPLAY_TYPES.map((t) => `${t} (${DISPLAY_HELP[t]})`).join('; ')}`)
        .choices([...DISPLAY_TYPES])
        .default('role'),
    )
    .addOption(FORMAT(MATRIX_FORMATS, 'table'))
    .addOption(EXCEL())
    .option(
      '--long',
      'with --format csv: one row per cell with its counts as numbers (codings, favourable, unfavourable, neutral, informants, sources), for R, pandas or a pivot table',
    )
    .option('--cell <row,column>', 'show the evidence behind one cell')
    .addOption(new Option('--by <by>', 'role matrix rows: informant role or side').choices(['role', 'group']))
    .addOption(new Option('--period <period>', 'time matrix: one row per day, month or year').choices(['day', 'month', 'year']))
    .addOption(LANG())
    .option('-o, --out <file>', 'write to a file instead of stdout (`-`: stdout)')
    .addHelpText('after', example('qia matrix samples/lapak-asik --type role', 'qia matrix --type role --cell staff,complexity'))
    .addOption(ALLOW_OUTSIDE())
    .action(act('matrix'));

  program
    .command('agree')
    .description(
      "inter-coder agreement: percent agreement, Cohen's and Fleiss' kappa, Brennan–Prediger, Krippendorff's alpha with a bootstrap interval, between a study's coders code by code or in a matrix file",
    )
    .argument('[study]', 'study folder (default: the current folder, else the bundled sample)')
    .option(
      '-m, --matrix <file>',
      'a CSV reliability matrix instead of a study (`-`: standard input): one row per unit, one column per coder (first column `unit` for ids)',
    )
    .option('--coders <list>', 'only these coders, comma-separated (a study: manual coders, reviewers, auto)')
    .option('--codes <list>', 'study: these codes, comma-separated, each with its sub-codes (default: the top-level codes)')
    .addOption(new Option('--unit <unit>', 'study: the unit coders are compared on (default segment)').choices(['segment', 'sentence', 'paragraph', 'source']))
    .addOption(
      new Option('--level <level>', "level of measurement for Krippendorff's alpha (a study: of the valence; presence is nominal)")
        .choices(['nominal', 'ordinal', 'interval', 'ratio'])
        .default('nominal'),
    )
    .option('--disagreements', 'study: list each unit and code where the coders differ, with its text and who coded what, and a table per pair of coders')
    .option('--draws <n>', "bootstrap draws for alpha's confidence interval (0: none)", '1000')
    .option('--seed <n>', 'seed of the bootstrap, for identical intervals on every run')
    .addOption(FORMAT(['table', 'md', 'csv', 'json'], 'table'))
    .addOption(EXCEL())
    .addOption(LANG().default('id'))
    .option('-o, --out <file>', 'write to a file instead of stdout (`-`: stdout)')
    .addHelpText(
      'after',
      example(
        'qia agree samples/lapak-asik',
        'qia agree my-study --coders rina,budi,auto --unit sentence --lang en',
        'qia agree my-study --disagreements --format md > ketidaksepakatan.md',
        'qia agree --matrix codings.csv --coders ana,budi --format json > agreement.json',
      ),
    )
    .addOption(ALLOW_OUTSIDE())
    .action(act('agree'));

  program
    .command('report')
    .description('the full report: informants, findings, matrices, triangulation, verdicts, saturation, audit')
    .argument('[study]', 'study folder')
    .addOption(FORMAT(REPORT_FORMATS, 'md'))
    .addOption(LANG())
    .option('-o, --out <file>', 'write to a file instead of stdout (`-`: stdout)')
    .addHelpText('after', example('qia report samples/lapak-asik --format html -o laporan.html'))
    .addOption(ALLOW_OUTSIDE())
    .action(act('report'));

  program
    .command('export')
    .description('REFI-QDA exchange: the codebook as .qdc, or the coded study as .qdpx (NVivo, ATLAS.ti, MAXQDA, QualCoder)')
    .addArgument(new Argument('<format>', 'qdc (codebook) or qdpx (project)').choices(['qdc', 'qdpx']))
    .argument('[target]', 'qdc: a study folder or a codebook YAML (builtin:rogers too); qdpx: a study folder')
    .option('-o, --out <file>', 'file to write (required for qdpx; qdc without it goes to stdout)')
    .addOption(LANG())
    .addHelpText('after', example('qia export qdc codebooks/rogers.yaml -o rogers.qdc', 'qia export qdpx samples/lapak-asik -o lapak-asik.qdpx'))
    .addOption(ALLOW_OUTSIDE())
    .action(act('export'));

  program
    .command('import')
    .description('REFI-QDA exchange: a .qdc codebook as codebook YAML, or a .qdpx project as a new study')
    .addArgument(new Argument('<format>', 'qdc (codebook) or qdpx (project)').choices(['qdc', 'qdpx']))
    .argument('<file>', 'the .qdc or .qdpx file')
    .option('-o, --out <file>', 'qdc: the codebook YAML to write (default: stdout)')
    .option('--into <dir>', 'qdpx: the study folder to create (new, empty, or fresh from `qia init`)')
    .addOption(new Option('--offsets <unit>', 'qdpx: unit of selection positions (default: read from the file)').choices(['codepoints', 'utf16']))
    .addOption(new Option('--lang <lang>', 'language of the material when the file does not say').choices(['id', 'en']))
    .addHelpText('after', example('qia import qdc codebook.qdc -o codebook.yaml', 'qia import qdpx nvivo-export.qdpx --into studi-baru --offsets utf16'))
    .action(act('import'));

  program
    .command('compare')
    .description(
      'cross-case comparison: each study analysed with its own codebook, compared on the codes they share (meta-matrix, case-ordered display, obstacles, roles, verdict stability)',
    )
    .argument('<study...>', 'study folders, globs (samples/*) or a compare.yaml')
    .addOption(
      new Option('-f, --format <format>', 'output format (md and html: the comparison report)')
        .choices(['table', 'md', 'csv', 'json', 'html'])
        .default('table'),
    )
    .addOption(
      new Option('-d, --display <display>', 'only one display (table; csv: which one, default meta)').choices([
        'meta',
        'ordered',
        'obstacles',
        'roles',
        'stability',
      ]),
    )
    .option('--order <key>', 'case-ordered display: favourability, a top-level code or a study variable (study.yaml variables:), with :asc or :desc')
    .option('--cell <case,code>', 'the conclusion, witnesses and quotes behind one cell')
    .option('-o, --out <dir>', 'write every format into this folder (compare.md, compare.html, compare.json, compare-<display>.csv)')
    .addOption(LANG())
    .option('-j, --jobs <n>', 'studies analysed at once, one per thread (default: one per core)')
    .addHelpText(
      'after',
      example(
        'qia compare samples/*',
        'qia compare samples/* --format json > compare.json',
        'qia compare samples/* --order year --display ordered',
        'qia compare compare.yaml --out hasil-banding',
        'qia compare samples/* --cell lapak-asik,complexity',
      ),
    )
    .addOption(ALLOW_OUTSIDE())
    .action(act('compare'));

  program
    .command('run')
    .description("the whole pipeline into out/ (no argument: the bundled sample); several studies: each one's out/ and their comparison")
    .argument('[study...]', 'study folder (default: the current folder if it holds study.yaml, else the bundled sample); several: each is run and compared')
    .option('-o, --out <dir>', "output folder (default: <study>/out; several studies: the comparison's folder, default compare-out/ beside them)")
    .option('--order <key>', "several studies: the comparison's case order (as qia compare --order)")
    .addOption(LANG())
    .option('-j, --jobs <n>', 'threads for reading and coding (default: one per core above 2 MB of sources, else 1)')
    .addOption(EXCEL())
    .addHelpText('after', example('qia run', 'qia run my-study --out /tmp/hasil', 'qia run samples/*'))
    .addOption(ALLOW_OUTSIDE())
    .action(act('run'));

  program
    .command('completion')
    .description('print a completion script for bash, zsh or fish: commands, options and their values (--lang, --format, --type …)')
    .addArgument(new Argument('<shell>', 'bash, zsh or fish').choices([...SHELLS]))
    .addHelpText(
      'after',
      example(
        'source <(qia completion bash)',
        'qia completion bash > ~/.local/share/bash-completion/completions/qia',
        'qia completion zsh > "${fpath[1]}/_qia"',
        'qia completion fish > ~/.config/fish/completions/qia.fish',
      ),
    )
    .action(act('completion'));

  return program;
}

function printDiagnostics(items: readonly Diagnostic[], io: Output, opts: PrintOptions = {}): void {
  for (const line of diagnosticLines(items, opts)) io.err(line + '\n');
}

/** Colour on stdout: as render/color.ts decides, without loading chalk here. */
function stdoutColour(): boolean {
  const noColor = process.env['NO_COLOR'];
  if (noColor !== undefined && noColor !== '') return false;
  if (process.env['FORCE_COLOR'] && process.env['FORCE_COLOR'] !== '0') return true;
  return Boolean(process.stdout.isTTY);
}

/**
 * Every character qia prints passes here: output shows text from the study (file names, quotes,
 * labels, front matter), and none of its control characters may reach the terminal. qia's own
 * colour survives on stdout when colour is on; diagnostics carry none.
 */
function guarded(io: Output): Output {
  const keepColour = stdoutColour();
  return { out: (s) => io.out(terminalSafe(s, { keepColour })), err: (s) => io.err(terminalSafe(s)) };
}

/** The only top-level catch: turns every outcome into output and an exit code. */
export async function main(argv: string[], rawIo: Output = defaultOutput): Promise<number> {
  const io = guarded(rawIo);
  let exitCode = 0;
  // --lang of the command that runs: the language of an error it throws, unless the error says its own.
  let asked: Lang | undefined;
  const run = async (name: string, args: string[], opts: Record<string, unknown>) => {
    asked = opts['lang'] as Lang | undefined;
    const mod = (await import(`./commands/${name}.js`)) as { run: Runner };
    const result = await mod.run(args, opts);
    if (result.stdout) io.out(result.stdout.endsWith('\n') ? result.stdout : result.stdout + '\n');
    const diags = result.diagnostics ?? [];
    const global = program.opts();
    // Messages and hints in --lang, else the study's language; codes and severities stay as they are.
    const lang = (opts['lang'] as Lang | undefined) ?? result.lang ?? 'en';
    printDiagnostics(diags, io, {
      verbose: Boolean(global['verbose'] ?? opts['verbose']),
      quiet: Boolean(global['quiet'] ?? opts['quiet']),
      format: (d) => formatDiagnostic(localDiagnostic(d, lang)),
      summary: lang === 'id' ? summaryLineId : summaryLine,
    });
    exitCode = result.exitCode ?? (diags.some((d) => d.severity === 'error') ? 1 : 0);
  };
  const program = buildProgram(run, io);
  try {
    await program.parseAsync(argv);
    return exitCode;
  } catch (err) {
    if (err instanceof CommanderError) {
      // Help and version are successful exits; any other commander error is a usage error.
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.exitCode === 0) return 0;
      return 2;
    }
    if (err instanceof QiaError) {
      const lang = err.lang ?? asked ?? 'en';
      printDiagnostics([localDiagnostic(err.toDiagnostic(), lang)], io, { summary: lang === 'id' ? summaryLineId : summaryLine });
      return err.exitCode;
    }
    const e = err as NodeJS.ErrnoException;
    io.err(`qia: error: ${e?.message ?? String(err)} [internal]\n`);
    if (process.env['QIA_DEBUG'] && e?.stack) io.err(e.stack + '\n');
    return 2;
  }
}

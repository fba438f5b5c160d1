import { readStdin, STDIO } from '../util/stdio.js';
import { dialectOf } from '../render/csv-write.js';
import { readFile, rename, unlink, writeFile } from 'node:fs/promises';
import type { Lang } from '../model/codebook.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { Diagnostics, QiaError } from '../util/diagnostics.js';
import { LEVELS, type Level } from '../conclude/agreement/alpha.js';
import { DEFAULT_DRAWS, DEFAULT_SEED } from '../conclude/agreement/bootstrap.js';
import { selectCoders } from '../conclude/agreement/data.js';
import { decodeMatrixBytes, parseMatrixCsv } from '../conclude/agreement/matrix-csv.js';
import { agreementResult } from '../conclude/agreement/result.js';
import { renderAgreement, type AgreementFormat } from '../render/agreement.js';
import type { StudyAgreementOptions } from '../conclude/agreement/study.js';
import { UNIT_KINDS, type UnitKind } from '../conclude/agreement/units.js';

/**
 * What commands/result.ts calls CommandResult, restated here so this command depends only on
 * the model types and diagnostics while the folders around it are being reorganised; the CLI
 * accepts it as is (the shapes are the same).
 */
export interface CommandResult {
  stdout?: string;
  diagnostics?: Diagnostic[];
  exitCode?: 0 | 1 | 2;
}

export interface AgreeOptions {
  allowOutside?: boolean;
  matrix?: string;
  coders?: string;
  codes?: string;
  unit?: string;
  level?: Level;
  disagreements?: boolean;
  format?: AgreementFormat;
  lang?: Lang;
  out?: string;
  draws?: string;
  seed?: string;
}

/**
 * `qia agree [study]`: agreement between the coders of a study, code by code (presence, and
 * valence where two or more applied a code), with `--disagreements` the units and codes where
 * they differ; `qia agree --matrix file.csv`: agreement of a reliability matrix (rows units,
 * columns coders). Both give percent agreement, Cohen's and Fleiss' kappa, Brennan–Prediger, and
 * Krippendorff's alpha with a bootstrap interval, each with its interpretation.
 */
export async function run(args: string[], opts: Record<string, unknown>): Promise<CommandResult> {
  const o = opts as AgreeOptions;
  if (!o.matrix) return studyMode(args[0], o);
  const level = o.level ?? 'nominal';
  if (!LEVELS.includes(level)) throw new QiaError('agree/bad-level', `--level must be one of ${LEVELS.join(', ')}, got "${level}"`);
  const draws = wholeNumber(o.draws, DEFAULT_DRAWS, 0, 1_000_000, '--draws');
  const seed = wholeNumber(o.seed, DEFAULT_SEED, 0, 2 ** 32 - 1, '--seed');
  const diags = new Diagnostics();
  for (const [flag, value] of [
    ['--codes', o.codes],
    ['--unit', o.unit],
  ] as const) {
    if (value !== undefined) diags.warn('agree/ignored-option', `${flag} applies to a study's codings, not to a matrix file; it was ignored`);
  }
  if (args[0] !== undefined) diags.warn('agree/ignored-option', `the study "${args[0]}" was ignored: --matrix gives the data`);
  if (o.disagreements) diags.warn('agree/ignored-option', "--disagreements lists the disagreements of a study's coders, not of a matrix file; it was ignored");

  const file = o.matrix;
  let bytes: Uint8Array;
  try {
    // `--matrix -`: the matrix piped in.
    bytes = file === STDIO ? await readStdin() : await readFile(file);
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    const why = e.code === 'ENOENT' ? 'no such file' : e.code === 'EISDIR' ? 'it is a folder' : (e.message ?? String(err));
    throw new QiaError('agree/no-file', `cannot read the matrix ${file}: ${why}`, { file }, 'give a CSV file with one row per unit and one column per coder');
  }
  const parsed = parseMatrixCsv(decodeMatrixBytes(bytes, file, diags), file, diags, { level });
  if (!parsed) return { diagnostics: diags.items, exitCode: 1 };

  let data = parsed.data;
  if (o.coders !== undefined) {
    const names = list(o.coders);
    if (names.length < 2)
      throw new QiaError(
        'agree/coders',
        '--coders needs at least two coder names, separated by commas',
        {},
        `the coders in ${file} are ${data.coders.join(', ')}`,
      );
    data = selectCoders(data, names);
  }
  const result = agreementResult(data, [], { level, bootstrap: draws === 0 ? false : { draws, seed } });
  return output(renderAgreement(result, o.format ?? 'table', o.lang ?? 'id', dialectOf(o as Record<string, unknown>)), o, diags.items);
}

/** The study's coders, compared code by code (docs/agreement.md, "Coders of a study"). */
async function studyMode(arg: string | undefined, o: AgreeOptions): Promise<CommandResult> {
  const level = o.level ?? 'nominal';
  if (!LEVELS.includes(level)) throw new QiaError('agree/bad-level', `--level must be one of ${LEVELS.join(', ')}, got "${level}"`);
  const unit = o.unit ?? 'segment';
  if (!(UNIT_KINDS as readonly string[]).includes(unit))
    throw new QiaError('agree/bad-option', `--unit must be one of ${UNIT_KINDS.join(', ')}, got "${unit}"`);
  const draws = wholeNumber(o.draws, DEFAULT_DRAWS, 0, 1_000_000, '--draws');
  const seed = wholeNumber(o.seed, DEFAULT_SEED, 0, 2 ** 32 - 1, '--seed');
  const coders = o.coders === undefined ? undefined : list(o.coders);
  if (coders !== undefined && coders.length < 2)
    throw new QiaError(
      'agree/coders',
      '--coders needs at least two coder names, separated by commas',
      {},
      'for example: --coders coder-a,coder-b (auto is the codebook)',
    );
  const codes = o.codes === undefined ? undefined : list(o.codes);
  if (codes !== undefined && codes.length === 0)
    throw new QiaError('agree/bad-option', '--codes needs at least one code id', {}, 'for example: --codes complexity,complexity.skills');

  const { codedStudyWithTexts } = await import('./study.js');
  const { opened, ...coded } = await codedStudyWithTexts(arg, { allowOutside: Boolean(o.allowOutside) });
  const { agreementInput } = await import('../conclude/agreement/section.js');
  const { studyAgreement } = await import('../conclude/agreement/study.js');
  const options: StudyAgreementOptions = { unit: unit as UnitKind, level, bootstrap: draws === 0 ? false : { draws, seed } };
  if (coders) options.coders = coders;
  if (codes) options.codes = codes;
  const a = studyAgreement(agreementInput(opened, coded), options);
  const lang = o.lang ?? 'id';
  const format = o.format ?? 'table';
  // The study's own problems (a coding that could not be placed, a log line that could not be read) bear on the figures.
  const diagnostics = coded.analysis.diagnostics.filter((d) => d.severity !== 'info');
  if (o.disagreements) {
    const { renderDisagreements } = await import('../render/agreement-disagreements.js');
    return output(renderDisagreements(a, format, lang, dialectOf(o as Record<string, unknown>)), o, diagnostics);
  }
  const { renderStudyAgreement } = await import('../render/agreement-study.js');
  return output(
    renderStudyAgreement(a, format, lang, { perEvidence: coded.analysis.counting.perEvidence }, dialectOf(o as Record<string, unknown>)),
    o,
    diagnostics,
  );
}

async function output(text: string, o: AgreeOptions, diagnostics: Diagnostic[]): Promise<CommandResult> {
  if (o.out && o.out !== '-') {
    await writeAtomic(o.out, text);
    return { diagnostics };
  }
  return { stdout: text, diagnostics };
}

/** A comma-separated option, each name trimmed, empty ones dropped. */
function list(raw: string): string[] {
  return raw
    .split(',')
    .map((c) => c.trim())
    .filter((c) => c !== '');
}

function wholeNumber(raw: string | undefined, dflt: number, min: number, max: number, flag: string): number {
  if (raw === undefined) return dflt;
  const n = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || n < min || n > max)
    throw new QiaError('agree/bad-option', `${flag} must be a whole number from ${min} to ${max}, got "${raw}"`);
  return n;
}

/** Write beside the target and rename, so a reader never sees half a file. */
async function writeAtomic(path: string, text: string): Promise<void> {
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    await writeFile(tmp, text);
    await rename(tmp, path);
  } catch (err) {
    await unlink(tmp).catch(() => undefined);
    const e = err as NodeJS.ErrnoException;
    throw new QiaError('agree/write', `cannot write ${path}: ${e.code ?? e.message}`, { file: path });
  }
}

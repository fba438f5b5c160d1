import { existsSync, realpathSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { globSync, isDynamicPattern } from 'tinyglobby';
import { analyseAll } from '../compare/pool.js';
import type { AnalyseReply, AnalyseRequest } from '../compare/analyse.js';
import { buildComparison } from '../compare/build.js';
import { readCompareConfig } from '../compare/config.js';
import type { CaseOrder, Comparison } from '../compare/model.js';
import { COMPARE_DISPLAYS, dataSheet, type CompareDisplay } from '../compare/sheets.js';
import type { StudySummary } from '../compare/summary.js';
import { w } from '../i18n/compare.js';
import { LANGS, type Lang } from '../model/codebook.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { renderCompareCsv, renderCompareJson, renderCompareMd, renderCompareTable, type CompareFormat } from '../render/compare.js';
import { renderCompareHtml } from '../render/compare-html.js';
import { stableJson } from '../util/stable-json.js';
import { valenceMarks } from '../i18n/labels.js';
import { verdictLabel } from '../i18n/report.js';
import { displayPath } from '../util/display-path.js';
import { hasErrors, QiaError } from '../util/diagnostics.js';
import { StagedFolder } from '../util/staged-folder.js';
import { jobsOption } from './study.js';
import type { CommandResult } from './result.js';
import { tagged } from '../render/json-kinds.js';

export interface CompareOptions {
  out?: string;
  format?: CompareFormat;
  cell?: string;
  order?: string;
  display?: CompareDisplay;
  lang?: Lang;
  jobs?: string;
  allowOutside?: boolean;
}

/** The files a comparison writes into its folder. */
export function* comparisonFiles(c: Comparison): Iterable<[string, string]> {
  yield ['compare.md', renderCompareMd(c)];
  yield ['compare.html', renderCompareHtml(c)];
  yield ['compare.json', renderCompareJson(c)];
  for (const d of COMPARE_DISPLAYS) yield [`compare-${d}.csv`, renderCompareCsv(c, d)];
}

/**
 * `qia compare <study…>`: each study analysed with its own codebook and settings (in parallel,
 * one study per worker thread), then compared on the codes they share. A study that cannot be
 * analysed is named, left out, and makes the exit code 1; the others are still compared.
 */
export async function run(args: string[], opts: Record<string, unknown>): Promise<CommandResult> {
  const o = opts as CompareOptions;
  const { dirs, config, diagnostics: found } = collectStudies(args);
  const out = o.out ? resolve(o.out) : config?.out;
  const lang = langOf(o.lang ?? config?.lang);
  const { summaries, diagnostics } = await analyse(dirs, false, o);
  if (summaries.length === 0) return nothingToCompare([...found, ...diagnostics]);
  const order = o.order ?? config?.order;
  const built = compareSummaries(summaries, lang, order);
  const all = [...found, ...diagnostics, ...built.diagnostics];
  const exitCode = hasErrors(all) ? 1 : 0;
  const c = built.comparison;
  if (o.cell) return { stdout: cellEvidence(c, summaries, o.cell, o.format ?? 'table'), diagnostics: all, exitCode };
  if (out) {
    const names = await writeComparison(out, c);
    return {
      stdout: `${w(c.lang, 'comparison')}: ${c.cases.length} ${w(c.lang, 'cases').toLowerCase()} → ${displayPath(out)}/: ${names.join(', ')}`,
      diagnostics: all,
      exitCode,
    };
  }
  return { stdout: renderComparison(c, o.format ?? 'table', o.display), diagnostics: all, exitCode };
}

/**
 * `qia run a b c`: each study's own out/ written as `qia run` writes it, and their comparison
 * into --out, else `compare-out/` in the folder that holds them all.
 */
export async function runSeveral(args: string[], opts: Record<string, unknown>): Promise<CommandResult> {
  const o = opts as CompareOptions;
  const { dirs, config, diagnostics: found } = collectStudies(args);
  const { summaries, diagnostics, replies } = await analyse(dirs, true, { ...o, out: undefined } as CompareOptions);
  if (summaries.length === 0) return nothingToCompare([...found, ...diagnostics]);
  const built = compareSummaries(summaries, langOf(o.lang ?? config?.lang), o.order ?? config?.order);
  const all = [...found, ...diagnostics, ...built.diagnostics];
  const out = o.out ? resolve(o.out) : (config?.out ?? join(commonParent(dirs), 'compare-out'));
  const lines: string[] = [];
  for (const r of replies)
    if (r.summary)
      lines.push(
        `${r.id}: ${displayPath(
          join(
            dirs.find((d) => idOf(dirs, d) === r.id)!,
            'out',
          ),
        )}/`,
      );
  const names = await writeComparison(out, built.comparison);
  lines.push(
    '',
    `${w(built.comparison.lang, 'comparison')}: ${built.comparison.cases.length} ${w(built.comparison.lang, 'cases').toLowerCase()} → ${displayPath(out)}/: ${names.join(', ')}`,
  );
  return { stdout: lines.join('\n'), diagnostics: all, exitCode: hasErrors(all) ? 1 : 0 };
}

function langOf(v: string | undefined): Lang | undefined {
  if (v === undefined) return undefined;
  if ((LANGS as readonly string[]).includes(v)) return v as Lang;
  throw new QiaError('usage/bad-lang', `language must be ${LANGS.join(' or ')}, not ${v}`);
}

export function renderComparison(c: Comparison, format: CompareFormat, display?: CompareDisplay): string {
  switch (format) {
    case 'json':
      return renderCompareJson(c);
    case 'csv':
      return renderCompareCsv(c, display ?? 'meta');
    case 'md':
      return renderCompareMd(c);
    case 'html':
      return renderCompareHtml(c);
    case 'table':
      return renderCompareTable(c, display ? [display] : COMPARE_DISPLAYS);
  }
}

async function writeComparison(out: string, c: Comparison): Promise<string[]> {
  const staged = new StagedFolder(out);
  try {
    await staged.open();
    for (const [name, text] of comparisonFiles(c)) await staged.write(name, text);
    return await staged.commit();
  } finally {
    await staged.discard();
  }
}

/** Every study failed: their diagnostics, and one saying there is nothing to compare. */
function nothingToCompare(diagnostics: Diagnostic[]): CommandResult {
  const none = new QiaError(
    'compare/no-study',
    'no study could be analysed, so there is nothing to compare',
    {},
    'the diagnostics above name each study and its problem',
  ).toDiagnostic();
  return { diagnostics: [...diagnostics, none], exitCode: 1 };
}

function compareSummaries(summaries: StudySummary[], lang: Lang | undefined, order: string | undefined): { comparison: Comparison; diagnostics: Diagnostic[] } {
  if (summaries.length === 0)
    throw new QiaError(
      'compare/no-study',
      'no study could be analysed, so there is nothing to compare',
      {},
      'the diagnostics above name each study and its problem',
      1,
    );
  const first = buildComparison(summaries, lang ? { lang } : {});
  if (order === undefined) return first;
  return buildComparison(summaries, { ...(lang ? { lang } : {}), order: parseOrder(order, first.comparison, summaries) });
}

/**
 * `--order favourability`, a shared top-level code (its favourable share) or a study variable,
 * with `:asc` or `:desc` (favourability and codes default to most favourable first, variables to ascending).
 */
export function parseOrder(text: string, c: Comparison, summaries: readonly StudySummary[]): CaseOrder {
  const m = /^(.*?)(?::(asc|desc))?$/.exec(text.trim())!;
  const key = m[1]!;
  const dir = m[2];
  if (key === 'favourability' || key === 'favorability') return { kind: 'favourability', descending: dir !== 'asc' };
  if (c.metaMatrix.columns.includes(key)) return { kind: 'code', key, descending: dir !== 'asc' };
  if (summaries.some((s) => key in s.variables)) return { kind: 'variable', key, descending: dir === 'desc' };
  const vars = [...new Set(summaries.flatMap((s) => Object.keys(s.variables)))].sort();
  throw new QiaError(
    'usage/bad-order',
    `cannot order cases by \`${key}\`: it is neither favourability, a shared top-level code nor a variable of any study`,
    {},
    vars.length
      ? `choose favourability, a code (${c.metaMatrix.columns.join(', ')}) or a variable (${vars.join(', ')}), optionally with :asc or :desc`
      : `choose favourability, a code (${c.metaMatrix.columns.join(', ')}); study variables are set in study.yaml \`variables:\`, optionally with :asc or :desc`,
  );
}

interface Collected {
  dirs: string[];
  config?: ReturnType<typeof readCompareConfig>;
  diagnostics: Diagnostic[];
}

/**
 * The study folders named: folders, globs (expanded here when the shell did not), or one
 * compare.yaml. Each folder once (by its real path), sorted, so the order named never matters.
 */
export function collectStudies(args: readonly string[]): Collected {
  if (args.length === 0)
    throw new QiaError('usage/no-study', 'name the studies to compare: folders, globs or a compare.yaml', {}, 'e.g. `qia compare samples/*`');
  const diagnostics: Diagnostic[] = [];
  let config: Collected['config'];
  const named: string[] = [];
  for (const arg of args) {
    const abs = resolve(arg);
    if (/\.ya?ml$/i.test(arg) && existsSync(abs) && statSync(abs).isFile()) {
      if (basename(abs) === 'study.yaml') {
        named.push(dirname(abs));
        continue;
      }
      config = readCompareConfig(abs);
      for (const s of config.studies) {
        const matched = expand(s, dirname(abs));
        if (matched.length === 0)
          diagnostics.push({
            severity: 'warning',
            code: 'compare/no-match',
            message: `${displayPath(s)} (in ${displayPath(abs)}) matches no folder`,
            file: displayPath(abs),
          });
        named.push(...matched);
      }
      continue;
    }
    const matched = expand(arg, process.cwd());
    if (matched.length === 0) diagnostics.push({ severity: 'warning', code: 'compare/no-match', message: `${arg} matches no folder` });
    named.push(...matched);
  }
  const seen = new Map<string, string>();
  for (const p of named) {
    if (existsSync(p) && !statSync(p).isDirectory()) {
      diagnostics.push({
        severity: 'warning',
        code: 'compare/not-a-folder',
        message: `${displayPath(p)} is a file, not a study folder: skipped`,
        file: displayPath(p),
      });
      continue;
    }
    const real = existsSync(p) ? realpathSync(p) : p;
    if (!seen.has(real)) seen.set(real, p);
  }
  const dirs = [...seen.values()].map((p) => resolve(p)).sort();
  if (dirs.length === 0)
    throw new QiaError(
      'usage/no-study',
      `no study folder matches ${args.join(' ')}`,
      {},
      'name study folders (each holding a study.yaml) or a glob such as samples/*',
    );
  return config ? { dirs, config, diagnostics } : { dirs, diagnostics };
}

function expand(pattern: string, cwd: string): string[] {
  if (!isDynamicPattern(pattern)) return [resolve(cwd, pattern)];
  const rel = relative(cwd, resolve(cwd, pattern)).split(sep).join('/');
  return globSync(rel, { cwd, onlyDirectories: true, absolute: true, expandDirectories: false }).map((p) => resolve(p));
}

/** A study's name in the comparison: its folder's name, or its path where two folders share a name. */
export function idOf(dirs: readonly string[], dir: string): string {
  const name = basename(dir);
  return dirs.filter((d) => basename(d) === name).length > 1 ? displayPath(dir) : name;
}

function commonParent(dirs: readonly string[]): string {
  let common = dirname(dirs[0]!);
  for (const d of dirs)
    while (!(dirname(d) + sep).startsWith(common.endsWith(sep) ? common : common + sep) && dirname(common) !== common) common = dirname(common);
  return common;
}

async function analyse(
  dirs: readonly string[],
  write: boolean,
  o: CompareOptions,
): Promise<{ summaries: StudySummary[]; diagnostics: Diagnostic[]; replies: AnalyseReply[] }> {
  const reqs: AnalyseRequest[] = dirs.map((dir) => ({ dir, id: idOf(dirs, dir), write, allowOutside: o.allowOutside ?? false }));
  const jobs = jobsOption(o.jobs) ?? availableParallelism();
  const tty = process.stderr.isTTY === true;
  const replies = await analyseAll(reqs, jobs, tty ? (done, total, id) => process.stderr.write(`\r\x1b[Kqia: ${done}/${total} ${id}`) : undefined);
  if (tty) process.stderr.write('\r\x1b[K');
  const summaries: StudySummary[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const r of replies) {
    if (r.summary) summaries.push(r.summary);
    diagnostics.push(...r.diagnostics);
  }
  return { summaries, diagnostics, replies };
}

/** `--cell case,code`: the conclusion of one case on one shared code, with the quotes and witnesses behind it. */
function cellEvidence(c: Comparison, summaries: readonly StudySummary[], spec: string, format: CompareFormat): string {
  const [caseId, code] = spec.split(',').map((x) => x.trim());
  const s = summaries.find((x) => x.id === caseId || x.case === caseId);
  if (!s || !code)
    throw new QiaError(
      'usage/bad-cell',
      `no case \`${caseId ?? ''}\` in this comparison`,
      {},
      `cases: ${c.cases.map((k) => k.id).join(', ')}; write --cell case,code`,
    );
  const shared = c.codes.find((x) => x.id === code);
  const cell = s.cells[code];
  if (!shared || !cell)
    throw new QiaError('usage/bad-cell', `\`${code}\` is not a code every case shares`, {}, `shared codes: ${c.codes.map((x) => x.id).join(', ')}`);
  if (format === 'json') return stableJson(tagged('compare-cell', { case: s.id, caseLabel: s.case, study: s.title, ...cell }));
  const L = c.lang;
  const q = (x: StudySummary['cells'][string]['support'][number]) =>
    `  ${x.valence > 0 ? '+' : x.valence < 0 ? '−' : '0'} ${x.source}:${x.line}${x.informant ? ` ${x.informant}` : ''}${x.role ? ` (${x.role})` : ''}  “${x.quote}”`;
  const lines = [
    `${s.id} (${s.case}) × ${shared.label} (${code})`,
    `${verdictLabel(cell.verdict, L)}: ${valenceMarks(cell.counts) || '0'}, ${cell.total} · ${w(L, 'informants')}: ${cell.informantIds.join(', ') || '—'} · ${w(L, 'sources')}: ${cell.sourceIds.join(', ') || '—'}`,
    '',
    `${w(L, 'support')}:`,
    ...(cell.support.length ? cell.support.map(q) : [`  ${w(L, 'none')}`]),
    `${w(L, 'against')} (${cell.againstTotal}):`,
    ...(cell.against.length ? cell.against.map(q) : [`  ${w(L, 'none')}`]),
  ];
  if (cell.againstTotal > cell.against.length) lines.push(`  … ${cell.againstTotal - cell.against.length} ${w(L, 'more')}`);
  return lines.join('\n');
}

export { dataSheet };

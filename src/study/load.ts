import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { DEFAULT_MIN_SCORE } from '../index/counted.js';
import { isAbsolute, join, resolve } from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type Pair, type YAMLMap } from 'yaml';
import type { AuditFile } from '../model/conclusion.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { Informant } from '../model/informant.js';
import { LANGS, type Lang } from '../model/codebook.js';
import { SOURCE_KINDS, type SourceKind } from '../model/source.js';
import type { SourceSpec, Study } from '../model/study.js';
import { isCalendarDate } from '../util/date.js';
import { Diagnostics } from '../util/diagnostics.js';
import { displayPath } from '../util/display-path.js';
import { hashed } from './researcher-files.js';
import { checkInside, OUTSIDE_HINT, refusalText } from '../util/boundary.js';
import { parseInformants } from './informants.js';
import { auditPath, DEFAULT_CODEBOOK } from './resolve.js';
import { checkReport } from './report-settings.js';

const KNOWN_KEYS = new Set(['title', 'case', 'language', 'codebook', 'informants', 'sources', 'coding', 'verdicts', 'report', 'limits', 'variables']);
const SPEC_KEYS = new Set(['glob', 'kind', 'role', 'group', 'informant', 'date', 'title']);
/** Keys later stages read; the loader keeps them verbatim in Study.settings. */
const SETTINGS_KEYS = ['coding', 'verdicts', 'report', 'limits'];

/** Built-in codebooks a study may name as `builtin:<name>`. */
const BUILTIN_CODEBOOKS: Record<string, string> = { rogers: DEFAULT_CODEBOOK };

export interface LoadedStudy {
  study?: Study;
  informants: Informant[];
  diagnostics: Diagnostic[];
  /** study.yaml and the informants file, hashed as read, for the audit trail. */
  files: AuditFile[];
  /** The text of study.yaml, for locating later settings' diagnostics. */
  text?: string;
}

/**
 * Read and validate study.yaml and informants.csv. Everything that can be checked without
 * reading sources is checked here; `study` is undefined only when study.yaml is missing, not
 * YAML, or lacks what no command can do without.
 */
export async function loadStudy(dir: string, options: { allowOutside?: boolean } = {}): Promise<LoadedStudy> {
  const allowOutside = options.allowOutside ?? false;
  const root = resolve(dir);
  const abs = join(root, 'study.yaml');
  const file = displayPath(abs);
  const diags = new Diagnostics();
  const files: AuditFile[] = [];
  let text: string;
  try {
    const bytes = await readFile(abs);
    files.push(hashed('study.yaml', 'study', bytes));
    text = bytes.toString('utf8');
  } catch {
    diags.error('study/no-study-yaml', `${displayPath(root)} holds no study.yaml`, { file }, 'create one with `qia init <dir>`');
    return { informants: [], diagnostics: diags.items, files };
  }
  const top = topLevel(text, file, diags);
  if (!top) return { informants: [], diagnostics: diags.items, files, text };
  const { pairs, at } = top;
  const scalar = scalarOf(pairs);
  const title = required(scalar('title'), 'title', file, at, diags);
  const kase = required(scalar('case'), 'case', file, at, diags);
  const language = languageOf(scalar('language'), at, diags);
  const codebook = codebookOf(scalar('codebook'), root, at, diags);
  const { path: informantsPath, informants } = await readInformantsFile(scalar('informants'), root, at, diags, files, allowOutside);
  const sources = readSpecs(pairs.get('sources'), diags, at);
  checkSourceInformants(sources, informants, file, diags);
  const settings = settingsOf(pairs, diags, at);
  const variables = variablesOf(pairs.get('variables'), diags, at);
  if (title === undefined || kase === undefined) return { informants, diagnostics: diags.items, files, text };
  const study: Study = { root, file: abs, title, case: kase, language, codebook, informants: informantsPath, sources, settings, variables, allowOutside };
  return { study, informants, diagnostics: diags.items, files, text };
}

type Scalar = { value?: string; node?: Node };

/** The top-level mapping of study.yaml by key, unknown keys reported; undefined (reported) when it is not YAML or not a mapping. */
function topLevel(text: string, file: string, diags: Diagnostics): { pairs: Map<string, Pair<unknown, unknown>>; at: At } | undefined {
  const lc = new LineCounter();
  const doc = parseDocument(text.replace(/^\uFEFF/, ''), { lineCounter: lc, prettyErrors: false });
  const at: At = (node) => {
    const p = lc.linePos(node?.range?.[0] ?? 0);
    return { file, line: p.line, column: p.col };
  };
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    const p = lc.linePos(e.pos[0]);
    diags.error('study/yaml-invalid', `study.yaml is not valid YAML: ${e.message.split('\n')[0]}`, { file, line: p.line, column: p.col });
    return undefined;
  }
  if (!isMap(doc.contents)) {
    diags.error('study/yaml-invalid', 'study.yaml must be a mapping of `key: value` lines', { file, line: 1, column: 1 });
    return undefined;
  }
  const pairs = new Map<string, Pair<unknown, unknown>>();
  for (const pair of (doc.contents as YAMLMap<unknown, unknown>).items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    if (!KNOWN_KEYS.has(key))
      diags.warn('study/unknown-key', `unknown key \`${key}\` in study.yaml`, at(pair.key as Node), `known keys: ${[...KNOWN_KEYS].join(', ')}`);
    pairs.set(key, pair);
  }
  return { pairs, at };
}

/** A top-level key's text value (trimmed, non-empty), with the node to point diagnostics at. */
function scalarOf(pairs: Map<string, Pair<unknown, unknown>>): (key: string) => Scalar {
  return (key) => {
    const pair = pairs.get(key);
    if (!pair) return {};
    const v = pair.value as Node | null;
    if (isScalar(v) && v.value !== null && v.value !== undefined && String(v.value).trim() !== '') return { value: String(v.value).trim(), node: v };
    return { node: (v ?? pair.key) as Node };
  };
}

function required(v: Scalar, key: 'title' | 'case', file: string, at: At, diags: Diagnostics): string | undefined {
  if (v.value === undefined) {
    diags.error(
      'study/missing-key',
      `study.yaml needs a \`${key}\``,
      v.node ? at(v.node) : { file, line: 1, column: 1 },
      key === 'case' ? 'a short case name, e.g. `case: "LAPAK ASIK, BPJS Ketenagakerjaan Bandar Lampung"`' : undefined,
    );
  }
  return v.value;
}

function languageOf(lang: Scalar, at: At, diags: Diagnostics): Lang {
  if (lang.value === undefined) return 'id';
  if ((LANGS as readonly string[]).includes(lang.value)) return lang.value as Lang;
  diags.error('study/invalid-value', `language must be id or en, not \`${lang.value}\``, at(lang.node));
  return 'id';
}

/** `codebook:` as an absolute path: `builtin:<name>`, else a path relative to the study. */
function codebookOf(cb: Scalar, root: string, at: At, diags: Diagnostics): string {
  if (cb.value === undefined) return DEFAULT_CODEBOOK;
  if (cb.value.startsWith('builtin:')) {
    const name = cb.value.slice('builtin:'.length);
    const builtin = BUILTIN_CODEBOOKS[name];
    if (builtin) return builtin;
    diags.error(
      'study/invalid-value',
      `no built-in codebook \`${name}\``,
      at(cb.node),
      `built-in codebooks: ${Object.keys(BUILTIN_CODEBOOKS)
        .map((k) => `builtin:${k}`)
        .join(', ')}`,
    );
    return DEFAULT_CODEBOOK;
  }
  const codebook = isAbsolute(cb.value) ? cb.value : resolve(root, cb.value);
  if (!existsSync(codebook))
    diags.error(
      'study/codebook-missing',
      `codebook file ${cb.value} does not exist`,
      at(cb.node),
      'use `codebook: builtin:rogers`, or copy codebooks/rogers.yaml into the study',
    );
  return codebook;
}

async function readInformantsFile(
  inf: Scalar,
  root: string,
  at: At,
  diags: Diagnostics,
  files: AuditFile[],
  allowOutside: boolean,
): Promise<{ path: string; informants: Informant[] }> {
  const path = resolve(root, inf.value ?? 'informants.csv');
  const checked = await checkInside(root, path, allowOutside);
  if (checked.refused && checked.refused !== 'missing') {
    diags.error(
      'study/outside-study',
      `informants file ${inf.value ?? 'informants.csv'} is not read: ${refusalText(checked.refused)}`,
      inf.node ? at(inf.node) : { file: displayPath(path) },
      OUTSIDE_HINT,
    );
    return { path, informants: [] };
  }
  try {
    const bytes = await readFile(path);
    files.push(hashed(auditPath(root, path), 'informants', bytes));
    return { path, informants: parseInformants(bytes, displayPath(path), diags) };
  } catch {
    diags.error(
      'study/informants-missing',
      `informants file ${inf.value ?? 'informants.csv'} does not exist`,
      inf.node ? at(inf.node) : { file: displayPath(path) },
      'create it with the header `id,label,role,group`',
    );
    return { path, informants: [] };
  }
}

function checkSourceInformants(sources: readonly SourceSpec[], informants: readonly Informant[], file: string, diags: Diagnostics): void {
  if (informants.length === 0) return;
  const known = new Set(informants.map((i) => i.id.toLowerCase()));
  for (const s of sources) {
    if (s.informant && !known.has(s.informant.toLowerCase())) {
      diags.error(
        'study/unknown-informant',
        `informant ${s.informant} is not listed in informants.csv`,
        { file, ...(s.informantAt ?? { line: s.line, column: s.column ?? 1 }) },
        `ids in informants.csv: ${informants.map((i) => i.id).join(', ')}`,
      );
    }
  }
}

/** The keys later stages read (coding, verdicts, report), kept as written, after checking what can be checked here. */
function settingsOf(pairs: Map<string, Pair<unknown, unknown>>, diags: Diagnostics, at: At): Record<string, unknown> {
  const settings: Record<string, unknown> = {};
  for (const key of SETTINGS_KEYS) {
    const pair = pairs.get(key);
    if (pair) settings[key] = (pair.value as Node | null)?.toJSON() ?? null;
  }
  checkCoding(pairs.get('coding'), settings, diags, at);
  checkReport(pairs.get('report'), settings, diags, at);
  checkLimits(pairs.get('limits'), settings, diags, at);
  return settings;
}

/**
 * `variables:` describes the case for cross-case comparison (`qia compare --order year`): a
 * mapping of names to single values, numbers kept as numbers so an ordering sorts 9 before 10.
 */
function variablesOf(pair: Pair<unknown, unknown> | undefined, diags: Diagnostics, at: At): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  if (!pair || pair.value === null || pair.value === undefined) return out;
  const map = pair.value as Node;
  if (!isMap(map)) {
    diags.error(
      'study/invalid-value',
      '`variables` must be a mapping of names to values, e.g. `year: 2021`',
      at(map ?? (pair.key as Node)),
      'one line per variable: `region: Lampung`',
    );
    return out;
  }
  for (const p of map.items) {
    const key = isScalar(p.key) ? String(p.key.value).trim() : '';
    if (key === '') {
      diags.error('study/invalid-value', 'a variable needs a plain name', at(p.key as Node));
      continue;
    }
    const v = p.value;
    if (!isScalar(v) || v.value === null || v.value === undefined || typeof v.value === 'object' || String(v.value).trim() === '') {
      diags.error(
        'study/invalid-value',
        `variable \`${key}\` needs one value (a word or a number), not a list or a mapping`,
        at((v ?? p.key) as Node),
        `e.g. \`${key}: 2021\``,
      );
      continue;
    }
    out[key] = typeof v.value === 'number' && Number.isFinite(v.value) ? v.value : String(v.value).trim();
  }
  return out;
}

type At = (node: { range?: [number, number, number] | null } | null | undefined) => { file: string; line: number; column: number };

/** `sources:` is a list of `{glob, kind, role, group, informant, date, title}`; a bare string is a glob. */
function readSpecs(pair: Pair<unknown, unknown> | undefined, diags: Diagnostics, at: At): SourceSpec[] {
  const specs: SourceSpec[] = [];
  if (!pair) {
    specs.push({ glob: 'sources/**/*', line: 1 });
    return specs;
  }
  const seq = pair.value;
  if (!isSeq(seq)) {
    diags.error('study/invalid-value', '`sources` must be a list of globs, e.g. `- glob: "sources/interviews/*"`', at(pair.key as Node));
    return specs;
  }
  for (const item of seq.items) {
    const where = at(item as Node);
    if (isScalar(item)) {
      specs.push({ glob: String(item.value), line: where.line, column: where.column });
      continue;
    }
    if (!isMap(item)) {
      diags.error('study/invalid-value', 'each source entry needs a `glob`', where);
      continue;
    }
    const spec: SourceSpec = { glob: '', line: where.line };
    for (const p of item.items) {
      const key = isScalar(p.key) ? String(p.key.value) : String(p.key);
      const value = isScalar(p.value) && p.value.value !== null ? String(p.value.value).trim() : undefined;
      if (!SPEC_KEYS.has(key)) {
        diags.warn('study/unknown-key', `unknown key \`${key}\` in a source entry`, at(p.key as Node), `known keys: ${[...SPEC_KEYS].join(', ')}`);
        continue;
      }
      if (value === undefined) continue;
      if (key === 'glob') {
        spec.glob = value;
        const g = at(p.value as Node);
        spec.line = g.line;
        spec.column = g.column;
      } else if (key === 'kind') {
        if ((SOURCE_KINDS as readonly string[]).includes(value)) spec.kind = value as SourceKind;
        else diags.error('study/invalid-value', `kind must be ${SOURCE_KINDS.join(', ')}, not \`${value}\``, at(p.value as Node));
      } else if (key === 'role') spec.role = value.toLowerCase();
      else if (key === 'group') spec.group = value.toLowerCase();
      else if (key === 'informant') {
        spec.informant = value;
        const i = at(p.value as Node);
        spec.informantAt = { line: i.line, column: i.column };
      } else if (key === 'title') spec.title = value;
      else if (key === 'date') {
        if (isCalendarDate(value)) spec.date = value;
        else
          diags.warn('study/invalid-date', `date \`${value}\` is not a day written YYYY-MM-DD`, at(p.value as Node), 'time-ordered displays sort by this date');
      }
    }
    if (spec.glob === '') diags.error('study/invalid-value', 'source entry has no `glob`', where);
    else specs.push(spec);
  }
  // A file belongs to the first entry that matches it, so a repeated glob's defaults never apply.
  const first = new Map<string, SourceSpec>();
  for (const spec of specs) {
    const prev = first.get(spec.glob);
    if (prev)
      diags.warn(
        'study/duplicate-glob',
        `source glob \`${spec.glob}\` is listed twice; the entry on line ${prev.line} applies`,
        { file: at(null).file, line: spec.line, column: spec.column ?? 1 },
        'merge the two entries',
      );
    else first.set(spec.glob, spec);
  }
  return specs;
}

const CODING_KEYS = ['merge', 'question_context', 'prior_reading', 'count', 'coder', 'min_score', 'learn'];
const COUNT_MODES = ['evidence', 'coder'];
const MERGE_MODES = ['manual-overrides-auto', 'manual-only', 'auto-only', 'union'];

/**
 * `coding:` is read by later stages; its keys and values are checked here, where their
 * positions are known. A bad merge mode is dropped from the settings so the default applies
 * with this one located diagnostic.
 */
function checkCoding(pair: Pair<unknown, unknown> | undefined, settings: Record<string, unknown>, diags: Diagnostics, at: At): void {
  if (!pair || pair.value === null || pair.value === undefined) return;
  if (!isMap(pair.value)) {
    diags.error('study/invalid-value', '`coding` must be a mapping, e.g. `coding: { merge: manual-overrides-auto }`', at(pair.key as Node));
    delete settings['coding'];
    return;
  }
  const coding = settings['coding'] as Record<string, unknown>;
  for (const p of pair.value.items) {
    const key = isScalar(p.key) ? String(p.key.value) : String(p.key);
    const value = isScalar(p.value) ? p.value.value : undefined;
    if (!CODING_KEYS.includes(key)) {
      diags.warn('study/unknown-key', `unknown key \`${key}\` in coding`, at(p.key as Node), `known keys: ${CODING_KEYS.join(', ')}`);
    } else if (key === 'merge' && (typeof value !== 'string' || !MERGE_MODES.includes(value))) {
      diags.error(
        'study/invalid-value',
        `coding.merge must be one of ${MERGE_MODES.join(', ')}, not \`${String(value ?? '')}\`; using manual-overrides-auto`,
        at((p.value ?? p.key) as Node),
      );
      delete coding['merge'];
    } else if (key === 'question_context' && typeof value !== 'boolean') {
      diags.error('study/invalid-value', `coding.question_context must be true or false, not \`${String(value ?? '')}\``, at((p.value ?? p.key) as Node));
      delete coding['question_context'];
    } else if (key === 'prior_reading' && typeof value !== 'boolean') {
      diags.error('study/invalid-value', `coding.prior_reading must be true or false, not \`${String(value ?? '')}\``, at((p.value ?? p.key) as Node));
      delete coding['prior_reading'];
    } else if (key === 'min_score' && (typeof value !== 'number' || !(value >= 0 && value <= 1))) {
      diags.error(
        'study/invalid-value',
        `coding.min_score must be a number from 0 to 1, not \`${String(value ?? '')}\`; using ${DEFAULT_MIN_SCORE}`,
        at((p.value ?? p.key) as Node),
        'automatic codings scored under it are suggestions (docs/coding.md)',
      );
      delete coding['min_score'];
    } else if (key === 'learn' && typeof value !== 'boolean') {
      diags.error('study/invalid-value', `coding.learn must be true or false, not \`${String(value ?? '')}\``, at((p.value ?? p.key) as Node));
      delete coding['learn'];
    } else if (key === 'count' && (typeof value !== 'string' || !COUNT_MODES.includes(value))) {
      diags.error(
        'study/invalid-value',
        `coding.count must be evidence (one count per piece of evidence) or coder (every coder's coding counts), not \`${String(value ?? '')}\`; using evidence`,
        at((p.value ?? p.key) as Node),
      );
      delete coding['count'];
    } else if (key === 'coder' && (typeof value !== 'string' || !/[\p{L}\p{N}]/u.test(value))) {
      // Any name with a letter or digit, as --coder takes it: "Rina Sari" names codings/rina-sari.decisions.jsonl (study/coder.ts).
      diags.error(
        'study/invalid-value',
        `coding.coder must be a name with a letter or digit, not \`${String(value ?? '')}\``,
        at((p.value ?? p.key) as Node),
        'it names the decision log codings/<coder>.decisions.jsonl',
      );
      delete coding['coder'];
    }
  }
}

const LIMIT_KEYS = ['docx_mb', 'paragraphs'];

/** `limits:` (src/sources/limits.ts): positive numbers; a bad one is reported and its default applies. */
function checkLimits(pair: Pair<unknown, unknown> | undefined, settings: Record<string, unknown>, diags: Diagnostics, at: At): void {
  if (!pair || pair.value === null || pair.value === undefined) return;
  if (!isMap(pair.value)) {
    diags.error('study/invalid-value', '`limits` must be a mapping, e.g. `limits: { docx_mb: 200 }`', at(pair.key as Node));
    delete settings['limits'];
    return;
  }
  const limits = settings['limits'] as Record<string, unknown>;
  for (const p of pair.value.items) {
    const key = isScalar(p.key) ? String(p.key.value) : String(p.key);
    const value = isScalar(p.value) ? p.value.value : undefined;
    if (!LIMIT_KEYS.includes(key)) {
      diags.warn('study/unknown-key', `unknown key \`${key}\` in limits`, at(p.key as Node), `known keys: ${LIMIT_KEYS.join(', ')}`);
      delete limits[key];
    } else if (typeof value !== 'number' || !(value > 0)) {
      diags.error('study/invalid-value', `limits.${key} must be a positive number, not \`${String(value ?? '')}\``, at((p.value ?? p.key) as Node));
      delete limits[key];
    }
  }
}

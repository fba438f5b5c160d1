import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { glob } from 'tinyglobby';
import type { Codebook } from '../model/codebook.js';
import type { AuditFile } from '../model/conclusion.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { Memo } from '../model/evidence.js';
import { parseManualCsv, type CoderFile } from '../coding/manual.js';
import { parseReview, type ReviewDecision } from '../coding/review-file.js';
import { DECISION_LOG_SUFFIX, parseDecisionLog, type LoggedDecision } from '../coding/decision-log.js';
import { decodeText } from '../sources/text-file.js';
import { displayPath } from '../util/display-path.js';
import { Diagnostics } from '../util/diagnostics.js';
import { parseMemo } from './memos.js';
import { checkInside, OUTSIDE_HINT, refusalText } from '../util/boundary.js';

/**
 * What the researcher keeps beside the sources, read once: the coders' CSV files and the review
 * file in codings/, the memos in memos/, and every other file there, hashed for the audit trail
 * as it is read (nothing is read again to hash it).
 */

/** The file the merge stage reads for researchers' accept/reject decisions; not a coder's file. */
export const REVIEW_FILE = 'review.csv';

export interface ResearcherFiles {
  coderFiles: CoderFile[];
  review: ReviewDecision[];
  /** Each coder's decision log (`codings/<coder>.decisions.jsonl`), in name order. */
  decisionLogs: LoggedDecision[][];
  decisionDiagnostics: Diagnostic[];
  memos: Memo[];
  /** Every file under codings/ and memos/ (and review*.* at the top), with its hash. */
  files: AuditFile[];
  reviewDiagnostics: Diagnostic[];
  memoDiagnostics: Diagnostic[];
}

/** Coder files: CSV, or the tab-separated text a spreadsheet saves as .tsv or \"Unicode text\" (.txt), at the top of codings/. */
const isCoderFile = (rel: string) =>
  /^codings\/[^/]+\.(csv|tsv|txt)$/i.test(rel) && basename(rel).toLowerCase() !== REVIEW_FILE && !basename(rel).startsWith('.');
const isReviewFile = (rel: string) => rel.toLowerCase() === `codings/${REVIEW_FILE}`;
// memos/README.md (qia init writes one) says what a memo is; it is not one.
const isMemo = (rel: string) => /^memos\/[^/]+\.md$/i.test(rel) && basename(rel).toLowerCase() !== 'readme.md';
const isDecisionLog = (rel: string) => rel.startsWith('codings/') && !rel.slice('codings/'.length).includes('/') && rel.endsWith(DECISION_LOG_SUFFIX);

export async function readResearcherFiles(root: string, codebook: Codebook, allowOutside = false): Promise<ResearcherFiles> {
  const found = (await glob(['codings/**/*', 'memos/**/*', 'review*.*'], { cwd: root, onlyFiles: true, dot: false })).sort();
  const refused: Diagnostic[] = [];
  const rels: string[] = [];
  for (const rel of found) {
    const checked = await checkInside(root, join(root, rel), allowOutside);
    if (!checked.refused) rels.push(rel);
    else if (checked.refused !== 'missing')
      refused.push({
        severity: 'error',
        code: 'study/outside-study',
        message: `${rel} is not read: ${refusalText(checked.refused)}`,
        file: displayPath(join(root, rel)),
        hint: OUTSIDE_HINT,
      });
  }
  const out: ResearcherFiles = {
    coderFiles: [],
    review: [],
    decisionLogs: [],
    decisionDiagnostics: [],
    memos: [],
    files: [],
    reviewDiagnostics: [],
    memoDiagnostics: [],
  };
  const reviewDiags = new Diagnostics();
  // Coder files in name order, as the merge has always taken them.
  for (const rel of rels.filter(isCoderFile).sort(byName)) {
    const abs = join(root, rel);
    const diags = new Diagnostics();
    const text = await researcherCsv(abs, diags, 'coding', out.files, rel);
    const name = basename(rel);
    out.coderFiles.push({ rows: text === undefined ? [] : parseManualCsv(text, displayPath(abs), name.slice(0, name.lastIndexOf('.')), diags), diags });
  }
  const review = rels.find(isReviewFile);
  if (review !== undefined) {
    const abs = join(root, review);
    const text = await researcherCsv(abs, reviewDiags, 'review', out.files, review);
    if (text !== undefined) out.review = parseReview(text, displayPath(abs), reviewDiags);
  }
  const decisionDiags = new Diagnostics();
  for (const rel of rels.filter(isDecisionLog).sort(byName)) {
    const bytes = await readFile(join(root, rel)).catch(() => undefined);
    if (!bytes) continue;
    out.files.push(hashed(rel, 'decisions', bytes));
    out.decisionLogs.push(parseDecisionLog(bytes.toString('utf8'), displayPath(join(root, rel)), decisionDiags));
  }
  out.decisionDiagnostics = decisionDiags.items;
  for (const rel of rels.filter(isMemo).sort(byName)) {
    const bytes = await readFile(join(root, rel)).catch(() => undefined);
    if (!bytes) continue;
    out.files.push(hashed(rel, 'memo', bytes));
    const parsed = parseMemo(`memos/${basename(rel)}`, bytes.toString('utf8'), codebook);
    if (parsed.memo) out.memos.push(parsed.memo);
    out.memoDiagnostics.push(...parsed.diagnostics);
  }
  const taken = new Set(out.files.map((f) => f.path));
  for (const rel of rels) {
    if (taken.has(rel)) continue;
    const bytes = await readFile(join(root, rel)).catch(() => undefined);
    if (bytes) out.files.push(hashed(rel, roleOf(rel), bytes));
    // Hashed for the audit, but never read as codings: say so, so nobody waits for its codings.
    // Markdown is a note about the codings (qia init writes codings/README.md), never meant as one.
    if (rel.startsWith('codings/') && !/\.(md|markdown)$/i.test(rel)) {
      const inFolder = rel.slice('codings/'.length).includes('/');
      out.reviewDiagnostics.push({
        severity: 'warning',
        code: 'coding/not-read',
        message: inFolder
          ? `${rel} is in a folder under codings/; only files directly in codings/ are read`
          : `${rel} is not a coder file qia reads (CSV, .tsv or .txt saved from a spreadsheet)`,
        file: displayPath(join(root, rel)),
        hint: inFolder
          ? 'move it up into codings/, or out of codings/ if it is not a coder file'
          : 'save it from the spreadsheet as CSV (or Unicode text), or keep notes outside codings/',
      });
    }
  }
  out.reviewDiagnostics.push(...refused, ...reviewDiags.items);
  return out;
}

function roleOf(rel: string): AuditFile['role'] {
  return rel.startsWith('memos/') ? 'memo' : /review/i.test(basename(rel)) ? 'review' : 'codings';
}

export function hashed(path: string, role: AuditFile['role'], bytes: Uint8Array): AuditFile {
  return { path, role, sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length };
}

const byName = (a: string, b: string) => (basename(a) < basename(b) ? -1 : basename(a) > basename(b) ? 1 : 0);

/**
 * The text of a researcher's CSV (a coder file or review.csv): spreadsheet programs save UTF-16
 * or Windows-1252 as often as UTF-8, so the bytes are decoded like a source's. Undefined, with
 * a diagnostic, when the file cannot be read. The file is hashed for the audit as it is read.
 */
async function researcherCsv(abs: string, diags: Diagnostics, prefix: 'coding' | 'review', files: AuditFile[], rel: string): Promise<string | undefined> {
  const file = displayPath(abs);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(abs);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    diags.error(`${prefix}/unreadable`, `cannot read ${file}: ${code ?? (err as Error).message}`, { file }, 'check that the file exists and you may read it');
    return undefined;
  }
  files.push(hashed(rel, roleOf(rel), bytes));
  const decoded = decodeText(bytes);
  if (decoded.binary) {
    diags.error(`${prefix}/unreadable`, `${file} looks binary, not a CSV file`, { file }, 'save it from your spreadsheet program as CSV (comma separated)');
    return undefined;
  }
  for (const p of decoded.problems) {
    if (p.severity !== 'info')
      diags.add({ severity: p.severity, code: p.code.replace(/^source\//, `${prefix}/`), message: p.message, file, ...(p.hint ? { hint: p.hint } : {}) });
  }
  return decoded.text;
}

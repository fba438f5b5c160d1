import { isMap, isScalar, LineCounter, parseDocument, type Node } from 'yaml';
import type { VerdictSettings } from '../model/conclusion.js';
import type { Diagnostic } from '../model/diagnostic.js';

export const DEFAULT_VERDICT_SETTINGS: Readonly<VerdictSettings> = Object.freeze({
  minInformants: 2,
  minCodings: 3,
  favourableShare: 0.7,
  unfavourableShare: 0.7,
  groupAgreement: true,
  minGroupCodings: 2,
  minObstacleCodings: 1,
  requireReview: false,
});

type Kind = 'count' | 'share' | 'boolean';

/** study.yaml key → settings field and what it must hold. */
const KEYS: Record<string, { field: keyof VerdictSettings; kind: Kind }> = {
  min_informants: { field: 'minInformants', kind: 'count' },
  min_codings: { field: 'minCodings', kind: 'count' },
  favourable_share: { field: 'favourableShare', kind: 'share' },
  unfavourable_share: { field: 'unfavourableShare', kind: 'share' },
  group_agreement: { field: 'groupAgreement', kind: 'boolean' },
  min_group_codings: { field: 'minGroupCodings', kind: 'count' },
  min_obstacle_codings: { field: 'minObstacleCodings', kind: 'count' },
  require_review: { field: 'requireReview', kind: 'boolean' },
};

/** The study.yaml key names, in the order docs/report.md lists them. */
export const VERDICT_KEYS: readonly string[] = Object.keys(KEYS);

/** 1-based position of `verdicts.<key>` (or of `verdicts` itself) in study.yaml. */
export type Locate = (key?: string) => { line: number; column: number } | undefined;

export interface ResolvedVerdictSettings {
  settings: VerdictSettings;
  diagnostics: Diagnostic[];
}

/**
 * Study.settings.verdicts → thresholds, defaults for what is missing. A bad value is reported
 * and replaced by its default, so one typo never stops the report.
 */
export function resolveVerdictSettings(raw: unknown, file?: string, locate: Locate = () => undefined): ResolvedVerdictSettings {
  const settings: VerdictSettings = { ...DEFAULT_VERDICT_SETTINGS };
  const diagnostics: Diagnostic[] = [];
  const at = (key?: string): Pick<Diagnostic, 'file' | 'line' | 'column'> => {
    const pos = locate(key);
    const w: Pick<Diagnostic, 'file' | 'line' | 'column'> = {};
    if (file !== undefined) w.file = file;
    if (pos) {
      w.line = pos.line;
      w.column = pos.column;
    }
    return w;
  };
  if (raw === undefined || raw === null) return { settings, diagnostics };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    diagnostics.push({
      severity: 'error',
      code: 'verdicts/invalid',
      message: '`verdicts` must be a mapping of thresholds; using the defaults',
      ...at(),
      hint: `write for example \`verdicts: { min_informants: 2, favourable_share: 0.7 }\`; known keys: ${VERDICT_KEYS.join(', ')}`,
    });
    return { settings, diagnostics };
  }
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    const spec = KEYS[key];
    if (!spec) {
      const near = nearest(key);
      diagnostics.push({
        severity: 'warning',
        code: 'verdicts/unknown-key',
        message: `unknown key \`verdicts.${key}\` is ignored`,
        ...at(key),
        hint: near ? `did you mean \`${near}\`? known keys: ${VERDICT_KEYS.join(', ')}` : `known keys: ${VERDICT_KEYS.join(', ')}`,
      });
      continue;
    }
    const problem = check(spec.kind, value);
    if (problem) {
      diagnostics.push({
        severity: 'error',
        code: 'verdicts/invalid-value',
        message: `\`verdicts.${key}\` ${problem}; using the default ${String(DEFAULT_VERDICT_SETTINGS[spec.field])}`,
        ...at(key),
      });
      continue;
    }
    (settings as unknown as Record<string, unknown>)[spec.field] = value;
  }
  return { settings, diagnostics };
}

function check(kind: Kind, value: unknown): string | undefined {
  switch (kind) {
    case 'count':
      return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? undefined : `must be a whole number 0 or more, not ${show(value)}`;
    case 'share':
      // Above one half, so favourable and unfavourable can never both hold.
      return typeof value === 'number' && value > 0.5 && value <= 1 ? undefined : `must be a number above 0.5 and at most 1, not ${show(value)}`;
    case 'boolean':
      return typeof value === 'boolean' ? undefined : `must be true or false, not ${show(value)}`;
  }
}

function show(v: unknown): string {
  return typeof v === 'string' ? `"${v}"` : (JSON.stringify(v) ?? String(v));
}

/** The known key a typo most likely meant (edit distance at most 3, or the American spelling). */
function nearest(key: string): string | undefined {
  const k = key.toLowerCase().replace(/-/g, '_').replace('favorable', 'favourable');
  let best: string | undefined;
  let bestD = 4;
  for (const known of VERDICT_KEYS) {
    const d = distance(k, known);
    if (d < bestD) {
      bestD = d;
      best = known;
    }
  }
  return best;
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}

/** Positions of `verdicts` and its keys in the text of study.yaml, for diagnostics. */
export function locateInStudyYaml(text: string): Locate {
  const lc = new LineCounter();
  let doc;
  try {
    doc = parseDocument(text, { lineCounter: lc, keepSourceTokens: false });
  } catch {
    return () => undefined;
  }
  const root = doc.contents;
  if (!isMap(root)) return () => undefined;
  const pos = (node: Node | null | undefined) => {
    const off = node?.range?.[0];
    return off === undefined ? undefined : { line: lc.linePos(off).line, column: lc.linePos(off).col };
  };
  let verdictsKey: Node | undefined;
  let verdictsValue: unknown;
  for (const pair of root.items) {
    if (isScalar(pair.key) && pair.key.value === 'verdicts') {
      verdictsKey = pair.key;
      verdictsValue = pair.value;
    }
  }
  return (key) => {
    if (key !== undefined && isMap(verdictsValue)) {
      for (const pair of verdictsValue.items) if (isScalar(pair.key) && pair.key.value === key) return pos(pair.key);
    }
    return pos(verdictsKey);
  };
}

import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { DISPLAY_TYPES } from '../../src/model/matrix.js';
import { formatTag, JSON_KINDS, type JsonKind } from '../../src/render/json-kinds.js';
import { qia, ROOT } from '../helpers/cli.js';

/**
 * Every JSON document qia writes, made by the real CLI on the bundled samples, must carry its
 * `format` and validate against docs/schemas/<kind>.schema.json. The schemas are the contract
 * scripts rely on: a renamed, missing or extra key, or a value outside an enum, fails here.
 */

const SCHEMAS = join(ROOT, 'docs/schemas');
/** Definitions the kinds share; not an output of its own. */
const SHARED = 'common.schema.json';
const KINDS = Object.keys(JSON_KINDS) as JsonKind[];
const SAMPLES = readdirSync(join(ROOT, 'samples'))
  .filter((d) => existsSync(join(ROOT, 'samples', d, 'study.yaml')))
  .sort();

function loadAjv(): Ajv2020 {
  // strict: an unknown keyword or a misplaced one in a schema is an error, not silently ignored.
  // allowUnionTypes: `"type": ["string", "null"]` is plain JSON Schema, used for nullable fields.
  const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true });
  for (const f of readdirSync(SCHEMAS)
    .filter((f) => f.endsWith('.schema.json'))
    .sort()) {
    ajv.addSchema(JSON.parse(readFileSync(join(SCHEMAS, f), 'utf8')) as object);
  }
  return ajv;
}

const ajv = loadAjv();
const validators = new Map<JsonKind, ValidateFunction>();
function validatorOf(kind: JsonKind): ValidateFunction {
  let v = validators.get(kind);
  if (!v) {
    v = ajv.getSchema(`${kind}.schema.json`);
    if (!v) throw new Error(`no schema docs/schemas/${kind}.schema.json`);
    validators.set(kind, v);
  }
  return v;
}

/** Kinds validated by a test of this file (one run), checked complete at the end. */
const covered = new Set<JsonKind>();

/** The errors of a failed validation, readable in a test report. */
function problems(v: ValidateFunction): string {
  return ajv.errorsText(v.errors, { separator: '\n', dataVar: 'output' });
}

function expectValid(kind: JsonKind, text: string, what: string): unknown {
  const doc = JSON.parse(text) as { format?: unknown };
  expect(doc.format, `${what}: format`).toBe(formatTag(kind));
  const v = validatorOf(kind);
  expect(v(doc), `${what} against ${kind}.schema.json:\n${v.errors ? problems(v) : ''}`).toBe(true);
  covered.add(kind);
  return doc;
}

/** Runs qia and returns its standard output, failing on an exit code other than 0. */
function stdoutOf(args: string[]): string {
  const r = qia(args);
  expect(r.status, `qia ${args.join(' ')}\n${r.stderr}`).toBe(0);
  return r.stdout;
}

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'qia-json-schemas-'));
});

describe.each(SAMPLES)('samples/%s: every --format json validates against its schema', (name) => {
  const study = `samples/${name}`;
  const out = () => join(tmp, name);

  it('sources, code, query, kwic, condense, report', () => {
    expectValid('sources', stdoutOf(['sources', study, '--format', 'json']), 'qia sources');
    // --out: `qia code` on a named study writes out/codings.csv, which must not land in samples/.
    expectValid('codings', stdoutOf(['code', study, '--format', 'json', '--out', out()]), 'qia code');
    expectValid('query', stdoutOf(['query', study, '--code', 'complexity', '--format', 'json']), 'qia query');
    expectValid('kwic', stdoutOf(['kwic', 'mudah', study, '--format', 'json']), 'qia kwic');
    expectValid('digest', stdoutOf(['condense', study, '--format', 'json']), 'qia condense');
    expectValid('report', stdoutOf(['report', study, '--format', 'json']), 'qia report');
  });

  it('matrix: every display type', () => {
    for (const type of DISPLAY_TYPES) expectValid('matrix', stdoutOf(['matrix', study, '--type', type, '--format', 'json']), `qia matrix --type ${type}`);
  });

  it('qia run: out/report.json and out/audit.json', () => {
    const dir = join(out(), 'run');
    stdoutOf(['run', study, '--out', dir]);
    expectValid('report', readFileSync(join(dir, 'report.json'), 'utf8'), 'out/report.json');
    expectValid('audit', readFileSync(join(dir, 'audit.json'), 'utf8'), 'out/audit.json');
  });
});

describe('the variants with their own shape', () => {
  it('qia matrix --cell: the evidence behind one cell', () => {
    const doc = expectValid(
      'matrix',
      stdoutOf(['matrix', 'samples/lapak-asik', '--type', 'role', '--cell', 'staff,complexity', '--format', 'json']),
      'qia matrix --cell',
    ) as { kind: string };
    expect(doc.kind).toBe('evidence');
  });

  it('qia matrix --by group and --period month', () => {
    expectValid('matrix', stdoutOf(['matrix', 'samples/lapak-asik', '--type', 'role', '--by', 'group', '--format', 'json']), 'qia matrix --by group');
    expectValid(
      'matrix',
      stdoutOf(['matrix', 'samples/lapak-asik', '--type', 'time', '--period', 'month', '--format', 'json', '--lang', 'en']),
      'qia matrix --period month',
    );
  });

  it('qia codebook export --format json, of the built-in codebook and of a file', () => {
    expectValid('codebook', stdoutOf(['codebook', 'export', '--format', 'json']), 'qia codebook export');
    expectValid('codebook', stdoutOf(['codebook', 'export', 'codebooks/rogers.yaml', '--format', 'json', '--lang', 'en']), 'qia codebook export rogers.yaml');
  });

  it("qia agree on a study's coders, and its --disagreements", () => {
    expectValid('agreement-study', stdoutOf(['agree', 'samples/lapak-asik', '--format', 'json', '--draws', '50', '--seed', '1']), 'qia agree <study>');
    expectValid('disagreements', stdoutOf(['agree', 'samples/lapak-asik', '--disagreements', '--format', 'json']), 'qia agree --disagreements');
  });

  it('qia agree --matrix: two coders (with a confusion table) and three', () => {
    const two = join(tmp, 'two.csv');
    const three = join(tmp, 'three.csv');
    writeFileSync(two, 'unit,ana,budi\ns1,ya,ya\ns2,ya,tidak\ns3,tidak,tidak\ns4,ya,ya\n');
    writeFileSync(three, 'unit,A,B,C\n1,1,1,\n2,2,2,3\n3,3,3,3\n4,1,2,1\n');
    expectValid('agreement', stdoutOf(['agree', '--matrix', two, '--format', 'json', '--seed', '1']), 'qia agree --matrix (two coders)');
    expectValid(
      'agreement',
      stdoutOf(['agree', '--matrix', three, '--format', 'json', '--level', 'interval', '--draws', '0']),
      'qia agree --matrix (three coders)',
    );
  });

  it('qia compare --format json, compare.json of --out, and --cell', () => {
    const studies = SAMPLES.map((s) => `samples/${s}`);
    expectValid('compare', stdoutOf(['compare', ...studies, '--format', 'json']), 'qia compare');
    const dir = join(tmp, 'compare-out');
    stdoutOf(['compare', ...studies, '--out', dir]);
    expectValid('compare', readFileSync(join(dir, 'compare.json'), 'utf8'), 'compare-out/compare.json');
    expectValid('compare-cell', stdoutOf(['compare', ...studies, '--cell', 'lapak-asik,complexity', '--format', 'json']), 'qia compare --cell');
  });
});

describe('the checked-in goldens', () => {
  // They are regenerated with UPDATE_GOLDEN=1: a golden that moved out of its schema fails here.
  const goldens = [
    ...SAMPLES.flatMap((s) => [`test/golden/${s}/report.json`, `test/golden/${s}/audit.json`]),
    'test/golden-compare/four/compare.json',
    ...readdirSync(join(ROOT, 'test/fixtures/displays/golden'))
      .filter((f) => f.endsWith('.json'))
      .map((f) => `test/fixtures/displays/golden/${f}`),
  ];
  it.each(goldens)('%s', (file) => {
    const text = readFileSync(join(ROOT, file), 'utf8');
    const kind = /^qia-(.+)\/\d+$/.exec((JSON.parse(text) as { format: string }).format)?.[1] as JsonKind;
    expect(KINDS).toContain(kind);
    const v = validatorOf(kind);
    expect(v(JSON.parse(text)), v.errors ? problems(v) : '').toBe(true);
  });
});

describe('the schemas themselves', () => {
  it('every JSON kind qia writes has a schema, and every schema file is a kind or the shared definitions', () => {
    const files = readdirSync(SCHEMAS)
      .filter((f) => f.endsWith('.json'))
      .sort();
    expect(files).toEqual([...KINDS.map((k) => `${k}.schema.json`), SHARED].sort());
    for (const kind of KINDS) {
      const schema = JSON.parse(readFileSync(join(SCHEMAS, `${kind}.schema.json`), 'utf8')) as { $schema: string; properties: { format: { const: string } } };
      expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
      expect(schema.properties.format.const, `${kind}.schema.json names its format`).toBe(formatTag(kind));
    }
  });

  it('a document that breaks the contract is rejected, with the place it breaks', () => {
    const good = JSON.parse(stdoutOf(['matrix', 'samples/library-en', '--type', 'role', '--format', 'json'])) as Record<string, unknown> & {
      cells: Array<Record<string, unknown>>;
    };
    const v = validatorOf('matrix');
    expect(v(good)).toBe(true);
    const broken = (change: (d: typeof good) => void) => {
      const d = structuredClone(good);
      change(d);
      return d;
    };
    // A renamed key: the old one is missing and the new one is not allowed.
    const renamed = broken((d) => {
      d['headings'] = d['rows'];
      delete d['rows'];
    });
    expect(v(renamed)).toBe(false);
    expect(problems(v)).toMatch(/must have required property 'rows'/);
    // A key deep inside: a cell's counts without `negative`.
    expect(v(broken((d) => delete (d.cells[0]!['counts'] as Record<string, unknown>)['negative']))).toBe(false);
    expect(problems(v)).toMatch(/output\/cells\/0\/counts must have required property 'negative'/);
    // A valence outside -1, 0, 1.
    expect(v(broken((d) => ((d.cells.find((c) => (c['refs'] as unknown[]).length > 0)!['refs'] as Array<Record<string, unknown>>)[0]!['valence'] = 2)))).toBe(
      false,
    );
    // Another kind's format, or the next version of this one.
    expect(v(broken((d) => (d['format'] = 'qia-matrix/2')))).toBe(false);
    expect(v(broken((d) => delete d['format']))).toBe(false);
  });
});

/** Every place in a document where an object has a key: the path to the object, and the key. */
type Place = { path: Array<string | number>; key: string };
function places(value: unknown, path: Array<string | number> = [], out: Place[] = [], isMap = (_: Array<string | number>) => false): Place[] {
  if (Array.isArray(value)) value.forEach((x, i) => places(x, [...path, i], out, isMap));
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (!isMap(path)) out.push({ path, key: k });
      places(v, [...path, k], out, isMap);
    }
  }
  return out;
}

describe('renaming any key of a real document breaks it (property)', () => {
  // Objects keyed by data (a comparison's `leans`: informant group → lean) take any key: not a contract key.
  const isMap = (path: Array<string | number>) => path[path.length - 1] === 'leans' || path[path.length - 1] === 'variables';
  const documents: Array<[string, JsonKind]> = [
    ['test/golden/lapak-asik/report.json', 'report'],
    ['test/golden/lapak-asik/audit.json', 'audit'],
    ['test/golden-compare/four/compare.json', 'compare'],
    ['test/fixtures/displays/golden/cooccurrence.json', 'matrix'],
    ['test/fixtures/displays/golden/digest.json', 'digest'],
  ];
  it.each(documents)('%s', (file, kind) => {
    const doc = JSON.parse(readFileSync(join(ROOT, file), 'utf8')) as Record<string, unknown>;
    const all = places(doc, [], [], isMap);
    const v = validatorOf(kind);
    expect(v(doc)).toBe(true);
    fc.assert(
      fc.property(fc.nat({ max: all.length - 1 }), fc.constantFrom('_', 's', 'Id', ' '), (i, suffix) => {
        const { path, key } = all[i]!;
        const copy = structuredClone(doc);
        let at: Record<string | number, unknown> = copy;
        for (const step of path) at = at[step] as Record<string | number, unknown>;
        at[key + suffix] = at[key];
        delete at[key];
        return !v(copy);
      }),
      { numRuns: 150 },
    );
  });
});

describe('coverage', () => {
  // Tests of a file run in order: by now every kind must have been made by the CLI and validated.
  it('every JSON kind was produced and validated above', () => {
    expect([...covered].sort()).toEqual([...KINDS].sort());
  });
});

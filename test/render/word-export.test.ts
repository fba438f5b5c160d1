import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { marked, type Token, type Tokens } from 'marked';
import { qia, ROOT } from '../helpers/cli.js';

/*
 * Every Markdown qia writes is meant to go to Word through pandoc (`pandoc report.md -o
 * report.docx`). This converts each kind of md output to .docx with the real pandoc, reads the
 * .docx back as pandoc's document tree, and checks that every table keeps its rows and that the
 * words of every cell, and of the text around the tables, arrive in order, none lost or glued
 * to its neighbour (raw HTML such as <br> is dropped on the way to Word).
 */

const hasPandoc = spawnSync('pandoc', ['--version']).status === 0;
if (!hasPandoc) {
  // CI installs pandoc (.ci/run); a machine without it cannot run this check.
  console.warn('word-export.test.ts: SKIPPED: pandoc is not installed, so the Word export is not checked here (CI installs it: apt-get install pandoc)');
}

// Under CI a missing pandoc is a failure, not a skip: the check must run somewhere.
describe('Markdown to Word with pandoc: where it runs', () => {
  it('has pandoc under CI', () => {
    expect(hasPandoc || process.env['CI'] !== 'true', 'pandoc is missing in CI: .ci/run installs it').toBe(true);
  });
});

/** Words as a reader sees them: runs of letters and digits. */
function words(s: string): string[] {
  return s.match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** The plain text of a Markdown cell or paragraph, as a reader of the rendered page sees it. */
function mdPlain(raw: string): string {
  const decoded = raw
    // A line break written as HTML is a break between words on the page.
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\\([\\`*_[\]{}()#+\-.!|<>~])/g, '$1');
  return decoded;
}

interface Doc {
  tables: string[][][];
  text: string[];
}

/** Tables (rows of cell texts) and the text outside them, in order, from the md source. */
function fromMarkdown(md: string): Doc {
  const doc: Doc = { tables: [], text: [] };
  const walk = (tokens: Token[]) => {
    for (const t of tokens) {
      if (t.type === 'table') {
        const tt = t as Tokens.Table;
        doc.tables.push([tt.header.map((c) => mdPlain(c.text)), ...tt.rows.map((r) => r.map((c) => mdPlain(c.text)))]);
      } else if (t.type === 'heading' || t.type === 'paragraph') doc.text.push(mdPlain((t as Tokens.Heading).text));
      else if (t.type === 'list') for (const item of (t as Tokens.List).items) walk(item.tokens);
      else if (t.type === 'blockquote') walk((t as Tokens.Blockquote).tokens);
      else if (t.type === 'text') doc.text.push(mdPlain((t as Tokens.Text).text));
      else if (t.type === 'code') doc.text.push((t as Tokens.Code).text);
    }
  };
  walk(marked.lexer(md));
  return doc;
}

type Node = { t: string; c?: unknown };

/** The text of a pandoc inline or block list, spaces where pandoc puts them. */
function plain(x: unknown): string {
  if (Array.isArray(x)) return x.map(plain).join('');
  if (!x || typeof x !== 'object') return '';
  const n = x as Node;
  switch (n.t) {
    case 'Str':
      return n.c as string;
    case 'Space':
    case 'SoftBreak':
    case 'LineBreak':
      return ' ';
    case 'Code':
      return (n.c as [unknown, string])[1];
    case 'CodeBlock':
      return (n.c as [unknown, string])[1] + ' ';
    case 'RawInline':
    case 'RawBlock':
      return '';
    case 'Para':
    case 'Plain':
      return plain(n.c) + ' ';
    case 'Header':
      return plain((n.c as unknown[])[2]) + ' ';
    case 'Link':
    case 'Span':
    case 'Quoted':
    case 'Cite':
      return plain((n.c as unknown[])[(n.c as unknown[]).length - (n.t === 'Link' ? 2 : 1)]);
    case 'Image':
      return '';
    case 'Note':
      return '';
    default:
      return plain(n.c);
  }
}

/** Tables and the text outside them from pandoc's JSON of the .docx. */
function fromDocxJson(json: string): Doc {
  const ast = JSON.parse(json) as { blocks: Node[] };
  const doc: Doc = { tables: [], text: [] };
  const cells = (rows: unknown[]): string[][] =>
    rows.map((r) => ((r as [unknown, unknown[]])[1] as unknown[]).map((cell) => plain((cell as unknown[])[4]).trim()));
  const walk = (blocks: Node[]) => {
    for (const b of blocks) {
      if (b.t === 'Table') {
        const [, , , head, bodies] = b.c as [unknown, unknown, unknown, [unknown, unknown[]], [unknown, unknown, unknown[], unknown[]][]];
        const rows = [...cells(head[1]), ...bodies.flatMap((body) => cells([...body[2], ...body[3]]))];
        doc.tables.push(rows);
      } else if (b.t === 'BulletList' || b.t === 'OrderedList') {
        const items = (b.t === 'OrderedList' ? (b.c as [unknown, Node[][]])[1] : (b.c as Node[][])) ?? [];
        for (const item of items) walk(item);
      } else if (b.t === 'BlockQuote' || b.t === 'Div') walk((b.t === 'Div' ? (b.c as [unknown, Node[]])[1] : (b.c as Node[])) ?? []);
      else {
        const s = plain(b).trim();
        if (s) doc.text.push(s);
      }
    }
  };
  walk(ast.blocks);
  return doc;
}

function toDocxAndBack(mdFile: string): Doc {
  const docx = mdFile.replace(/\.md$/, '.docx');
  const to = spawnSync('pandoc', ['-f', 'gfm', '-t', 'docx', mdFile, '-o', docx], { encoding: 'utf8' });
  expect(to.status, to.stderr).toBe(0);
  const back = spawnSync('pandoc', ['-f', 'docx', '-t', 'json', docx], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  expect(back.status, back.stderr).toBe(0);
  return fromDocxJson(back.stdout);
}

function checkWordSafe(mdFile: string): void {
  const md = fromMarkdown(readFileSync(mdFile, 'utf8'));
  const word = toDocxAndBack(mdFile);
  expect(word.tables.length, `${mdFile}: tables`).toBe(md.tables.length);
  md.tables.forEach((rows, ti) => {
    const got = word.tables[ti]!;
    expect(got.length, `${mdFile}: rows of table ${ti + 1}`).toBe(rows.length);
    rows.forEach((row, ri) => {
      expect(got[ri]!.length, `${mdFile}: cells of table ${ti + 1} row ${ri + 1}`).toBe(row.length);
      row.forEach((cell, ci) => expect(words(got[ri]![ci]!), `${mdFile}: table ${ti + 1} row ${ri + 1} cell ${ci + 1}: “${cell}”`).toEqual(words(cell)));
    });
  });
  expect(words(word.text.join(' ')), `${mdFile}: text outside the tables`).toEqual(words(md.text.join(' ')));
}

let dir: string;
const outputs: string[] = [];

beforeAll(() => {
  if (!hasPandoc) return;
  dir = mkdtempSync(join(tmpdir(), 'qia-word-'));
  const sample = join(ROOT, 'samples/lapak-asik');
  // The report and every matrix as `qia run` writes them (the goldens are those files).
  const golden = join(ROOT, 'test/golden/lapak-asik');
  for (const f of readdirSync(golden)
    .filter((f) => f.endsWith('.md'))
    .sort()) {
    writeFileSync(join(dir, f), readFileSync(join(golden, f)));
    outputs.push(join(dir, f));
  }
  for (const lang of ['id', 'en']) {
    const cb = qia(['codebook', 'export', '--format', 'md', '--lang', lang]);
    expect(cb.status, cb.stderr).toBe(0);
    writeFileSync(join(dir, `codebook-${lang}.md`), cb.stdout);
    outputs.push(join(dir, `codebook-${lang}.md`));
  }
  const digest = qia(['condense', sample, '--format', 'md']);
  expect(digest.status, digest.stderr).toBe(0);
  writeFileSync(join(dir, 'condense.md'), digest.stdout);
  outputs.push(join(dir, 'condense.md'));
  // The listings and the agreement tables in md too.
  for (const [name, args] of [
    ['query.md', ['query', sample, '--code', 'complexity', '--format', 'md']],
    ['kwic.md', ['kwic', 'server', sample, '--format', 'md']],
    ['cell.md', ['matrix', sample, '--type', 'role', '--cell', 'user,complexity', '--format', 'md']],
    ['agree.md', ['agree', sample, '--format', 'md']],
  ] as const) {
    const r = qia([...args]);
    expect(r.stdout.length, `${name}: ${r.stderr}`).toBeGreaterThan(0);
    writeFileSync(join(dir, name), r.stdout);
    outputs.push(join(dir, name));
  }
  const english = qia(['report', join(ROOT, 'samples/library-en'), '--format', 'md', '--lang', 'en']);
  writeFileSync(join(dir, 'report-en.md'), english.stdout);
  outputs.push(join(dir, 'report-en.md'));
});

describe.skipIf(!hasPandoc)('Markdown to Word with pandoc', () => {
  it('covers the report, every matrix, the codebook appendix and the digest', () => {
    const names = outputs.map((f) => f.split('/').pop());
    expect(names).toEqual(
      expect.arrayContaining([
        'report.md',
        'matrix-role.md',
        'matrix-checklist.md',
        'codebook-id.md',
        'codebook-en.md',
        'condense.md',
        'report-en.md',
        'query.md',
        'kwic.md',
        'cell.md',
        'agree.md',
      ]),
    );
  });

  it('keeps the codebook appendix words apart (no <br> glued "Hemat wakturelative_advantage")', () => {
    const text = spawnSync('pandoc', ['-f', 'gfm', '-t', 'plain', '--wrap=none', join(dir, 'codebook-id.md')], { encoding: 'utf8' }).stdout;
    expect(text).toContain('Hemat waktu (relative_advantage.time_saving)');
    expect(text).not.toMatch(/wakturelative/);
    // One inclusion sentence, not three fragments split at its commas.
    expect(text).toContain('Pernyataan tentang lama proses, antrean atau waktu tempuh, dibanding cara lama.');
  });

  it('turns every md output into a .docx whose tables and text keep every word', { timeout: 120_000 }, () => {
    for (const f of outputs) checkWordSafe(f);
  });
});

import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { qia, ROOT } from '../helpers/cli.js';

/**
 * Researcher memos (memos/*.md naming a code) travel into the report under the findings on
 * that code, in every format, with their text kept inert; broken memos are reported, not lost.
 */
const FIXTURE = join(ROOT, 'test/report/fixtures/xss-study');
let study: string;

beforeAll(() => {
  study = mkdtempSync(join(tmpdir(), 'qia-memos-'));
  cpSync(FIXTURE, study, { recursive: true });
  mkdirSync(join(study, 'memos'));
  writeFileSync(
    join(study, 'memos/waktu.md'),
    '---\ncode: relative_advantage.time_saving\ntitle: Hemat waktu menurut dua pihak\n---\nKepala dan peserta sama-sama menyebut antrean hilang.\n\nPerlu dicek: <script>alert(1)</script> dan <img src=x onerror=alert(2)>.\n',
  );
  writeFileSync(join(study, 'memos/server.md'), '---\ncode: obstacle_internal\n---\nServer pusat sering penuh di awal bulan.\n');
  writeFileSync(join(study, 'memos/lain.md'), '---\ncode: biaya\ntitle: Biaya pulsa\n---\nPeserta menanggung pulsa sendiri.\n');
  writeFileSync(join(study, 'memos/catatan.md'), 'Catatan lepas tanpa front matter.\n');
});

/** The text of one `### n.m Label…` section of the Markdown report, up to the next heading. */
function section(md: string, label: string): string {
  const start = md.search(new RegExp(`^### \\d+\\.\\d+ ${label}`, 'm'));
  expect(start, `no section ${label}`).toBeGreaterThanOrEqual(0);
  const rest = md.slice(start + 4);
  const end = rest.search(/^##/m);
  return end === -1 ? rest : rest.slice(0, end);
}

describe('memos in the report', () => {
  it('md: under the finding of the memo’s code (a sub-code’s memo under its attribute), HTML shown as text', () => {
    const r = qia(['report', study, '--format', 'md']);
    expect(r.status, r.stderr).toBe(0);
    const ra = section(r.stdout, 'Keuntungan relatif');
    expect(ra).toContain('**Memo peneliti**');
    expect(ra).toContain('> **Hemat waktu menurut dua pihak** (`relative_advantage.time_saving`, memos/waktu.md)');
    expect(ra).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(ra).not.toContain('Server pusat');
    expect(r.stdout).not.toContain('<script>');
    expect(r.stdout).not.toContain('<img');
    expect(section(r.stdout, 'Kendala internal')).toContain('Server pusat sering penuh di awal bulan.');
    expect(section(r.stdout, 'Kerumitan')).not.toContain('Memo peneliti');
    // A memo on a code the codebook does not define is still shown, in its own section.
    expect(section(r.stdout, 'Memo untuk kode lain')).toContain('Peserta menanggung pulsa sendiri.');
  });

  it('warns about memos it cannot attach, with file, line and column', () => {
    const r = qia(['report', study, '--format', 'md']);
    expect(r.stderr).toMatch(/memos\/catatan\.md:1:1: warning: .*\[memo\/no-code\]/);
    expect(r.stderr).toMatch(/memos\/lain\.md:2:1: warning: .*"biaya".*\[memo\/unknown-code\]/);
  });

  it('json: each code lists the memos on it and its sub-codes; all memos at the top level', () => {
    const r = qia(['report', study, '--format', 'json', '--lang', 'en']);
    expect(r.status, r.stderr).toBe(0);
    const data = JSON.parse(r.stdout) as {
      codes: { code: string; memos: { file: string; code: string; title?: string; body: string }[] }[];
      memos: { file: string }[];
    };
    const byCode = new Map(data.codes.map((c) => [c.code, c.memos.map((m) => m.file)]));
    expect(byCode.get('relative_advantage')).toEqual(['memos/waktu.md']);
    expect(byCode.get('relative_advantage.time_saving')).toEqual(['memos/waktu.md']);
    expect(byCode.get('obstacle_internal')).toEqual(['memos/server.md']);
    expect(byCode.get('complexity')).toEqual([]);
    expect(data.memos.map((m) => m.file).sort()).toEqual(['memos/lain.md', 'memos/server.md', 'memos/waktu.md']);
  });

  it('html: the memo sits in the finding’s article, escaped, with paragraphs kept', () => {
    const r = qia(['report', study, '--format', 'html', '--lang', 'en']);
    expect(r.status, r.stderr).toBe(0);
    const article = r.stdout.slice(r.stdout.indexOf('<article class="finding" id="code-relative_advantage">'));
    const mine = article.slice(0, article.indexOf('</article>'));
    expect(mine).toContain('<h4>Researcher memos</h4>');
    expect(mine).toContain('<aside class="memo" data-memo-code="relative_advantage.time_saving">');
    expect(mine).toContain(
      '<p>Kepala dan peserta sama-sama menyebut antrean hilang.</p>\n<p>Perlu dicek: &lt;script&gt;alert(1)&lt;/script&gt; dan &lt;img src=x onerror=alert(2)&gt;.</p>',
    );
    expect(r.stdout).not.toMatch(/<img src=x/);
  });

  it('qia run carries them into report.md and lists them in the audit trail', () => {
    const out = mkdtempSync(join(tmpdir(), 'qia-memos-out-'));
    const r = qia(['run', study, '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(join(out, 'report.md'), 'utf8')).toContain('Hemat waktu menurut dua pihak');
    const audit = JSON.parse(readFileSync(join(out, 'audit.json'), 'utf8')) as { files: { path: string; role: string }[] };
    expect(audit.files.filter((f) => f.role === 'memo').map((f) => f.path)).toEqual(['memos/catatan.md', 'memos/lain.md', 'memos/server.md', 'memos/waktu.md']);
  });

  it('html: memo Markdown is rendered (bold, lists, safe links), hostile markup and links stay inert', () => {
    const dir = mkdtempSync(join(tmpdir(), 'qia-memos-md-'));
    cpSync(study, dir, { recursive: true });
    writeFileSync(
      join(dir, 'memos/waktu.md'),
      [
        '---',
        'code: relative_advantage.time_saving',
        'title: Markdown memo',
        '---',
        '**Tebal** dan _miring_, lalu `kode`.',
        '',
        '- satu',
        '- dua',
        '',
        '<script>alert(1)</script>',
        '',
        '<img src=x onerror=alert(2)> [klik](javascript:alert(3)) [data](data:text/html,<b>x</b>) [tab](java\tscript:alert(4)) ![gambar](https://x.test/a.png)',
        '',
        '[sumber](https://example.org/laporan "Laporan") <a href="javascript:alert(5)" onclick="alert(6)">a</a>',
        '',
      ].join('\n'),
    );
    const r = qia(['report', dir, '--format', 'html', '--lang', 'en']);
    expect(r.status, r.stderr).toBe(0);
    const html = r.stdout;
    const start = html.indexOf('<aside class="memo" data-memo-code="relative_advantage.time_saving">');
    expect(start).toBeGreaterThan(0);
    const memo = html.slice(start, html.indexOf('</aside>', start));
    expect(memo).toContain('<strong>Tebal</strong> dan <em>miring</em>, lalu <code>kode</code>.');
    expect(memo).toContain('<ul>\n<li>satu</li>\n<li>dua</li>\n</ul>');
    expect(memo).toContain('<a href="https://example.org/laporan" title="Laporan" rel="noopener noreferrer">sumber</a>');
    // Nothing from the memo is live markup: no script, no handler, no dangerous link, no image.
    const tags = [...memo.matchAll(/<([a-zA-Z][\w-]*)([^>]*)>/g)];
    expect(new Set(tags.map((t) => t[1]!.toLowerCase()))).toEqual(new Set(['aside', 'p', 'strong', 'code', 'em', 'ul', 'li', 'a']));
    for (const [, name, attrs] of tags) {
      for (const [, attr, value] of attrs!.matchAll(/\s([\w-]+)="([^"]*)"/g)) {
        expect(['class', 'data-memo-code', 'href', 'title', 'rel'], `<${name} ${attr}>`).toContain(attr);
        if (attr === 'href') expect(value).toMatch(/^https:/);
      }
    }
    expect(memo).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(memo).toContain('&lt;img src=x onerror=alert(2)&gt;');
    expect(memo).toContain('klik');
    expect(memo).toContain('gambar');
    // The page as a whole still has only its own two scripts (its data and its code).
    expect(html.match(/<script/g)).toHaveLength(2);
  });

  it('html: codebook definitions in the appendix render inline Markdown, hostile markup as text', () => {
    const dir = mkdtempSync(join(tmpdir(), 'qia-def-md-'));
    cpSync(study, dir, { recursive: true });
    const cbFile = join(dir, 'codebook.yaml');
    const yaml = readFileSync(cbFile, 'utf8');
    const label = '    label: { id: Kerumitan, en: Complexity }\n';
    expect(yaml).toContain(label);
    writeFileSync(
      cbFile,
      yaml.replace(label, `${label}    definition: ${JSON.stringify('**Kunci** <img src=x onerror=alert(1)> [x](javascript:alert(2))')}\n`),
    );
    const r = qia(['report', dir, '--format', 'html', '--lang', 'en']);
    expect(r.status, r.stderr).toBe(0);
    const appendix = r.stdout.slice(r.stdout.indexOf('<section id="appendix">'));
    expect(appendix).toContain('<strong>Kunci</strong> &lt;img src=x onerror=alert(1)&gt; x');
    expect(appendix).not.toMatch(/<img|href="javascript/);
  });
});

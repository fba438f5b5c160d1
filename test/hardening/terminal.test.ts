import fc from 'fast-check';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { terminalSafe } from '../../src/util/terminal-safe.js';
import { qia } from '../helpers/cli.js';
import { makeStudy } from '../sources/helpers.js';

/**
 * Issue 17, defect 9: escape sequences in a study (front matter, a transcript, a file name, a
 * codebook label) reached the terminal raw through `qia sources`, diagnostics, `kwic` and
 * `code --explain`, and a codebook label reached report.md's headings unescaped.
 */

const TITLE = '\u001b]0;pwned\u0007';
const CLEAR = '\u001b[2J\u001b[H';
const LINK = '\u001b]8;;https://evil.example/\u001b\\klik\u001b]8;;\u001b\\';
const C1 = '\u009b31m';
/** Anything a terminal would act on: ESC, BEL, C1 controls, other C0 but newline and tab. */
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

function hostileStudy(): string {
  const transcript = [
    '---',
    'informant: U1',
    // YAML's own escapes: \e is ESC, \a is BEL.
    'title: "Wawancara \\e]0;pwned\\a satu"',
    '---',
    'P: Bagaimana?',
    '',
    `U1: Aplikasinya mudah sekali ${CLEAR}tidak perlu antre ${LINK} lagi ${C1}merah.`,
    '',
  ].join('\n');
  const root = makeStudy({
    'sources/interviews/w01.md': transcript,
    [`sources/interviews/w02${TITLE}.md`]: 'U1: Servernya sering down, mudah kok.\n',
    'codebook.yaml': [
      'id: cb',
      'languages: [id]',
      'codes:',
      '  - id: complexity',
      '    group: attribute',
      '    label: {id: "Keru\\e[2Jmitan <script>alert(1)</script>"}',
      '    rules:',
      '      - terms: [mudah]',
      '  - id: obstacle_internal',
      '    group: obstacle',
      '    label: {id: "Ken*da*la_ [x](https://evil.example)"}',
      '    rules:',
      '      - terms: [down]',
      '',
    ].join('\n'),
    // A coder file naming a code with an escape in it: its diagnostic echoes the code.
    'codings/ana.csv': `source,line,quote,code,valence\ninterviews/w01,8,mudah,bad${TITLE}code,+\n`,
  });
  writeFileSync(
    join(root, 'study.yaml'),
    [
      'title: T',
      'case: C',
      'language: id',
      'codebook: codebook.yaml',
      'informants: informants.csv',
      'sources:',
      '  - glob: "sources/interviews/*"',
      '    kind: interview',
      '',
    ].join('\n'),
  );
  return root;
}

describe('terminal output shows study text inert', () => {
  const root = hostileStudy();
  const runs: [string, string[]][] = [
    ['sources', ['sources', root]],
    ['kwic', ['kwic', 'mudah', root]],
    ['code --explain', ['code', root, '--explain']],
    ['query', ['query', root, '--code', 'complexity']],
    ['codebook show', ['codebook', 'show', join(root, 'codebook.yaml')]],
  ];
  for (const [name, args] of runs)
    it(`qia ${name}: no control character on stdout or stderr, the words still there`, () => {
      const r = qia(args, { env: { FORCE_COLOR: '0' } });
      expect(r.stdout + r.stderr).not.toMatch(RAW);
      if (name !== 'codebook show' && name !== 'sources') expect(r.stdout).toContain('mudah');
    });

  it('diagnostics echo a hostile code name without its escapes', () => {
    const r = qia(['code', root]);
    expect(r.stderr).toMatch(/codings\/ana\.csv:2:.*bad\]0;pwned\uFFFDcode|codings\/ana\.csv:2:.*badcode/);
    expect(r.stderr).not.toMatch(RAW);
  });

  it('keeps qia’s own colour on a colour terminal, and only colour', () => {
    const r = qia(['code', root, '--explain'], { env: { NO_COLOR: '', FORCE_COLOR: '1' } });
    expect(r.stdout).toMatch(/\u001b\[\d+m/);
    expect(r.stdout.replace(/\u001b\[[\d;]*m/g, '')).not.toMatch(RAW);
    expect(r.stdout).not.toContain('\u001b]');
  });

  it('report.md writes codebook labels as text: no HTML, no emphasis, no link', () => {
    const out = join(root, 'out');
    mkdirSync(out, { recursive: true });
    qia(['run', root, '--out', out]);
    const md = readFileSync(join(out, 'report.md'), 'utf8');
    expect(md).not.toContain('<script>');
    expect(md).toContain('&lt;script&gt;');
    // Every ]( is broken up, ]\( in tables or \]( in text: no link remains.
    expect(md).not.toMatch(/(?<!\\)\](?!\\)\(https/);
    expect(md).not.toMatch(/^#+ .*Ken\*da\*la/m);
    expect(md).not.toMatch(RAW);
  });
});

describe('terminalSafe', () => {
  it('removes whole sequences (CSI, OSC title, OSC 8 link, 8-bit CSI) and shows lone controls as U+FFFD', () => {
    expect(terminalSafe(`a${TITLE}b${CLEAR}c ${LINK} d ${C1}e\u0007f\r\n\tg\u007f`)).toBe('abc klik d e\uFFFDf\r\n\tg\uFFFD');
    expect(terminalSafe('\u001b[1mbold\u001b[22m \u001b[2J', { keepColour: true })).toBe('\u001b[1mbold\u001b[22m ');
    expect(terminalSafe('unterminated \u001b]0;title\nnext line')).toBe('unterminated \nnext line');
    expect(terminalSafe('end \u001b')).toBe('end \uFFFD');
    // A CRLF line end stays (CSV rows on stdout); a lone CR would overwrite the line.
    expect(terminalSafe('a,b\r\nc\rX')).toBe('a,b\r\nc\uFFFDX');
  });

  it('never lets a control through, whatever the input (property)', () => {
    const piece = fc.oneof(
      fc.string({ maxLength: 8 }),
      fc.constantFrom('\u001b', '[', ']', '\\', '\u0007', '\u009b', '\u009d', '\u009c', ';', '8', 'm', '2J', '\n', '\t', 'P', '_', 'x'),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), fc.boolean(), (ps, keepColour) => {
        const out = terminalSafe(ps.join(''), { keepColour });
        const rest = (keepColour ? out.replace(/\u001b\[[\d;]*m/g, '') : out).replace(/\r\n/g, '\n');
        expect(rest).not.toMatch(RAW);
      }),
      { numRuns: 500 * Math.max(1, Number(process.env['QIA_FUZZ'] ?? 1)) },
    );
  });
});

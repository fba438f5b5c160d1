import { appendFileSync, cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseCsv } from 'csv-parse/sync';
import { qia, ROOT } from '../helpers/cli.js';

const FIXTURE = join(ROOT, 'test/fixtures/coding/study');

describe('codings.csv in a spreadsheet', () => {
  it('neutralises a quote that starts like a formula, keeps valence signs, and reads its own file back', () => {
    const study = join(mkdtempSync(join(tmpdir(), 'qia-formula-')), 'study');
    cpSync(FIXTURE, study, { recursive: true });
    appendFileSync(join(study, 'sources/interviews/w01-kepala.md'), '\nP: Lalu?\n\nK1: =HYPERLINK("http://x.test","klik") prosesnya cepat sekali.\n');
    const r = qia(['code', study]);
    expect(r.status, r.stderr).toBe(0);
    const csv = readFileSync(join(study, 'out/codings.csv'), 'utf8');
    const row = csv.split('\n').find((l) => l.includes('HYPERLINK'));
    expect(row).toBeDefined();
    expect(row).toContain(`"'=HYPERLINK(""http://x.test"",""klik"") prosesnya cepat sekali."`);
    expect(row).not.toMatch(/,=HYPERLINK/);
    // Valence is a value, not free text: a minus stays a minus.
    expect(csv).toMatch(/,-,(auto|rina|sari|inline),/);

    // A researcher who keeps the file as a coder file gets every quote placed again.
    writeFileSync(join(study, 'codings/copied.csv'), csv);
    const again = qia(['code', study, '--format', 'json']);
    expect(again.stderr).not.toContain('unanchored');
    const rows = (JSON.parse(again.stdout) as { codings: { quote: string; coder: string }[] }).codings;
    expect(rows.some((x) => x.quote.startsWith('=HYPERLINK'))).toBe(true);
  });
});

describe('codings.csv: the formula guard on every column (issue 17 #4)', () => {
  it('guards segment, source and coder cells named by hostile file and coder names, in the file and in `qia code --format csv`', () => {
    const study = join(mkdtempSync(join(tmpdir(), 'qia-formula-cols-')), 'study');
    cpSync(FIXTURE, study, { recursive: true });
    const text = readFileSync(join(study, 'sources/interviews/w01-kepala.md'), 'utf8');
    // Sources straight under sources/: their ids are the file names.
    writeFileSync(
      join(study, 'study.yaml'),
      readFileSync(join(study, 'study.yaml'), 'utf8').replace('sources:\n', 'sources:\n  - glob: "sources/*.md"\n    kind: interview\n'),
    );
    writeFileSync(join(study, 'sources/=HYPERLINK(1).md'), text);
    writeFileSync(join(study, 'sources/-2+3.md'), text);
    writeFileSync(
      join(study, 'codings/=evil.csv'),
      'source,segment,quote,code,valence,coder,memo\r\ninterviews/w01-kepala,,tidak perlu antre di kantor,relative_advantage.time_saving,+,@coder,\r\n',
    );
    const r = qia(['code', study]);
    expect(r.status, r.stderr).toBe(0);
    const file = readFileSync(join(study, 'out/codings.csv'), 'utf8');
    const printed = qia(['code', study, '--format', 'csv']).stdout;
    for (const csv of [file, printed]) {
      const rows = parseCsv(csv, { relax_column_count: true }) as string[][];
      const header = rows[0]!;
      const cells = rows.slice(1).flat();
      // Every cell a spreadsheet would run is guarded; only the lone valence signs start with + or -.
      expect(cells.filter((c) => /^[=+\-@\t\r]/.test(c) && c !== '+' && c !== '-')).toEqual([]);
      const col = (name: string) => rows.slice(1).map((x) => x[header.indexOf(name)]!);
      expect(col('source')).toContain("'=HYPERLINK(1)");
      expect(col('source')).toContain("'-2+3");
      expect(col('segment').some((s) => s.startsWith("'=HYPERLINK(1):"))).toBe(true);
      expect(col('coder')).toContain("'@coder");
      // Line and offsets stay numbers a spreadsheet can sum.
      expect(col('line').every((x) => /^\d+$/.test(x))).toBe(true);
    }
  });
});

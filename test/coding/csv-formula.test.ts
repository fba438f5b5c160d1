import { appendFileSync, cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
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
    const rows = JSON.parse(again.stdout) as { quote: string; coder: string }[];
    expect(rows.some((x) => x.quote.startsWith('=HYPERLINK'))).toBe(true);
  });
});

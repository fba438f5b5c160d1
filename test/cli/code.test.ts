import { describe, expect, it, beforeEach } from 'vitest';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { qia, ROOT } from '../helpers/cli.js';

const FIXTURE = join(ROOT, 'test/fixtures/coding/study');
let study: string;

beforeEach(() => {
  study = join(mkdtempSync(join(tmpdir(), 'qia-code-')), 'study');
  cpSync(FIXTURE, study, { recursive: true });
});

describe('qia code', () => {
  it('writes out/codings.csv with manual codings overriding auto ones, and prints a summary by valence and role', () => {
    const r = qia(['code', study, '--lang', 'en']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/│ code\s+│ n │ \+ │ 0 │ - │ head │ user │/);
    expect(r.stdout).toMatch(/│ relative_advantage\s+│ 1 │ 1 │ 0 │ 0 │\s+1 │\s+0 │/);
    expect(r.stdout).toContain('merge: manual-overrides-auto');
    const csv = readFileSync(join(study, 'out/codings.csv'), 'utf8');
    // RFC 4180 line ends (src/render/csv-write.ts).
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe('segment,source,informant,role,group,kind,line,code,valence,coder,origin,status,start,end,quote,rules,memo,score');
    // The coder's "tidak perlu antre" replaced the auto "cepat" coding of relative_advantage in that turn.
    expect(csv).toContain('interviews/w01-kepala:2,interviews/w01-kepala,K1,head,provider,interview,7,relative_advantage.time_saving,+,rina,manual,manual,');
    expect(csv).not.toMatch(/w01-kepala:2,.*,relative_advantage\.time_saving,.*,auto,rule/);
    expect(r.stdout).toMatch(/merge: manual-overrides-auto, 2 automatic codings replaced by manual ones \(--explain says which\)/);
    // The inline tag came through; the auto "server down" coding was rejected in review.csv.
    expect(csv).toMatch(/w01-kepala:4,.*,complexity\.ease_of_use,\+,inline,inline,manual,.*,mudah untuk peserta,/);
    // Rejected codings stay listed, with their status, so the audit shows them; they count nowhere.
    expect(csv).toMatch(/w01-kepala:4,.*,obstacle_internal[.\w]*,-,auto,rule,rejected,.*server down/);
    expect(r.stdout).toMatch(/\d+ automatic \(\d+ not reviewed, 1 rejected\)/);
    // A rerun gives the same bytes.
    qia(['code', study]);
    expect(readFileSync(join(study, 'out/codings.csv'), 'utf8')).toBe(csv);
  });

  it('prints codings as JSON with the agreed fields, and honours --merge', () => {
    const r = qia(['code', study, '--format', 'json', '--merge', 'auto-only']);
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout) as { format: string; codings: Record<string, unknown>[] };
    expect(doc.format).toBe('qia-codings/1');
    const rows = doc.codings;
    for (const k of ['segmentId', 'sourceId', 'code', 'valence', 'coder', 'origin', 'start', 'end', 'quote']) expect(rows[0]).toHaveProperty(k);
    expect(rows.every((x) => x['coder'] === 'auto' && x['origin'] === 'rule')).toBe(true);
    const cepat = rows.find((x) => x['segmentId'] === 'interviews/w01-kepala:2');
    expect(cepat).toMatchObject({ code: 'relative_advantage.time_saving', valence: expect.any(Number) });
    const source = readFileSync(join(study, 'sources/interviews/w01-kepala.md'), 'utf8');
    expect(source).toContain(cepat!['quote'] as string);
    // Rejected in review.csv even in auto-only mode: listed with its status and reviewer.
    expect(rows.find((x) => String(x['quote']).includes('server down'))).toMatchObject({ status: 'rejected', reviewer: 'review.csv' });
    expect(rows.filter((x) => x['status'] !== 'rejected').every((x) => x['status'] === 'auto')).toBe(true);
  });

  it('explains each coding with the matched words bracketed and the rule named', () => {
    const r = qia(['code', study, '--explain', '--merge', 'union']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Prosesnya jauh lebih [[cepat]]. Peserta [[tidak perlu antre]] di kantor lagi.');
    expect(r.stdout).toMatch(/interviews\/w01-kepala:2 +line 7 +K1 \(head\) +relative_advantage\.time_saving [+0-] +rule relative_advantage\.time_saving#\d/);
    expect(r.stdout).toMatch(/manual by rina \(.*codings\/rina\.csv:3\)/);
  });

  it('reports every bad row of a coder file with file and line, loads the rest, and exits 1', () => {
    writeFileSync(
      join(study, 'codings/budi.csv'),
      'source,segment,quote,code,valence,coder,memo\n' +
        'interviews/w02-peserta,,saya bisa sendiri,complexity.ease_of_use,+,,\n' +
        'interviews/w02-peserta,,saya bisa sendiri,complexity.nope,+,,\n' +
        'interviews/w02-peserta,,kalimat yang tidak pernah diucapkan siapa pun,complexity,+,,\n' +
        'interviews/w02-peserta,interviews/w02-peserta:42,,complexity,+,,\n' +
        'interviews/w02-peserta,,saya bisa sendiri,complexity,++,,\n',
    );
    writeFileSync(join(study, 'codings/cici.csv'), 'source,quote,valence\ninterviews/w02-peserta,mudah,+\n');
    const r = qia(['code', study, '--format', 'csv']);
    expect(r.status).toBe(1);
    const file = join(study, 'codings/budi.csv');
    expect(r.stderr).toMatch(new RegExp(`budi\\.csv:3:1: error: .*\\[coding/unknown-code\\]`));
    expect(r.stderr).toMatch(/budi\.csv:4:1: error: .*\[coding\/unanchored\]/);
    expect(r.stderr).toMatch(/budi\.csv:5:1: error: .*\[coding\/unknown-segment\]/);
    expect(r.stderr).toMatch(/budi\.csv:6:1: error: .*\[coding\/bad-valence\]/);
    expect(r.stderr).toMatch(/cici\.csv:1:1: error: .*\[coding\/missing-column\]/);
    expect(file).toBeTruthy();
    expect(r.stdout).toContain('saya bisa sendiri,,');
    expect(r.stdout).toMatch(/complexity\.ease_of_use,\+,budi,manual,.*,saya bisa sendiri,/);
  });

  it('is not thrown by a folder in codings/ whose name ends in .csv', () => {
    mkdirSync(join(study, 'codings/archief.csv'));
    const r = qia(['code', study, '--format', 'csv']);
    expect(r.stderr).not.toContain('internal');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(',rina,manual,');
  });

  it('reads a coder file a spreadsheet program saved as UTF-16', () => {
    const csv = 'source,segment,quote,code,valence,coder,memo\r\ninterviews/w02-peserta,,saya bisa sendiri,complexity.ease_of_use,+,,lansia “mandiri”\r\n';
    writeFileSync(join(study, 'codings/dewi.csv'), Buffer.from('\ufeff' + csv, 'utf16le'));
    const r = qia(['code', study, '--format', 'csv']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/complexity\.ease_of_use,\+,dewi,manual,.*,saya bisa sendiri,,lansia “mandiri”/);
  });

  it('finds manual codings again after the transcript is edited, and reports the ones it cannot place', () => {
    const path = join(study, 'sources/interviews/w02-peserta.md');
    const text = readFileSync(path, 'utf8').replace(
      'P: Apakah aplikasinya mudah?',
      'P: Pertanyaan pembuka.\n\nU1: Jawaban pembuka.\n\nP: Apakah aplikasinya mudah?',
    );
    writeFileSync(path, text);
    let r = qia(['code', study, '--format', 'csv', '--lang', 'en']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/interviews\/w02-peserta:5,.*,rina,manual,.*,sinyal di desa lemah,/);
    expect(r.stderr).toMatch(/rina\.csv:2:1: note: quote is no longer in interviews\/w02-peserta:3; found in interviews\/w02-peserta:5 \[coding\/moved\]/);
    writeFileSync(path, text.replace('sinyal di desa lemah', 'listrik sering padam'));
    r = qia(['code', study, '--format', 'csv', '--lang', 'en']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/rina\.csv:2:1: error: quote not found .*\[coding\/unanchored\]/);
  });
});

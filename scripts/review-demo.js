#!/usr/bin/env node
// The review loop on six fixed LAPAK ASIK segments, for trying `qia review`'s screen and for the
// terminal tests: `npm run build && node scripts/review-demo.js --log /tmp/review.jsonl`.
// Decisions are appended to the log as JSON lines (src/model/decision.ts); run it again with the
// same log and it resumes where the log says. The segments are written for this demo, not quoted
// from any interview.
//
//   --log FILE      the decision log (required)
//   --lang id|en    labels (default id)
//   --coder NAME    (default "demo")
//   --timing FILE   write when the first frame was drawn: ms since the process started, and CPU ms used
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { interactiveProblem } from '../dist/review/refuse.js';

// Refuse before anything else is loaded or read: in a pipe or under cron this must end at once.
const problem = interactiveProblem({ input: process.stdin, output: process.stdout });
if (problem) {
  process.stderr.write(`${problem}\n`);
  process.exit(2);
}

function usage(msg) {
  process.stderr.write(`review-demo: ${msg}\nusage: node scripts/review-demo.js --log FILE [--lang id|en] [--coder NAME] [--timing FILE]\n`);
  process.exit(2);
}

const args = process.argv.slice(2);
const opt = {};
for (let i = 0; i < args.length; i++) {
  const k = args[i];
  if (!['--log', '--lang', '--coder', '--timing'].includes(k)) usage(`unknown argument ${k}`);
  if (i + 1 >= args.length) usage(`${k} needs a value`);
  opt[k.slice(2)] = args[++i];
}
if (!opt.log) usage('--log FILE is required');
const lang = opt.lang ?? 'id';
if (lang !== 'id' && lang !== 'en') usage('--lang is id or en');
const coder = opt.coder ?? 'demo';

/** The span of the n-th occurrence of `words` in `text`, so the fixtures' offsets cannot drift. */
function at(text, words, n = 1) {
  let from = -1;
  for (let k = 0; k < n; k++) {
    from = text.indexOf(words, from + 1);
    if (from < 0) throw new Error(`"${words}" is not in "${text}"`);
  }
  return { start: from, end: from + words.length };
}

function proposal(text, code, valence, rule, score, matches, cues = [], reason = undefined) {
  return {
    code,
    valence,
    status: 'auto',
    rule,
    score,
    matches: matches.map((w) => at(text, w)),
    cues: cues.map((w) => at(text, w)),
    origin: 'rule',
    coder: 'auto',
    // Why it was proposed, as the coding's memo says (qia code writes one for question context,
    // lead-ins, the codebook prior and --learn).
    ...(reason === undefined ? {} : { reason }),
  };
}

function item(fields, proposals) {
  return { ...fields, proposals: proposals.map((p) => proposal(fields.text, ...p)) };
}

const T1 = 'Iya lebih baik, tidak perlu naik angkot ke kantor, saya tidak kuat antre lama.';
const T2 =
  'Awalnya memang banyak petugas yang bingung, terutama yang sudah senior, karena berkas harus diperiksa lewat layar. Setelah dua kali pelatihan dari kantor wilayah sekarang sudah lancar, malah mereka yang mengajari petugas baru.';
const T3 = 'Server kadang down kalau jam sibuk, biasanya Senin pagi. Peserta jadi harus mengulang unggah berkas dari awal.';
const T4 =
  'Pukul 09.10 ruang tunggu kantor cabang hampir kosong. Dua petugas melayani panggilan video; seorang peserta lansia dibantu satpam mengisi formulir di ponselnya.';
const T5 = [
  'Standar Operasional Prosedur Layanan Tanpa Kontak (LAPAK ASIK) ini disusun sebagai pedoman bagi petugas kantor cabang dalam melayani klaim Jaminan Hari Tua secara daring.',
  'Layanan dijalankan berdasarkan Peraturan Menteri Ketenagakerjaan tentang tata cara pembayaran manfaat JHT, dengan penyesuaian selama masa pandemi agar peserta tidak berkumpul di kantor.',
  'Langkah pertama, peserta mengisi formulir pengajuan di laman resmi dan mengunggah foto KTP, kartu peserta, buku tabungan dan surat keterangan berhenti bekerja.',
  'Langkah kedua, petugas memeriksa kelengkapan berkas paling lambat satu hari kerja dan menjadwalkan wawancara melalui panggilan video.',
  'Langkah ketiga, setelah wawancara dinyatakan sesuai, petugas memproses pembayaran ke rekening peserta dan mengirim pemberitahuan melalui surel.',
  'Bila berkas tidak lengkap, petugas menghubungi peserta paling banyak dua kali sebelum pengajuan dikembalikan.',
].join('\n');
const T6 = 'Gampang kok, Mas. Anak saya yang bantu foto KTP-nya, habis itu tinggal tunggu ditelepon.';

const items = [
  item(
    {
      id: 'interviews/w07-peserta-rajabasa:4',
      source: 'interviews/w07-peserta-rajabasa',
      sourcePath: 'sources/interviews/w07-peserta-rajabasa.md',
      informant: 'P7',
      role: 'peserta',
      kind: 'interview',
      line: 9,
      endLine: 9,
      text: T1,
      question: 'Menurut Ibu, lebih baik lewat LAPAK ASIK atau datang langsung ke kantor?',
      before: 'Menurut Ibu, lebih baik lewat LAPAK ASIK atau datang langsung ke kantor?',
      after: 'Waktu itu Ibu mengurus klaim apa?',
    },
    [['relative_advantage.time_saving', -1, 'relative_advantage.time_saving#1', 0.58, ['naik angkot', 'antre'], ['tidak kuat']]],
  ),
  item(
    {
      id: 'interviews/w02-kabid-pelayanan:12',
      source: 'interviews/w02-kabid-pelayanan',
      sourcePath: 'sources/interviews/w02-kabid-pelayanan.md',
      informant: 'K2',
      role: 'pengelola',
      kind: 'interview',
      line: 31,
      endLine: 34,
      text: T2,
      question: 'Apakah petugas kesulitan waktu awal memakai aplikasinya?',
      before: 'Apakah petugas kesulitan waktu awal memakai aplikasinya?',
      after: 'Berapa lama pelatihan itu, Pak?',
    },
    [
      ['complexity.skills', 1, 'complexity.skills#1', 0.71, ['pelatihan', 'mengajari'], ['lancar']],
      ['obstacle_internal.staff_skills', -1, 'obstacle_internal.staff_skills#2', 0.44, ['bingung', 'senior']],
    ],
  ),
  item(
    {
      id: 'interviews/w03-staf-ti:5',
      source: 'interviews/w03-staf-ti',
      sourcePath: 'sources/interviews/w03-staf-ti.vtt',
      informant: 'S3',
      role: 'petugas TI',
      kind: 'interview',
      line: 14,
      endLine: 15,
      text: T3,
      question: 'Kendala apa yang paling sering muncul di sistemnya?',
      before: 'Kendala apa yang paling sering muncul di sistemnya?',
      after: 'Lalu bagaimana petugas membantu peserta yang gagal mengunggah?',
    },
    [['complexity.ease_of_use', -1, 'complexity.ease_of_use#3', 0.39, ['mengulang unggah'], ['dari awal']]],
  ),
  item(
    {
      id: 'observations/o01-loket-daring:3',
      source: 'observations/o01-loket-daring',
      sourcePath: 'sources/observations/o01-loket-daring.md',
      kind: 'observation',
      line: 7,
      endLine: 9,
      text: T4,
      before: 'Pukul 08.45 petugas menyalakan tiga laptop di meja layanan daring.',
      after: 'Pukul 09.30 antrean panggilan video mencapai tujuh peserta.',
    },
    [
      ['observability.visible_results', 1, 'observability.visible_results#1', 0.52, ['ruang tunggu', 'hampir kosong'], ['kosong']],
      ['complexity.skills', -1, 'complexity.skills#2', 0.47, ['lansia', 'dibantu']],
    ],
  ),
  item(
    {
      id: 'documents/d02-sop-lapak-asik:2',
      source: 'documents/d02-sop-lapak-asik',
      sourcePath: 'sources/documents/d02-sop-lapak-asik.pdf',
      kind: 'document',
      line: 12,
      endLine: 17,
      text: T5,
      before: 'BAB II — PROSEDUR LAYANAN',
      after: 'BAB III — PEMANTAUAN DAN EVALUASI',
    },
    [
      ['trialability.sop', 1, 'trialability.sop#1', 0.9, ['Standar Operasional Prosedur', 'pedoman']],
      ['compatibility.regulation', 1, 'compatibility.regulation#1', 0.66, ['Peraturan Menteri Ketenagakerjaan']],
      ['compatibility.situation', 1, 'compatibility.situation#1', 0.61, ['pandemi'], ['tidak berkumpul']],
    ],
  ),
  item(
    {
      id: 'interviews/w05-peserta-kedaton:9',
      source: 'interviews/w05-peserta-kedaton',
      sourcePath: 'sources/interviews/w05-peserta-kedaton.md',
      informant: 'P5',
      role: 'peserta',
      kind: 'interview',
      line: 22,
      endLine: 22,
      text: T6,
      question: 'Apakah aplikasinya mudah digunakan?',
      before: 'Apakah aplikasinya mudah digunakan?',
    },
    [
      [
        'complexity.ease_of_use',
        1,
        'question-context',
        0.5,
        [],
        ['Gampang'],
        'question-context: answer to interviews/w05-peserta-kedaton:8 (line 21) "Apakah aplikasinya mudah digunakan?"',
      ],
    ],
  ),
];

const CODES = [
  ['relative_advantage', 'attribute', 'Keuntungan relatif', 'Relative advantage'],
  ['relative_advantage.time_saving', 'attribute', 'Hemat waktu', 'Time saving'],
  ['relative_advantage.cost_saving', 'attribute', 'Hemat biaya', 'Cost saving'],
  ['relative_advantage.fewer_documents', 'attribute', 'Berkas lebih sedikit', 'Fewer documents'],
  ['relative_advantage.satisfaction', 'attribute', 'Kepuasan pengguna', 'User satisfaction'],
  ['compatibility', 'attribute', 'Kesesuaian', 'Compatibility'],
  ['compatibility.needs', 'attribute', 'Sesuai kebutuhan', 'Fits needs'],
  ['compatibility.regulation', 'attribute', 'Sesuai regulasi', 'Fits regulations'],
  ['compatibility.situation', 'attribute', 'Sesuai situasi', 'Fits the situation'],
  ['complexity', 'attribute', 'Kerumitan', 'Complexity'],
  ['complexity.ease_of_use', 'attribute', 'Kemudahan penggunaan', 'Ease of use'],
  ['complexity.clear_procedure', 'attribute', 'Kejelasan prosedur', 'Clear procedure'],
  ['complexity.skills', 'attribute', 'Keterampilan yang dibutuhkan', 'Skills required'],
  ['trialability', 'attribute', 'Kemungkinan dicoba', 'Trialability'],
  ['trialability.pilot', 'attribute', 'Proyek percontohan', 'Pilot project'],
  ['trialability.trial', 'attribute', 'Uji coba', 'Trial'],
  ['trialability.sop', 'attribute', 'SOP dan pedoman', 'SOP and guidelines'],
  ['trialability.replication', 'attribute', 'Replikasi', 'Replication'],
  ['observability', 'attribute', 'Kemudahan diamati', 'Observability'],
  ['observability.visible_results', 'attribute', 'Hasil terlihat', 'Visible results'],
  ['observability.media', 'attribute', 'Media dan publikasi', 'Media and publicity'],
  ['observability.numbers', 'attribute', 'Angka dan capaian', 'Numbers and figures'],
  ['observability.enthusiasm', 'attribute', 'Antusiasme masyarakat', 'Public enthusiasm'],
  ['obstacle_internal', 'obstacle', 'Kendala internal', 'Internal obstacles'],
  ['obstacle_internal.server_system', 'obstacle', 'Server dan sistem', 'Server and system'],
  ['obstacle_internal.staff_skills', 'obstacle', 'Kemampuan dan jumlah SDM', 'Staff skills and numbers'],
  ['obstacle_internal.planning', 'obstacle', 'Perencanaan', 'Planning'],
  ['obstacle_internal.budget', 'obstacle', 'Anggaran', 'Budget'],
  ['obstacle_internal.facilities', 'obstacle', 'Sarana dan fasilitas', 'Facilities and equipment'],
  ['obstacle_external', 'obstacle', 'Kendala eksternal', 'External obstacles'],
  ['obstacle_external.network', 'obstacle', 'Internet dan jaringan', 'Internet and network'],
  ['obstacle_external.devices', 'obstacle', 'Perangkat pengguna', "Users' devices"],
  ['obstacle_external.distance', 'obstacle', 'Jarak dan akses wilayah', 'Distance and roads'],
  ['obstacle_external.understanding', 'obstacle', 'Pemahaman dan sosialisasi', 'Understanding and outreach'],
  ['obstacle_external.brokers', 'obstacle', 'Calo dan perantara', 'Brokers'],
].map(([id, group, labelId, labelEn]) => ({ id, group, label: lang === 'en' ? labelEn : labelId }));

function readLog(file) {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l, i) => {
      try {
        return JSON.parse(l);
      } catch {
        process.stderr.write(`${file}:${i + 1}: not a JSON line\n`);
        process.exit(2);
      }
    });
}

const fingerprint = (text) => createHash('sha256').update(text.replace(/\s+/g, ' ').trim()).digest('hex').slice(0, 16);

const { runReview, replayLog } = await import('../dist/review/index.js');

const log = readLog(opt.log);
const { items: loaded, resumeAt } = replayLog(items, log, coder);
let seq = log.reduce((m, d) => Math.max(m, d.seq ?? 0), 0);
const byId = new Map(items.map((it) => [it.id, it]));

async function record(draft) {
  const it = byId.get(draft.item);
  const { item: _item, op, ...rest } = draft;
  const line = {
    v: 1,
    seq: ++seq,
    at: new Date().toISOString(),
    coder,
    op,
    anchor: { source: it.source, segment: it.id, fingerprint: fingerprint(it.text), line: it.line },
    ...rest,
  };
  appendFileSync(opt.log, `${JSON.stringify(line)}\n`);
  return line.seq;
}

if (opt.timing) {
  // The first write is the first frame: time it from the process's start.
  const write = process.stdout.write.bind(process.stdout);
  let first = true;
  process.stdout.write = (...a) => {
    if (first) {
      first = false;
      const cpu = process.cpuUsage();
      writeFileSync(opt.timing, `${performance.now().toFixed(1)} ${((cpu.user + cpu.system) / 1000).toFixed(1)}\n`);
    }
    return write(...a);
  };
}

// As src/cli/color.ts decides, without loading chalk for it: stdout is a terminal by now.
const color = (process.env.NO_COLOR ?? '') === '';
const result = await runReview({ items: loaded, codes: CODES, coder, lang, startAt: resumeAt, record, color });
process.stdout.write(
  `${result.decided} decision(s) this session; stopped at segment ${Math.min(result.quitAt + 1, items.length)} of ${items.length}; log: ${opt.log}\n`,
);
if (result.signal) process.exitCode = result.signal === 'SIGINT' ? 130 : result.signal === 'SIGTERM' ? 143 : 129;

#!/usr/bin/env node
// Seeded generator of a large, realistic-looking Indonesian interview corpus for benchmarks:
//   node bench/gen-corpus.js --mb 50 --out bench/corpus [--seed 1]
// Writes study.yaml, informants.csv and sources/interviews/*.md (front matter + P:/I: turns).
// The same --seed and --mb always give byte-identical files.
// For many small studies (bench/compare.js): --files N stops after N transcripts, --turns 60-100
// sets the question-and-answer turns per transcript (default 20-60), --case names the case and
// --year adds study.yaml `variables: { year }`.
// For bench/scale.js: --informants N lists N informants (default 240) and each transcript names one
// at random; --informants per-file gives every transcript its own informant (a large interview project).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

function args(argv) {
  const out = {
    mb: 50,
    out: 'bench/corpus',
    seed: 1,
    files: Infinity,
    turns: [20, 60],
    case: 'Generated interviews about digital public services',
    year: undefined,
    informants: 240,
  };
  for (let i = 2; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--mb') out.mb = Number(argv[++i]);
    else if (a === '--out') out.out = argv[++i];
    else if (a === '--seed') out.seed = Number(argv[++i]);
    else if (a === '--files') out.files = Number(argv[++i]);
    else if (a === '--turns') out.turns = argv[++i].split('-').map(Number);
    else if (a === '--case') out.case = argv[++i];
    else if (a === '--year') out.year = Number(argv[++i]);
    else if (a === '--informants') {
      const v = argv[++i];
      out.informants = v === 'per-file' ? 'per-file' : Number(v);
    } else if (a === '--help' || a === '-h') {
      console.log('usage: node bench/gen-corpus.js --mb 50 --out bench/corpus [--seed 1]');
      process.exit(0);
    } else {
      console.error(`unknown argument ${a}`);
      process.exit(2);
    }
  }
  if (out.informants !== 'per-file' && !(Number.isInteger(out.informants) && out.informants > 0)) {
    console.error('--informants must be a positive whole number or per-file');
    process.exit(2);
  }
  if (!(out.mb > 0)) {
    console.error('--mb must be a positive number');
    process.exit(2);
  }
  return out;
}

/** mulberry32: small, fast, and the same sequence on every machine. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const opt = args(process.argv);
const rand = rng(opt.seed);
const pick = (xs) => xs[Math.floor(rand() * xs.length)];
const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));

const services = [
  'LAPAK ASIK',
  'layanan mobile service',
  'aplikasi JMO',
  'layanan klaim JHT online',
  'pelayanan paspor',
  'layanan pengaduan',
  'program PIMPASA',
  'sistem antrean online',
];
const places = ['Bandar Lampung', 'Lampung Timur', 'Lampung Tengah', 'Pringsewu', 'Metro', 'Way Kanan', 'Tanggamus', 'Pesawaran'];
const subjects = ['peserta', 'pekerja migran', 'calon PMI', 'masyarakat desa', 'petugas', 'staf layanan', 'warga', 'keluarga PMI'];
const things = [
  'server',
  'jaringan internet',
  'aplikasi',
  'formulir online',
  'video call',
  'antrean',
  'berkas KTP dan KK',
  'buku tabungan',
  'sinyal',
  'laptop kantor',
  'mobil layanan',
  'SOP pelayanan',
];
const good = ['lebih cepat', 'lebih mudah', 'sangat membantu', 'hemat waktu', 'tidak perlu antre', 'jelas alurnya', 'cukup praktis', 'biayanya lebih murah'];
const bad = ['sering down', 'lambat sekali', 'membingungkan', 'tidak stabil', 'sulit dipahami', 'belum merata', 'kurang memadai', 'sering gagal'];
const verbs = ['menggunakan', 'mencoba', 'mengakses', 'mengurus', 'mendaftar lewat', 'mengunggah ke', 'menunggu', 'memperbaiki'];
const times = ['waktu pandemi', 'tahun 2021', 'awal peluncuran', 'bulan lalu', 'setiap minggu', 'hari Senin', 'akhir tahun', 'masa uji coba'];
const connectors = ['Jadi', 'Tapi', 'Kalau dulu', 'Sekarang', 'Menurut saya', 'Memang', 'Biasanya', 'Untungnya', 'Sebenarnya', 'Kadang-kadang'];
const questions = [
  'Bagaimana pengalaman Bapak/Ibu menggunakan {s}?',
  'Apa kendala yang paling sering muncul?',
  'Apakah {s} sesuai dengan kebutuhan {p}?',
  'Bagaimana dengan jaringan internet di {l}?',
  'Apakah pernah ada uji coba sebelum {s} diluncurkan?',
  'Menurut Bapak/Ibu, apakah hasilnya sudah terlihat?',
  'Berapa lama prosesnya dibandingkan dengan cara lama?',
  'Bagaimana petugas membantu {p} yang belum paham?',
];

function fill(t) {
  return t.replace('{s}', pick(services)).replace('{p}', pick(subjects)).replace('{l}', pick(places));
}

function sentence() {
  switch (int(0, 7)) {
    case 0:
      return `${pick(connectors)} ${pick(services)} ${pick(good)}, apalagi untuk ${pick(subjects)} di ${pick(places)}.`;
    case 1:
      return `${pick(connectors)} ${pick(things)} ${pick(bad)}, terutama ${pick(times)}.`;
    case 2:
      return `Saya sendiri pernah ${pick(verbs)} ${pick(things)}, dan hasilnya ${pick(good)}.`;
    case 3:
      return `Kendalanya ${pick(things)} ${pick(bad)}, jadi ${pick(subjects)} harus datang lagi ke kantor di ${pick(places)}.`;
    case 4:
      return `Dalam sehari petugas melayani ${int(3, 60)} orang, rata-rata ${int(1, 9)}.${int(0, 9)} menit per berkas.`;
    case 5:
      return `Sesuai Surat Edaran No. ${int(1, 30)} Tahun ${int(2018, 2023)}, ${pick(services)} dibuka untuk ${pick(subjects)}, KTP, KK, dll. yang diperlukan sudah jelas.`;
    case 6:
      return `"${pick(good).replace(/^./, (c) => c.toUpperCase())}," kata ${pick(subjects)} yang kami temui ${pick(times)}.`;
    default:
      return `${pick(connectors)} Dr. ${pick(['Ahmad', 'Rina', 'Budi', 'Sari'])} dari kantor wilayah bilang ${pick(things)} akan diperbaiki ${pick(times)}.`;
  }
}

function answer() {
  const n = int(2, 9);
  const parts = [];
  for (let i = 0; i < n; i++) parts.push(sentence());
  // Now and then a long answer runs over two paragraphs.
  if (rand() < 0.15) return `${parts.slice(0, 2).join(' ')}\n\n${parts.slice(2).join(' ')}`;
  return parts.join(' ');
}

function stamp(sec) {
  const h = String(Math.floor(sec / 3600)).padStart(2, '0');
  const m = String(Math.floor((sec % 3600) / 60)).padStart(2, '0');
  const s = String(sec % 60).padStart(2, '0');
  return `${h}:${m}:${s}`;
}

const roles = [
  ['head', 'provider', 'Kepala Kantor'],
  ['staff', 'provider', 'Petugas Layanan'],
  ['staff', 'provider', 'Staf TI'],
  ['user', 'user', 'Peserta'],
  ['user', 'user', 'Pekerja Migran'],
  ['partner', 'partner', 'Disnaker Kabupaten'],
];

rmSync(opt.out, { recursive: true, force: true });
const dir = join(opt.out, 'sources', 'interviews');
mkdirSync(dir, { recursive: true });

const informants = ['id,label,role,group,position,location'];
const ids = [];
function addInformant(i) {
  const [role, group, position] = roles[i % roles.length];
  const id = `${role === 'user' ? 'U' : role === 'partner' ? 'M' : role === 'head' ? 'K' : 'S'}${i}`;
  ids.push(id);
  informants.push(`${id},Inf-${i},${role},${group},${position},${pick(places)}`);
  return id;
}
const perFile = opt.informants === 'per-file';
if (!perFile) for (let i = 1; i <= opt.informants; i++) addInformant(i);
writeFileSync(
  join(opt.out, 'study.yaml'),
  [
    'title: "Benchmark corpus (generated)"',
    `case: "${opt.case}"`,
    'language: id',
    'codebook: builtin:rogers',
    'informants: informants.csv',
    'sources:',
    '  - glob: "sources/interviews/*.md"',
    '    kind: interview',
    ...(opt.year === undefined ? [] : ['variables:', `  year: ${opt.year}`]),
    '',
  ].join('\n'),
);

const target = opt.mb * 1024 * 1024;
let written = 0;
let file = 0;
while (written < target && file < opt.files) {
  file++;
  const informant = perFile ? addInformant(file) : ids[int(0, ids.length - 1)];
  const lines = [
    '---',
    `informant: ${informant}`,
    `date: 20${int(20, 23)}-${String(int(1, 12)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}`,
    `title: Wawancara ${file}`,
    `lokasi: ${pick(places)}`,
    '---',
    `# Transkrip wawancara ${file}`,
    '',
  ];
  let sec = 0;
  const turns = int(opt.turns[0], opt.turns[1]);
  for (let t = 0; t < turns; t++) {
    sec += int(10, 90);
    lines.push(`P: [${stamp(sec)}] ${fill(pick(questions))}`, '');
    sec += int(20, 240);
    lines.push(`I: [${stamp(sec)}] ${answer()}`, '');
  }
  const body = lines.join('\n');
  writeFileSync(join(dir, `w${String(file).padStart(5, '0')}.md`), body);
  written += Buffer.byteLength(body);
}
writeFileSync(join(opt.out, 'informants.csv'), informants.join('\n') + '\n');
console.log(`wrote ${file} transcripts, ${(written / 1024 / 1024).toFixed(1)} MB, to ${opt.out}`);

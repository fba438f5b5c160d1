import { copyFile, mkdir, readdir, readFile } from 'node:fs/promises';
import { existsSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { Lang } from '../model/codebook.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { displayPath } from '../util/display-path.js';
import { DEFAULT_CODEBOOK, PACKAGE_ROOT } from '../study/resolve.js';
import { QiaError } from '../util/diagnostics.js';
import { writeFileAtomic } from '../util/write-atomic.js';
import type { CommandResult } from './result.js';

export interface InitOptions {
  title?: string;
  lang?: string;
}

const TEMPLATE = join(PACKAGE_ROOT, 'templates', 'init');

/** Template files, relative and '/'-separated; `x.id.md` / `x.en.md` are picked by language. */
async function templateFiles(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const e of (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...(await templateFiles(join(dir, e.name), rel)));
    else out.push(rel);
  }
  return out;
}

function targetName(rel: string, lang: Lang): string | undefined {
  const m = /^(.*)\.(id|en)(\.[^.]+)$/.exec(rel);
  if (m) return m[2] === lang ? m[1]! + m[3]! : undefined;
  return rel === 'gitignore' ? '.gitignore' : rel;
}

function yamlString(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
}

/**
 * `qia init <dir>`: a complete, runnable study with the default codebook copied in (so the
 * researcher can adapt it) and one example transcript, observation note and document.
 */
export async function run(args: string[], opts: Record<string, unknown>): Promise<CommandResult> {
  const o = opts as InitOptions;
  const arg = args[0];
  if (!arg) throw new QiaError('usage/missing-dir', 'name the folder to create, e.g. `qia init studi-saya`');
  const lang: Lang = o.lang === 'en' ? 'en' : 'id';
  if (o.lang !== undefined && o.lang !== 'id' && o.lang !== 'en') throw new QiaError('usage/lang', `--lang must be id or en, not ${o.lang}`);
  const root = resolve(arg);
  const shown = displayPath(root);
  if (existsSync(root) && !statSync(root).isDirectory()) {
    throw new QiaError('init/not-a-folder', `${shown} exists and is not a folder`, { file: shown });
  }
  if (existsSync(join(root, 'study.yaml'))) {
    throw new QiaError(
      'init/exists',
      `${shown} already holds a study (study.yaml); nothing was changed`,
      { file: displayPath(join(root, 'study.yaml')) },
      'choose a new folder name',
    );
  }

  const files = (await templateFiles(TEMPLATE)).flatMap((rel) => {
    const to = targetName(rel, lang);
    return to ? [{ from: join(TEMPLATE, rel), to }] : [];
  });
  // Refuse before writing anything, so a half-made study never mixes with the researcher's files.
  const clashes = [...files.map((f) => f.to), 'codebook.yaml'].filter((to) => existsSync(join(root, to)));
  if (clashes.length > 0) {
    throw new QiaError('init/exists', `${shown} already has ${clashes.join(', ')}; nothing was changed`, { file: shown }, 'choose a new or empty folder');
  }

  const diagnostics: Diagnostic[] = [];
  const title = o.title ?? (lang === 'id' ? `Studi inovasi ${basename(root)}` : `Innovation study ${basename(root)}`);
  const kase = lang === 'id' ? 'Contoh: antrean online, Kantor Kecamatan' : 'Example: online queue, district office';
  let codebookLine = 'codebook: codebook.yaml';
  if (!existsSync(DEFAULT_CODEBOOK)) {
    codebookLine = 'codebook: builtin:rogers';
    diagnostics.push({
      severity: 'warning',
      code: 'init/no-codebook',
      message: 'the built-in codebook is missing from this installation; the study refers to builtin:rogers instead of a copy',
    });
  }

  for (const f of files) {
    const target = join(root, f.to);
    if (f.to === 'study.yaml') {
      const text = (await readFile(f.from, 'utf8'))
        .replace('%TITLE%', yamlString(title))
        .replace('%CASE%', yamlString(kase))
        .replace('%LANG%', lang)
        .replace('codebook: codebook.yaml', codebookLine);
      await writeFileAtomic(target, text);
    } else {
      await writeFileAtomic(target, await readFile(f.from));
    }
  }
  if (codebookLine === 'codebook: codebook.yaml') {
    await mkdir(root, { recursive: true });
    await copyFile(DEFAULT_CODEBOOK, join(root, 'codebook.yaml'));
  }
  const next =
    lang === 'id'
      ? [
          `Studi baru dibuat di ${shown}.`,
          '',
          'Langkah berikutnya:',
          `  qia sources ${shown}    # periksa sumber dan informan`,
          `  qia run ${shown}        # analisis lengkap ke ${shown}/out`,
          '',
          `Ganti contoh di ${shown}/sources dengan transkrip Anda dan isi ${shown}/informants.csv.`,
        ]
      : [
          `New study created in ${shown}.`,
          '',
          'Next steps:',
          `  qia sources ${shown}    # check sources and informants`,
          `  qia run ${shown}        # the full analysis into ${shown}/out`,
          '',
          `Replace the examples in ${shown}/sources with your transcripts and fill in ${shown}/informants.csv.`,
        ];
  return { stdout: next.join('\n'), diagnostics, exitCode: 0 };
}

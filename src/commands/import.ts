import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { Lang } from '../model/codebook.js';
import { codebookYaml, importCodes } from '../interop/codes-in.js';
import { packedLanguages } from '../interop/describe.js';
import type { OffsetUnit } from '../interop/offset-units.js';
import { planImport } from '../interop/project-in.js';
import { displayPath } from '../util/display-path.js';
import { writeFileAtomic } from '../util/write-atomic.js';
import { readCodebookXml, readProjectXml } from '../interop/refi-read.js';
import { checkTarget } from '../interop/target.js';
import { folderSources, readZip } from '../interop/zip.js';
import { slug } from '../interop/names.js';
import { Diagnostics, QiaError } from '../util/diagnostics.js';
import { EXCHANGE_LINES } from '../i18n/commands.js';
import type { CommandResult } from './result.js';

export interface ImportOptions {
  out?: string;
  into?: string;
  offsets?: OffsetUnit;
  lang?: Lang;
}

async function readInput(file: string): Promise<Uint8Array> {
  try {
    return await readFile(resolve(file));
  } catch (e) {
    throw new QiaError('import/not-found', `cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, { file });
  }
}

/** `qia import qdc <file> [-o codebook.yaml]`: a REFI-QDA codebook as a qia codebook. */
async function importQdc(file: string, o: ImportOptions): Promise<CommandResult> {
  const shown = displayPath(resolve(file));
  const diags = new Diagnostics();
  const cb = readCodebookXml(new TextDecoder().decode(await readInput(file)), shown, diags);
  if (!cb) return { diagnostics: diags.items, exitCode: 1 };
  if (cb.codes.length === 0) diags.warn('import/no-codes', 'the codebook holds no codes', { file: shown });
  const first = cb.codes
    .map((c) => c.description ?? '')
    .map(packedLanguages)
    .find((l) => l.length);
  const imported = importCodes(cb.codes, o.lang ?? first?.[0] ?? 'id');
  const stem = basename(file).replace(/\.[^.]+$/, '');
  const yaml = codebookYaml(imported, { id: slug(stem) || 'imported', from: basename(file) });
  if (!o.out || o.out === '-') return { stdout: yaml, diagnostics: diags.items };
  const out = resolve(o.out);
  await writeFileAtomic(out, yaml);
  return {
    stdout: EXCHANGE_LINES.codes(displayPath(out), imported.codes.length, o.lang ?? 'en'),
    diagnostics: diags.items,
    ...(o.lang ? { lang: o.lang } : {}),
  };
}

/** `qia import qdpx <file> --into <study>`: a REFI-QDA project (.qdpx, or a bare .qde) as a new qia study. */
async function importQdpx(file: string, o: ImportOptions): Promise<CommandResult> {
  if (!o.into) throw new QiaError('usage/missing-into', 'name the study folder to create with --into, e.g. `qia import qdpx project.qdpx --into studi-baru`');
  const shown = displayPath(resolve(file));
  const dir = resolve(o.into);
  // Refuse before reading the project, so a mistyped folder costs nothing.
  const target = await checkTarget(dir);
  const bytes = await readInput(file);
  // A bare project.qde (texts inline as PlainTextContent) is read as well as a .qdpx.
  const bare = bytes[0] === 0x3c || (bytes[0] === 0xef && bytes[3] === 0x3c);
  let archive: ReturnType<typeof readZip> | undefined;
  if (!bare) {
    try {
      archive = readZip(bytes);
    } catch (e) {
      throw new QiaError(
        'import/not-a-zip',
        `${shown} is not a zip file (.qdpx): ${(e as Error).message}`,
        { file: shown },
        'a .qdpx is a zip holding project.qde and sources/',
      );
    }
    for (const name of archive.refused) throw new QiaError('import/too-large', `${shown}: ${name} is too large to import`, { file: shown });
    if (!archive.project)
      throw new QiaError('import/no-project', `${shown} holds no project.qde at its root`, { file: shown }, 'is this a REFI-QDA project (.qdpx)?');
  }
  const diags = new Diagnostics();
  const xml = new TextDecoder().decode(archive ? archive.project : bytes);
  const project = readProjectXml(xml, archive ? `${shown}:project.qde` : shown, diags);
  if (!project) return { diagnostics: diags.items, exitCode: 1 };
  const opts: Parameters<typeof planImport>[2] = { file: shown };
  if (o.offsets) opts.offsets = o.offsets;
  if (o.lang) opts.lang = o.lang;
  const plan = planImport(project, archive ?? folderSources(dirname(resolve(file))), opts);
  for (const d of plan.diagnostics.items) diags.add(d);

  // Every file is new except the template files of a fresh `qia init` study, which are replaced.
  for (const rel of target.remove) await rm(join(dir, rel));
  for (const f of plan.files) {
    const abs = join(dir, f.path);
    await mkdir(dirname(abs), { recursive: true });
    await writeFile(abs, f.content, { flag: target.replace.has(f.path) ? 'w' : 'wx' });
  }
  const c = plan.counts;
  // In the new study's language, as the commands run on it next will speak.
  return { stdout: EXCHANGE_LINES.study(displayPath(dir), c, plan.lang), diagnostics: diags.items, lang: plan.lang };
}

export async function run(args: string[], opts: Record<string, unknown>): Promise<CommandResult> {
  const o = opts as ImportOptions;
  const [format, file] = args;
  if (!file) throw new QiaError('usage/missing-file', 'name the file to import, e.g. `qia import qdpx project.qdpx --into studi-baru`');
  if (format === 'qdc') return importQdc(file, o);
  if (format === 'qdpx') return importQdpx(file, o);
  throw new QiaError('usage/format', `import format must be qdc or qdpx, not ${format ?? '(none)'}`);
}

import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { QiaError } from '../util/diagnostics.js';
import { DEFAULT_CODEBOOK, PACKAGE_ROOT } from '../study/resolve.js';
import { displayPath } from '../util/display-path.js';

/**
 * Where `qia import qdpx --into` may write: a folder that does not exist yet, an empty one, or
 * a study exactly as `qia init` made it (in either language), whose example sources, informants,
 * study.yaml and codebook the import replaces. Anything else is a researcher's work, and the
 * import refuses before writing a byte. The init template is read from templates/init, named
 * the way `qia init` names its files (`x.id.md` → `x.md` for an Indonesian study).
 */

export interface Target {
  /** Files of a fresh `qia init` study to delete before writing (its example sources). */
  remove: string[];
  /** Files the import may overwrite (they are the template's own). */
  replace: Set<string>;
}

async function filesUnder(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...(await filesUnder(join(dir, e.name), rel)));
    else out.push(rel);
  }
  return out.sort();
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** What `qia init --lang <lang>` writes: target path → a test of the file's text. */
async function initOutputs(lang: 'id' | 'en'): Promise<Map<string, (text: string) => boolean>> {
  const root = join(PACKAGE_ROOT, 'templates', 'init');
  const out = new Map<string, (text: string) => boolean>();
  for (const rel of await filesUnder(root)) {
    const m = /^(.*)\.(id|en)(\.[^.]+)$/.exec(rel);
    if (m && m[2] !== lang) continue;
    const to = m ? m[1]! + m[3]! : rel === 'gitignore' ? '.gitignore' : rel;
    const template = await readFile(join(root, rel), 'utf8');
    if (to === 'study.yaml') {
      const pattern = escapeRegex(template)
        .replace(/%TITLE%|%CASE%/g, '.*')
        .replace('%LANG%', '(?:id|en)')
        .replace('codebook: codebook\\.yaml', 'codebook: (?:codebook\\.yaml|builtin:rogers)');
      const re = new RegExp(`^${pattern}$`);
      out.set(to, (text) => re.test(text));
    } else out.set(to, (text) => text === template);
  }
  const codebook = await readFile(DEFAULT_CODEBOOK, 'utf8').catch(() => undefined);
  out.set('codebook.yaml', (text) => text === codebook);
  return out;
}

export async function checkTarget(dir: string): Promise<Target> {
  const shown = displayPath(dir);
  const info = await stat(dir).catch(() => undefined);
  if (!info) return { remove: [], replace: new Set() };
  if (!info.isDirectory()) throw new QiaError('import/not-a-folder', `${shown} exists and is not a folder`, { file: shown });
  const present = await filesUnder(dir);
  if (present.length === 0) return { remove: [], replace: new Set() };
  for (const lang of ['id', 'en'] as const) {
    const outputs = await initOutputs(lang);
    let fresh = true;
    for (const rel of present) {
      const test = outputs.get(rel);
      if (!test || !test(await readFile(join(dir, rel), 'utf8'))) {
        fresh = false;
        break;
      }
    }
    if (fresh) return { remove: present.filter((p) => p.startsWith('sources/')), replace: new Set(present) };
  }
  const sample = present.slice(0, 5).join(', ') + (present.length > 5 ? ', …' : '');
  throw new QiaError(
    'import/not-empty',
    `${shown} already holds files (${sample}) and is not a study fresh from \`qia init\`; nothing was written`,
    { file: shown },
    'import into a new folder, e.g. `qia import qdpx project.qdpx --into studi-baru`',
  );
}

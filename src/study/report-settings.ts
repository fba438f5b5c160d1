import { isMap, isScalar, type Node, type Pair } from 'yaml';
import type { Lang } from '../model/codebook.js';
import type { Study } from '../model/study.js';
import type { Diagnostics } from '../util/diagnostics.js';

type At = (node: { range?: [number, number, number] | null } | null | undefined) => { file: string; line: number; column: number };

const REPORT_KEYS = ['lang'];
const LANGS: readonly Lang[] = ['id', 'en'];

/**
 * `report:` in study.yaml: `lang` is the language the report is written in when the command line
 * does not say (`--lang` wins), for a study whose material is in one language and whose thesis or
 * article is in the other. Anything else under `report` is an unknown key; a bad language is an
 * error at its line and is dropped, so the material's language applies.
 */
export function checkReport(pair: Pair<unknown, unknown> | undefined, settings: Record<string, unknown>, diags: Diagnostics, at: At): void {
  if (!pair || pair.value === null || pair.value === undefined) return;
  if (!isMap(pair.value)) {
    diags.error('study/invalid-value', '`report` must be a mapping, e.g. `report: { lang: en }`', at((pair.value as Node | null) ?? (pair.key as Node)));
    delete settings['report'];
    return;
  }
  const report = settings['report'] as Record<string, unknown>;
  for (const p of pair.value.items) {
    const key = isScalar(p.key) ? String(p.key.value) : String(p.key);
    const value = isScalar(p.value) ? p.value.value : undefined;
    if (!REPORT_KEYS.includes(key)) {
      diags.warn('study/unknown-key', `unknown key \`${key}\` in report`, at(p.key as Node), `known keys: ${REPORT_KEYS.join(', ')}`);
      delete report[key];
    } else if (typeof value !== 'string' || !LANGS.includes(value as Lang)) {
      diags.error(
        'study/invalid-value',
        `report.lang must be id or en, not \`${String(value ?? '')}\`; the report follows \`language\``,
        at((p.value ?? p.key) as Node),
      );
      delete report['lang'];
    }
  }
}

/** The report language study.yaml asks for (`report.lang`), if any. */
export function reportLanguage(study: Study): Lang | undefined {
  const report = study.settings['report'];
  if (report === null || typeof report !== 'object') return undefined;
  const lang = (report as Record<string, unknown>)['lang'];
  return typeof lang === 'string' && (LANGS as readonly string[]).includes(lang) ? (lang as Lang) : undefined;
}

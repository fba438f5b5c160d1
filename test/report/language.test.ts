import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers/cli.js';

/* The Indonesian report speaks Indonesian: the words of the program stay only inside `code`. */

const ENGLISH =
  /\b(attribute|obstacle|other|tool|codebook|language|report language|saturation order|counts|sources|segments|codings|informants|true|false|study|source)\b/;

describe('the Indonesian report', () => {
  for (const sample of ['lapak-asik', 'mobile-service', 'imigrasi-lampung']) {
    it(`has no English leftovers outside code spans (${sample})`, () => {
      const md = readFileSync(join(ROOT, 'test/golden', sample, 'report.md'), 'utf8');
      const lines = md.split('\n').map((l) => l.replace(/`[^`]*`/g, ''));
      // The method appendix's tables: code groups, the audit's settings and its files.
      const appendix = lines.slice(lines.findIndex((l) => /^## \d+ Lampiran Metode/.test(l)));
      const tableCells = appendix
        .filter((l) => l.startsWith('|'))
        .flatMap((l) =>
          l
            .split('|')
            .slice(1, 3)
            .map((c) => c.trim()),
        );
      const english = tableCells.filter((c) => ENGLISH.test(c));
      expect(english).toEqual([]);
      expect(appendix.join('\n')).toContain('| Saksi minimum (');
      expect(appendix.join('\n')).toMatch(/\| atribut \|/);
    });
  }
});

import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freshCacheDirPerTest } from '../helpers/cache-dir.js';
import { readDocx } from '../../src/sources/docx.js';
import { cachedExtraction } from '../../src/cache/extract.js';
import { EXTRACTORS } from '../../src/sources/formats.js';
import type { ReadResult } from '../../src/sources/reader.js';

const DOCX = join(__dirname, '../../samples/lapak-asik/sources/interviews/w04-cso.docx');

const cacheDir = freshCacheDirPerTest();

describe('the text of Word and PDF files, cached', () => {
  it('serves the same text as a fresh extraction, without extracting again, and a changed file is extracted anew', async () => {
    const bytes = new Uint8Array(readFileSync(DOCX));
    let extractions = 0;
    const extract = async (b: Uint8Array): Promise<ReadResult> => {
      extractions++;
      return readDocx(b);
    };
    const first = await cachedExtraction(EXTRACTORS.docx, bytes, () => extract(bytes));
    const second = await cachedExtraction(EXTRACTORS.docx, bytes, () => extract(bytes));
    expect(extractions).toBe(1);
    expect(second).toStrictEqual(first);
    expect(second).toStrictEqual(await readDocx(bytes));
    expect(first.text).toContain('LAPAK ASIK');

    const other = bytes.slice();
    other[other.length - 30]! ^= 1; // another file (now damaged): another key
    await cachedExtraction(EXTRACTORS.docx, other, () => extract(other));
    expect(extractions).toBe(2);
  });

  it('extracts again when an entry is corrupt, and not at all from the cache with QIA_NO_CACHE=1', async () => {
    const bytes = new Uint8Array(readFileSync(DOCX));
    let extractions = 0;
    const extract = async (): Promise<ReadResult> => {
      extractions++;
      return readDocx(bytes);
    };
    await cachedExtraction(EXTRACTORS.docx, bytes, extract);
    for (const f of readdirSync(cacheDir())) writeFileSync(join(cacheDir(), f), '{ "text": 1');
    const again = await cachedExtraction(EXTRACTORS.docx, bytes, extract);
    expect(extractions).toBe(2);
    expect(again.text).toContain('LAPAK ASIK');
    process.env['QIA_NO_CACHE'] = '1';
    try {
      await cachedExtraction(EXTRACTORS.docx, bytes, extract);
      await cachedExtraction(EXTRACTORS.docx, bytes, extract);
      expect(extractions).toBe(4);
    } finally {
      delete process.env['QIA_NO_CACHE'];
    }
  });
});

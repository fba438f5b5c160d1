#!/usr/bin/env node
// Turns a plain-text file (one paragraph per line, blank lines ignored) into a
// minimal .docx so sample transcripts can ship in the format researchers get
// from Word. The output is byte-for-byte reproducible: fixed entry order and
// fixed entry timestamps, so a rebuilt sample never shows up as a git diff.
//
// Usage: node scripts/build-docx.js <in.txt> <out.docx>

import { readFileSync, writeFileSync, renameSync, realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { zipSync, strToU8 } from 'fflate';

// The Date is built from local components because fflate writes DOS times
// from local getters; this keeps the bytes identical in every time zone.
const FIXED_MTIME = new Date(2000, 0, 1, 0, 0, 0);

const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
  '</Types>';

const PACKAGE_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
  '</Relationships>';

/** Escapes text for an XML text node and drops characters XML 1.0 forbids. */
export function escapeXml(text) {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** Splits plain text into paragraphs: one per non-blank line. */
export function paragraphsOf(text) {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .map((line) => line.replace(/\s+$/, ''))
    .filter((line) => line.trim() !== '');
}

/** Builds word/document.xml for the given paragraphs. */
export function documentXml(paragraphs) {
  const body = paragraphs.map((p) => `<w:p><w:r><w:t xml:space="preserve">${escapeXml(p)}</w:t></w:r></w:p>`).join('');
  return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + `<w:document xmlns:w="${W_NS}"><w:body>${body}<w:sectPr/></w:body></w:document>`;
}

/** Returns the bytes of a minimal .docx holding the paragraphs of `text`. */
export function buildDocx(text) {
  const entry = (s) => [strToU8(s), { mtime: FIXED_MTIME }];
  // Insertion order is the zip order; [Content_Types].xml goes first as Word expects.
  return zipSync(
    {
      '[Content_Types].xml': entry(CONTENT_TYPES),
      '_rels/.rels': entry(PACKAGE_RELS),
      'word/document.xml': entry(documentXml(paragraphsOf(text))),
    },
    { level: 9, mtime: FIXED_MTIME },
  );
}

function main(argv) {
  const [input, output] = argv;
  if (!input || !output || argv.length !== 2) {
    process.stderr.write('usage: node scripts/build-docx.js <in.txt> <out.docx>\n');
    return 2;
  }
  let text;
  try {
    text = readFileSync(input, 'utf8');
  } catch (err) {
    process.stderr.write(`${input}: cannot read: ${err.message}\n`);
    return 2;
  }
  // Write beside the target and rename, so a failed run never leaves half a zip.
  const tmp = `${output}.tmp-${process.pid}`;
  writeFileSync(tmp, buildDocx(text));
  renameSync(tmp, output);
  return 0;
}

// Run only when invoked as a script, so tests can import the helpers.
const invokedDirectly = process.argv[1] !== undefined && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
if (invokedDirectly) {
  process.exitCode = main(process.argv.slice(2));
}

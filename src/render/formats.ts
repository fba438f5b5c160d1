/**
 * The output formats of each kind of output, in one place: the CLI offers these choices and the
 * renderers' tables must cover them (`satisfies Record<…Format, …>` where they are defined).
 */

/** A display (`qia matrix`): terminal table, Markdown, CSV, JSON, an HTML table. */
export const MATRIX_FORMATS = ['table', 'md', 'csv', 'json', 'html'] as const;
export type MatrixFormat = (typeof MATRIX_FORMATS)[number];

/** The report (`qia report`). */
export const REPORT_FORMATS = ['md', 'html', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** A flat list of rows (`qia query`, `qia kwic`). */
export const LIST_FORMATS = ['table', 'md', 'csv', 'json'] as const;
export type ListFormat = (typeof LIST_FORMATS)[number];

/** The codings (`qia code`). */
export const CODING_FORMATS = ['table', 'json', 'csv'] as const;

/** The digest per code (`qia condense`). */
export const DIGEST_FORMATS = ['md', 'json'] as const;

/** The codebook (`qia codebook export`). */
export const CODEBOOK_FORMATS = ['md', 'csv', 'json'] as const;

/** What `qia sources` lists. */
export const SOURCES_FORMATS = ['table', 'json'] as const;

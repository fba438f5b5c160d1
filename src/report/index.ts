import type { Report } from './build.js';
import { renderReportHtml } from './html.js';
import { renderReportJson } from './json.js';
import { renderReportMd } from './md.js';

export type ReportFormat = 'md' | 'html' | 'json';

export const REPORT_RENDERERS: Record<ReportFormat, (r: Report) => string> = {
  md: renderReportMd,
  html: renderReportHtml,
  json: renderReportJson,
};

export function renderReport(format: ReportFormat, r: Report): string {
  return REPORT_RENDERERS[format](r);
}

export { buildReport, REPORT_DISPLAYS, type Report, type BuildReportOptions, type Heatmap, type HeatCell, type HeatQuote } from './build.js';
export { renderReportHtml, jsonForScript } from './html.js';
export { renderReportJson } from './json.js';
export { renderReportMd, mdText } from './md.js';
export { prepareReport, toolVersion, type Prepared, type PrepareOptions } from './prepare.js';

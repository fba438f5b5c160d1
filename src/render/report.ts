import type { Report } from '../report/build.js';
import { renderReportHtml } from './report-html.js';
import { renderReportJson } from './report-json.js';
import { renderReportMd } from './report-md.js';

import { REPORT_FORMATS, type ReportFormat } from './formats.js';

export { REPORT_FORMATS, type ReportFormat };

export const REPORT_RENDERERS: Record<ReportFormat, (r: Report) => string> = {
  md: renderReportMd,
  html: renderReportHtml,
  json: renderReportJson,
};

export function renderReport(format: ReportFormat, r: Report): string {
  return REPORT_RENDERERS[format](r);
}

export { buildReport, type Report, type BuildReportOptions, type Heatmap, type HeatCell, type HeatQuote } from '../report/build.js';
export { renderReportHtml, jsonForScript } from './report-html.js';
export { renderReportJson } from './report-json.js';
export { renderReportMd, mdText } from './report-md.js';

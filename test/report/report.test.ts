import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { jsonForScript, mdText, renderReportHtml, renderReportJson, renderReportMd } from '../../src/render/report.js';
import { ROOT } from '../helpers/cli.js';
import { prepareReport } from '../helpers/study.js';

const FIXTURE = join(ROOT, 'test/report/fixtures/xss-study');

describe('report assembly', () => {
  let p: Awaited<ReturnType<typeof prepareReport>>;
  beforeAll(async () => {
    p = await prepareReport(FIXTURE);
  });

  it('puts every coding of the role matrix in the heatmap, and role-less ones in a row per kind', () => {
    const role = p.report.displays.find((d) => d.type === 'role')!.matrix;
    for (const cell of role.cells) {
      const heat = p.report.heatmap.cells.find((c) => c.row === cell.row && c.column === cell.column)!;
      expect(heat.total).toBe(cell.count);
    }
    const roleless = p.index.contexts.filter((c) => c.role === undefined).length;
    const extra = p.report.heatmap.cells.filter((c) => c.row.startsWith('kind:')).reduce((n, c) => n + c.total, 0);
    expect(extra).toBe(roleless);
    expect(p.report.heatmap.rows.map((r) => r.id)).toEqual(['head', 'staff', 'user', 'kind:observation', 'kind:document']);
  });

  it('counts verdict evidence the way the displays count it', () => {
    const method = p.report.displays.find((d) => d.type === 'method')!.matrix;
    for (const c of p.report.conclusions.filter((x) => x.depth === 0)) {
      const inMatrix = method.cells.filter((cell) => cell.column === c.code).reduce((n, cell) => n + cell.count, 0);
      expect(c.total).toBe(inMatrix);
    }
  });

  it('escapes every transcript text in the html page', () => {
    const html = renderReportHtml(p.report);
    expect(html.match(/<script/g)).toHaveLength(2);
    expect(html).not.toMatch(/<img/);
    expect(html).not.toContain('<b>');
    expect(html).toContain('&lt;script&gt;alert(&#39;xss&#39;)&lt;/script&gt;');
    // The embedded data block cannot be closed by a transcript's `</script>`.
    const data = html.slice(html.indexOf('<script type="application/json"'), html.indexOf('</script>') + 9);
    expect(data.match(/<\/script>/g)).toHaveLength(1);
  });

  it('md, json and html agree on every verdict', () => {
    const md = renderReportMd(p.report);
    const json = JSON.parse(renderReportJson(p.report)) as { codes: { code: string; verdict: string }[] };
    const html = renderReportHtml(p.report);
    for (const c of p.report.conclusions) {
      expect(json.codes.find((x) => x.code === c.code)?.verdict).toBe(c.verdict);
      if (c.depth === 0) expect(html).toContain(`data-code="${c.code}" data-verdict="${c.verdict}"`);
    }
    expect(md).toContain('| Kerumitan | **campuran** | 2 | 1 | 0 | 67% | 3 |');
  });

  it('is deterministic', async () => {
    const again = await prepareReport(FIXTURE);
    expect(renderReportHtml(again.report)).toBe(renderReportHtml(p.report));
    expect(renderReportJson(again.report)).toBe(renderReportJson(p.report));
  });
});

describe('escaping (property)', () => {
  it('jsonForScript never emits < > & and round-trips', () => {
    fc.assert(
      fc.property(fc.anything(), (v) => {
        const s = jsonForScript({ v });
        expect(s).not.toMatch(/[<>&\u2028\u2029]/);
        expect(JSON.parse(s)).toEqual(JSON.parse(JSON.stringify({ v })));
      }),
    );
  });

  it('mdText leaves no HTML and no emphasis markers unescaped', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('<', '>', '&', '*', '_', '`', '[', ']', '\\', 'a', ' ', '\n') }), (s) => {
        const out = mdText(s);
        expect(out).not.toMatch(/[<>]/);
        expect(out).not.toMatch(/(^|[^\\])[*_`[\]]/);
        expect(out).not.toContain('\n');
      }),
    );
  });
});

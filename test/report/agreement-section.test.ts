import { describe, expect, it } from 'vitest';
import { qia } from '../helpers/cli.js';

/** The report's inter-coder agreement section, as a supervisor reads it in report.md / report.html. */
describe('the report’s agreement section', () => {
  const agree = JSON.parse(qia(['agree', 'samples/lapak-asik', '--format', 'json', '--lang', 'en']).stdout) as {
    overall: { percent: number; cohen_kappa: number; krippendorff_alpha: number };
    adjudication: { disagreements: number };
  };

  it('gives, in English, the figures qia agree gives, with their words and the conventions named', () => {
    const r = qia(['report', 'samples/lapak-asik', '--format', 'md', '--lang', 'en']);
    expect(r.status).toBe(0);
    const section = r.stdout.split(/^## /m).find((s) => s.includes('Inter-coder Agreement'))!;
    expect(section).toBeDefined();
    expect(section).toContain('| coder-a | coder file | 54 |');
    const overall = section.split('\n').find((l) => l.startsWith('| Code present or absent'))!;
    expect(overall).toContain(`${agree.overall.percent.toFixed(1)} %`);
    expect(overall).toContain(`${agree.overall.cohen_kappa.toFixed(3)} (almost perfect)`);
    expect(overall).toContain(`${agree.overall.krippendorff_alpha.toFixed(3)} (reliable)`);
    expect(section).toContain(`The coders differ on ${agree.adjudication.disagreements} unit × code pairs`);
    expect(section).toContain('Landis & Koch (1977)');
    expect(section).toContain('Krippendorff (2004)');
    // Investigator triangulation comes after the other triangulation, before the verdicts.
    expect(r.stdout.indexOf('Triangulation')).toBeLessThan(r.stdout.indexOf('Inter-coder Agreement'));
    expect(r.stdout.indexOf('Inter-coder Agreement')).toBeLessThan(r.stdout.indexOf('## 7 Conclusions'));
  });

  it('speaks Indonesian with decimal commas, and is linked from the HTML contents', () => {
    const md = qia(['report', 'samples/lapak-asik', '--format', 'md', '--lang', 'id']).stdout;
    expect(md).toContain('## 6 Kesepakatan Antarpengode');
    expect(md).toMatch(/\| Ada\/tidak ada kode \| 378 \| 96,0 % \| 0,813 \(hampir sempurna\)/);
    const html = qia(['report', 'samples/lapak-asik', '--format', 'html', '--lang', 'en']).stdout;
    expect(html).toContain('<a href="#agreement">Inter-coder Agreement</a>');
    expect(html).toContain('<section id="agreement"><h2>6. Inter-coder Agreement</h2>');
  });

  it('is left out of a study with one coder or none', () => {
    const md = qia(['report', 'samples/mobile-service', '--format', 'md', '--lang', 'en']).stdout;
    expect(md).not.toContain('Inter-coder Agreement');
    const html = qia(['report', 'samples/mobile-service', '--format', 'html', '--lang', 'en']).stdout;
    expect(html).not.toContain('id="agreement"');
  });
});

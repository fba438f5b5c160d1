import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { qia, ROOT } from '../helpers/cli.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const FIXTURE = join(ROOT, 'test/report/fixtures/xss-study');
const SHOTS = join(ROOT, 'test-output');
const haveChromium = existsSync(CHROMIUM);

if (!haveChromium && process.env['CI'] === 'true') {
  // In CI a missing browser is a broken environment, not a reason to skip.
  describe('HTML report in Chromium', () => {
    it('needs /usr/bin/chromium', () => {
      throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium); .ci/run does this`);
    });
  });
} else {
  describe.skipIf(!haveChromium)('HTML report in Chromium', () => {
    let browser: Browser;
    let page: Page;
    let url: string;
    const consoleErrors: string[] = [];
    const requests: string[] = [];
    const dialogs: string[] = [];

    beforeAll(async () => {
      const out = mkdtempSync(join(tmpdir(), 'qia-browser-'));
      // The fixture plus a hostile researcher memo: memos reach the page too.
      const study = mkdtempSync(join(tmpdir(), 'qia-browser-study-'));
      cpSync(FIXTURE, study, { recursive: true });
      mkdirSync(join(study, 'memos'));
      writeFileSync(
        join(study, 'memos/kerumitan.md'),
        '---\ncode: complexity\ntitle: <b>Memo</b> kerumitan\n---\nCatatan <img src=x onerror=alert(3)> dan <script>alert(4)</script>.\n',
      );
      const r = qia(['run', study, '--out', out]);
      expect(r.status, r.stderr).toBe(0);
      url = pathToFileURL(join(out, 'report.html')).href;
      const { chromium } = await import('playwright-core');
      browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
      page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      page.on('console', (m) => {
        if (m.type() === 'error') consoleErrors.push(m.text());
      });
      page.on('pageerror', (e) => consoleErrors.push(e.message));
      page.on('request', (req) => requests.push(req.url()));
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      await page.goto(url, { waitUntil: 'load' });
    });

    afterAll(async () => {
      await browser?.close();
    });

    it('shows the quotes behind a heatmap cell on click', async () => {
      const cell = page.locator('button.hm[data-row="user"][data-col="complexity"]');
      // w03 (−) and w04 (+, by ana and by an inline tag: one piece of evidence): 2 codings, +1 −1.
      await expect(cell.textContent()).resolves.toBe('2+1 −1');
      await cell.click();
      await expect(cell.getAttribute('aria-pressed')).resolves.toBe('true');
      const panel = page.locator('#detail');
      await expect(panel.locator('h3').textContent()).resolves.toContain('Kerumitan');
      const quotes = await panel.locator('li p.q').allTextContents();
      expect(quotes.some((q) => q.includes('Mudah, tinggal unggah foto dokumen'))).toBe(true);
      mkdirSync(SHOTS, { recursive: true });
      await page.screenshot({ path: join(SHOTS, 'report-heatmap.png') });
    });

    it('shows a researcher memo under its finding, as text', async () => {
      const memo = await page.locator('#code-complexity aside.memo').textContent();
      expect(memo).toContain('<b>Memo</b> kerumitan');
      expect(memo).toContain('Catatan <img src=x onerror=alert(3)> dan <script>alert(4)</script>.');
    });

    it('renders hostile transcript text as text, with no script run and no dialog', async () => {
      await page.locator('button.hm[data-row="user"][data-col="complexity"]').click();
      const shown = await page.locator('#detail').textContent();
      expect(shown).toContain("<script>alert('xss')</script>");
      expect(shown).toContain('<img src=x onerror=alert(1)>');
      // Nothing from a transcript became an element.
      await expect(page.locator('img').count()).resolves.toBe(0);
      await expect(page.locator('b').count()).resolves.toBe(0);
      await expect(page.locator('script').count()).resolves.toBe(2);
      const title = await page.locator('h1').textContent();
      expect(title).toContain("<script>alert('judul')</script>");
      const findings = await page.locator('#findings').textContent();
      expect(findings).toContain('<img src=x onerror=alert(1)>');
      expect(dialogs).toEqual([]);
    });

    it('filters by source kind and by role', async () => {
      const obs = page.locator('button.hm[data-row="kind:observation"][data-col="complexity"]');
      await expect(obs.textContent()).resolves.toContain('1');
      await page.locator('input[data-filter="kind"][value="observation"]').uncheck();
      await expect(obs.textContent()).resolves.toContain('–');
      await page.locator('input[data-filter="kind"][value="observation"]').check();
      await expect(obs.textContent()).resolves.toContain('1');
      const row = page.locator('table.heat tr[data-row="head"]');
      await page.locator('input[data-filter="role"][value="head"]').uncheck();
      await expect(row.isVisible()).resolves.toBe(false);
      await page.locator('input[data-filter="role"][value="head"]').check();
      await expect(row.isVisible()).resolves.toBe(true);
    });

    it('makes no request but the page itself and logs no error', async () => {
      await page.reload({ waitUntil: 'load' });
      await page.locator('button.hm').first().click();
      expect(requests.every((u) => u === url)).toBe(true);
      expect(consoleErrors).toEqual([]);
      const html = readFileSync(new URL(url), 'utf8');
      expect(html).not.toMatch(/https?:\/\//);
      expect(html).not.toMatch(/\b(src|href)="(?!#)/);
    });

    it('stays readable when printed', async () => {
      await page.emulateMedia({ media: 'print' });
      await expect(page.locator('nav.toc').isVisible()).resolves.toBe(false);
      await expect(page.locator('.filters').isVisible()).resolves.toBe(false);
      await expect(page.locator('#findings').isVisible()).resolves.toBe(true);
      await expect(page.locator('#verdicts table').isVisible()).resolves.toBe(true);
      await page.screenshot({ path: join(SHOTS, 'report-print.png') });
      const pdf = await page.pdf({ format: 'A4' });
      expect(pdf.byteLength).toBeGreaterThan(10_000);
      await page.emulateMedia({ media: 'screen' });
    });
  });
}

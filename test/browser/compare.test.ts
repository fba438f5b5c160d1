import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
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
const SHOTS = join(ROOT, 'test-output');
const haveChromium = existsSync(CHROMIUM);

if (!haveChromium && process.env['CI'] === 'true') {
  describe('comparison report in Chromium', () => {
    it('needs /usr/bin/chromium', () => {
      throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium); .ci/run does this`);
    });
  });
} else {
  describe.skipIf(!haveChromium)('comparison report in Chromium', () => {
    let browser: Browser;
    let page: Page;
    const consoleErrors: string[] = [];
    const requests: string[] = [];
    const dialogs: string[] = [];
    let url = '';

    beforeAll(async () => {
      const out = mkdtempSync(join(tmpdir(), 'qia-browser-compare-'));
      // A sample beside the study whose transcripts try every trick to run script in a page.
      const r = qia(['compare', 'samples/lapak-asik', 'samples/library-en', 'test/report/fixtures/xss-study', '--out', out]);
      expect(r.stdout).toContain('compare.html');
      url = pathToFileURL(join(out, 'compare.html')).href;
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

    it('opens a meta-matrix cell onto the quotes behind it', async () => {
      const cell = page.locator('td[data-case="lapak-asik"][data-code="complexity"]');
      await expect(cell.locator('.badge').textContent()).resolves.toBe('mixed');
      await expect(cell.locator('blockquote').first().isVisible()).resolves.toBe(false);
      await cell.locator('summary').click();
      await expect(cell.locator('blockquote').first().isVisible()).resolves.toBe(true);
      await expect(cell.locator('blockquote footer code').first().textContent()).resolves.toMatch(/^interviews\/w0\d-[a-z-]+:\d+$/);
      mkdirSync(SHOTS, { recursive: true });
      await page.screenshot({ path: join(SHOTS, 'compare-meta.png'), fullPage: false });
    });

    it('runs no script, fetches nothing and shows hostile text as text', async () => {
      for (const d of await page.locator('details').all()) await d.locator('summary').click();
      expect(dialogs).toEqual([]);
      expect(consoleErrors).toEqual([]);
      expect(requests).toEqual([url]);
    });
  });
}

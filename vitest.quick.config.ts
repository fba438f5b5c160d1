import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.js';

/**
 * `npm run test:quick`: the everyday loop while editing. The unit and property tests of every
 * module, in-process; left out are the suites that drive the built binary in child processes,
 * tmux, Chromium, pandoc or LibreOffice (test/cli, test/browser, the goldens, compare, interop,
 * the tmux review tests, hardening and fuzz). `npm test` (and CI) runs everything.
 */
export default mergeConfig(
  base,
  defineConfig({
    test: {
      exclude: [
        'test/cli/**',
        'test/browser/**',
        'test/golden/**',
        'test/golden-compare/**',
        'test/compare/**',
        'test/interop/**',
        'test/hardening/**',
        'test/fuzz/**',
        'test/review/*-tmux.test.ts',
        'test/review/capture-docs.test.ts',
        'node_modules/**',
      ],
      reporters: ['default'],
    },
  }),
);

import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { afterEach } from 'vitest';

/** The test's environment for a pane: no colour switches and no outer tmux, which would change what the screen draws. */
export function paneEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of ['NO_COLOR', 'FORCE_COLOR', 'TMUX', 'TMUX_PANE']) delete env[k];
  return env;
}

/** A list to push each test's panes to; every pane in it is closed after each test (call at a file's top level). */
export function panesClosedAfterEach(): TmuxPane[] {
  const panes: TmuxPane[] = [];
  afterEach(() => {
    for (const p of panes.splice(0)) p.close();
  });
  return panes;
}

/** Whether tmux can be run here. */
export function haveTmux(): boolean {
  return spawnSync('tmux', ['-V'], { encoding: 'utf8' }).status === 0;
}

/**
 * One detached tmux server on a socket of its own (`-L`), so test files running side by side
 * never share a server, and no ~/.tmux.conf is read. `close` kills the server and all in it.
 */
export class TmuxPane {
  readonly socket = `qia-review-${process.pid}-${randomBytes(4).toString('hex')}`;
  private started = false;

  constructor(
    private readonly cwd: string,
    private readonly env: NodeJS.ProcessEnv,
  ) {}

  run(...args: string[]): string {
    const r = spawnSync('tmux', ['-L', this.socket, '-f', '/dev/null', '-u', ...args], { encoding: 'utf8', env: this.env, timeout: 10_000 });
    if (r.status !== 0) throw new Error(`tmux ${args.join(' ')}: ${r.stderr || r.error?.message || `status ${r.status}`}`);
    return r.stdout;
  }

  /** Start `command` (run by sh) in a cols×rows window; `env` adds to the pane's environment. */
  start(command: string, cols: number, rows: number, env: Record<string, string> = {}): void {
    const e = Object.entries(env).flatMap(([k, v]) => ['-e', `${k}=${v}`]);
    this.run('new-session', '-d', '-s', 'r', '-c', this.cwd, '-x', String(cols), '-y', String(rows), ...e, command);
    this.started = true;
  }

  keys(...keys: string[]): void {
    for (const k of keys) this.run('send-keys', '-t', 'r', k);
  }

  type(text: string): void {
    this.run('send-keys', '-t', 'r', '-l', text);
  }

  capture(escapes = false): string {
    return this.run('capture-pane', '-p', ...(escapes ? ['-e'] : []), '-t', 'r');
  }

  format(f: string): string {
    return this.run('display-message', '-p', '-t', 'r', f).trim();
  }

  resize(cols: number, rows: number): void {
    this.run('resize-window', '-t', 'r', '-x', String(cols), '-y', String(rows));
  }

  /** Poll the screen until every wanted text is on it; the last screen is in the error otherwise. */
  async waitFor(wanted: string | RegExp | (string | RegExp)[], timeoutMs = 10_000): Promise<string> {
    const all = Array.isArray(wanted) ? wanted : [wanted];
    const until = Date.now() + timeoutMs;
    let screen = '';
    for (;;) {
      screen = this.capture();
      if (all.every((w) => (typeof w === 'string' ? screen.includes(w) : w.test(screen)))) return screen;
      if (Date.now() > until) throw new Error(`timed out waiting for ${all.map(String).join(', ')}; the screen:\n${screen}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  close(): void {
    if (!this.started) return;
    this.started = false;
    // kill-server leaves the socket file behind in tmux's folder; it is this test's, so it goes.
    const path = spawnSync('tmux', ['-L', this.socket, 'display-message', '-p', '#{socket_path}'], {
      encoding: 'utf8',
      env: this.env,
      timeout: 10_000,
    }).stdout.trim();
    spawnSync('tmux', ['-L', this.socket, 'kill-server'], { env: this.env, timeout: 10_000 });
    if (path.endsWith(`/${this.socket}`)) rmSync(path, { force: true });
  }
}

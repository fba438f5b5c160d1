import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { qia } from '../helpers/cli.js';

/**
 * `qia completion bash|zsh|fish`: each script is run in its own shell (bash always; zsh and fish
 * where installed, and under CI=true, where .ci/run installs them, a missing shell fails), and the
 * scripts are checked against `--help`, so a command or option added later is completed too.
 */

const tmp = mkdtempSync(join(tmpdir(), 'qia-completion-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const CI = process.env['CI'] === 'true';

function has(shell: string): boolean {
  return spawnSync(shell, ['-c', 'exit 0']).status === 0;
}

function script(shell: string): string {
  const r = qia(['completion', shell]);
  expect(r.status, r.stderr).toBe(0);
  expect(r.stderr).toBe('');
  const file = join(tmp, `qia.${shell}`);
  writeFileSync(file, r.stdout);
  return file;
}

/** The commands `qia --help` lists, and the long options `qia <command> --help` lists. */
function helpCommands(): string[] {
  const help = qia(['--help']).stdout;
  const block = help.slice(help.indexOf('Commands:'));
  return [...block.matchAll(/^ {2}([a-z]+)\b/gm)].map((m) => m[1]!);
}
function helpOptions(command: string[]): string[] {
  const help = qia([...command, '--help']).stdout;
  const block = help.slice(help.indexOf('Options:'), help.search(/\n(Commands|Examples?):/));
  return [...new Set([...block.matchAll(/(?:^|[ ,])(--[a-z][a-z-]*)/gm)].map((m) => m[1]!))];
}

/** What bash offers for the words typed so far (the last one is the word under the cursor). */
function bashComplete(file: string, words: string[]): string[] {
  const quoted = words.map((w) => `'${w}'`).join(' ');
  const r = spawnSync(
    'bash',
    ['--norc', '-c', `source "$1"; COMP_WORDS=(${quoted}); COMP_CWORD=$(( \${#COMP_WORDS[@]} - 1 )); _qia; printf '%s\\n' "\${COMPREPLY[@]}"`, 'bash', file],
    { encoding: 'utf8' },
  );
  expect(r.stderr).toBe('');
  return r.stdout.split('\n').filter(Boolean);
}

describe('qia completion', () => {
  it('is listed in qia --help, with how to load it', () => {
    const help = qia(['--help']).stdout;
    expect(help).toMatch(/^ {2}completion /m);
    expect(help).toContain('source <(qia completion bash)');
    expect(qia(['completion', 'tcsh']).status).toBe(2);
  });

  it('writes a script for each shell that names every command and every option --help shows', () => {
    const commands = helpCommands();
    expect(commands).toEqual(expect.arrayContaining(['matrix', 'tag', 'untag', 'completion', 'codebook']));
    for (const shell of ['bash', 'zsh', 'fish']) {
      const text = qia(['completion', shell]).stdout;
      // zsh's lists carry each name's description after a colon.
      for (const c of commands) expect(text, `${shell}: ${c}`).toContain(shell === 'zsh' ? `'${c}:` : `'${c}'`);
      for (const cmd of [['matrix'], ['codebook', 'export'], ['agree'], ['tag']]) {
        for (const o of helpOptions(cmd))
          expect(text, `${shell}: ${cmd.join(' ')} ${o}`).toContain(shell === 'fish' ? `-l '${o.slice(2)}'` : shell === 'zsh' ? `'${o}:` : `'${o}'`);
      }
    }
  });

  it.skipIf(!has('bash') && !CI)('bash: qia ma<TAB> is matrix, qia matrix --ty<TAB> is --type, and the values of options and arguments', () => {
    const file = script('bash');
    expect(spawnSync('bash', ['-n', file]).status).toBe(0);
    expect(bashComplete(file, ['qia', 'ma'])).toEqual(['matrix']);
    expect(bashComplete(file, ['qia', 'matrix', '--ty'])).toEqual(['--type']);
    expect(bashComplete(file, ['qia', 'matrix', '--type', 'co'])).toEqual(['cooccurrence']);
    expect(bashComplete(file, ['qia', 'matrix', '--type', ''])).toContain('role');
    expect(bashComplete(file, ['qia', 'query', '--lang', ''])).toEqual(['id', 'en']);
    expect(bashComplete(file, ['qia', 'report', '--format', ''])).toContain('html');
    expect(bashComplete(file, ['qia', '--verbose', 'codebook', 'ch'])).toEqual(['check']);
    expect(bashComplete(file, ['qia', 'codebook', 'check', '--la'])).toEqual(['--lang']);
    expect(bashComplete(file, ['qia', 'export', ''])).toEqual(['qdc', 'qdpx']);
    // An option's free value and a study folder are left to the shell's file names.
    expect(bashComplete(file, ['qia', 'matrix', '-o', ''])).toEqual([]);
    expect(bashComplete(file, ['qia', 'matrix', '--type', 'role', ''])).toEqual([]);
    // A value typed for an option is not taken for a command.
    expect(bashComplete(file, ['qia', 'matrix', '--out', 'tag', '--ty'])).toEqual(['--type']);
    const registered = spawnSync('bash', ['--norc', '-c', 'source "$1"; complete -p qia', 'bash', file], { encoding: 'utf8' });
    expect(registered.stdout).toContain('-F _qia qia');
  });

  it.skipIf(!has('zsh') && !CI)('zsh: the script parses, registers _qia, and offers commands, options and values', () => {
    const file = script('zsh');
    expect(spawnSync('zsh', ['-n', file]).status).toBe(0);
    // The completion system's functions stand in as recorders: what _qia would offer.
    const stubs = [
      'compdef() { print -r -- "compdef $*"; }',
      '_describe() { local n=${@[-1]}; print -r -l -- ${(P)n}; }',
      'compadd() { shift; print -r -l -- "$@"; }',
      '_files() { print -r -- "<files>"; }',
    ].join('\n');
    const ask = (words: string[]) => {
      const r = spawnSync(
        'zsh',
        ['-f', '-c', `${stubs}\nsource "$1" >/dev/null\nwords=(${words.map((w) => `'${w}'`).join(' ')}); CURRENT=\${#words}; _qia`, 'zsh', file],
        { encoding: 'utf8' },
      );
      expect(r.stderr).toBe('');
      return r.stdout.split('\n').filter(Boolean);
    };
    expect(spawnSync('zsh', ['-f', '-c', `${stubs}\nsource "$1"`, 'zsh', file], { encoding: 'utf8' }).stdout).toContain('compdef _qia qia');
    expect(ask(['qia', 'ma'])).toContain('matrix:one Miles & Huberman display');
    expect(ask(['qia', 'matrix', '--ty'])).toContain('--type:display type: cluster (conceptually clustered: informants × attributes)');
    expect(ask(['qia', 'matrix', '--lang', ''])).toEqual(['id', 'en']);
    expect(ask(['qia', 'codebook', '']).map((l) => l.split(':')[0])).toEqual(['check', 'show', 'export', 'help']);
    expect(ask(['qia', 'matrix', ''])).toEqual(['<files>']);
  });

  it.skipIf(!has('fish') && !CI)('fish: the script parses and `complete -C` offers commands, options and values', () => {
    const file = script('fish');
    const check = spawnSync('fish', ['-n', file], { encoding: 'utf8' });
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
    const ask = (line: string) => {
      const r = spawnSync('fish', ['--no-config', '-c', `source $argv[1]; complete -C'${line}'`, file], { encoding: 'utf8' });
      expect(r.stderr).toBe('');
      return r.stdout
        .split('\n')
        .filter(Boolean)
        .map((l) => l.split('\t')[0]);
    };
    expect(ask('qia ma')).toEqual(['matrix']);
    expect(ask('qia matrix --ty')).toEqual(['--type']);
    expect(ask('qia matrix --lang ').sort()).toEqual(['en', 'id']);
    expect(ask('qia codebook ')).toEqual(expect.arrayContaining(['check', 'show', 'export']));
    expect(ask('qia codebook check --la')).toEqual(['--lang']);
  });

  it('without zsh or fish, the scripts still have their shape', () => {
    const zsh = qia(['completion', 'zsh']).stdout;
    expect(zsh.startsWith('#compdef qia\n')).toBe(true);
    expect(zsh).toContain('compdef _qia qia');
    const fish = qia(['completion', 'fish']).stdout;
    expect(fish).toContain("complete -c qia -n '__qia_is \\'matrix\\'' -l 'type' -s 't' -x -a 'cluster role method checklist obstacles cooccurrence time'");
  });
});

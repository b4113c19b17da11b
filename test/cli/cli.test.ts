import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { weightNames } from '../../src/engine/params';
import { runTrace } from '../../src/engine/trace';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command in the repository root and collects its exit code and output. */
function run(cmd: string, args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const p = spawn(cmd, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    p.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    p.on('error', reject);
    p.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** `node --import tsx src/cli/<tool>.ts <args>`: the npm scripts without npm's own start-up. */
const tool = (name: 'trace' | 'train', ...args: string[]): Promise<Run> => run(process.execPath, ['--import', 'tsx', `src/cli/${name}.ts`, ...args]);

/** An LSTM trace spec: I = 2, H = 2, O = 3, T = 3, softmax, with a null target, h0, c0 and a truncation window. */
const SPEC = {
  cell: 'lstm',
  inputSize: 2,
  hiddenSize: 2,
  outputSize: 3,
  output: 'softmax',
  weights: Object.fromEntries(
    weightNames('lstm').map((n, k) => {
      const rows = n === 'Why' || n === 'by' ? 3 : 2;
      const cols = n.startsWith('b') ? 0 : 2; // I = H = 2: every matrix has 2 columns; biases are vectors
      const v = (r: number, c: number) => Math.round(100 * Math.sin(k + 3 * r + 7 * c)) / 100;
      return [n, cols === 0 ? Array.from({ length: rows }, (_, r) => v(r, 0)) : Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => v(r, c)))];
    }),
  ),
  h0: [0.1, -0.2],
  c0: [0.3, 0.05],
  inputs: [[1, 0], [0.5, -1], [0, 1]],
  targets: [2, null, 0],
  truncate: 2,
};

let dir = '';
const file = (name: string, text: string): string => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};
const results: Record<string, Run> = {};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'unrolled-cli-'));
  const bad = (f: (s: Record<string, unknown>) => void): string => {
    const s = JSON.parse(JSON.stringify(SPEC)) as Record<string, unknown>;
    f(s);
    return JSON.stringify(s);
  };
  const jobs: Record<string, Promise<Run>> = {
    valid: run('npm', ['run', '--silent', 'trace', '--', file('valid.json', JSON.stringify(SPEC))]),
    unknownCell: tool('trace', file('cell.json', bad((s) => (s.cell = 'elman')))),
    missingWeight: tool('trace', file('weight.json', bad((s) => delete (s.weights as Record<string, unknown>).Whg))),
    nanString: tool('trace', file('nan.json', bad((s) => (s.inputs = [[1, 0], ['NaN', 0], [0, 1]])))),
    notJson: tool('trace', file('junk.json', '{"cell": "rnn", ')),
    missingFile: tool('trace', join(dir, 'no-such-file.json')),
    noArgument: tool('trace'),
    train: tool('train', file('train.json', JSON.stringify({ steps: 6, evalEvery: 2, task: { kind: 'echo', lag: 2, symbols: 2 }, model: { cell: 'gru', hiddenSize: 4 }, batch: 2, seed: 5 }))),
    trainBadSteps: tool('train', file('steps.json', JSON.stringify({ steps: 0 }))),
    trainDiverges: tool('train', file('diverge.json', JSON.stringify({
      steps: 20,
      task: { kind: 'sine', seqLength: 40, noise: 0.05, components: 2 },
      model: { cell: 'rnn', activation: 'linear', hiddenSize: 8 },
      init: { scheme: 'identity', recurrentScale: 3 },
      optimizer: { kind: 'sgd', lr: 10 },
      clip: { kind: 'none' },
      batch: 4,
      seed: 3,
    }))),
  };
  const names = Object.keys(jobs);
  const done = await Promise.all(names.map((n) => jobs[n]));
  names.forEach((n, i) => (results[n] = done[i]));
}, 30_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('npm run --silent trace -- spec.json', () => {
  it('prints exactly one JSON object with the contract\'s fields, nothing on stderr, exit 0', () => {
    const r = results.valid;
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.endsWith('\n')).toBe(true);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    const out = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(Object.keys(out).sort()).toEqual(['dc', 'dc0', 'dh', 'dh0', 'grads', 'loss', 'steps']);
    const steps = out.steps as Record<string, unknown>[];
    expect(steps).toHaveLength(3);
    for (const s of steps) {
      expect(Object.keys(s).sort()).toEqual(['c', 'gates', 'h', 'loss', 'p', 'y']);
      expect(Object.keys(s.gates as object)).toEqual(['f', 'i', 'g', 'o']);
      expect(s.h).toHaveLength(2);
      expect(s.p).toHaveLength(3);
      expect((s.p as number[]).reduce((a, b) => a + b)).toBeCloseTo(1, 14);
    }
    expect(steps[1].loss).toBeNull();
    expect(out.dh).toHaveLength(3);
    expect(out.dh0).toHaveLength(2);
    expect(Object.keys(out.grads as object)).toEqual(weightNames('lstm'));
    // the numbers survive the JSON round trip exactly
    expect(out).toEqual(JSON.parse(JSON.stringify(runTrace(SPEC))));
    // L = mean of ℓ_0 and ℓ_2
    expect(out.loss).toBeCloseTo(((steps[0].loss as number) + (steps[2].loss as number)) / 2, 14);
  });

  const bad: [string, RegExp][] = [
    ['unknownCell', /^error: cell: unknown cell "elman" \(expected rnn, lstm, gru\)$/],
    ['missingWeight', /^error: weights\.Whg: missing$/],
    ['nanString', /^error: inputs\[1\]\[0\]: expected a number, got string$/],
    ['notJson', /^error: .*junk\.json is not valid JSON: /],
    ['missingFile', /^error: cannot read .*no-such-file\.json: ENOENT$/],
    ['noArgument', /^error: no input file; usage: npm run --silent trace -- spec\.json$/],
  ];
  it.each(bad)('%s: exit 1, nothing on stdout, one line on stderr naming the problem', (name, message) => {
    const r = results[name];
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.endsWith('\n')).toBe(true);
    const lines = r.stderr.slice(0, -1).split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
  });
});

describe('npm run --silent train -- config.json', () => {
  it('prints one JSON line per evaluation and a summary line last, exit 0', () => {
    const r = results.train;
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l.step ?? 'summary')).toEqual([2, 4, 6, 'summary']);
    for (const l of lines.slice(0, -1)) {
      expect(Object.keys(l).sort()).toEqual(['clippedSteps', 'gradNorm', 'gradNormClipped', 'loss', 'metric', 'step']);
      expect(Number.isFinite(l.loss)).toBe(true);
    }
    const last = lines[lines.length - 1];
    expect(last).toMatchObject({ summary: true, steps: 6, divergence: null, notes: [], metric: { name: 'accuracy', baseline: 0.5 } });
    expect(last.config).toMatchObject({ task: { kind: 'echo', lag: 2, symbols: 2 }, model: { cell: 'gru', hiddenSize: 4 }, batch: 2, seed: 5 });
    expect(last.stepsPerSec).toBeGreaterThan(0);
  });

  it('refuses a bad step count with exit 1 and one line', () => {
    const r = results.trainBadSteps;
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('error: steps: expected an integer in [1, 10000000], got 0\n');
  });

  it('a diverging run ends with a summary naming the divergence and exit 3', () => {
    const r = results.trainDiverges;
    expect(r.stderr).toBe('');
    expect(r.code).toBe(3);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    const last = lines[lines.length - 1];
    expect(last.summary).toBe(true);
    expect(last.divergence).toMatchObject({ step: 1, cause: 'update' });
  });
});

import { OPS, VALTYPES } from './opcodes';
import type { OpInfo } from './opcodes';

/**
 * A small assembler from the WebAssembly text format to a binary module, for the subset the fast kernels are
 * written in: one imported memory, mutable i32 globals, functions with named params and locals, instructions in
 * folded form `(op immediates… operands…)` or flat form `op immediates…`, and folded `block`, `loop`, `if/then/else`.
 * It lets the kernels live in this repository as readable text and be turned into bytes wherever the engine runs
 * (browser, worker, Node), with no build step and no dependency.
 */

type Node = string | Node[];

/** Source text → nested lists of atoms; `;;` line comments and `(; … ;)` block comments dropped. */
function parse(src: string): Node[] {
  const tokens = src.replace(/\(;[\s\S]*?;\)/g, ' ').replace(/;;[^\n]*/g, ' ').match(/"[^"]*"|[()]|[^\s()"]+/g) ?? [];
  const stack: Node[][] = [[]];
  for (const tok of tokens) {
    if (tok === '(') {
      const list: Node[] = [];
      stack[stack.length - 1].push(list);
      stack.push(list);
    } else if (tok === ')') {
      if (stack.length === 1) throw new Error('wat: unbalanced ")"');
      stack.pop();
    } else {
      stack[stack.length - 1].push(tok);
    }
  }
  if (stack.length !== 1) throw new Error('wat: unbalanced "("');
  return stack[0];
}

/** Unsigned LEB128. */
export function uleb(n: number): number[] {
  const out: number[] = [];
  let v = n >>> 0;
  do {
    let b = v & 0x7f;
    v >>>= 7;
    if (v !== 0) b |= 0x80;
    out.push(b);
  } while (v !== 0);
  return out;
}

/** Signed LEB128 of a 32-bit integer. */
export function sleb(n: number): number[] {
  const out: number[] = [];
  let v = n | 0;
  for (;;) {
    const b = v & 0x7f;
    v >>= 7;
    const done = (v === 0 && (b & 0x40) === 0) || (v === -1 && (b & 0x40) !== 0);
    out.push(done ? b : b | 0x80);
    if (done) return out;
  }
}

const utf8 = (s: string): number[] => {
  const out: number[] = [];
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c >= 0x80) throw new Error(`wat: non-ASCII name ${s}`);
    out.push(c);
  }
  return out;
};
const name = (s: string): number[] => [...uleb(s.length), ...utf8(s)];
const vec = (items: number[][]): number[] => [...uleb(items.length), ...items.flat()];
const section = (id: number, body: number[]): number[] => [id, ...uleb(body.length), ...body];
const isList = (n: Node | undefined): n is Node[] => Array.isArray(n);
const head = (n: Node): string | undefined => (isList(n) && typeof n[0] === 'string' ? n[0] : undefined);
const unquote = (s: Node): string => {
  if (typeof s !== 'string' || !/^".*"$/.test(s)) throw new Error(`wat: expected a string, got ${JSON.stringify(s)}`);
  return s.slice(1, -1);
};

function int(s: Node): number {
  if (typeof s !== 'string' || !/^-?(0x[0-9a-f]+|\d+)$/i.test(s)) throw new Error(`wat: expected an integer, got ${JSON.stringify(s)}`);
  const neg = s.startsWith('-');
  const v = Number(neg ? s.slice(1) : s);
  return neg ? -v : v;
}

function f32Bytes(s: Node): number[] {
  if (typeof s !== 'string') throw new Error('wat: expected a number');
  const v = s === 'inf' ? Infinity : s === '-inf' ? -Infinity : Number(s);
  if (Number.isNaN(v)) throw new Error(`wat: bad float ${s}`);
  const b = new Uint8Array(4);
  new DataView(b.buffer).setFloat32(0, v, true);
  return [...b];
}

interface FuncDef {
  id: string;
  exportName?: string;
  params: [string, number][];
  result: number[];
  locals: [string, number][];
  body: Node[];
}

interface Ctx {
  funcs: Map<string, number>;
  globals: Map<string, number>;
  locals: Map<string, number>;
  /** enclosing block labels, innermost last ('' for unnamed) */
  labels: string[];
  fn: string;
}

function ref(map: Map<string, number>, tok: Node, what: string, fn: string): number {
  if (typeof tok === 'string' && /^\d+$/.test(tok)) return Number(tok);
  const i = typeof tok === 'string' ? map.get(tok) : undefined;
  if (i === undefined) throw new Error(`wat: unknown ${what} ${JSON.stringify(tok)} in ${fn}`);
  return i;
}

/** The bytes of an immediate of `info`, consuming atoms from `args` from `at`; returns [bytes, next index]. */
function immediate(info: OpInfo, opName: string, args: Node[], at: number, cx: Ctx): [number[], number] {
  const next = args[at];
  switch (info.imm) {
    case 'none':
      return [[], at];
    case 'local':
      return [uleb(ref(cx.locals, next, 'local', cx.fn)), at + 1];
    case 'global':
      return [uleb(ref(cx.globals, next, 'global', cx.fn)), at + 1];
    case 'func':
      return [uleb(ref(cx.funcs, next, 'function', cx.fn)), at + 1];
    case 'label': {
      if (typeof next === 'string' && /^\d+$/.test(next)) return [uleb(Number(next)), at + 1];
      const depth = cx.labels.length - 1 - cx.labels.lastIndexOf(next as string);
      if (typeof next !== 'string' || depth >= cx.labels.length) throw new Error(`wat: unknown label ${JSON.stringify(next)} in ${cx.fn}`);
      return [uleb(depth), at + 1];
    }
    case 'i32':
      return [sleb(int(next)), at + 1];
    case 'f32':
      return [f32Bytes(next), at + 1];
    case 'lane':
      return [[int(next)], at + 1];
    case 'shuffle': {
      const lanes = args.slice(at, at + 16).map(int);
      if (lanes.length !== 16 || lanes.some((l) => l < 0 || l > 31)) throw new Error(`wat: i8x16.shuffle needs 16 lanes in 0…31 in ${cx.fn}`);
      return [lanes, at + 16];
    }
    case 'v128': {
      const shape = next;
      const vals = args.slice(at + 1, at + 5);
      if (vals.length !== 4) throw new Error(`wat: v128.const needs a shape and 4 values in ${cx.fn}`);
      if (shape === 'f32x4') return [vals.flatMap(f32Bytes), at + 5];
      if (shape === 'i32x4') return [vals.flatMap((v) => [0, 8, 16, 24].map((s) => (int(v) >>> s) & 0xff)), at + 5];
      throw new Error(`wat: v128.const shape ${String(shape)} not supported in ${cx.fn}`);
    }
    case 'mem': {
      let offset = 0;
      let align = info.align ?? 0;
      let i = at;
      for (; typeof args[i] === 'string' && /^(offset|align)=/.test(args[i] as string); i++) {
        const [k, v] = (args[i] as string).split('=');
        if (k === 'offset') offset = int(v);
        else align = Math.log2(int(v));
      }
      return [[...uleb(align), ...uleb(offset)], i];
    }
    case 'block':
      throw new Error(`wat: ${opName} must be written in folded form in ${cx.fn}`);
  }
}

/** Encodes a sequence of instructions (folded lists or flat atoms) into `out`. */
function instrs(nodes: Node[], cx: Ctx, out: number[]): void {
  for (let i = 0; i < nodes.length; ) {
    const n = nodes[i];
    if (isList(n)) {
      folded(n, cx, out);
      i++;
      continue;
    }
    const info = OPS[n];
    if (!info) throw new Error(`wat: unknown instruction ${n} in ${cx.fn}`);
    const [imm, next] = immediate(info, n, nodes, i + 1, cx);
    out.push(...info.code, ...imm);
    i = next;
  }
}

/** A block type: empty (0x40) or one result. */
function blockType(n: Node | undefined): [number[], boolean] {
  if (isList(n) && n[0] === 'result') return [[VALTYPES[n[1] as string]], true];
  return [[0x40], false];
}

function folded(n: Node[], cx: Ctx, out: number[]): void {
  const op = n[0];
  if (typeof op !== 'string') throw new Error(`wat: expected an instruction in ${cx.fn}`);
  if (op === 'block' || op === 'loop' || op === 'if') {
    let i = 1;
    const label = typeof n[i] === 'string' && (n[i] as string).startsWith('$') ? (n[i++] as string) : '';
    const [bt, hasResult] = blockType(n[i]);
    if (hasResult) i++;
    if (op === 'if') {
      const rest = n.slice(i);
      const thenPart = rest.find((x) => head(x) === 'then') as Node[] | undefined;
      const elsePart = rest.find((x) => head(x) === 'else') as Node[] | undefined;
      if (!thenPart) throw new Error(`wat: if without then in ${cx.fn}`);
      instrs(rest.filter((x) => x !== thenPart && x !== elsePart), cx, out); // the condition
      out.push(0x04, ...bt);
      cx.labels.push(label);
      instrs(thenPart.slice(1), cx, out);
      if (elsePart) {
        out.push(0x05);
        instrs(elsePart.slice(1), cx, out);
      }
      cx.labels.pop();
      out.push(0x0b);
      return;
    }
    out.push(op === 'block' ? 0x02 : 0x03, ...bt);
    cx.labels.push(label);
    instrs(n.slice(i), cx, out);
    cx.labels.pop();
    out.push(0x0b);
    return;
  }
  const info = OPS[op];
  if (!info) throw new Error(`wat: unknown instruction ${op} in ${cx.fn}`);
  const [imm, next] = immediate(info, op, n, 1, cx);
  instrs(n.slice(next), cx, out); // operands first, then the instruction
  out.push(...info.code, ...imm);
}

function readFunc(n: Node[]): FuncDef {
  // an anonymous function (exported only) is named by its export in messages, and cannot be called by name
  const named = typeof n[1] === 'string' && n[1].startsWith('$');
  const f: FuncDef = { id: named ? (n[1] as string) : '', params: [], result: [], locals: [], body: [] };
  let i = named ? 2 : 1;
  for (; i < n.length && isList(n[i]); i++) {
    const item = n[i] as Node[];
    const h = item[0];
    if (h === 'export') f.exportName = unquote(item[1]);
    else if (h === 'param') f.params.push([item[1] as string, VALTYPES[item[2] as string]]);
    else if (h === 'result') f.result.push(VALTYPES[item[1] as string]);
    else if (h === 'local') for (let k = 1; k + 1 < item.length; k += 2) f.locals.push([item[k] as string, VALTYPES[item[k + 1] as string]]);
    else break;
  }
  f.body = n.slice(i);
  if (!named) f.id = `"${f.exportName ?? '?'}"`;
  for (const [nm, t] of [...f.params, ...f.locals]) if (t === undefined || !nm.startsWith('$')) throw new Error(`wat: bad param or local ${nm} in ${f.id}`);
  return f;
}

/** Assembles a `(module …)` written in the subset above into the bytes of a WebAssembly module. */
export function assemble(src: string): Uint8Array<ArrayBuffer> {
  const top = parse(src);
  if (top.length !== 1 || head(top[0]) !== 'module') throw new Error('wat: expected one (module …)');
  const fields = (top[0] as Node[]).slice(1).filter(isList);
  const funcs = fields.filter((f) => head(f) === 'func').map(readFunc);
  const globals = fields.filter((f) => head(f) === 'global');
  const imports = fields.filter((f) => head(f) === 'import');

  const sigs: string[] = [];
  const typeOf = (f: FuncDef): number => {
    const key = `${f.params.map((p) => p[1]).join(',')}:${f.result.join(',')}`;
    if (!sigs.includes(key)) sigs.push(key);
    return sigs.indexOf(key);
  };
  const funcTypes = funcs.map(typeOf);
  const typeSec = sigs.map((k) => {
    const [p, r] = k.split(':').map((s) => (s ? s.split(',').map(Number) : []));
    return [0x60, ...vec(p.map((x) => [x])), ...vec(r.map((x) => [x]))];
  });

  const importSec = imports.map((imp) => {
    const desc = imp[3] as Node[];
    if (head(desc) !== 'memory') throw new Error('wat: only a memory can be imported');
    return [...name(unquote(imp[1])), ...name(unquote(imp[2])), 0x02, 0x00, ...uleb(int(desc[1]))];
  });

  const globalIds = new Map<string, number>();
  const exports: number[][] = [];
  const globalSec = globals.map((g, k) => {
    globalIds.set(g[1] as string, k);
    const ex = g.find((x) => head(x) === 'export') as Node[] | undefined;
    if (ex) exports.push([...name(unquote(ex[1])), 0x03, ...uleb(k)]);
    const init = g[g.length - 1] as Node[];
    if (head(init) !== 'i32.const' || !g.some((x) => isList(x) && x[0] === 'mut' && x[1] === 'i32')) throw new Error(`wat: global ${String(g[1])} must be (mut i32) (i32.const n)`);
    return [0x7f, 0x01, 0x41, ...sleb(int(init[1])), 0x0b];
  });

  const funcIds = new Map(funcs.map((f, k) => [f.id, k]));
  funcs.forEach((f, k) => {
    if (f.exportName) exports.push([...name(f.exportName), 0x00, ...uleb(k)]);
  });

  const codeSec = funcs.map((f) => {
    const locals = new Map<string, number>();
    [...f.params, ...f.locals].forEach(([nm], k) => locals.set(nm, k));
    const body: number[] = [];
    // locals as runs of one type: (count, type)
    const runs: number[][] = [];
    for (const [, t] of f.locals) {
      const last = runs[runs.length - 1];
      if (last && last[1] === t) last[0]++;
      else runs.push([1, t]);
    }
    body.push(...vec(runs.map(([c, t]) => [...uleb(c), t])));
    instrs(f.body, { funcs: funcIds, globals: globalIds, locals, labels: [], fn: f.id }, body);
    body.push(0x0b);
    return [...uleb(body.length), ...body];
  });

  // the custom "name" section (function names): profilers and stack traces then name the kernels
  const funcNames = funcs.map((f, k) => [...uleb(k), ...name(f.id.replace(/^[$"]|"$/g, ''))]);
  const nameSec = [...name('name'), 0x01, ...uleb(vec(funcNames).length), ...vec(funcNames)];
  const bytes = [
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, vec(typeSec)),
    ...(importSec.length ? section(2, vec(importSec)) : []),
    ...section(3, vec(funcTypes.map((t) => uleb(t)))),
    ...(globalSec.length ? section(6, vec(globalSec)) : []),
    ...section(7, vec(exports)),
    ...section(10, vec(codeSec)),
    ...section(0, nameSec),
  ];
  return new Uint8Array(bytes);
}

/** Why the engine refused an input or stopped a run. */
export type EngineErrorCode =
  | 'bad-config' // a value is missing, of the wrong type or out of range
  | 'bad-shape' // an array does not have the size its role needs
  | 'non-finite' // NaN or ±Infinity where a finite number is required
  | 'unknown-name' // a cell, activation, task, optimizer or weight name the engine does not know
  | 'empty' // an empty sequence, text or series
  | 'diverged'; // training produced NaN/Infinity

/** A typed engine error: `code` for programs, `message` (one line) for people, `path` names the offending field. */
export class EngineError extends Error {
  readonly code: EngineErrorCode;
  readonly path: string | undefined;
  constructor(code: EngineErrorCode, message: string, path?: string) {
    super(path ? `${path}: ${message}` : message);
    this.name = 'EngineError';
    this.code = code;
    this.path = path;
  }
}

/** Throws `non-finite` unless every entry of `a` is a finite number. */
export function assertFinite(a: ArrayLike<number>, path: string): void {
  for (let i = 0; i < a.length; i++) {
    if (!Number.isFinite(a[i])) throw new EngineError('non-finite', `entry ${i} is ${a[i]}, a finite number is required`, path);
  }
}

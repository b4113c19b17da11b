import { useCallback, useEffect, useRef, useState } from 'react';
import { CELLS } from '../engine/types';
import type { Lab } from '../state/lab';
import type { BenchmarkResult } from '../worker/protocol';

/** How long each cell is timed, in the worker, on a throwaway session. */
export const BENCHMARK_MS = 400;

export interface Benchmark {
  state: 'waiting' | 'measuring' | 'done' | 'error';
  results: BenchmarkResult[];
  error: string | null;
  /** times RNN, LSTM and GRU again */
  measure(): void;
}

let requestIds = 1;

/**
 * The measured cost of each cell on the lab's task: asks the lab's worker to time RNN, LSTM and GRU at the run's
 * hidden size and batch (a 'benchmark' command; protocol.ts) once the run is up, and again on `measure()`. The
 * answer is matched by its request id; one that arrives after a newer request is dropped.
 */
export function useBenchmark(lab: Lab | null): Benchmark {
  const [state, setState] = useState<Omit<Benchmark, 'measure'>>({ state: 'waiting', results: [], error: null });
  const pending = useRef(-1);
  const measure = useCallback(() => {
    if (!lab) return;
    const requestId = requestIds++;
    pending.current = requestId;
    setState((s) => ({ ...s, state: 'measuring', error: null }));
    lab.client.send({ type: 'benchmark', runId: lab.store.getState().runId, requestId, cells: [...CELLS], budgetMs: BENCHMARK_MS });
  }, [lab]);
  useEffect(() => {
    if (!lab) return;
    const off = lab.client.subscribe((e) => {
      if (e.type !== 'benchmark' || e.requestId !== pending.current) return;
      setState(e.error === null ? { state: 'done', results: e.results, error: null } : { state: 'error', results: [], error: e.error });
    });
    // measure once the run is up: the worker times the settings it runs
    let asked = false;
    const ask = () => {
      if (asked || lab.store.getState().info === null) return;
      asked = true;
      measure();
    };
    const unwatch = lab.store.subscribe(ask);
    ask();
    return () => {
      off();
      unwatch();
    };
  }, [lab, measure]);
  return { ...state, measure };
}

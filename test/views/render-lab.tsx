/**
 * Renders a view inside a real lab store with stub actions and a stub worker client, for jsdom tests.
 * `setUi` and `select` also apply their patch to the store, and `requestSurface` records its request there (as the
 * lab does), so a control's effect on the view can be seen.
 */
import { render } from '@testing-library/react';
import type { RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { vi } from 'vitest';
import type { Mock } from 'vitest';
import { defaultConfig } from '../../src/engine/config';
import type { SessionConfig } from '../../src/engine/config';
import { LabProvider } from '../../src/state/context';
import type { Lab, LabActions, LabCommand } from '../../src/state/lab';
import { createLabStore } from '../../src/state/store';
import type { LabStore, UiSettings } from '../../src/state/store';
import type { LabClient } from '../../src/worker/client';

/** Every action as a vi.fn mock. */
export type StubActions = { [K in keyof LabActions]: Mock<LabActions[K]> };

/** What renderLab returns: Testing Library's result plus the lab it rendered into. */
export interface LabRender extends RenderResult {
  store: LabStore;
  actions: StubActions;
  client: LabClient;
}

/** The UI settings a fresh test lab starts with. */
export const TEST_UI: UiSettings = { speed: 0, views: ['curve', 'output'], autoplay: false, logScale: false };

/** A lab (real store, stub actions and client) with no rendering, for tests that render themselves. */
export function stubLab(config: SessionConfig = defaultConfig(), ui: Partial<UiSettings> = {}): Lab & { actions: StubActions } {
  const store = createLabStore(config, { ...TEST_UI, ...ui });
  // the run commands reach onCommand's listeners, as the real lab's do
  const listeners = new Set<(c: LabCommand) => void>();
  const tell = (c: LabCommand) => listeners.forEach((l) => l(c));
  const actions: StubActions = {
    play: vi.fn(() => tell({ type: 'play' })),
    pause: vi.fn(() => tell({ type: 'pause' })),
    togglePlay: vi.fn(),
    step: vi.fn(() => tell({ type: 'step' })),
    reset: vi.fn(() => tell({ type: 'reset' })),
    setSpeed: vi.fn((stepsPerSecond) => tell({ type: 'speed', stepsPerSecond })),
    configure: vi.fn((config) => {
      tell({ type: 'configure', config });
      return true;
    }),
    select: vi.fn((patch) => store.setState((s) => ({ selection: { ...s.selection, ...patch } }))),
    setUi: vi.fn((patch) => store.setState((s) => ({ ui: { ...s.ui, ...patch } }))),
    dismissNotice: vi.fn(),
    notify: vi.fn(),
    restartWorker: vi.fn(),
    requestSurface: vi.fn((request) => store.setState({ surfaceRequest: request })),
    trainTo: vi.fn((step) => {
      tell({ type: 'trainTo', step });
      return true;
    }),
    exportRun: vi.fn(() => Promise.reject(new Error('a stub lab saves no run'))),
    importRun: vi.fn(async () => true),
  };
  const client: LabClient = { mode: 'in-process', send: vi.fn(), subscribe: vi.fn(() => () => {}), restart: vi.fn(), dispose: vi.fn() };
  const onCommand = (l: (c: LabCommand) => void) => {
    listeners.add(l);
    return () => listeners.delete(l);
  };
  return { store, actions, client, onCommand, dispose: vi.fn() };
}

/**
 * Renders `ui` inside <LabProvider>; `setup` fills the store first (history.push, metrics.push, setState).
 */
export function renderLab(ui: ReactElement, opts: { config?: SessionConfig; ui?: Partial<UiSettings>; setup?: (store: LabStore) => void } = {}): LabRender {
  const lab = stubLab(opts.config, opts.ui);
  opts.setup?.(lab.store);
  const result = render(<LabProvider lab={lab}>{ui}</LabProvider>);
  return { ...result, store: lab.store, actions: lab.actions, client: lab.client };
}

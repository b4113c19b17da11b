import { describe, expect, it, vi } from 'vitest';
import { defaultConfig } from '../../src/engine/config';
import { gateStore } from '../../src/state/gate';
import { createLabStore } from '../../src/state/store';
import { DEFAULT_UI } from '../../src/state/url';

describe('gateStore', () => {
  it('passes changes through while open, freezes while closed, and catches up on reopening', () => {
    const store = createLabStore(defaultConfig(), DEFAULT_UI);
    const gated = gateStore(store);
    const heard = vi.fn();
    const off = gated.subscribe(heard);
    store.setState({ step: 1 });
    expect(heard).toHaveBeenCalledTimes(1);
    expect(gated.getState().step).toBe(1);
    gated.setOpen(false);
    store.setState({ step: 2 });
    store.setState({ step: 3 });
    expect(heard).toHaveBeenCalledTimes(1);
    expect(gated.getState().step).toBe(1); // the state it had when it closed
    expect(store.getState().step).toBe(3);
    gated.setOpen(true);
    expect(heard).toHaveBeenCalledTimes(2); // once, for everything it missed
    expect(gated.getState().step).toBe(3);
    gated.setState({ step: 4 }); // writes always reach the real store
    expect(store.getState().step).toBe(4);
    off();
    store.setState({ step: 5 });
    expect(heard).toHaveBeenCalledTimes(3); // 4 was heard, 5 after unsubscribing was not
  });

  it('a closed gate that saw no change stays silent when it opens', () => {
    const store = createLabStore(defaultConfig(), DEFAULT_UI);
    const gated = gateStore(store);
    const heard = vi.fn();
    gated.subscribe(heard);
    gated.setOpen(false);
    gated.setOpen(true);
    expect(heard).not.toHaveBeenCalled();
  });
});

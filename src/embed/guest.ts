import { deckMessage } from './deck-keys';
import type { DeckMethod } from './deck-keys';
import { message, parseCommand } from './messages';
import type { Command, CommandId, EmbedEvent, SettingValue } from './messages';
import { createResizeEmitter } from './resize';

/** Where training is, as the host hears it. */
export interface StepState {
  step: number;
  loss: number | null;
  metric: { name: string; value: number } | null;
  /** training, or about to (asked to play, or the worker has not yet stopped) */
  playing: boolean;
  /** a divergence or a stopped worker, said once as an `error` event */
  problem: string | null;
}

/** What the guest drives: the embed's lab and page, attached once the lab has started (it starts when first seen). */
export interface EmbedTarget {
  play(): void;
  pause(): void;
  step(): void;
  reset(): void;
  /** each answers null when done, or why it was refused */
  set(config: Record<string, SettingValue>): string | null;
  goTo(lesson: string, step: number): string | null | Promise<string | null>;
  trainTo(step: number): string | null;
  state(): StepState;
  subscribe(listener: () => void): () => void;
}

/** Why training is held: the embed is off screen, or reveal.js said its slide stopped. */
type Hold = 'offscreen' | 'slide';

export interface GuestOptions {
  /** the embed's window (listens for messages) and its parent (the host) */
  self: Pick<Window, 'addEventListener' | 'removeEventListener'>;
  parent: Pick<Window, 'postMessage'> | null;
  /** hosts whose commands are obeyed (origins.ts); empty: none */
  origins: readonly string[];
  /** where events and sizes go: an allowed origin, or '*' without an allowlist (eventTarget in origins.ts) */
  targetOrigin: string;
  ready: Extract<EmbedEvent, { type: 'ready' }>;
  warn?: (text: string) => void;
  now?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (t: unknown) => void;
}

export interface Guest {
  attach(target: EmbedTarget): void;
  detach(): void;
  /** the embed's root is (partly) on screen or not */
  setOnScreen(on: boolean): void;
  /** the content's height changed */
  resized(height: number): void;
  /**
   * Passes a clicker key's method to the host in reveal.js's API (deck-keys.ts). True when a deck is known to hear it
   * (it sent slide:start or slide:stop); false when none has spoken yet — reveal.js says nothing to the slide it
   * opens on, so the message goes anyway, to the host's target origin, and a page that is not a deck ignores it.
   */
  toDeck(method: DeckMethod): boolean;
  /** handles one message event's fields (the window listener calls it; tests too) */
  receive(data: unknown, origin: string, source: unknown): void;
  dispose(): void;
}

/** At most this many step events a second while training: enough for a host's progress bar, not a flood. */
export const STEP_EVENTS_PER_SECOND = 4;
/** Commands sent before the lab starts wait for it, up to this many (the oldest are dropped). */
const QUEUE = 32;
/** Console warnings about bad messages, at most: a host in a loop must not fill the console. */
const MAX_WARNINGS = 20;

/**
 * The embed's side of the conversation with its host page: obeys commands from the parent window when its origin
 * is allowed, answers with events, reports the content's height, and is a good guest — training pauses while the
 * embed is off screen or its reveal.js slide is not shown, and resumes only if it was playing.
 */
export function createGuest(o: GuestOptions): Guest {
  const warnRaw = o.warn ?? ((t: string) => console.warn(`Unrolled embed: ${t}`));
  const now = o.now ?? (() => performance.now());
  const setTimer = o.setTimer ?? ((fn: () => void, ms: number) => setTimeout(fn, ms));
  const clearTimer = o.clearTimer ?? ((t: unknown) => clearTimeout(t as ReturnType<typeof setTimeout>));
  let warnings = 0;
  const warn = (text: string) => {
    warnings++;
    if (warnings <= MAX_WARNINGS) warnRaw(text);
    if (warnings === MAX_WARNINGS) warnRaw('further warnings about messages are not shown.');
  };
  const warnedOrigins = new Set<string>();
  let warnedOthers = false;
  const post = (data: unknown) => o.parent?.postMessage(data, o.targetOrigin);
  const emit = (e: EmbedEvent) => post(message(e));
  const sizes = createResizeEmitter((data, target) => o.parent?.postMessage(data, target), o.targetOrigin);

  let target: EmbedTarget | null = null;
  let unsubscribe: (() => void) | null = null;
  const queue: Command[] = [];
  const holds = new Set<Hold>();
  /** the guest paused a playing run for a hold (or a host asked to play during one): play when the holds lift */
  let resume = false;
  /** the origin of the reveal.js deck that sent slide:start or slide:stop ('null' for a deck opened from a file), or null */
  let deck: string | null = null;

  // step events: throttled while playing, at once otherwise
  let lastSent: StepState | null = null;
  let lastTime = -Infinity;
  let timer: unknown = null;
  let lastProblem: string | null = null;
  const flush = (s: StepState) => {
    if (timer !== null) clearTimer(timer);
    timer = null;
    lastSent = s;
    lastTime = now();
    emit({ type: 'step', step: s.step, loss: s.loss, metric: s.metric, playing: s.playing });
  };
  const changed = (s: StepState) => !lastSent || s.step !== lastSent.step || s.playing !== lastSent.playing;
  const onState = () => {
    if (!target) return;
    const s = target.state();
    if (s.problem !== lastProblem) {
      lastProblem = s.problem;
      if (s.problem) emit({ type: 'error', message: s.problem });
    }
    if (!changed(s)) return;
    if (!s.playing) return flush(s);
    const wait = lastTime + 1000 / STEP_EVENTS_PER_SECOND - now();
    if (wait <= 0) flush(s);
    else if (timer === null) {
      timer = setTimer(() => {
        timer = null;
        const t = target?.state();
        if (t && changed(t)) flush(t);
      }, wait);
    }
  };

  const hold = (why: Hold, on: boolean) => {
    if (on === holds.has(why)) return;
    if (on) {
      holds.add(why);
      if (target?.state().playing) {
        resume = true;
        target.pause();
      }
    } else {
      holds.delete(why);
      if (holds.size === 0 && resume && target) {
        resume = false;
        target.play();
      }
    }
  };

  /** a host that started listening late: ready, the height and where training is, again */
  const greet = (c: Command) => {
    emit(o.ready);
    sizes.repeat();
    if (target) flush(target.state());
    answer(c, null);
  };

  const run = (c: Command): string | null | Promise<string | null> => {
    const t = target!;
    switch (c.type) {
      case 'hello':
        // answered as it arrives (receive), never queued
        return null;
      case 'play':
        if (holds.size > 0) resume = true;
        else t.play();
        return null;
      case 'pause':
        resume = false;
        t.pause();
        return null;
      case 'step':
        t.step();
        return null;
      case 'reset':
        t.reset();
        return null;
      case 'set':
        return t.set(c.config);
      case 'goTo':
        return t.goTo(c.lesson, c.step);
      case 'trainTo':
        return t.trainTo(c.step);
    }
  };
  const answer = (c: Command, problem: string | null) => {
    const id: { id?: CommandId } = c.id === undefined ? {} : { id: c.id };
    if (problem !== null) emit({ type: 'error', message: problem, ...id });
    if (c.id !== undefined) emit({ type: 'ack', id: c.id, command: c.type, ok: problem === null, ...(problem === null ? {} : { message: problem }) });
  };
  const obey = (c: Command) => {
    if (!target) {
      if (queue.length === QUEUE) queue.shift();
      queue.push(c);
      return;
    }
    let result: string | null | Promise<string | null>;
    try {
      result = run(c);
    } catch (e) {
      result = e instanceof Error ? e.message : String(e);
    }
    if (result instanceof Promise) result.then((r) => answer(c, r), (e: unknown) => answer(c, e instanceof Error ? e.message : String(e)));
    else answer(c, result);
  };

  const receive = (data: unknown, origin: string, source: unknown) => {
    if (!o.parent || (o.parent as unknown) === o.self) return;
    // only the embedding page speaks to the embed: not a sibling frame, a popup or the embed itself
    if (source !== o.parent) {
      if (!warnedOthers && parseCommand(data).kind !== 'foreign') {
        warnedOthers = true;
        warnRaw('commands are obeyed only from the page that embeds this one; ignored one from another window.');
      }
      return;
    }
    if (sizes.receive(data)) return;
    // reveal.js posts these strings to the iframes of the slide it leaves and the one it shows
    if (data === 'slide:stop' || data === 'slide:start') {
      deck = origin;
      return hold('slide', data === 'slide:stop');
    }
    const parsed = parseCommand(data);
    if (parsed.kind === 'foreign') return;
    // hello moves nothing and tells only what the embed already posts to its target origin: any parent may ask
    if (parsed.kind === 'command' && parsed.command.type === 'hello') return greet(parsed.command);
    if (o.origins.length === 0 || !o.origins.includes(origin)) {
      const key = o.origins.length === 0 ? '' : origin;
      if (!warnedOrigins.has(key) && warnedOrigins.size < 5) {
        warnedOrigins.add(key);
        warnRaw(
          o.origins.length === 0
            ? `commands are refused: this embed has no allowlist. Add origins=${origin} to its link to let that page control it.`
            : `commands from ${origin.slice(0, 100)} are refused: it is not in this embed's origins= list.`,
        );
      }
      return;
    }
    if (parsed.kind === 'invalid') return warn(`ignored a message: ${parsed.reason}.`);
    obey(parsed.command);
  };
  const onMessage = (e: Event) => {
    const m = e as MessageEvent;
    receive(m.data, m.origin, m.source);
  };
  o.self.addEventListener('message', onMessage);
  emit(o.ready);

  return {
    attach(t) {
      unsubscribe?.();
      target = t;
      lastSent = null;
      lastProblem = null;
      unsubscribe = t.subscribe(onState);
      // a lab that starts playing while a hold is on (a slide not shown) waits for it to lift
      if (holds.size > 0 && t.state().playing) {
        resume = true;
        t.pause();
      }
      queue.splice(0).forEach(obey);
      onState();
    },
    detach() {
      unsubscribe?.();
      unsubscribe = null;
      target = null;
      if (timer !== null) clearTimer(timer);
      timer = null;
    },
    setOnScreen: (on) => hold('offscreen', !on),
    toDeck(method) {
      if (!o.parent) return false;
      // an opaque origin ('null': a deck opened from a file) cannot be named as a target; the parent is the window
      // that spoke to this embed, and the message moves slides, nothing secret
      o.parent.postMessage(deckMessage(method), deck === null ? o.targetOrigin : deck === 'null' ? '*' : deck);
      return deck !== null;
    },
    resized: (h) => sizes.report(h),
    receive,
    dispose() {
      this.detach();
      o.self.removeEventListener('message', onMessage);
    },
  };
}

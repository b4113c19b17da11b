import { afterEach, describe, expect, it, vi } from 'vitest';
import { LINK_ATTRIBUTES } from '../../src/embed/element';
import { NS, VERSION } from '../../src/embed/messages';
import { PAGE_CONTROL_IDS, SETTING_IDS } from '../../src/state/scenario';
import { PATHS, UI_KEYS } from '../../src/state/url';

type EmbedElement = HTMLElement & { play(): void; pause(): void; trainTo(n: number): void };

const frameOf = (el: Element) => el.shadowRoot!.querySelector('iframe')!;
const hashOf = (el: Element) => new URLSearchParams(new URL(frameOf(el).src).hash.slice(1));
const flush = () => new Promise((r) => setTimeout(r, 0));
/** jsdom gives an iframe in a shadow root no window: a stand-in that records what the element posts to it. */
function fakeWindow(el: Element) {
  const win = { postMessage: vi.fn() };
  Object.defineProperty(frameOf(el), 'contentWindow', { value: win, configurable: true });
  return win;
}
/** A message as the element's own embed would post it (from its frame, at its origin); a plain event, as jsdom's MessageEvent takes only real windows. */
function fromFrame(el: Element, data: unknown, source: unknown = frameOf(el).contentWindow) {
  window.dispatchEvent(Object.assign(new Event('message'), { data, origin: new URL(frameOf(el).src).origin, source }));
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('the web component', () => {
  it('passes on every lab link key and the scenario keys, and nothing the lab would call unknown', () => {
    expect(LINK_ATTRIBUTES).toEqual(expect.arrayContaining([...Object.keys(PATHS), ...SETTING_IDS, 'speed', 'views', 'controls', 'lock', 'caption', 'at']));
    for (const key of LINK_ATTRIBUTES) expect(key in PATHS || UI_KEYS.includes(key), key).toBe(true);
    expect(PAGE_CONTROL_IDS).toContain('playback');
  });

  it('speaks the protocol of messages.ts', async () => {
    // element.ts keeps its own copy of the two constants so that it imports nothing: they must agree
    const src = await import('../../src/embed/element?raw').then((m: { default: string }) => m.default);
    expect(src).toContain(`const NS = '${NS}';`);
    expect(src).toContain(`const VERSION = ${VERSION};`);
  });

  it('makes an iframe of the embed from its attributes, with its page’s origin allowed', () => {
    document.body.innerHTML = '<unrolled-lab task="echo" lag="40" clipAt="2" views="flow,gates" caption="A &amp; B &lt;3" controls="playback,lag" lock="lag" at="300"></unrolled-lab>';
    const el = document.querySelector('unrolled-lab')!;
    const frame = frameOf(el);
    expect(frame.src).toMatch(/embed\.html#/);
    expect(Object.fromEntries(hashOf(el))).toEqual({ task: 'echo', lag: '40', clipAt: '2', views: 'flow,gates', caption: 'A & B <3', controls: 'playback,lag', lock: 'lag', at: '300', origins: window.location.origin });
    expect(frame.style.height).toBe('480px');
    expect(frame.title).toBe('A & B <3');
  });

  it('makes a lesson step’s iframe, at the height asked for', () => {
    document.body.innerHTML = '<unrolled-lesson lesson="vanishing" step="3" height="320"></unrolled-lesson>';
    const el = document.querySelector('unrolled-lesson')!;
    expect(Object.fromEntries(hashOf(el))).toEqual({ lesson: 'vanishing', step: '3', origins: window.location.origin });
    expect(frameOf(el).style.height).toBe('320px');
    expect(frameOf(el).title).toBe('Unrolled lesson vanishing, step 3');
  });

  it('sizes its iframe from its own embed’s resize messages only', () => {
    document.body.innerHTML = '<unrolled-lab task="echo"></unrolled-lab>';
    const el = document.querySelector('unrolled-lab')!;
    fakeWindow(el);
    fromFrame(el, { ns: 'unrolled', v: 1, type: 'resize', height: 612.4 });
    expect(frameOf(el).style.height).toBe('613px');
    // another window, a bad height, another protocol: nothing changes
    fromFrame(el, { ns: 'unrolled', v: 1, type: 'resize', height: 90 }, window);
    fromFrame(el, { ns: 'unrolled', v: 1, type: 'resize', height: Infinity });
    fromFrame(el, { ns: 'unrolled', v: 1, type: 'resize', height: '900' });
    fromFrame(el, { ns: 'unrolled', v: 2, type: 'resize', height: 700 });
    fromFrame(el, { context: 'h5p', action: 'resize', scrollHeight: 700 });
    expect(frameOf(el).style.height).toBe('613px');
  });

  it('turns events into DOM events, and sends commands once the embed is ready', () => {
    document.body.innerHTML = '<unrolled-lab task="echo"></unrolled-lab>';
    const el = document.querySelector('unrolled-lab') as EmbedElement;
    const post = fakeWindow(el).postMessage;
    const got: string[] = [];
    for (const t of ['ready', 'step', 'error']) document.body.addEventListener(`unrolled-${t}`, (e) => got.push(`${t} ${JSON.stringify((e as CustomEvent).detail)}`));
    el.play();
    el.trainTo(40);
    expect(post).not.toHaveBeenCalled();
    fromFrame(el, { ns: 'unrolled', v: 1, type: 'ready', mode: 'lab', lesson: null, step: null });
    expect(post.mock.calls.map((c) => c[0])).toEqual([
      { ns: 'unrolled', v: 1, type: 'play' },
      { ns: 'unrolled', v: 1, type: 'trainTo', step: 40 },
    ]);
    el.pause();
    expect(post.mock.calls.at(-1)![0]).toEqual({ ns: 'unrolled', v: 1, type: 'pause' });
    fromFrame(el, { ns: 'unrolled', v: 1, type: 'step', step: 7, loss: 0.5, metric: null, playing: true });
    fromFrame(el, { ns: 'unrolled', v: 1, type: 'error', message: 'diverged' });
    expect(got).toEqual([
      'ready {"ns":"unrolled","v":1,"type":"ready","mode":"lab","lesson":null,"step":null}',
      'step {"ns":"unrolled","v":1,"type":"step","step":7,"loss":0.5,"metric":null,"playing":true}',
      'error {"ns":"unrolled","v":1,"type":"error","message":"diverged"}',
    ]);
  });

  it('rebuilds the link once for several attribute changes, and waits for the new embed to be ready', async () => {
    document.body.innerHTML = '<unrolled-lab task="echo" lag="3"></unrolled-lab>';
    const el = document.querySelector('unrolled-lab') as EmbedElement;
    const post = fakeWindow(el).postMessage;
    fromFrame(el, { ns: 'unrolled', v: 1, type: 'ready', mode: 'lab', lesson: null, step: null });
    const srcs: string[] = [];
    const frame = frameOf(el);
    const desc = Object.getOwnPropertyDescriptor(HTMLIFrameElement.prototype, 'src')!;
    Object.defineProperty(frame, 'src', { get: () => desc.get!.call(frame), set: (v: string) => (srcs.push(v), desc.set!.call(frame, v)) });
    el.setAttribute('lag', '6');
    el.setAttribute('cell', 'gru');
    el.setAttribute('T', '30');
    await flush();
    expect(srcs).toHaveLength(1);
    expect(Object.fromEntries(hashOf(el))).toMatchObject({ lag: '6', cell: 'gru', T: '30' });
    el.play();
    expect(post).not.toHaveBeenCalled();
    fromFrame(el, { ns: 'unrolled', v: 1, type: 'ready', mode: 'lab', lesson: null, step: null });
    expect(post).toHaveBeenCalledWith({ ns: 'unrolled', v: 1, type: 'play' }, new URL(frame.src).origin);
  });
});

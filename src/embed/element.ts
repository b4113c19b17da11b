/**
 * unrolled-embed.js: the web component a course page loads to embed Unrolled without writing an iframe by hand.
 *
 *   <script type="module" src="https://unrolled.example/unrolled-embed.js"></script>
 *   <unrolled-lesson lesson="vanishing" step="3"></unrolled-lesson>
 *   <unrolled-lab task="echo" lag="40" views="flow" controls="playback,lag" caption="…"></unrolled-lab>
 *
 * Each element makes an iframe of embed.html (next to this script), sized from the embed's resize messages, with
 * its own page's origin in `origins=` so that its methods (play, pause, step, reset, trainTo) are obeyed; the
 * embed's events become DOM events (unrolled-ready, unrolled-step, unrolled-error, with the message as `detail`).
 * No React and no import of the app's code: this file is all a host page loads until the iframe opens.
 */
import type { Command, EmbedEvent } from './messages';

// the protocol's name and version, as in messages.ts (not imported, so that this file stays a single small script;
// test/embed/element.test.ts checks they agree)
const NS = 'unrolled';
const VERSION = 1;

/** The link keys an element passes on as attributes (HTML lower-cases attribute names: `clipAt` is `clipat`). */
export const LINK_ATTRIBUTES: readonly string[] = [
  'task', 'T', 'lag', 'symbols', 'noise', 'comps', 'text', 'csv', 'holdout', 'reverse',
  'cell', 'act', 'hidden', 'rec', 'fgate', 'init', 'iscale', 'rscale', 'fbias',
  'opt', 'lr', 'clip', 'clipAt', 'trunc', 'truncMode', 'batch', 'seed', 'kernels',
  'speed', 'views', 'play', 'log',
  'controls', 'lock', 'caption', 'at',
];
const LESSON_ATTRIBUTES: readonly string[] = ['lesson', 'step', 'controls', 'lock', 'caption', 'at'];
/** The iframe's height (px) until the embed reports its own. */
const DEFAULT_HEIGHT = 480;

/** embed.html next to this script; in development the page at the server's root. */
function embedPage(): URL {
  // a variable, not a literal in new URL(…): the bundler would take a literal for an asset of its own to resolve
  const page = import.meta.env.DEV ? '/embed.html' : 'embed.html';
  return new URL(page, import.meta.url);
}

/** An event from the embed, checked: the fields the element reads are there and of their type. */
function readEvent(data: unknown): EmbedEvent | null {
  if (typeof data !== 'object' || data === null) return null;
  const d = data as Record<string, unknown>;
  if (d.ns !== NS || d.v !== VERSION || typeof d.type !== 'string') return null;
  if (d.type === 'resize') return typeof d.height === 'number' && Number.isFinite(d.height) && d.height >= 0 ? (d as unknown as EmbedEvent) : null;
  return ['ready', 'step', 'error', 'ack'].includes(d.type) ? (d as unknown as EmbedEvent) : null;
}

abstract class UnrolledElement extends HTMLElement {
  protected abstract readonly keys: readonly string[];
  protected abstract label(): string;
  private frame: HTMLIFrameElement | null = null;
  /** commands given before the embed said ready (its listener is not there yet) */
  private waiting: Command[] = [];
  private ready = false;
  private rebuild = false;

  connectedCallback(): void {
    if (!this.frame) {
      const root = this.attachShadow({ mode: 'open' });
      const style = document.createElement('style');
      style.textContent = ':host{display:block}iframe{display:block;width:100%;border:0}';
      this.frame = document.createElement('iframe');
      this.frame.style.height = `${this.initialHeight()}px`;
      root.append(style, this.frame);
    }
    window.addEventListener('message', this.onMessage);
    this.load();
  }

  disconnectedCallback(): void {
    window.removeEventListener('message', this.onMessage);
  }

  attributeChangedCallback(): void {
    // several attributes set in a row make one new link
    if (!this.frame || this.rebuild) return;
    this.rebuild = true;
    queueMicrotask(() => {
      this.rebuild = false;
      this.load();
    });
  }

  play(): void {
    this.command({ type: 'play' });
  }
  pause(): void {
    this.command({ type: 'pause' });
  }
  step(): void {
    this.command({ type: 'step' });
  }
  reset(): void {
    this.command({ type: 'reset' });
  }
  trainTo(step: number): void {
    this.command({ type: 'trainTo', step });
  }

  /** The embed's link: this element's attributes, and this page's origin so that the embed obeys it. */
  protected src(): string {
    const p = new URLSearchParams();
    for (const key of this.keys) {
      const v = this.getAttribute(key);
      if (v !== null) p.set(key, v);
    }
    // a page opened from a file has no origin to allow ("null"): its embed is then shown, but not controlled
    if (window.location.origin !== 'null') p.set('origins', window.location.origin);
    const url = embedPage();
    url.hash = p.toString();
    return url.href;
  }

  private initialHeight(): number {
    const h = Number(this.getAttribute('height'));
    return Number.isFinite(h) && h > 0 ? Math.min(h, 10000) : DEFAULT_HEIGHT;
  }

  private load(): void {
    const frame = this.frame!;
    const src = this.src();
    if (frame.src === src) return;
    frame.title = this.label();
    this.ready = false;
    frame.src = src;
  }

  private command(c: Command): void {
    if (!this.ready || !this.frame?.contentWindow) {
      this.waiting.push(c);
      return;
    }
    this.frame.contentWindow.postMessage({ ns: NS, v: VERSION, ...c }, new URL(this.frame.src).origin);
  }

  private readonly onMessage = (e: MessageEvent): void => {
    // only this element's own frame, from the embed's origin
    if (!this.frame?.contentWindow || e.source !== this.frame.contentWindow || e.origin !== new URL(this.frame.src).origin) return;
    const event = readEvent(e.data);
    if (!event) return;
    if (event.type === 'resize') {
      this.frame.style.height = `${Math.ceil(event.height)}px`;
      return;
    }
    if (event.type === 'ready') {
      this.ready = true;
      this.waiting.splice(0).forEach((c) => this.command(c));
    }
    this.dispatchEvent(new CustomEvent(`unrolled-${event.type}`, { detail: event, bubbles: true, composed: true }));
  };
}

/** `<unrolled-lab task="echo" lag="40" views="flow">`: every lab link key is an attribute. */
export class UnrolledLab extends UnrolledElement {
  static readonly observedAttributes = [...LINK_ATTRIBUTES.map((k) => k.toLowerCase()), 'height'];
  protected readonly keys = LINK_ATTRIBUTES;
  protected label(): string {
    return this.getAttribute('caption') ?? `Unrolled: a recurrent network learning${this.getAttribute('task') ? ` the ${this.getAttribute('task')} task` : ''}`;
  }
}

/** `<unrolled-lesson lesson="vanishing" step="3">`: one lesson step (1-based, as in a link). */
export class UnrolledLesson extends UnrolledElement {
  static readonly observedAttributes = [...LESSON_ATTRIBUTES, 'height'];
  protected readonly keys = LESSON_ATTRIBUTES;
  protected label(): string {
    return `Unrolled lesson ${this.getAttribute('lesson') ?? ''}, step ${this.getAttribute('step') ?? '1'}`;
  }
}

// a page may load the script twice (two widgets pasted with their script tags): define once
if (!customElements.get('unrolled-lab')) customElements.define('unrolled-lab', UnrolledLab);
if (!customElements.get('unrolled-lesson')) customElements.define('unrolled-lesson', UnrolledLesson);

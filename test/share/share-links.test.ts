import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/engine/config';
import type { SessionConfig } from '../../src/engine/config';
import { Rng } from '../../src/engine/rng';
import { offeredControls, scenarioOf, CONTROL_MODES } from '../../src/share/share-choices';
import type { ControlMode } from '../../src/share/share-choices';
import { escapeAttr, shareOutputs } from '../../src/share/share-links';
import type { ShareChoice, ShareTarget } from '../../src/share/share-links';
import { parseRoute } from '../../src/app/route';
import { CONTROL_IDS, DEFAULT_SCENARIO, isLocked, isVisible, parseScenario } from '../../src/state/scenario';
import type { Scenario } from '../../src/state/scenario';
import { DEFAULT_UI, fromHash } from '../../src/state/url';

const BASE = 'https://teach.example.org/rnn/index.html';
const labConfig: SessionConfig = { ...defaultConfig(), task: { kind: 'echo', lag: 40, symbols: 4 }, seed: 7 };
const lab: ShareTarget = { kind: 'lab', config: labConfig, ui: { ...DEFAULT_UI, views: ['curve', 'flow'] } };
const lesson: ShareTarget = { kind: 'lesson', id: 'vanishing', step: 2, title: 'Vanishing gradients' };
const choice = (scenario: Scenario, origins: string[] = []): ShareChoice => ({ scenario, views: ['curve', 'flow'], origins, height: 700 });

const hashOf = (url: string) => url.slice(url.indexOf('#'));
/** An HTML snippet parsed as a browser would, for its first element of `tag`. */
const element = (html: string, tag: string) => new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html').querySelector(tag)!;

/** Random choices as the dialog's table makes them: every offered control hidden, shown or locked; awkward captions. */
function randomChoices(rng: Rng, offered: readonly string[]) {
  const modes: Record<string, ControlMode> = Object.fromEntries(offered.map((id) => [id, CONTROL_MODES[Math.floor(rng.next() * 3)]]));
  if (rng.next() < 0.25) for (const id of offered) modes[id] = 'shown';
  const alphabet = ['a', 'Z', ' ', '"', "'", '<', '>', '&', '=', '#', '%', '+', ',', ';', 'é', '😀', '\\', '?', '/', '\n'];
  const caption = Array.from({ length: Math.floor(rng.next() * 60) }, () => alphabet[Math.floor(rng.next() * alphabet.length)]).join('');
  const at = rng.next() < 0.4 ? '' : String(Math.floor(rng.next() * 3000));
  return { modes, caption, at };
}

describe('the link', () => {
  it('is the app address with the lab hash and the scenario', () => {
    const out = shareOutputs(BASE, lab, choice({ controls: ['lr', 'seed'], lock: ['seed'], caption: 'Look', at: 200 }));
    expect(out.link.startsWith('https://teach.example.org/rnn/#')).toBe(true);
    const { config, ui, notes } = fromHash(hashOf(out.link));
    expect(notes).toEqual([]);
    expect(config).toEqual(labConfig);
    expect(ui.views).toEqual(['curve', 'flow']);
    expect(parseScenario(hashOf(out.link)).scenario).toEqual({ controls: ['lr', 'seed'], lock: ['seed'], caption: 'Look', at: 200 });
  });

  it('of a lesson step is the step link (1-based) with the scenario', () => {
    const out = shareOutputs(BASE, lesson, choice({ ...DEFAULT_SCENARIO, lock: ['playback'] }));
    expect(parseRoute(hashOf(out.link))).toEqual({ page: 'lesson', id: 'vanishing', step: 2 });
    expect(hashOf(out.link)).toContain('step=3');
    expect(parseScenario(hashOf(out.link)).scenario.lock).toEqual(['playback']);
  });

  it('gives back exactly the chosen scenario, over 400 random choices of the lab and of a lesson step', () => {
    const rng = new Rng(11);
    for (let i = 0; i < 400; i++) {
      const target = i % 2 === 0 ? lab : lesson;
      const offered = target.kind === 'lab' ? offeredControls('lab') : offeredControls({ controls: ['lr', 'clip', 'clipAt'] });
      const { modes, caption, at } = randomChoices(rng, offered);
      const scenario = scenarioOf(offered, modes, caption, at);
      const out = shareOutputs(BASE, target, choice(scenario));
      const back = parseScenario(hashOf(out.link));
      expect(back.notes).toEqual([]);
      expect(back.scenario).toEqual(scenario);
      // and it means what the table said, control by control
      for (const id of offered) {
        expect(isVisible(back.scenario, id)).toBe(modes[id] !== 'hidden');
        expect(isLocked(back.scenario, id)).toBe(modes[id] !== 'shown');
      }
      const embed = element(out.iframe, 'iframe').getAttribute('src')!;
      expect(parseScenario(hashOf(embed)).scenario).toEqual(scenario);
    }
  });

  it('with nothing hidden, controls= is left out (all shown, also controls the page gains later)', () => {
    const offered = offeredControls('lab');
    const s = scenarioOf(offered, Object.fromEntries(offered.map((id) => [id, 'shown'])), '', '');
    expect(s).toEqual(DEFAULT_SCENARIO);
    expect(hashOf(shareOutputs(BASE, lab, choice(s)).link)).not.toMatch(/controls=|lock=|caption=|at=/);
  });

  it('a lesson step offers playback, speed and the step’s own settings', () => {
    expect(offeredControls({ controls: ['lr', 'speed', 'seed'] })).toEqual(['lr', 'seed', 'playback', 'speed']);
    expect(offeredControls('lab')).toEqual(CONTROL_IDS);
  });
});

describe('the snippets', () => {
  const caption = `He said "stop" & <img src=x onerror=window.__x=1> isn't <b>bold</b>`;
  const scenario: Scenario = { controls: ['lr', 'playback'], lock: ['playback'], caption, at: 50 };

  it('escapes & < > " and \' in attribute values', () => {
    expect(escapeAttr(`a&b<c>d"e'f`)).toBe('a&amp;b&lt;c&gt;d&quot;e&#39;f');
  });

  it('the iframe: absolute embed.html address with origins=, a title, lazy, fullscreen; the caption survives', () => {
    const out = shareOutputs(BASE, lab, choice(scenario, ['https://course.example.org']));
    const doc = new DOMParser().parseFromString(`<body>${out.iframe}</body>`, 'text/html');
    expect(doc.body.children).toHaveLength(1);
    expect(doc.querySelector('img')).toBeNull();
    const frame = doc.querySelector('iframe')!;
    const src = frame.getAttribute('src')!;
    expect(src).toBe(out.embedUrl);
    expect(src.startsWith('https://teach.example.org/rnn/embed.html#')).toBe(true);
    expect(new URLSearchParams(hashOf(src).slice(1)).get('origins')).toBe('https://course.example.org');
    expect(parseScenario(hashOf(src)).scenario).toEqual(scenario);
    expect(frame.getAttribute('title')).toMatch(/Unrolled/);
    expect(frame.getAttribute('width')).toBe('100%');
    expect(frame.getAttribute('height')).toBe('700');
    expect(frame.getAttribute('loading')).toBe('lazy');
    expect(frame.getAttribute('allow')).toBe('fullscreen');
  });

  it('the web component: the script, then <unrolled-lab> with the link keys as attributes, caption unchanged', () => {
    const out = shareOutputs(BASE, lab, choice(scenario, ['https://course.example.org']));
    const doc = new DOMParser().parseFromString(`<body>${out.component}</body>`, 'text/html');
    expect(doc.querySelector('script')!.getAttribute('src')).toBe('https://teach.example.org/rnn/unrolled-embed.js');
    expect(doc.querySelector('script')!.getAttribute('type')).toBe('module');
    const el = doc.querySelector('unrolled-lab')!;
    expect(doc.querySelector('img')).toBeNull();
    expect(el.getAttribute('caption')).toBe(caption);
    expect(el.getAttribute('task')).toBe('echo');
    expect(el.getAttribute('lag')).toBe('40');
    expect(el.getAttribute('seed')).toBe('7');
    expect(el.getAttribute('views')).toBe('curve,flow');
    expect(el.getAttribute('controls')).toBe('lr,playback');
    expect(el.getAttribute('lock')).toBe('playback');
    expect(el.getAttribute('at')).toBe('50');
    // the host page is the element's own: no allowlist
    expect(el.hasAttribute('origins')).toBe(false);
    // the attributes, read back as a link, give the same run and scenario
    const hash = `#${new URLSearchParams([...el.attributes].map((a) => [a.name === 't' ? 'T' : a.name === 'clipat' ? 'clipAt' : a.name === 'truncmode' ? 'truncMode' : a.name, a.value])).toString()}`;
    expect(fromHash(hash).config).toEqual(labConfig);
    expect(parseScenario(hash).scenario).toEqual(scenario);
  });

  it('the web component of a lesson step is <unrolled-lesson lesson step>', () => {
    const out = shareOutputs(BASE, lesson, choice(scenario));
    const el = element(out.component, 'unrolled-lesson');
    expect(el.getAttribute('lesson')).toBe('vanishing');
    expect(el.getAttribute('step')).toBe('3');
    expect(el.getAttribute('caption')).toBe(caption);
    expect(element(out.iframe, 'iframe').getAttribute('title')).toBe('Unrolled: Vanishing gradients, step 3');
  });
});

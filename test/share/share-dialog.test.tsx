import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultConfig } from '../../src/engine/config';
import { Rng } from '../../src/engine/rng';
import { LessonShareButton, LabShareButton } from '../../src/share/ShareButton';
import { PREVIEW_DELAY_MS } from '../../src/share/SharePreview';
import { LabProvider } from '../../src/state/context';
import { CONTROL_IDS, CONTROL_NAMES, isLocked, isVisible, parseScenario, ScenarioProvider } from '../../src/state/scenario';
import type { Scenario } from '../../src/state/scenario';
import { fromHash } from '../../src/state/url';
import { stubLab } from '../views/render-lab';

const page: Scenario = { controls: null, lock: [], caption: null, at: null };

/** Opens the lab's dialog (its code loads on the first click) and waits for it. */
async function openLabDialog(scenario: Scenario = page) {
  const lab = stubLab({ ...defaultConfig(), seed: 5 }, { views: ['curve', 'output'] });
  lab.store.setState({ step: 321 });
  render(
    <ScenarioProvider value={scenario}>
      <LabProvider lab={lab}>
        <LabShareButton />
      </LabProvider>
    </ScenarioProvider>,
  );
  const button = screen.getByRole('button', { name: 'Share or embed' });
  button.focus();
  fireEvent.click(button);
  const dialog = (await screen.findByRole('dialog')) as HTMLDialogElement;
  return { lab, button, dialog, output: (name: string) => (dialog.querySelector(`[data-output=${name}] textarea`) as HTMLTextAreaElement).value };
}

const hashOf = (url: string) => url.slice(url.indexOf('#'));
/** a row's radio by its row and value (getByRole over the whole table is slow: every name is computed) */
const radio = (dialog: HTMLElement, id: string, m: string) => dialog.querySelector(`tr[data-row="${id}"] input[value="${m}"]`) as HTMLInputElement;
const mode = (dialog: HTMLElement, id: string, m: 'hidden' | 'shown' | 'locked') =>
  fireEvent.click(within(dialog).getByRole('radio', { name: `${CONTROL_NAMES[id as keyof typeof CONTROL_NAMES]}: ${m}`, hidden: true }));

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('Share or embed', () => {
  it('opens a dialog whose link is the run as it is now, with no scenario keys by default', async () => {
    const { dialog, output } = await openLabDialog();
    expect(dialog.open).toBe(true);
    const link = output('link');
    expect(fromHash(hashOf(link)).config.seed).toBe(5);
    expect(link).not.toMatch(/controls=|lock=|caption=|at=/);
    expect(output('iframe')).toMatch(/^<iframe src="http:\/\/localhost(:\d+)?\/embed\.html#/);
    expect(output('component')).toMatch(/<unrolled-lab task="echo"/);
  });

  it('starts from the page’s own scenario', async () => {
    const { dialog } = await openLabDialog({ controls: ['lr', 'seed'], lock: ['seed'], caption: 'Hi', at: 40 });
    const radio = (id: string, m: string) => within(dialog).getByRole('radio', { name: `${CONTROL_NAMES[id as keyof typeof CONTROL_NAMES]}: ${m}`, hidden: true });
    expect(radio('lr', 'shown')).toBeChecked();
    expect(radio('seed', 'locked')).toBeChecked();
    expect(radio('cell', 'hidden')).toBeChecked();
    expect(within(dialog).getByLabelText('Caption')).toHaveValue('Hi');
    expect(within(dialog).getByLabelText('Start at step')).toHaveValue(40);
  });

  it('hides two controls, locks one, captions and starts at the current step: the link says exactly that', async () => {
    const { dialog, output } = await openLabDialog();
    mode(dialog, 'cell', 'hidden');
    mode(dialog, 'hidden', 'hidden');
    mode(dialog, 'lr', 'locked');
    fireEvent.change(within(dialog).getByLabelText('Caption'), { target: { value: 'A "quoted" <caption>' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Use step 321', hidden: true }));
    const { scenario, notes } = parseScenario(hashOf(output('link')));
    expect(notes).toEqual([]);
    expect(scenario).toEqual({ controls: CONTROL_IDS.filter((id) => id !== 'cell' && id !== 'hidden'), lock: ['lr'], caption: 'A "quoted" <caption>', at: 321 });
  });

  it('round-trips 8 random choices made through the table (400 more in share-links.test.ts)', async () => {
    const { dialog, output } = await openLabDialog();
    const rng = new Rng(3);
    const modes = ['hidden', 'shown', 'locked'] as const;
    for (let i = 0; i < 8; i++) {
      const chosen: Record<string, (typeof modes)[number]> = {};
      for (const id of CONTROL_IDS) {
        chosen[id] = modes[Math.floor(rng.next() * 3)];
        fireEvent.click(radio(dialog, id, chosen[id]));
      }
      const { scenario } = parseScenario(hashOf(output('link')));
      for (const id of CONTROL_IDS) {
        expect(radio(dialog, id, chosen[id])).toBeChecked();
        expect(isVisible(scenario, id), id).toBe(chosen[id] !== 'hidden');
        expect(isLocked(scenario, id), id).toBe(chosen[id] !== 'shown');
      }
    }
  });

  it('the views chosen go in the link; the last one cannot be unticked', async () => {
    const { dialog, output } = await openLabDialog();
    fireEvent.click(within(dialog).getByRole('checkbox', { name: /Training curve/, hidden: true }));
    expect(fromHash(hashOf(output('link'))).ui.views).toEqual(['output']);
    expect(within(dialog).getByRole('checkbox', { name: /What the network does/, hidden: true })).toBeDisabled();
    fireEvent.click(within(dialog).getByRole('checkbox', { name: /Inside the gates/, hidden: true }));
    expect(fromHash(hashOf(output('link'))).ui.views).toEqual(['output', 'gates']);
  });

  it('the host origin fills origins= of the iframe only; a bad one is left out and said so', async () => {
    const { dialog, output } = await openLabDialog();
    const field = within(dialog).getByLabelText(/Host page origin/);
    fireEvent.change(field, { target: { value: 'https://course.example.org' } });
    const src = new DOMParser().parseFromString(output('iframe'), 'text/html').querySelector('iframe')!.getAttribute('src')!;
    expect(new URLSearchParams(hashOf(src).slice(1)).get('origins')).toBe('https://course.example.org');
    expect(output('link')).not.toContain('origins=');
    fireEvent.change(field, { target: { value: 'javascript:alert(1)' } });
    expect(output('iframe')).not.toContain('origins=');
    expect(field).toHaveAccessibleDescription(/not an origin/);
  });

  it('Copy writes to the clipboard and says so', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    const { dialog, output } = await openLabDialog();
    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: 'Copy link', hidden: true })));
    expect(writeText).toHaveBeenCalledWith(output('link'));
    expect(dialog.querySelector('[data-output=link] [role=status]')).toHaveTextContent('Copied.');
  });

  it('when the clipboard is refused, the text is selected and the page says to press Ctrl+C', async () => {
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText: () => Promise.reject(new Error('denied')) } });
    const { dialog, output } = await openLabDialog();
    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: 'Copy iframe', hidden: true })));
    const area = dialog.querySelector('[data-output=iframe] textarea') as HTMLTextAreaElement;
    expect(document.activeElement).toBe(area);
    expect(area.selectionStart).toBe(0);
    expect(area.selectionEnd).toBe(output('iframe').length);
    expect(dialog.querySelector('[data-output=iframe] [role=status]')).toHaveTextContent(/selected, press Ctrl\+C/);
  });

  it('Escape and Close close it, and the focus goes back to the button', async () => {
    const { dialog, button } = await openLabDialog();
    fireEvent(dialog, new Event('cancel'));
    expect(dialog.open).toBe(false);
    expect(document.activeElement).toBe(button);
    fireEvent.click(button);
    expect(dialog.open).toBe(true);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Close', hidden: true }));
    expect(dialog.open).toBe(false);
    expect(document.activeElement).toBe(button);
    // closed, it holds no form and no preview
    expect(dialog.querySelector('iframe')).toBeNull();
  });

  it('the preview follows the choices after they settle, and only while open', async () => {
    const { dialog, output } = await openLabDialog();
    vi.useFakeTimers();
    const frame = () => dialog.querySelector('[data-testid=share-preview]') as HTMLIFrameElement;
    const first = frame().getAttribute('src');
    expect(first).toContain('embed.html#');
    fireEvent.change(within(dialog).getByLabelText('Caption'), { target: { value: 'a' } });
    fireEvent.change(within(dialog).getByLabelText('Caption'), { target: { value: 'ab' } });
    act(() => vi.advanceTimersByTime(PREVIEW_DELAY_MS - 100));
    expect(frame().getAttribute('src')).toBe(first);
    act(() => vi.advanceTimersByTime(200));
    const src = frame().getAttribute('src')!;
    expect(parseScenario(hashOf(src)).scenario.caption).toBe('ab');
    expect(src).toBe(new DOMParser().parseFromString(output('iframe'), 'text/html').querySelector('iframe')!.getAttribute('src'));
  });
});

describe('Share or embed on a lesson step', () => {
  it('offers playback, speed and the step’s settings, and links to the step', async () => {
    render(<LessonShareButton lesson="vanishing" title="Vanishing gradients" step={1} controls={['lr', 'seed']} />);
    // nothing of the dialog before it is asked for: its code loads on the first click
    expect(document.querySelector('dialog.share-dialog')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Share or embed' }));
    const dialog = (await screen.findByRole('dialog')) as HTMLDialogElement;
    const rows = [...dialog.querySelectorAll('tr[data-row]')].map((r) => r.getAttribute('data-row'));
    expect(rows).toEqual(['playback', 'speed', 'lr', 'seed']);
    expect(within(dialog).queryByRole('group', { name: 'Views', hidden: true })).toBeNull();
    mode(dialog, 'seed', 'hidden');
    mode(dialog, 'playback', 'locked');
    const link = (dialog.querySelector('[data-output=link] textarea') as HTMLTextAreaElement).value;
    expect(link).toContain('#lesson=vanishing&step=2&');
    expect(parseScenario(hashOf(link)).scenario).toEqual({ controls: ['lr', 'playback', 'speed'], lock: ['playback'], caption: null, at: null });
    expect((dialog.querySelector('[data-output=component] textarea') as HTMLTextAreaElement).value).toContain('<unrolled-lesson lesson="vanishing" step="2"');
  });
});

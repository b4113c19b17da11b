import { useCallback, useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { KeysHelp } from '../app/KeysHelp';
import { useKeyboard } from '../app/useKeyboard';
import { VIEWS } from '../app/views';
import { ViewSlot } from '../app/ViewSlot';
import { lessonById } from '../lessons';
import { LabProvider } from '../state/context';
import { fromHash } from '../state/url';
import { Notices } from '../views/Notices';
import { Panel } from '../views/Panel';
import { StatusBar } from '../views/StatusBar';
import { openChannel, validId } from './channel';
import type { Connection } from './mirror-client';
import { createMirrorLab } from './mirror-lab';
import type { MirrorLab } from './mirror-lab';
import { usePresenterKeys } from './presenter-keys';
import { SpeakerClock } from './SpeakerClock';
import { SpeakerSteps } from './SpeakerSteps';
import { SpeakerTrainTo } from './SpeakerTrainTo';
import './presenter.css';

const CONNECTION_TEXT: Record<Connection, string> = {
  waiting: 'Waiting for the audience window…',
  connected: 'Following the audience window',
  reconnecting: 'Reconnecting…',
};

/**
 * The speaker window (`speaker=<id>` in the link, opened by S or "Speaker view" in the audience window): the step's
 * notes and text, the next step, a clock, and the same controls. It mirrors the audience window's run over the
 * presentation's channel (mirror-lab.ts) — the audience window owns the worker — and its controls act there.
 */
export default function SpeakerWindow({ id }: { id: string }) {
  const [made, setMade] = useState<MirrorLab | 'no-channel' | null>(null);
  const ok = validId(id);
  useEffect(() => {
    document.title = 'Speaker view · Unrolled';
    if (!ok) return;
    const channel = openChannel(id);
    if (!channel) {
      setMade('no-channel'); // eslint-disable-line react-hooks/set-state-in-effect -- what the platform offers is known only here
      return;
    }
    const { config, ui } = fromHash(window.location.hash);
    const lab = createMirrorLab(channel, { config, ui });
    setMade(lab);
    return () => {
      lab.dispose();
      channel.close();
    };
  }, [id, ok]);
  if (!ok || made === 'no-channel') {
    return (
      <main className="course-main speaker-broken">
        <h1>Speaker view</h1>
        <p role="alert">
          {ok ? 'This browser cannot connect two windows of a page (it has no BroadcastChannel), so the speaker view cannot follow the presentation.' : 'This speaker link is not one the presenter mode makes: it cannot name a presentation.'}{' '}
          Open the speaker view from the audience window with <kbd>s</kbd>.
        </p>
        <p>
          <a href="#">The course home</a>
        </p>
      </main>
    );
  }
  if (!made) return null;
  return (
    <LabProvider lab={made}>
      <Speaker lab={made} />
    </LabProvider>
  );
}

function Speaker({ lab }: { lab: MirrorLab }) {
  const { connection, state } = useStore(lab.client.status);
  const lesson = state?.lesson ? lessonById(state.lesson) : null;
  const k = state?.step ?? 0;
  const n = lesson?.steps.length ?? 0;
  const [help, setHelp] = useState(false);
  const toggleHelp = useCallback(() => setHelp((h) => !h), []);
  useKeyboard(toggleHelp, true);
  const goto = (step: number) => {
    if (step >= 0 && step < n) lab.client.control({ type: 'goto', step });
  };
  const blank = (on: boolean) => lab.client.control({ type: 'blackout', on });
  usePresenterKeys(true, {
    next: lesson ? () => goto(k + 1) : () => lab.actions.step(),
    prev: lesson ? () => goto(k - 1) : undefined,
    blackout: () => blank(!(state?.blackout ?? false)),
  });
  const views = VIEWS.filter((v) => v.id === 'curve' || (!lesson && v.id === 'output'));
  return (
    <div className="speaker" data-connection={connection}>
      <header className="app-header speaker-header">
        <p className="site-name">Speaker view</p>
        <p className={`speaker-connection speaker-${connection}`} data-testid="connection" role="status">
          {CONNECTION_TEXT[connection]}
        </p>
        <StatusBar />
        {lesson && (
          <nav className="speaker-steps" aria-label="Lesson steps">
            <button type="button" onClick={() => goto(k - 1)} disabled={k === 0} aria-keyshortcuts="PageUp">
              ← Previous step
            </button>
            <span data-testid="speaker-step">
              {k + 1} / {n}
            </span>
            <button type="button" onClick={() => goto(k + 1)} disabled={k >= n - 1} aria-keyshortcuts="PageDown">
              Next step →
            </button>
          </nav>
        )}
        <button type="button" className="speaker-blank" aria-pressed={state?.blackout ?? false} onClick={() => blank(!(state?.blackout ?? false))} aria-keyshortcuts="b" disabled={!state}>
          {state?.blackout ? 'Show the audience screen' : 'Blank the audience screen'}
        </button>
        <button type="button" className="keys-button" onClick={toggleHelp} aria-keyshortcuts="?">
          Keys
        </button>
      </header>
      <KeysHelp open={help} onClose={() => setHelp(false)} />
      <Notices />
      <div className="speaker-body">
        <main className="speaker-main">
          {lesson ? (
            <SpeakerSteps lesson={lesson} step={k} />
          ) : (
            <section className="speaker-now">
              <h1>{state?.lesson ? `Lesson “${state.lesson}”` : 'The lab'}</h1>
              <p>{state?.lesson ? 'This version has no such lesson: the run and its controls still follow the audience window.' : 'The audience window shows the lab: its run and its controls are here too.'}</p>
            </section>
          )}
        </main>
        <aside className="speaker-side" aria-label="Clock and run">
          <SpeakerClock />
          <SpeakerTrainTo trainTo={(n) => lab.actions.trainTo(n)} />
          {views.map((v) => (
            <Panel key={v.id} id={v.id} title={v.title} wide reserve={v.reserve} live>
              <ViewSlot entry={v} />
            </Panel>
          ))}
        </aside>
      </div>
    </div>
  );
}

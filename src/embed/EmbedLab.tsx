import { useEffect, useMemo } from 'react';
import { VIEWS } from '../app/views';
import { ViewSlot } from '../app/ViewSlot';
import { LabProvider, useLab } from '../state/context';
import { createLab } from '../state/lab';
import { startAt, useLockedLab } from '../state/locked-lab';
import { isVisible, lockPrecheck, ScenarioProvider, SETTING_IDS } from '../state/scenario';
import type { Scenario } from '../state/scenario';
import { fromHash, toHash } from '../state/url';
import { Controls } from '../views/controls/Controls';
import { Notices } from '../views/Notices';
import { Panel } from '../views/Panel';
import { StatusBar } from '../views/StatusBar';
import { ViewPicker } from '../views/ViewPicker';
import { taskQuestion } from '../views/output/task-caption';
import type { EmbedLink } from './embed-link';
import { embedRaf } from './embed-raf';
import type { EmbedTarget, Guest } from './guest';
import { labTarget } from './target';
import { useEmbedKeys } from './use-embed-keys';
import { useEmbedLab } from './use-embed-lab';

/** One lab scenario: the run the link describes, with the views and controls its scenario asks for and nothing else. */
export function EmbedLab({ hash, link, guest, seen, goTo }: { hash: string; link: EmbedLink; guest: Guest; seen: boolean; goTo: EmbedTarget['goTo'] }) {
  const { scenario } = link;
  const lab = useEmbedLab(
    () => {
      const { config, ui, notes } = fromHash(hash);
      const notices = [...notes, ...link.notes].map((text, i) => ({ id: -1 - i, kind: 'warning' as const, text }));
      // the raw lab refuses a change to a locked setting too, whoever asks (the reader's lab below refuses it first)
      const made = createLab({ config, ui, notices, precheck: lockPrecheck(scenario, config), raf: embedRaf });
      startAt(made, scenario.at);
      return made;
    },
    'lab',
    seen,
  );
  const reader = useLockedLab(lab, scenario);
  useEffect(() => {
    if (!lab) return;
    guest.attach(labTarget(lab, scenario, goTo));
    return () => guest.detach();
  }, [lab, guest, scenario, goTo]);
  useEmbedKeys(reader?.actions ?? null, guest);
  if (!reader) return <EmbedWaiting title="Unrolled: a recurrent network, live" />;
  return (
    <LabProvider lab={reader}>
      <ScenarioProvider value={scenario}>
        <LabBody scenario={scenario} />
      </ScenarioProvider>
    </LabProvider>
  );
}

function LabBody({ scenario }: { scenario: Scenario }) {
  const config = useLab((s) => s.config);
  const ui = useLab((s) => s.ui);
  const settings = SETTING_IDS.some((id) => isVisible(scenario, id));
  // the full lab, on the run as it is now: every setting, no scenario
  const open = useMemo(() => `./${toHash(config, ui)}`, [config, ui]);
  const shown = VIEWS.filter((v) => ui.views.includes(v.id));
  return (
    <>
      <header className="embed-header">
        <h1 className="embed-title">
          {taskQuestion(config.task)} <span className="embed-cell">· {config.model.cell.toUpperCase()}</span>
        </h1>
        <a className="embed-open" href={open} target="_blank" rel="noopener">
          Open in Unrolled<span className="visually-hidden"> (new tab)</span>
        </a>
      </header>
      <main className="embed-main">
        {scenario.caption && <p className="embed-caption">{scenario.caption}</p>}
        <StatusBar />
        <Notices />
        {settings && (
          <details className="embed-settings">
            <summary>Settings</summary>
            <Controls />
          </details>
        )}
        <div className="embed-views">
          <ViewPicker />
          {shown.map((v) => (
            <Panel key={v.id} id={v.id} title={v.title} wide={v.wide} live={v.id === 'compare'} reserve={v.reserve}>
              <ViewSlot entry={v} />
            </Panel>
          ))}
        </div>
      </main>
    </>
  );
}

/** Before the embed is first on screen: no worker yet, only what will be here. */
export function EmbedWaiting({ title }: { title: string }) {
  return (
    <div className="embed-waiting">
      <h1 className="embed-title">{title}</h1>
      <p className="view-empty">The network starts training when this is on screen.</p>
    </div>
  );
}

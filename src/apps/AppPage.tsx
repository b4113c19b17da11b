import { useMemo } from 'react';
import { VIEWS } from '../app/views';
import { ViewSlot } from '../app/ViewSlot';
import { SiteHeader } from '../course/SiteHeader';
import { LabProvider } from '../state/context';
import { createLab } from '../state/lab';
import { useLockedLab } from '../state/locked-lab';
import { lockPrecheck, parseScenario, ScenarioProvider } from '../state/scenario';
import { fromHash } from '../state/url';
import { useOwnedLab } from '../state/use-owned-lab';
import { Controls } from '../views/controls/Controls';
import { Notices } from '../views/Notices';
import { Panel } from '../views/Panel';
import { StatusBar } from '../views/StatusBar';
import { CostPanel } from './CostPanel';
import { GuessGame } from './GuessGame';
import { MetricReadout } from './MetricReadout';
import { APPS, appHash, findApp, labHash, scenarioHash } from './registry';
import type { AppEntry } from './registry';
import { useBenchmark } from './use-benchmark';
import './apps.css';

/** #app=<id>: one application, its story beside a lab that learns it live (an unknown id says so and lists the others). */
export default function AppPage({ id }: { id: string }) {
  const app = findApp(id);
  if (!app) return <UnknownApp id={id} />;
  return <LiveApp key={app.id} app={app} />;
}

/**
 * The application's lab: the registry's run with its scenario — the controls it names in reach, every other setting
 * hidden and so locked (state/scenario.ts), checked by the lab itself too (lockPrecheck) — showing its views, its
 * score, and what its LSTM costs.
 */
function LiveApp({ app }: { app: AppEntry }) {
  const { scenario } = useMemo(() => parseScenario(scenarioHash(app)), [app]);
  const lab = useOwnedLab(() => {
    const { config, ui, notes } = fromHash(`#${app.scenario}`);
    return createLab({ config, ui: { ...ui, views: app.views }, notices: notes.map((text, i) => ({ id: -1 - i, kind: 'warning' as const, text })), precheck: lockPrecheck(scenario, config) });
  }, `app-${app.id}`);
  const shown = useLockedLab(lab, scenario);
  const bench = useBenchmark(lab);
  const views = app.views.map((v) => VIEWS.find((e) => e.id === v)).filter((e) => e !== undefined);
  return (
    <ScenarioProvider value={scenario}>
      <div className="course app-page" data-app={app.id}>
        <SiteHeader current="apps">{shown && <LabProvider lab={shown}><StatusBar /></LabProvider>}</SiteHeader>
        <main className="app-main">
          <article className="app-story" aria-labelledby="app-title">
            <p className="lesson-where">
              <a href="#apps">What RNNs are for</a>
            </p>
            <h1 id="app-title">{app.title}</h1>
            {app.story.map((p) => (
              <p key={p}>{p}</p>
            ))}
            <p className="lesson-lab-link">
              <a href={labHash(app)}>Open this run in the lab</a> — every setting, and the views inside the decoder.
            </p>
          </article>
          {shown ? (
            <LabProvider lab={shown}>
              <section className="app-live" aria-label="The network, live">
                <MetricReadout words={app.scoreWords} />
                <Notices />
                <Controls />
                <div className="app-views">
                  {views.map((v) => (
                    <Panel key={v.id} id={v.id} title={v.title} wide reserve={v.reserve}>
                      <ViewSlot entry={v} />
                    </Panel>
                  ))}
                  {app.game && (
                    <section className="panel panel-wide" aria-labelledby="app-game-title" data-view="game">
                      <h2 id="app-game-title">Human or network?</h2>
                      <GuessGame />
                    </section>
                  )}
                  <section className="panel panel-wide" aria-labelledby="app-cost-title" data-view="cost">
                    <h2 id="app-cost-title">What the LSTM costs</h2>
                    <CostPanel bench={bench} />
                  </section>
                </div>
              </section>
            </LabProvider>
          ) : (
            <p className="view-empty">Starting the network…</p>
          )}
        </main>
      </div>
    </ScenarioProvider>
  );
}

function UnknownApp({ id }: { id: string }) {
  return (
    <div className="course">
      <SiteHeader current="apps" />
      <main className="course-main">
        <h1>No application called “{id}”</h1>
        <p>These are the ones there are:</p>
        <ul>
          {APPS.map((a) => (
            <li key={a.id}>
              <a href={appHash(a.id)}>{a.title}</a>
            </li>
          ))}
        </ul>
      </main>
    </div>
  );
}

import { lessonHash } from '../app/route';
import { CATALOG } from '../lessons/catalog';
import { loadProgress } from '../lessons/progress';
import { LabProvider } from '../state/context';
import { createLab } from '../state/lab';
import { fromHash } from '../state/url';
import { useOwnedLab } from '../state/use-owned-lab';
import { TrainingCurve } from '../views/curve/TrainingCurve';
import { LessonList } from './LessonList';
import { SiteHeader } from './SiteHeader';

/** The small network the home page trains while the student reads: an LSTM learning to recall a symbol across 5 steps. */
const HOME_RUN = '#task=echo&lag=5&symbols=4&cell=lstm&hidden=8&batch=8&speed=20';

/** The course home: what Unrolled is in one sentence, a network training live, the lessons with progress, the lab. */
export function Home() {
  const lab = useOwnedLab(() => {
    const { config, ui } = fromHash(HOME_RUN);
    return createLab({ config, ui: { ...ui, views: ['curve'] } });
  }, 'home');
  const progress = loadProgress();
  const last = progress.last && CATALOG.some((c) => c.id === progress.last!.lesson) ? progress.last : null;
  return (
    <div className="course">
      <SiteHeader current="home" />
      <main className="course-main home">
        <h1>Watch a recurrent network learn</h1>
        <p className="lede">Unrolled is a course and a lab in your browser: a real recurrent network trains as you read, and every number on the screen is its own.</p>
        <div className="home-actions">
          {last ? (
            <a className="button primary" href={lessonHash(last.lesson, last.step)}>
              Continue where you left off: {CATALOG.find((c) => c.id === last.lesson)!.title}, step {last.step + 1}
            </a>
          ) : (
            <a className="button primary" href={lessonHash(CATALOG[0].id, 0)}>
              Start the course
            </a>
          )}
          <a className="button" href="#lab">
            Open the lab
          </a>
          <a className="button" href="#apps">
            What RNNs are for
          </a>
        </div>
        <section className="home-live" aria-labelledby="home-live-title">
          <h2 id="home-live-title">Right now, in this tab: an LSTM learning to recall a symbol 5 steps later</h2>
          <div className="home-curve">{lab ? <LabProvider lab={lab}><TrainingCurve /></LabProvider> : <p className="view-empty">Starting…</p>}</div>
        </section>
        <section aria-labelledby="home-lessons-title">
          <h2 id="home-lessons-title">The lessons</h2>
          <LessonList progress={progress} />
        </section>
      </main>
    </div>
  );
}

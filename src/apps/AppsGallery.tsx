import { SiteHeader } from '../course/SiteHeader';
import { APPS, appHash } from './registry';
import './apps.css';

/** #apps, "What RNNs are for": every application of the registry, each a page where a real network learns it. */
export function AppsGallery() {
  return (
    <div className="course">
      <SiteHeader current="apps" />
      <main className="course-main apps">
        <h1>What RNNs are for</h1>
        <p className="lede">
          The lessons take recurrent networks apart on small puzzles. Here they do jobs: each page trains a real network in your browser, tests it on examples it never saw, and says what its LSTM costs.
        </p>
        <ul className="app-list">
          {APPS.map((app) => (
            <li key={app.id} className="app-card" data-app={app.id}>
              <h2>
                <a href={appHash(app.id)}>{app.title}</a>
              </h2>
              <p>{app.summary}</p>
            </li>
          ))}
        </ul>
      </main>
    </div>
  );
}

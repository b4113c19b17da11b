import { loadProgress } from '../lessons/progress';
import { LessonList } from './LessonList';
import { SiteHeader } from './SiteHeader';

/** #lessons: every lesson in order, with what the student has done of each. */
export function LessonIndex() {
  return (
    <div className="course">
      <SiteHeader current="lessons" />
      <main className="course-main">
        <h1>Lessons</h1>
        <p>From why a network needs memory to the gates of the LSTM and GRU. Each lesson trains a real network beside its text.</p>
        <LessonList progress={loadProgress()} />
      </main>
    </div>
  );
}

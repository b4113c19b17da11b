import { useEffect, useState } from 'react';
import { CLOCK_ZERO, elapsed, formatElapsed, pauseClock, startClock } from './clock';

/** The speaker's clock: elapsed time since Start, with Pause and Reset. It starts running as the window opens. */
export function SpeakerClock() {
  const [clock, setClock] = useState(() => startClock(CLOCK_ZERO, Date.now()));
  const [now, setNow] = useState(() => Date.now());
  const running = clock.since !== null;
  useEffect(() => {
    if (!running) return;
    const t = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(t);
  }, [running]);
  return (
    <section className="speaker-clock" aria-label="Elapsed time">
      <p className="speaker-clock-time" data-testid="clock" data-running={running}>
        {formatElapsed(elapsed(clock, now))}
      </p>
      <div className="speaker-clock-buttons">
        {running ? (
          <button type="button" onClick={() => setClock((c) => pauseClock(c, Date.now()))}>
            Pause clock
          </button>
        ) : (
          <button type="button" onClick={() => setClock((c) => startClock(c, Date.now()))}>
            Start clock
          </button>
        )}
        <button
          type="button"
          onClick={() => {
            setClock((c) => (c.since === null ? CLOCK_ZERO : startClock(CLOCK_ZERO, Date.now())));
            setNow(Date.now());
          }}
        >
          Reset clock
        </button>
      </div>
    </section>
  );
}

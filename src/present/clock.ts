/**
 * The speaker's elapsed-time clock: display only (it starts, pauses and resets nothing but itself). Its state is the
 * time banked while it ran before, and when it last started (null while paused), so reading it needs only `now`.
 */
export interface Clock {
  /** milliseconds counted before the current start */
  banked: number;
  /** when it was last started (ms), or null while paused */
  since: number | null;
}

export const CLOCK_ZERO: Clock = { banked: 0, since: null };

export const startClock = (c: Clock, now: number): Clock => (c.since === null ? { banked: c.banked, since: now } : c);
export const pauseClock = (c: Clock, now: number): Clock => (c.since === null ? c : { banked: elapsed(c, now), since: null });

/** Milliseconds counted so far (a clock set back by the system does not run backwards). */
export function elapsed(c: Clock, now: number): number {
  return c.banked + (c.since === null ? 0 : Math.max(0, now - c.since));
}

/** "4:07", "1:02:03": whole seconds, hours only once there are some. */
export function formatElapsed(ms: number): string {
  const s = Math.floor(Math.max(0, ms) / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}

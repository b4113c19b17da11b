/**
 * The lesson linter: every lesson is checked as content before it reaches a student — a scenario the lab would
 * change (no silent clamping), an unknown view or control, an interaction that reads a quantity the stream does
 * not carry, a missing alt text or speaker note, a quiz without an explanation for every choice, a claim whose
 * sentence is not in the lesson, an error-surface request the view would not send as written, a step whose text
 * says what a surface claim tested while the step shows another surface: each fails the build.
 */
import { describe, expect, it } from 'vitest';
import { findApp } from '../../src/apps/registry';
import { normalizeConfig } from '../../src/engine/config';
import { LESSONS } from '../../src/lessons';
import { lessonSurfaceRequest } from '../../src/lessons/surface-request';
import { CATALOG } from '../../src/lessons/catalog';
import { QUANTITIES } from '../../src/lessons/quantities';
import { CONTROL_IDS } from '../../src/lessons/types';
import type { Lesson } from '../../src/lessons/types';
import { VIEW_IDS } from '../../src/state/store';
import { fromHash } from '../../src/state/url';
import { DEFAULT_SURFACE_REQUEST } from '../../src/views/surface/surface-summary';
import type { SurfaceRequest } from '../../src/worker/protocol';
import { parseSurfaceRequest, sameSurfaceRequest } from '../../src/worker/surface-request';

/** Every sentence of a lesson a student reads: step texts, interactions' words, quiz explanations. */
function prose(l: Lesson): string {
  return l.steps
    .flatMap((s) => [...s.text, s.interaction?.kind === 'predict' ? `${s.interaction.question} ${s.interaction.explain}` : s.interaction ? `${s.interaction.goal} ${s.interaction.why}` : ''])
    .concat(l.quiz.flatMap((q) => [q.question, ...q.choices.flatMap((c) => [c.text, c.why])]))
    .join('\n');
}

/** What is wrong with a step's or claim's `surface`: a field the request has not, or a value the worker would refuse or clamp. */
function surfaceProblems(patch: Partial<SurfaceRequest>): string[] {
  const unknown = Object.keys(patch).filter((k) => !(k in DEFAULT_SURFACE_REQUEST));
  if (unknown.length > 0) return unknown.map((k) => `no surface request field "${k}"`);
  const req = lessonSurfaceRequest(patch);
  const parsed = parseSurfaceRequest(req);
  if (parsed === null) return [`the worker refuses the surface request ${JSON.stringify(patch)}`];
  return sameSurfaceRequest(parsed, req) ? [] : [`the worker would change the surface request ${JSON.stringify(patch)} to ${JSON.stringify(parsed)}`];
}

/** What is wrong with a scenario link: what the lab's link reading or the engine's normalization would change. */
function scenarioProblems(scenario: string): string[] {
  const { config, notes } = fromHash(`#${scenario}`);
  return [...notes, ...normalizeConfig(config).notes, ...(/(^|&)views=/.test(scenario) ? ['views belong in the step, not in its scenario'] : [])];
}

describe('the lesson linter', () => {
  it('the catalog lists exactly the lessons, in course order, with their titles and summaries', () => {
    expect(CATALOG.map((c) => [c.id, c.title, c.summary])).toEqual(LESSONS.map((l) => [l.id, l.title, l.summary]));
    // every lesson file is in the catalog, and every catalog entry has its file
    expect(LESSONS.map((l) => l.id).sort()).toEqual(CATALOG.map((c) => c.id).sort());
    expect(new Set(LESSONS.map((l) => l.id)).size).toBe(LESSONS.length);
    for (const l of LESSONS) expect(l.id).toMatch(/^[a-z][a-z-]{1,20}$/);
  });

  for (const l of LESSONS) {
    describe(`lesson "${l.id}"`, () => {
      it('has 3–8 steps, each with a scenario the lab runs as written, known views and controls, alt text and speaker notes', () => {
        expect(l.steps.length).toBeGreaterThanOrEqual(3);
        expect(l.steps.length).toBeLessThanOrEqual(8);
        l.steps.forEach((s, i) => {
          const where = `step ${i + 1} "${s.title}"`;
          expect(scenarioProblems(s.scenario), where).toEqual([]);
          expect(s.views.length, where).toBeGreaterThan(0);
          for (const v of s.views) expect(VIEW_IDS, `${where}: view ${v}`).toContain(v);
          for (const c of s.controls ?? []) expect(CONTROL_IDS, `${where}: control ${c}`).toContain(c);
          expect(s.alt.trim().length, `${where}: alt text`).toBeGreaterThan(20);
          expect(s.notes.trim().length, `${where}: speaker notes`).toBeGreaterThan(20);
          expect(s.text.length, where).toBeGreaterThan(0);
          // a step that sets the error surface shows it, with a request the worker computes as written
          if (s.surface !== undefined) {
            expect(s.views, `${where}: sets the error surface`).toContain('surface');
            expect(surfaceProblems(s.surface), where).toEqual([]);
          }
          // a step about an application links to its page: the page must exist
          if (s.app !== undefined) expect(findApp(s.app), `${where}: application page ${s.app}`).toBeDefined();
          // short sentences: one idea per step
          for (const p of s.text) for (const sentence of p.split(/(?<=[.!?])\s+/)) expect(sentence.length, `${where}: ${sentence}`).toBeLessThanOrEqual(220);
        });
      });

      it('asks only about quantities the stream carries, and a prediction has exactly one right answer', () => {
        for (const s of l.steps) {
          const it = s.interaction;
          if (!it) continue;
          const q = it.kind === 'predict' ? it.quantity : it.holds.quantity;
          expect(Object.keys(QUANTITIES), s.title).toContain(q);
          if (it.kind === 'predict') {
            expect(it.choices.length).toBeGreaterThanOrEqual(2);
            const ranges = [...it.choices].map((c) => c.range).sort((a, b) => a[0] - b[0]);
            // the ranges do not overlap: whatever is measured falls in one answer at most
            for (let k = 1; k < ranges.length; k++) expect(ranges[k][0], s.title).toBeGreaterThanOrEqual(ranges[k - 1][1]);
            expect(it.explain.length).toBeGreaterThan(40);
            expect(Number.isInteger(it.after) && it.after >= 0).toBe(true);
            // a prediction must come before the run: the step starts paused
            expect(fromHash(`#${s.scenario}`).ui.autoplay, `${s.title}: a Predict step starts paused (play=0)`).toBe(false);
          } else if ((s.controls ?? []).length > 0 || it.solve) {
            // a goal reached with the step's controls says how (the browser bench checks it is reached, and how soon)
            expect(it.solve, `${s.title}: a Try with controls gives one solve`).toBeDefined();
            for (const key of Object.keys(it.solve!)) expect([...(s.controls ?? []), 'play'], `${s.title}: solve sets ${key}`).toContain(key);
          }
        }
      });

      it('ends with a quick check of 3–5 questions, an explanation for every choice, at least one right answer each', () => {
        expect(l.quiz.length).toBeGreaterThanOrEqual(3);
        expect(l.quiz.length).toBeLessThanOrEqual(5);
        for (const q of l.quiz) {
          expect(q.choices.filter((c) => c.correct).length, q.question).toBeGreaterThanOrEqual(1);
          for (const c of q.choices) expect(c.why.length, `${q.question} / ${c.text}`).toBeGreaterThan(15);
        }
      });

      it('backs its claims with sentences it says, on scenarios the lab runs as written', () => {
        expect(l.claims.length).toBeGreaterThan(0);
        const text = prose(l);
        for (const c of l.claims) {
          expect(text, `the claim "${c.says}" quotes the lesson`).toContain(c.says);
          expect(scenarioProblems(c.scenario), c.says).toEqual([]);
          expect(c.seeds.length).toBeGreaterThan(0);
          if (c.surface) expect(surfaceProblems(c.surface), c.says).toEqual([]);
        }
      });

      it('shows the error surface its text speaks of: a surface claim quoted in a step’s text was tested on the request the step sets', () => {
        for (const c of l.claims) {
          if (!c.surface) continue;
          const tested = lessonSurfaceRequest(c.surface);
          const steps = l.steps.filter((s) => prose({ ...l, steps: [s], quiz: [] }).includes(c.says));
          for (const s of steps) expect(s.views, `${s.title}: "${c.says}" is about the error surface`).toContain('surface');
          // the text is read beside the map as the step opens it; an interaction's words come after the student has
          // changed the map (a click, a button, a threshold typed in), so only the text is held to the step's request
          for (const s of steps.filter((x) => x.text.join('\n').includes(c.says))) {
            const shown = lessonSurfaceRequest(s.surface);
            // the seed moves only the searches: the step's is one the claim was tested at, the rest is the same request
            expect(c.seeds, `${s.title}: "${c.says}" was tested at the step's seed`).toContain(shown.seed);
            expect(sameSurfaceRequest({ ...tested, seed: shown.seed }, shown), `${s.title}: "${c.says}" tested ${JSON.stringify(c.surface)}, the step shows ${JSON.stringify(s.surface ?? {})}`).toBe(true);
          }
        }
      });
    });
  }
});

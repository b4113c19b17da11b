import type { SessionConfig } from '../engine/config';
import { scenarioParams } from '../state/scenario';
import type { Scenario } from '../state/scenario';
import type { UiSettings, ViewId } from '../state/store';
import { toHash } from '../state/url';

/** What is being shared: the lab as it is now, or one step of a lesson (step 0-based; links say it 1-based). */
export type ShareTarget = { kind: 'lab'; config: SessionConfig; ui: UiSettings } | { kind: 'lesson'; id: string; step: number; title: string };

/** What the dialog chose. */
export interface ShareChoice {
  scenario: Scenario;
  /** the lab's views (a lesson step shows its own) */
  views: ViewId[];
  /** host pages whose commands the embed obeys (origins=), already checked */
  origins: string[];
  /** the iframe's height in CSS pixels */
  height: number;
}

/** The three outputs and the preview's address. */
export interface ShareOutputs {
  link: string;
  embedUrl: string;
  iframe: string;
  component: string;
}

/**
 * Text for an HTML attribute value in double quotes: & < > " ' as character references, so a caption with quotes
 * or markup stays one attribute's text and the browser gives back exactly the string.
 */
export function escapeAttr(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** The keys of what is shared, then the scenario's: `task=echo&lag=40…&controls=…` or `lesson=…&step=2&controls=…`. */
export function shareParams(target: ShareTarget, choice: ShareChoice): URLSearchParams {
  const p =
    target.kind === 'lab'
      ? new URLSearchParams(toHash(target.config, { ...target.ui, views: choice.views.length > 0 ? choice.views : target.ui.views }).slice(1))
      : new URLSearchParams({ lesson: target.id, step: String(target.step + 1) });
  for (const [k, v] of scenarioParams(choice.scenario)) p.set(k, v);
  return p;
}

/** The embed's title for screen readers (an iframe must have one). */
export function shareTitle(target: ShareTarget): string {
  if (target.kind === 'lesson') return `Unrolled: ${target.title}, step ${target.step + 1}`;
  return `Unrolled: a ${target.config.model.cell.toUpperCase()} learning the ${target.config.task.kind} task`;
}

/**
 * The link, the embed address, the iframe snippet and the web-component snippet, all absolute: `base` is the page's
 * document.baseURI (the site may live in a sub-folder, and a snippet is pasted into another site).
 */
export function shareOutputs(base: string, target: ShareTarget, choice: ShareChoice): ShareOutputs {
  const params = shareParams(target, choice);
  const hash = params.toString();
  const link = `${new URL('./', base).href}#${hash}`;
  const embedParams = new URLSearchParams(params);
  if (choice.origins.length > 0) embedParams.set('origins', choice.origins.join(','));
  const embedUrl = `${new URL('embed.html', base).href}#${embedParams.toString()}`;
  const height = Math.round(Math.min(4000, Math.max(200, choice.height)));
  const iframe = `<iframe src="${escapeAttr(embedUrl)}" title="${escapeAttr(shareTitle(target))}" width="100%" height="${height}" loading="lazy" allow="fullscreen"></iframe>`;
  // the element's attributes are the link's keys (the host page is the element's own page: no origins)
  const tag = target.kind === 'lab' ? 'unrolled-lab' : 'unrolled-lesson';
  const attrs = [...params].map(([k, v]) => `${k}="${escapeAttr(v)}"`).join(' ');
  const script = new URL('unrolled-embed.js', base).href;
  const component = `<script type="module" src="${escapeAttr(script)}"></script>\n<${tag} ${attrs}></${tag}>`;
  return { link, embedUrl, iframe, component };
}

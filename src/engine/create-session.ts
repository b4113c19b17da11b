import { normalizeConfig } from './config';
import { Seq2SeqSession } from './seq2seq-session';
import { Session } from './session';
import { isExampleTask } from './tasks/task';

/** A run of any task: `family` says which ('sequence': a Network on sequences; 'example': an encoder–decoder or a captioner). */
export type AnySession = Session | Seq2SeqSession;

/**
 * The session that trains the config's task: a Seq2SeqSession for translate and caption, a Session for the rest.
 * `raw` is normalized by the session itself (its `notes` say what changed); throws EngineError on task data it
 * cannot build.
 */
export function createSession(raw: unknown): AnySession {
  const { config } = normalizeConfig(raw);
  return isExampleTask(config.task) ? new Seq2SeqSession(raw) : new Session(raw);
}

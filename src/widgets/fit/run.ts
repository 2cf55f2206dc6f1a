/**
 * How the fitting figure trains: Train sets a goal RUN_STEPS past the current step and raises the
 * model's `steps` a CHUNK at a time, each time the worker has answered for the last; the worker
 * trains on from where it was (src/live/models/fit.ts). Pure, so that the tests drive it without
 * a page.
 */
import { MAX_FIT_STEPS } from '../../live/models/fit.ts';

/** Steps one press of Train adds. */
export const RUN_STEPS = 5000;
/** Steps per request to the worker: small enough to watch the fit change, large enough to be cheap. */
export const CHUNK = 100;
/**
 * The pause between a chunk's drawing and the next request: a run of RUN_STEPS takes a few
 * seconds, slow enough to watch (and to pause), and the main thread is idle most of the time.
 */
export const PACE_MS = 40;

/** The goal a press of Train sets from `step`: RUN_STEPS further, within the model's range. */
export const goalFrom = (step: number): number => Math.min(MAX_FIT_STEPS, step + RUN_STEPS);

/** The next `steps` to ask for on the way from `step` to `goal`, or undefined when there. */
export function nextStep(step: number, goal: number): number | undefined {
  if (step >= goal) return undefined;
  return Math.min(goal, (Math.floor(step / CHUNK) + 1) * CHUNK);
}

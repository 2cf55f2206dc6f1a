/**
 * `<live-exercise>`: the behaviour of a server-rendered exercise (src/components/live/Exercise.astro).
 *
 *   Enter / Check ──▶ check the answer (exercise-answers.ts: a number against the engine's value
 *        │            now, or the chosen option) ──▶ status message (announced)
 *        │                                   └─ a verdict ──▶ progress saved in localStorage
 *   an edit elsewhere on the page changes the answer ──▶ "check again" (if a verdict is showing)
 *   load ──▶ saved progress restored: solved mark, last answer
 *
 * Progress is kept per page and exercise id (see storageKey). Storage may be missing (private
 * modes, blocked cookies) or hold anything: the exercise then works without saving.
 */
import {
  NO_PROGRESS,
  pagePath,
  readProgress,
  recordAttempt,
  serializeProgress,
  storageKey,
  type Progress,
} from '../exercise.ts';
import { pageWords } from '../../i18n/index.ts';
import type { ExerciseWords } from '../exercise-words.ts';

/** The words of the page's language (read when used: a page has one language). */
const words = (): ExerciseWords => pageWords().exercise;
import { choicePart, numberPart, type AnswerPart } from './exercise-answers.ts';
import { LiveElement, defineLive } from './element.ts';
import type { PageStore } from './page.ts';

/** localStorage if the browser lets this page use it, else undefined. */
function browserStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined; // a SecurityError when storage is blocked
  }
}

function load(storage: Storage | undefined, key: string): Progress {
  try {
    return readProgress(storage?.getItem(key));
  } catch {
    return NO_PROGRESS;
  }
}

function save(storage: Storage | undefined, key: string, progress: Progress | undefined): void {
  try {
    if (progress) storage?.setItem(key, serializeProgress(progress));
    else storage?.removeItem(key);
  } catch {
    // Full or blocked: the exercise still works, it only forgets on reload.
  }
}

type Verdict = 'correct' | 'wrong' | 'invalid' | 'note';

export interface ExerciseOptions {
  /** Where progress is kept. Default: localStorage, when available. */
  storage?: () => Storage | undefined;
  /** The site's base path, removed from the page path in storage keys. */
  base?: string;
}

export function defineLiveExercise(store: PageStore, options: ExerciseOptions = {}): void {
  if (customElements.get('live-exercise')) return;
  const storage = (options.storage ?? browserStorage)();
  const base = options.base ?? import.meta.env.BASE_URL;

  defineLive(
    'live-exercise',
    class LiveExercise extends LiveElement {
      #part: AnswerPart | undefined;
      #status: HTMLElement | undefined;
      #solvedMark: HTMLElement | undefined;
      #reset: HTMLButtonElement | undefined;
      #key = '';
      #progress: Progress = NO_PROGRESS;
      /** Stops watching the answer; set while a verdict is showing. */
      #stopWatching: (() => void) | undefined;

      protected override setup(): void {
        const form = this.querySelector<HTMLFormElement>('form[data-exercise-form]');
        const check = this.querySelector<HTMLButtonElement>('[data-action="exercise.check"]');
        const status = this.querySelector<HTMLElement>('.exercise__status[role="status"]');
        const id = this.dataset['exercise'] ?? '';
        const options = this.listening;
        const part =
          this.dataset['kind'] === 'choice'
            ? choicePart(this)
            : numberPart(this, this.store, options);
        if (!form || !check || !status || !part || id === '') {
          console.error(
            '<live-exercise> without its form, id, options or a valid data-answer:',
            this,
          );
          return;
        }
        [this.#part, this.#status] = [part, status];
        this.#solvedMark = this.querySelector<HTMLElement>('.exercise__solved') ?? undefined;
        this.#reset =
          this.querySelector<HTMLButtonElement>('[data-action="exercise.reset"]') ?? undefined;
        this.#key = storageKey(pagePath(location.pathname, base), id);

        form.addEventListener(
          'submit',
          (event) => {
            event.preventDefault();
            this.#check();
          },
          options,
        );
        this.#reset?.addEventListener('click', () => this.#startOver(), options);

        this.#restore();
        check.disabled = false;
      }

      protected override teardown(): void {
        this.#unwatch();
      }

      #say(text: string, verdict: Verdict | undefined, detail?: HTMLElement): void {
        const status = this.#status;
        if (!status) return;
        status.replaceChildren(text, ...(detail ? [detail] : []));
        if (verdict) status.dataset['verdict'] = verdict;
        else delete status.dataset['verdict'];
      }

      #render(): void {
        const { solved, attempts } = this.#progress;
        this.toggleAttribute('data-solved', solved);
        if (this.#solvedMark) this.#solvedMark.hidden = !solved;
        if (this.#reset) this.#reset.hidden = attempts === 0;
      }

      #restore(): void {
        this.#progress = load(storage, this.#key);
        this.#render();
        const { solved, attempts } = this.#progress;
        const last = this.#part?.restore(this.#progress) ?? '';
        const then = last === '' ? '' : ` ${last}`;
        if (solved) this.#say(`${words().solvedEarlier}${then}`, 'note');
        else if (attempts > 0) this.#say(`${words().triedBefore(attempts)}${then}`, 'note');
      }

      #unwatch(): void {
        this.#stopWatching?.();
        this.#stopWatching = undefined;
      }

      #check(): void {
        const part = this.#part;
        if (!part) return;
        this.#unwatch();
        const outcome = part.check();
        if (outcome.kind === 'correct' || outcome.kind === 'wrong') {
          this.#progress = recordAttempt(
            this.#progress,
            outcome.answer,
            outcome.kind === 'correct',
          );
          save(storage, this.#key, this.#progress);
          this.#render();
          // The attempt number makes a repeated wrong answer visibly (and audibly) a new check.
          const text =
            outcome.kind === 'wrong'
              ? `${outcome.message} ${words().attempt(this.#progress.attempts)}`
              : outcome.message;
          this.#say(text, outcome.kind, outcome.detail);
          this.#stopWatching = part.watch(() => this.#say(words().changed, 'note'));
        } else {
          this.#say(outcome.message, outcome.kind);
          if ('retry' in outcome && outcome.retry) {
            this.#stopWatching = outcome.retry(() => this.#check());
          }
        }
      }

      #startOver(): void {
        this.#progress = NO_PROGRESS;
        this.#unwatch();
        save(storage, this.#key, undefined);
        this.#render();
        this.#part?.clear();
        // The button just hid itself: keep the focus in the exercise.
        this.#part?.focus();
        this.#say(words().cleared, 'note');
      }
    },
    store,
  );
}

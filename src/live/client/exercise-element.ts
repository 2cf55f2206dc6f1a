/**
 * `<live-exercise>`: the behaviour of a server-rendered exercise (src/components/live/Exercise.astro).
 *
 *   Enter / Check ──▶ checkAnswer(text, engine's value now) ──▶ status message (announced)
 *        │                                     └─ a number ──▶ progress saved in localStorage
 *   an edit elsewhere on the page changes the answer ──▶ "check again" (if a verdict is showing)
 *   load ──▶ saved progress restored: solved mark, last answer
 *
 * Progress is kept per page and exercise id (see storageKey). Storage may be missing (private
 * modes, blocked cookies) or hold anything: the exercise then works without saving.
 */
import { effect } from '@preact/signals-core';
import {
  NO_PROGRESS,
  checkAnswer,
  pagePath,
  readProgress,
  recordAttempt,
  serializeProgress,
  storageKey,
  type Progress,
  type Tolerance,
} from '../exercise.ts';
import { splitRef } from '../model.ts';
import type { ModelState } from '../store.ts';
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

const nonNegative = (text: string | undefined): number => {
  const value = Number(text);
  return Number.isFinite(value) && value > 0 ? value : 0;
};

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
      #input: HTMLInputElement | undefined;
      #status: HTMLElement | undefined;
      #solvedMark: HTMLElement | undefined;
      #reset: HTMLButtonElement | undefined;
      #state: ModelState | undefined;
      #name = '';
      #key = '';
      #progress: Progress = NO_PROGRESS;
      /** Stops watching the answer; set while a verdict is showing. */
      #stopWatching: (() => void) | undefined;

      protected override setup(): void {
        const form = this.querySelector<HTMLFormElement>('form[data-exercise-form]');
        const input = this.querySelector<HTMLInputElement>('input[data-exercise-input]');
        const check = this.querySelector<HTMLButtonElement>('[data-action="exercise.check"]');
        const status = this.querySelector<HTMLElement>('.exercise__status[role="status"]');
        const ref = splitRef(this.dataset['answer'] ?? '');
        const state = ref ? this.store?.model(ref.instance) : undefined;
        const id = this.dataset['exercise'] ?? '';
        if (!form || !input || !check || !status || !ref || !state || id === '') {
          console.error('<live-exercise> without its form, id or a valid data-answer:', this);
          return;
        }
        [this.#input, this.#status, this.#state, this.#name] = [input, status, state, ref.name];
        this.#solvedMark = this.querySelector<HTMLElement>('.exercise__solved') ?? undefined;
        this.#reset =
          this.querySelector<HTMLButtonElement>('[data-action="exercise.reset"]') ?? undefined;
        this.#key = storageKey(pagePath(location.pathname, base), id);

        const options = this.listening;
        form.addEventListener(
          'submit',
          (event) => {
            event.preventDefault();
            this.#check();
          },
          options,
        );
        input.addEventListener('input', () => input.removeAttribute('aria-invalid'), options);
        this.#reset?.addEventListener('click', () => this.#startOver(), options);

        this.#restore();
        check.disabled = false;
      }

      protected override teardown(): void {
        this.#unwatch();
      }

      get #tolerance(): Tolerance {
        return {
          absolute: nonNegative(this.dataset['tolerance']),
          relative: nonNegative(this.dataset['relative']),
        };
      }

      #say(text: string, verdict: Verdict | undefined): void {
        const status = this.#status;
        if (!status) return;
        status.textContent = text;
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
        const input = this.#input;
        this.#progress = load(storage, this.#key);
        this.#render();
        const { solved, attempts, lastAnswer } = this.#progress;
        // Text typed before the script loaded is the reader's: keep it.
        if (input && input.value === '' && lastAnswer !== '') input.value = lastAnswer;
        const last = lastAnswer === '' ? '' : ` Your last answer was ${lastAnswer}.`;
        if (solved) this.#say(`Solved earlier.${last}`, 'note');
        else if (attempts > 0) {
          const times = attempts === 1 ? 'once' : `${attempts} times`;
          this.#say(`You tried this ${times} before.${last}`, 'note');
        }
      }

      /**
       * While a verdict is showing, watches the answer: an edit elsewhere on the page that changes
       * it withdraws the verdict. Only then, so that an exercise never keeps an expensive value
       * computing while nobody is looking at it.
       */
      #watch(state: ModelState, checked: number): void {
        this.#unwatch();
        this.#stopWatching = effect(() => {
          if (state.number(this.#name) === checked) return;
          queueMicrotask(() => this.#unwatch());
          this.#say(
            'The values on this page have changed, and so has the answer. Check again.',
            'note',
          );
        });
      }

      #unwatch(): void {
        this.#stopWatching?.();
        this.#stopWatching = undefined;
      }

      #check(): void {
        const input = this.#input;
        const state = this.#state;
        if (!input || !state) return;
        const expected = state.number(this.#name);
        if (expected === undefined) console.error(`<live-exercise>: no value "${this.#name}".`);
        const result = checkAnswer(input.value, expected ?? NaN, this.#tolerance, {
          ...(this.dataset['label'] ? { label: this.dataset['label'] } : {}),
          digits: Number(this.dataset['digits'] ?? 4),
          hasHint: this.hasAttribute('data-hint'),
        });
        if (result.kind === 'correct' || result.kind === 'wrong') {
          input.removeAttribute('aria-invalid');
          this.#progress = recordAttempt(this.#progress, input.value, result.kind === 'correct');
          save(storage, this.#key, this.#progress);
          this.#render();
          this.#watch(state, expected ?? NaN);
          // The attempt number makes a repeated wrong answer visibly (and audibly) a new check.
          const text =
            result.kind === 'wrong'
              ? `${result.message} (Attempt ${this.#progress.attempts}.)`
              : result.message;
          this.#say(text, result.kind);
        } else {
          // Empty or unreadable text is the reader's to fix; an answer the engine cannot give is not.
          if (result.kind === 'unavailable') input.removeAttribute('aria-invalid');
          else input.setAttribute('aria-invalid', 'true');
          this.#unwatch();
          this.#say(result.message, result.kind === 'unavailable' ? 'note' : 'invalid');
        }
      }

      #startOver(): void {
        this.#progress = NO_PROGRESS;
        this.#unwatch();
        save(storage, this.#key, undefined);
        this.#render();
        if (this.#input) {
          this.#input.value = '';
          this.#input.removeAttribute('aria-invalid');
          // The button just hid itself: keep the focus in the exercise.
          this.#input.focus();
        }
        this.#say('Your progress on this exercise was cleared.', 'note');
      }
    },
    store,
  );
}

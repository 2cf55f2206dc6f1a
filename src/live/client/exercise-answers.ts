/**
 * What differs between the two kinds of exercise: how the reader answers (a text box or a radio
 * group), how that is checked, and how a saved answer is put back. The frame around them (the
 * status line, saved progress, Start over) is <live-exercise> in exercise-element.ts.
 */
import { effect } from '@preact/signals-core';
import { checkAnswer, type Progress } from '../exercise.ts';
import { specFromData } from '../exercise-precision.ts';
import { pageWords } from '../../i18n/index.ts';
import type { ExerciseWords } from '../exercise-words.ts';

/** The words of the page's language (read when used: a page has one language). */
const words = (): ExerciseWords => pageWords().exercise;
import { derivedInfo, splitRef } from '../model.ts';
import type { PageStore } from './page.ts';

/** What a check gives the frame: a verdict to record, or only a message. */
export type Outcome =
  | {
      readonly kind: 'correct' | 'wrong';
      /** What is saved as the last answer: the text typed, or the option's number from 1. */
      readonly answer: string;
      readonly message: string;
      /** Shown after the message, e.g. why the chosen option is right or wrong. */
      readonly detail?: HTMLElement;
    }
  | {
      readonly kind: 'invalid' | 'note';
      readonly message: string;
      /**
       * For an answer not computed yet: calls `again` once it is, so that the check the reader
       * asked for happens then. Returns a function that stops waiting.
       */
      readonly retry?: (again: () => void) => () => void;
    };

export interface AnswerPart {
  check(): Outcome;
  /** Puts a saved answer back; returns the sentence that says so ("Your last answer was …"). */
  restore(progress: Progress): string;
  clear(): void;
  focus(): void;
  /**
   * After a verdict: calls `stale` once if the page's values change what the verdict was about.
   * Returns a function that stops watching.
   */
  watch(stale: () => void): () => void;
}

const nothing = (): void => {};

/** A number typed into a text box, checked against a model's value. */
export function numberPart(
  host: HTMLElement,
  store: PageStore | undefined,
  listening: AddEventListenerOptions,
): AnswerPart | undefined {
  const input = host.querySelector<HTMLInputElement>('input[data-exercise-input]');
  const ref = splitRef(host.dataset['answer'] ?? '');
  const state = ref ? store?.model(ref.instance) : undefined;
  if (!input || !ref || !state) return undefined;
  const spec = specFromData(host.dataset);
  const group = derivedInfo(state.spec).get(ref.name)?.group;
  const inWorker = group !== undefined && state.spec.groups?.[group]?.runs === 'worker';
  input.addEventListener('input', () => input.removeAttribute('aria-invalid'), listening);
  let checked = NaN;
  return {
    check() {
      const expected = state.number(ref.name);
      // A value the compute worker is still working on (chapter 7's) is not there yet, the first
      // time always when nothing else on the page shows it: the reader is told, and the check
      // runs when it arrives, never against a missing number.
      if (expected === undefined && inWorker) {
        return {
          kind: 'note',
          message: words().computing,
          retry: (again) => {
            let dispose: (() => void) | undefined = effect(() => {
              if (state.number(ref.name) === undefined) return;
              queueMicrotask(() => {
                dispose?.();
                dispose = undefined;
                again();
              });
            });
            return () => {
              dispose?.();
              dispose = undefined;
            };
          },
        };
      }
      if (expected === undefined) console.error(`<live-exercise>: no value "${ref.name}".`);
      checked = expected ?? NaN;
      const result = checkAnswer(input.value, checked, spec, {
        ...(host.dataset['label'] ? { label: host.dataset['label'] } : {}),
        hasHint: host.hasAttribute('data-hint'),
        words: words(),
      });
      // Empty or unreadable text is the reader's to fix; an answer the engine cannot give is not.
      if (result.kind === 'empty' || result.kind === 'invalid') {
        input.setAttribute('aria-invalid', 'true');
        return { kind: 'invalid', message: result.message };
      }
      input.removeAttribute('aria-invalid');
      if (result.kind === 'unavailable') return { kind: 'note', message: result.message };
      return { kind: result.kind, answer: input.value, message: result.message };
    },
    restore({ lastAnswer }) {
      // Text typed before the script loaded is the reader's: keep it.
      if (input.value === '' && lastAnswer !== '') input.value = lastAnswer;
      return lastAnswer === '' ? '' : words().lastAnswer(lastAnswer);
    },
    clear() {
      input.value = '';
      input.removeAttribute('aria-invalid');
    },
    focus() {
      input.focus();
    },
    watch(stale) {
      // Only while a verdict shows, so that an exercise never keeps an expensive value
      // computing while nobody is looking at it.
      let dispose: (() => void) | undefined = effect(() => {
        if (state.number(ref.name) === checked) return;
        queueMicrotask(() => {
          dispose?.();
          dispose = undefined;
        });
        stale();
      });
      return () => {
        dispose?.();
        dispose = undefined;
      };
    },
  };
}

/** One of several options, each with its own explanation (Choice.astro). */
export function choicePart(host: HTMLElement): AnswerPart | undefined {
  const options = [...host.querySelectorAll<HTMLElement>('[data-choice]')].map((element) => ({
    correct: element.dataset['choice'] === 'correct',
    radio: element.querySelector<HTMLInputElement>('input[data-choice-input]'),
    why: element.querySelector<HTMLElement>('[data-why]') ?? undefined,
  }));
  if (options.length < 2 || options.some((option) => !option.radio)) return undefined;
  const radios = options.map((option) => option.radio as HTMLInputElement);
  radios.forEach((radio, i) => (radio.value = String(i + 1)));
  return {
    check() {
      const chosen = radios.findIndex((radio) => radio.checked);
      const option = options[chosen];
      if (!option) return { kind: 'invalid', message: words().chooseFirst };
      // The explanation moves into the status line, which reads it out; it keeps its live
      // numbers there, and goes back out of sight when the next verdict replaces it.
      option.why?.removeAttribute('hidden');
      return {
        kind: option.correct ? 'correct' : 'wrong',
        answer: String(chosen + 1),
        message: option.correct ? words().correctChoice : words().wrongChoice,
        ...(option.why ? { detail: option.why } : {}),
      };
    },
    restore({ lastAnswer }) {
      const radio = radios[Number(lastAnswer) - 1];
      if (!radio || !/^\d+$/.test(lastAnswer)) return '';
      // A choice made before the script loaded is the reader's: keep it.
      if (radios.some((r) => r.checked)) return '';
      radio.checked = true;
      return words().lastChoice;
    },
    clear() {
      for (const radio of radios) radio.checked = false;
    },
    focus() {
      radios[0]?.focus();
    },
    watch: () => nothing,
  };
}

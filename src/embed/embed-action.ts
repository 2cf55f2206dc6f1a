/**
 * The chapters' "Embed" actions (src/components/live/EmbedAction.astro): when one opens, its code
 * is written for the widget's current state, and its button copies the code. Every chapter runs
 * this before the reader interacts, so it only listens: the code that writes the snippet
 * (embed-code.ts) loads when an action first opens, and is there by the time Copy is pressed.
 */
type Code = typeof import('./embed-code.ts');

let code: Promise<Code> | undefined;
let loaded: Code | undefined;
const load = (): Promise<Code> =>
  (code ??= import('./embed-code.ts').then((module) => (loaded = module)));

const actionOf = (target: EventTarget | null): HTMLDetailsElement | null =>
  target instanceof Element
    ? target.closest<HTMLDetailsElement>('details[data-embed-action]')
    : null;

document.addEventListener(
  'toggle',
  (event) => {
    const details = event.target;
    if (details instanceof HTMLDetailsElement && details.open && details.dataset['embedAction']) {
      void load().then(({ refresh }) => refresh(details));
    }
  },
  true,
);

document.addEventListener('click', (event) => {
  const button = event.target instanceof Element ? event.target.closest('[data-embed-copy]') : null;
  const details = actionOf(button);
  if (!details) return;
  // Copying needs the click's user activation: at once when the code is there, as it is once
  // the action has opened.
  if (loaded) loaded.copy(details);
  else void load().then(({ copy }) => copy(details));
});

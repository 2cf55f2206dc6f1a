/**
 * Everything the live layer says to a reader, in English: what is wrong with a typed number or a
 * link's setting, what a control did, the notice about a link, the printout's note, and the
 * Embed action. Chinese is src/i18n/zh-cn/live.ts, of the same type; src/i18n/ picks by page.
 *
 * Parsing and the store run in the browser and in tests: `liveWords()` gives the words of the
 * document's language, and English where there is no document (the build, unit tests).
 */

export interface LiveWords {
  // Reading a typed number (parse.ts).
  readonly typeNumber: string;
  readonly tooLong: string;
  /** “−” needs digits after it. */
  readonly needsDigits: (text: string) => string;
  readonly onlyOrdinary: string;
  readonly notANumber: (text: string) => string;
  readonly tooLarge: (text: string) => string;
  readonly belowMin: (value: string, min: string) => string;
  readonly aboveMax: (value: string, max: string) => string;
  // A value for a parameter (params.ts); `name` is the parameter's label or the link's key.
  readonly mustBeOneOf: (name: string, options: string) => string;
  readonly mustBeBoolean: (name: string) => string;
  readonly mustBeText: (name: string) => string;
  readonly atMostChars: (name: string, max: number) => string;
  readonly mustBeNumber: (name: string) => string;
  readonly notWhole: (value: string, whole: string) => string;
  readonly linkOneOf: (name: string, options: string) => string;
  readonly linkText: (name: string) => string;
  readonly linkBoolean: (name: string) => string;
  readonly linkNumber: (name: string) => string;
  readonly linkTooLong: (name: string) => string;
  readonly linkUnreadable: string;
  readonly notASetting: (key: string) => string;
  readonly on: string;
  readonly off: string;
  // Fields and controls.
  readonly lastValidStays: (problem: string, character: number | undefined) => string;
  readonly valueStays: (problem: string, kept: string) => string;
  readonly resetDone: string;
  readonly linkCopied: string;
  readonly copyBlocked: (url: string) => string;
  readonly resetButton: string;
  readonly copyLinkButton: string;
  // The notice about a link's settings (client/notices.ts).
  readonly notices: NoticeWords;
  // The printout's note (print-note.ts).
  readonly print: PrintWords;
  // A widget's Embed action (components/live/EmbedAction.astro, embed/embed-code.ts).
  readonly embed: EmbedWords;
}

export interface NoticeWords {
  readonly title: (count: number) => string;
  readonly dismiss: string;
}

export interface PrintWords {
  readonly title: string;
  readonly inPlace: string;
  readonly simultaneous: string;
  readonly order: (how: string, changed: boolean, model: string) => string;
  readonly value: (label: string, value: string, start: string) => string;
  readonly linkIntro: string;
}

/** Each embeddable widget's name (src/course/embeds.ts takes the English ones from here). */
export interface WidgetNames {
  readonly NeuronDiagram: string;
  readonly ActivationExplorer: string;
  readonly Zigzag: string;
  readonly FitNetwork: string;
  readonly AutodiffGraph: string;
  readonly NetworkDiagram: string;
  readonly Training: string;
  readonly DepthFlow: string;
}

export interface EmbedWords {
  readonly names: WidgetNames;
  readonly summary: string;
  /** After "Embed", for a screen reader: which figure. */
  readonly which: (label: string) => string;
  readonly explain: string;
  readonly code: string;
  readonly copy: string;
  readonly copied: string;
  readonly blocked: string;
  /** The embed page itself (src/components/EmbedPage.astro). */
  readonly page: EmbedPageWords;
}

export interface EmbedPageWords {
  readonly heading: (label: string, chapter: string) => string;
  readonly description: (label: string, chapter: string) => string;
  readonly open: (chapter: string) => string;
  readonly newTab: string;
  /** A `hide` the figure does not have; `parts` are the ones it has (not the link's word). */
  readonly unknownHide: (parts: readonly string[]) => string;
  /** A `theme` the page does not have. */
  readonly unknownTheme: (themes: readonly string[]) => string;
}

export const enNotices: NoticeWords = {
  title: (count) =>
    count === 1
      ? 'One setting in this link could not be used:'
      : `${count} settings in this link could not be used:`,
  dismiss: 'Dismiss',
};

export const en: LiveWords = {
  typeNumber: 'Type a number.',
  tooLong: 'That is too long to be a number.',
  needsDigits: (text) => `“${text}” needs digits after it.`,
  onlyOrdinary: 'Only ordinary numbers can be used here, such as 0.5 or −2.',
  notANumber: (text) => `“${text}” is not a number.`,
  tooLarge: (text) => `“${text}” is too large to compute with.`,
  belowMin: (value, min) => `${value} is below the minimum ${min}, so ${min} is used.`,
  aboveMax: (value, max) => `${value} is above the maximum ${max}, so ${max} is used.`,
  mustBeOneOf: (name, options) => `${name} must be one of ${options}.`,
  mustBeBoolean: (name) => `${name} must be true or false.`,
  mustBeText: (name) => `${name} must be a text.`,
  atMostChars: (name, max) => `${name} can be at most ${max} characters long.`,
  mustBeNumber: (name) => `${name} must be an ordinary number.`,
  notWhole: (value, whole) => `${value} is not a whole number, so ${whole} is used.`,
  linkOneOf: (name, options) =>
    `${name} in the link must be one of ${options}, so it keeps its default.`,
  linkText: (name) =>
    `${name} in the link is not a text this page can use, so it keeps its default.`,
  linkBoolean: (name) => `${name} in the link must be true or false, so it keeps its default.`,
  linkNumber: (name) => `${name} in the link is not a usable number, so it keeps its default.`,
  linkTooLong: (name) =>
    `${name} in the link is too long to be a setting, so it keeps its default.`,
  linkUnreadable: 'The link’s settings could not be read, so the defaults are shown.',
  notASetting: (key) => `“${key}” is not a setting of this page, so it was ignored.`,
  on: 'on',
  off: 'off',
  lastValidStays: (problem, character) =>
    `${problem}${character === undefined ? '' : ` (at character ${character})`} The last valid one stays.`,
  valueStays: (problem, kept) => `${problem} The value stays ${kept}.`,
  resetDone: 'All values are back to their starting values.',
  linkCopied: 'Link copied. It opens this page with these values.',
  copyBlocked: (url) => `Copying was blocked. The link is: ${url}`,
  resetButton: 'Reset values',
  copyLinkButton: 'Copy link to these values',
  notices: enNotices,
  print: {
    title:
      'The values on this printout differ from the page’s starting ones. The changed values are listed here; every number on the page was computed from them.',
    inPlace: 'in place (output layer first; the hidden-layer gradients use the new output weights)',
    simultaneous: 'simultaneous (every weight updated from the same old weights)',
    order: (how, changed, model) =>
      `Update order${model}: ${how}${changed ? ', not the starting order' : ''}.`,
    value: (label, value, start) => `${label} = ${value} (starting value ${start})`,
    linkIntro: 'To see this page with these values, open:',
  },
  embed: {
    names: {
      NeuronDiagram: 'Neuron diagram',
      ActivationExplorer: 'Activation explorer',
      Zigzag: 'Zig-zag descent',
      FitNetwork: 'Fitting a curve',
      AutodiffGraph: 'Computation graph',
      NetworkDiagram: 'Network diagram',
      Training: 'Training panel',
      DepthFlow: 'Gradients through depth',
    },
    summary: 'Embed',
    which: (label) => ` the figure “${label}”`,
    explain:
      'To show this figure in slides or on a course page, paste this code into the page. It shows the values the figure has now; Copy always takes the latest.',
    code: 'Embed code',
    copy: 'Copy embed code',
    copied: 'Embed code copied.',
    blocked: 'Copying was blocked. The code is selected: press Ctrl+C (⌘C on a Mac).',
    page: {
      heading: (label, chapter) => `${label}, from the chapter “${chapter}”`,
      description: (label, chapter) =>
        `${label} from the chapter “${chapter}” of Backprop Live, an interactive textbook on how neural networks learn.`,
      open: (chapter) => `Open in the course: ${chapter}`,
      newTab: ' (opens in a new tab)',
      unknownHide: (parts) =>
        `The link asks to hide something this figure does not have, so that part of it was ignored. A link can hide ${parts.join(' or ')}.`,
      unknownTheme: (themes) =>
        `The link asks for a colour theme this page does not have, so it follows your system's setting. A link can ask for ${themes.join(' or ')}.`,
    },
  },
};

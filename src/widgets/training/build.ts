/**
 * What `<Training model="…">` renders at build time, from the model's `train` declaration and
 * the page's starting values: the settings, one step, a whole run, the table's rows and the
 * outputs. Build only (it reads the model registry); the browser uses model.ts directly.
 */
import {
  AuthoringError,
  resolveInstance,
  valuesAt,
  type PageModels,
} from '../../live/authoring.ts';
import type { AnyModel, ParamValues } from '../../live/model.ts';
import { models as registry } from '../../live/models/registry.ts';
import {
  outputLines,
  runTraining,
  settingsOf,
  stepOnce,
  tableRows,
  trainingProblems,
  type Change,
  type OutputLine,
  type TableRow,
  type Training,
  type TrainingPoint,
  type TrainingSettings,
} from './model.ts';

export interface TrainingPanel {
  readonly spec: AnyModel;
  readonly train: Training;
  /** The instance's starting values on the page: the spec's defaults, the page's over them. */
  readonly values: ParamValues;
  readonly settings: TrainingSettings;
  /** What Take one step would do from the starting values. */
  readonly step: Change;
  /** What Train would do: its sampled points and its change. */
  readonly points: readonly TrainingPoint[];
  readonly run: Change;
  /** The step table's rows: `train.weights`, then E. */
  readonly rows: readonly TableRow[];
  /** The outputs `train.outputs` declares, with their targets. */
  readonly outputs: readonly OutputLine[];
}

/**
 * The panel for `instance` (a model, e.g. "mazur", or an instance the page declares). A model
 * without `train`, or with a train declaration that does not fit it, fails the build with a
 * message that starts with `where` (the chapter file and the prop).
 */
export function trainingPanel(
  instance: string,
  where: string,
  page: PageModels = {},
  models: Readonly<Record<string, AnyModel>> = registry,
): TrainingPanel {
  const spec = resolveInstance(instance, where, page, models);
  const train = spec.train;
  if (!train) {
    const trainable = Object.values(models)
      .filter((m) => m.train)
      .map((m) => `"${m.name}"`);
    throw new AuthoringError(
      `${where}="${instance}": model "${spec.name}" cannot be trained, because its spec declares no train (see src/live/trainable.ts). Models that can: ${trainable.join(', ') || 'none'}.`,
    );
  }
  const all = valuesAt(spec, Object.hasOwn(page, instance) ? page[instance]?.defaults : {});
  // valuesAt() also holds every derived value: the trainer reads only the parameters.
  const values = Object.fromEntries(
    Object.keys(spec.params).map((name) => [name, all[name]]),
  ) as ParamValues;
  const problems = trainingProblems(spec, values);
  if (problems.length > 0) {
    throw new AuthoringError(
      `${where}="${instance}": model "${spec.name}" declares its training wrongly: ${problems.join('; ')}.`,
    );
  }
  const step = stepOnce(spec, values);
  const { points, change: run } = runTraining(spec, values);
  return {
    spec,
    train,
    values,
    settings: settingsOf(spec, values),
    step,
    points,
    run,
    rows: tableRows(train, step),
    outputs: outputLines(train, values),
  };
}

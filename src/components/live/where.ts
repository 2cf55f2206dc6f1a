/**
 * What an author component knows about the page it is rendered on: the chapter file (for build
 * error messages, e.g. `content/docs/notation.mdx: <Editable param>`), and the model instances
 * the page declares in its frontmatter.
 */
import { z } from 'astro/zod';
import { AuthoringError, pageModels, type PageModels } from '../../live/authoring.ts';

/** The page's source file, e.g. `content/docs/notation.mdx`, for build error messages. */
export function fileOf(locals: App.Locals, url: URL): string {
  if (locals.embed) return locals.embed.file;
  try {
    return locals.starlightRoute.entry.filePath;
  } catch {
    return url.pathname; // outside Starlight
  }
}

export function where(locals: App.Locals, url: URL, component: string, prop: string): string {
  return `${fileOf(locals, url)}: <${component} ${prop}>`;
}

/** The page's language tag, e.g. 'zh-CN': Starlight's, or an embed page's own. */
export function pageLang(locals: App.Locals): string {
  if (locals.embed) return locals.embed.lang;
  try {
    return locals.starlightRoute.lang;
  } catch {
    return 'en';
  }
}

const pages = new WeakMap<object, PageModels>();

/** The model instances the page declares (checked once per page; a mistake fails the build). */
export function livePage(locals: App.Locals, url: URL): PageModels {
  let data: { models?: unknown } | undefined = locals.embed?.data;
  try {
    data ??= locals.starlightRoute.entry.data;
  } catch {
    return {};
  }
  let models = pages.get(data);
  if (!models) {
    models = pageModels(data.models, `${fileOf(locals, url)} (frontmatter)`);
    pages.set(data, models);
  }
  return models;
}

/**
 * Parses a component's props with a zod schema, failing the build with one friendly line per
 * problem: `content/docs/x.mdx: <Value digits>=12 must be …`. Unknown props are errors too
 * (the schema should be strict), because a misspelt prop would otherwise be silently ignored.
 */
export function parseProps<S extends z.ZodType>(
  schema: S,
  props: unknown,
  locals: App.Locals,
  url: URL,
  component: string,
): z.infer<S> {
  // Astro passes the parent's style scope to a child component: that is not the author's prop.
  const own = Object.fromEntries(
    Object.entries(props as Record<string, unknown>).filter(
      ([key]) => key !== 'class' && !key.startsWith('data-astro-cid'),
    ),
  );
  const result = schema.safeParse(own);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return `${where(locals, url, component, issue.keys.join(' '))}: <${component}> has no such prop.`;
    }
    const prop = issue.path.map(String).join('.') || '(props)';
    const given = issue.path.reduce<unknown>(
      (value, key) =>
        value && typeof value === 'object'
          ? (value as Record<PropertyKey, unknown>)[key]
          : undefined,
      own,
    );
    const shown = given === undefined ? ' is missing' : `=${JSON.stringify(given) ?? typeof given}`;
    return `${where(locals, url, component, prop)}${shown}: ${issue.message}`;
  });
  throw new AuthoringError(lines.join('\n'));
}

/**
 * A prop naming an instance of `model`: the model's own name or `model-…`, as the page's
 * frontmatter declares them (`<Zigzag left="zigzag" right="zigzag-tanh">`).
 */
export function instanceProp(model: string) {
  return z
    .string({ error: `must be the name of an instance of the ${model} model` })
    .regex(
      new RegExp(`^${model}(-[a-z0-9]+)*$`),
      `must be "${model}" or "${model}-…", an instance of the ${model} model`,
    );
}

/**
 * The build renders every page in one process, so code that writes numbers cannot ask a document
 * for the page's language. This middleware runs the rendering of each page inside an async
 * context that holds its language, and `formatNumber` reads it from there (src/live/format.ts).
 * In a browser the same code reads `<html lang>`.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { defineMiddleware } from 'astro:middleware';
import { localeOfPath } from './i18n/locales.ts';
import { setNumberLocaleSource } from './live/format.ts';

const pageLocale = new AsyncLocalStorage<string>();
setNumberLocaleSource(() => pageLocale.getStore());

export const onRequest = defineMiddleware((context, next) =>
  pageLocale.run(localeOfPath(context.url.pathname, import.meta.env.BASE_URL), next),
);

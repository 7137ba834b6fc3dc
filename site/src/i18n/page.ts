// The Astro pages' text, at build time: the language from the page's path and its locale
// (both catalogs are here, on the server only; the browser gets only what the page renders).
import { catalog } from '../lib/catalog.ts';
import { ko, koData } from './ko.ts';
import { localizeGraph } from './graph.ts';
import { englishLocale } from './english.ts';
import { createLocale, type Locale } from './locale.ts';
import { translateProblem } from './problem-text.ts';
import { langFromPath } from './t.ts';

const locales = {
  en: englishLocale(catalog),
  ko: createLocale('ko', ko, koData, catalog, { translateProblem, localizeGraph }),
};

export function pageText(pathname: string): Locale {
  return locales[langFromPath(pathname)];
}

// The English locale: for /planner's island (PlannerEn.tsx), the build's pages and the tests.
// Apart from locale.ts so that the Korean page, which shares locale.ts, never downloads en.ts.
import type { Catalog } from '../../../schemas/blueprint.ts';
import { en, enData } from './en.ts';
import { createLocale, type Locale } from './locale.ts';

export const englishLocale = (catalog: Catalog): Locale => createLocale('en', en, enData, catalog);

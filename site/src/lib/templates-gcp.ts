// The gcp templates, precompiled: a chunk of their own, loaded only for a gcp plan (generator.ts).
export const templates = import.meta.glob<{ root: unknown }>('../../../generator/templates/gcp/**/*.njk', { eager: true, import: 'default' });

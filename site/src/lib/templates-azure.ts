// The azure templates, precompiled: a chunk of their own, loaded only for a azure plan (generator.ts).
export const templates = import.meta.glob<{ root: unknown }>('../../../generator/templates/azure/**/*.njk', { eager: true, import: 'default' });

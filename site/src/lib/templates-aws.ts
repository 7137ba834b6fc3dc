// The aws templates, precompiled: a chunk of their own, loaded only for a aws plan (generator.ts).
export const templates = import.meta.glob<{ root: unknown }>('../../../generator/templates/aws/**/*.njk', { eager: true, import: 'default' });

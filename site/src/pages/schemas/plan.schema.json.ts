// The plan JSON Schema, generated at build time from the same zod schema the planner and CLI use.
import type { APIRoute } from 'astro';
import { planJsonSchema } from '../../../../generator/src/generate.ts';
import { catalog } from '../../lib/catalog.ts';

export const GET: APIRoute = () => new Response(planJsonSchema(catalog), { headers: { 'content-type': 'application/schema+json' } });

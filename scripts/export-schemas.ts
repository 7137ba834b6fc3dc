// Writes schemas/plan.schema.json from the zod schema (npm run schemas).
import { writeFileSync } from 'node:fs';
import { loadCatalog } from '../blueprints/load-node.ts';
import { planJsonSchema } from '../generator/src/generate.ts';
import { healthReportJsonSchema } from '../schemas/health-report.ts';

const target = new URL('../schemas/plan.schema.json', import.meta.url);
writeFileSync(target, planJsonSchema(loadCatalog()));
console.log(`wrote ${target.pathname}`);
const health = new URL('../schemas/health-report.schema.json', import.meta.url);
writeFileSync(health, healthReportJsonSchema());
console.log(`wrote ${health.pathname}`);

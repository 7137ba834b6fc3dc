// Command-line edge: parses arguments, reads the plan, calls the pure core,
// writes results. Exit codes: 0 success, 1 invalid input, 2 usage error.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Catalog } from '../../schemas/blueprint.ts';
import { formatProblems, type Validation } from '../../schemas/validate.ts';
import { validatePlanText } from '../../schemas/plan-yaml.ts';
import { compareClouds, type CloudComparison } from './compare.ts';
import { estimateCost, type CostReport } from './cost.ts';
import { generateRepository, planJsonSchema } from './generate.ts';
import { planGraph } from './graph.ts';
import { nodeGenerateOptions, writeFiles } from './node.ts';
import { UsageError, UserError } from './errors.ts';

interface Io {
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown };
}

const HELP: Record<string, string> = {
  main: `opsta: plan a cloud-native platform and generate its Terraform + Helm repository

Usage: opsta <command> [options]

Commands:
  validate <plan>                 check a plan and report every problem with its path
  generate <plan> --out <dir>     validate, then write the repository (nothing is written if invalid)
  cost <plan> [--json]            monthly cost per component and resource kind, with price sources
  graph <plan>                    Mermaid flowchart of stages, components and dependencies
  schema                          print the plan's JSON Schema

Run "opsta <command> --help" for a command's options.
Exit codes: 0 success, 1 invalid plan, 2 usage error.`,
  validate: `Usage: opsta validate <plan.yaml>

Checks the plan against the schema and the catalog: regions, versions, instance
types, CIDR rules, component dependencies and node capacity. Prints every
problem as "path: message". Exit 1 when the plan is invalid.`,
  generate: `Usage: opsta generate <plan.yaml> --out <dir> [--force]

Validates the plan, then writes the generated repository into <dir>. An invalid
plan writes nothing and exits 1. <dir> must be empty or absent unless --force.`,
  cost: `Usage: opsta cost <plan.yaml> [--json] [--compare]

Prints the estimated monthly cost per component and per resource kind, with each
price's source and date. --json prints the full report as JSON. --compare prices
the same plan on every cloud in the catalog side by side, showing the equivalent
region and instance types chosen.`,
  graph: `Usage: opsta graph <plan.yaml>

Prints a Mermaid flowchart of the plan's stages, components and dependencies.`,
  schema: `Usage: opsta schema

Prints the JSON Schema of opsta.plan.yaml (draft 2020-12).`,
};

function readPlan(path: string | undefined, catalog: Catalog): Validation {
  if (!path) throw new UsageError('missing the plan file argument');
  if (!existsSync(path)) throw new UsageError(`plan file not found: ${path}`);
  return validatePlanText(readFileSync(path, 'utf8'), catalog);
}

function printInvalid(io: Io, path: string, v: Extract<Validation, { ok: false }>): number {
  io.stderr.write(`${path} is invalid (${v.problems.length} problem${v.problems.length > 1 ? 's' : ''}):\n${formatProblems(v.problems)}\n`);
  return 1;
}

const usd = (n: number) => `$${n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

function formatCost(r: CostReport): string {
  const w = Math.max(...r.byComponent.map((c) => c.name.length), 5);
  const lines = [`${r.cloud} ${r.region}: estimated monthly cost${r.approximate ? ' (approximate)' : ''}`, ''];
  for (const c of r.byComponent) lines.push(`  ${c.name.padEnd(w)}  ${usd(c.monthlyUsd).padStart(12)}`);
  lines.push(`  ${'Total'.padEnd(w)}  ${usd(r.totalUsd).padStart(12)}`, '', 'By resource kind:');
  for (const k of r.byKind) lines.push(`  ${k.kind.padEnd(w)}  ${usd(k.monthlyUsd).padStart(12)}`);
  if (r.budget) lines.push('', `Budget ${usd(r.budget.monthlyUsd)}: ${r.budget.over ? `OVER by ${usd(-r.budget.remainingUsd)}` : `${usd(r.budget.remainingUsd)} left`}`);
  lines.push('', 'Prices:');
  const seen = new Set<string>();
  for (const l of r.lines) {
    const key = `${l.source} (${l.date})${l.approximate ? ' [approximate]' : ''}`;
    if (!seen.has(key)) lines.push(`  - ${key}`);
    seen.add(key);
  }
  lines.push('', ...r.notes.map((n) => `Note: ${n}`));
  return `${lines.join('\n')}\n`;
}

function formatComparison(cmp: CloudComparison[], catalog: Catalog): string {
  const cols = cmp.map((c) => `${catalog.clouds[c.cloud]!.name} ${c.region}`);
  const rows = new Map<string, string[]>();
  cmp.forEach((c, i) => {
    for (const b of c.report?.byComponent ?? []) {
      if (!rows.has(b.name)) rows.set(b.name, cols.map(() => '—'));
      rows.get(b.name)![i] = usd(b.monthlyUsd);
    }
  });
  rows.set('Total', cmp.map((c) => (c.report ? `${usd(c.report.totalUsd)}${c.report.approximate ? '*' : ''}` : 'n/a')));
  const w0 = Math.max(...[...rows.keys()].map((k) => k.length));
  const w = cols.map((c, i) => Math.max(c.length, ...[...rows.values()].map((r) => r[i]!.length)));
  const line = (first: string, cells: string[]) => `  ${first.padEnd(w0)}  ${cells.map((c, i) => c.padStart(w[i]!)).join('  ')}`;
  const out = ['Monthly cost of the same plan on each cloud', '', line('', cols)];
  for (const [k, r] of rows) out.push(line(k, r));
  out.push('', '* approximate: includes prices that are not provider list prices, or a region priced at another region\'s list prices.', '');
  for (const c of cmp) {
    out.push(`${catalog.clouds[c.cloud]!.name}:`);
    if (c.unavailable) out.push(`  not available: ${c.unavailable}`);
    for (const ch of c.choices) out.push(`  ${ch}`);
    if (!c.unavailable && c.choices.length === 0) out.push('  as planned');
  }
  return `${out.join('\n')}\n`;
}

export async function main(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (!command || command === '--help' || command === '-h' || command === 'help') {
      io.stdout.write(`${HELP.main}\n`);
      return command ? 0 : 2;
    }
    if (!(command in HELP) || command === 'main') throw new UsageError(`unknown command "${command}"`);
    const { values, positionals } = parseArgs({
      args: rest,
      allowPositionals: true,
      options: { help: { type: 'boolean', short: 'h' }, out: { type: 'string', short: 'o' }, json: { type: 'boolean' }, force: { type: 'boolean' }, compare: { type: 'boolean' } },
      strict: true,
    });
    if (values.help) {
      io.stdout.write(`${HELP[command]}\n`);
      return 0;
    }
    const opts = nodeGenerateOptions();
    if (command === 'schema') {
      io.stdout.write(planJsonSchema(opts.catalog));
      return 0;
    }
    if (positionals.length > 1) throw new UsageError(`expected one plan file, got ${positionals.length}`);
    const path = positionals[0];
    const v = readPlan(path, opts.catalog);
    if (!v.ok) return printInvalid(io, path!, v);
    switch (command) {
      case 'validate': {
        const c = estimateCost(v.resolved, opts.catalog);
        io.stdout.write(`${path} is valid: ${v.resolved.components.length} components on ${v.resolved.cloud.provider} ${v.resolved.cloud.region}, about ${usd(c.totalUsd)} per month.\n`);
        return 0;
      }
      case 'cost': {
        if (values.compare) {
          const cmp = compareClouds(v.resolved, opts.catalog);
          io.stdout.write(values.json ? `${JSON.stringify(cmp, null, 2)}\n` : formatComparison(cmp, opts.catalog));
          return 0;
        }
        const c = estimateCost(v.resolved, opts.catalog);
        io.stdout.write(values.json ? `${JSON.stringify(c, null, 2)}\n` : formatCost(c));
        return 0;
      }
      case 'graph':
        io.stdout.write(planGraph(v.resolved, opts.catalog));
        return 0;
      case 'generate': {
        if (!values.out) throw new UsageError('generate needs --out <dir>');
        if (existsSync(values.out) && readdirSync(values.out).length > 0 && !values.force) {
          throw new UsageError(`${values.out} is not empty; choose an empty directory or pass --force to overwrite`);
        }
        const files = generateRepository(v.plan, v.resolved, opts);
        writeFiles(values.out, files);
        io.stdout.write(`wrote ${Object.keys(files).length} files to ${values.out}\n`);
        return 0;
      }
    }
    throw new UsageError(`unknown command "${command}"`);
  } catch (e) {
    if (e instanceof UserError && !e.showUsage) {
      io.stderr.write(`opsta: ${e.message}\n`);
      return e.exitCode;
    }
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr.write(`opsta: ${(e as Error).message}\n\n${HELP[command && command in HELP ? command : 'main']}\n`);
      return 2;
    }
    io.stderr.write(`opsta: internal error: ${(e as Error).message}\nPlease report this with the plan that caused it.\n`);
    return 70;
  }
}

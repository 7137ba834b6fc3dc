// Property tests (fast-check): arbitrary valid plans always validate and generate
// deterministic, parseable output; arbitrary invalid mutations are rejected at the mutated
// path. Plus: schemas/plan.schema.json is what `npm run schemas` writes. No Go wasm tools.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { requiredClosure } from '../../blueprints/catalog.ts';
import { generateRepository, planJsonSchema } from '../../generator/src/generate.ts';
import { nodeGenerateOptions } from '../../generator/src/node.ts';
import { PROFILES } from '../../schemas/blueprint.ts';
import { ACCOUNT_FIELDS, demand, supply } from '../../schemas/plan.ts';
import { formatPath, validatePlan } from '../../schemas/validate.ts';
import { checkYamlFiles } from '../support/yaml.ts';
import { setAt, show } from './examples.ts';

const opts = nodeGenerateOptions();
const { catalog } = opts;
const aws = catalog.clouds.aws!;
const COMPONENTS = Object.keys(catalog.components).sort();
const SEED = Number(process.env.FC_SEED ?? 20260101);

type Path = (string | number)[];
type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Plan = Record<string, Json>;

// ---- arbitraries for valid values ----------------------------------------------------------

const lower = 'abcdefghijklmnopqrstuvwxyz';
const chars = (alphabet: string, min: number, max: number) =>
  fc.array(fc.constantFrom(...alphabet), { minLength: min, maxLength: max }).map((a) => a.join(''));
const ident = fc
  .tuple(chars(lower, 1, 1), chars(`${lower}0123456789-`, 0, 20), chars(`${lower}0123456789`, 1, 1))
  .map(([a, b, c]) => a + b + c);
const label = fc.tuple(chars(lower, 1, 1), chars(`${lower}0123456789`, 0, 10)).map(([a, b]) => a + b);
const poolName = fc.tuple(chars(lower, 1, 1), chars(`${lower}0123456789`, 0, 10)).map(([a, b]) => a + b);
const domain = fc.tuple(fc.array(label, { minLength: 1, maxLength: 3 }), chars(lower, 2, 6)).map(([ls, tld]) => [...ls, tld].join('.'));
const ghName = fc.tuple(chars('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', 1, 1), chars(`${lower}0123456789`, 0, 12)).map(([a, b]) => a + b);
const ghRepo = fc.tuple(chars(`${lower}0123456789`, 1, 1), chars(`${lower}0123456789._-`, 0, 20)).map(([a, b]) => a + b);

/** A private IPv4 network with prefix /16 to /22 and no host bits set. */
const privateCidr = fc
  .tuple(fc.integer({ min: 16, max: 22 }), fc.constantFrom('10', '172', '192'), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }))
  .map(([prefix, first, b, c]) => {
    const third = c - (c % 2 ** (24 - prefix));
    if (first === '10') return `10.${b}.${third}.0/${prefix}`;
    if (first === '172') return `172.${16 + (b % 16)}.${third}.0/${prefix}`;
    return `192.168.${third}.0/${prefix}`;
  });

/** Enabled sets closed under dependencies: a random subset plus everything it requires. */
const componentSet = fc.subarray(COMPONENTS).map((picked) => {
  const all = new Set(picked.flatMap((k) => [k, ...requiredClosure(catalog, k)]));
  return COMPONENTS.filter((k) => all.has(k));
});

const validPlan: fc.Arbitrary<Plan> = fc
  .record({
    name: ident,
    environment: fc.tuple(chars(lower, 1, 1), chars(`${lower}0123456789`, 0, 9)).map(([a, b]) => a + b),
    description: fc.option(fc.string({ maxLength: 80 }).filter((s) => /^[^\p{C}]*$/u.test(s)), { nil: undefined }),
    region: fc.constantFrom(...aws.regions.map((r) => r.id)),
    // Real-looking IDs only: the schema refuses its known placeholders (000000000000, 123456789012, ...).
    accountId: chars('0123456789', 12, 12).filter((id) => !ACCOUNT_FIELDS.accountId.placeholder(id)),
    profile: fc.option(fc.constantFrom(...PROFILES), { nil: undefined }),
    cidr: fc.option(privateCidr, { nil: undefined }),
    zones: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
    distribution: fc.option(fc.constantFrom('managed', 'rke2'), { nil: undefined }),
    version: fc.option(fc.constantFrom(...aws.kubernetesVersions), { nil: undefined }),
    pools: fc.option(
      fc.uniqueArray(
        fc.record({
          name: poolName,
          instanceType: fc.constantFrom(...aws.instanceTypes.map((t) => t.id)),
          min: fc.integer({ min: 1, max: 5 }),
          extra: fc.integer({ min: 0, max: 5 }),
          diskGiB: fc.option(fc.integer({ min: 20, max: 500 }), { nil: undefined }),
        }),
        { minLength: 1, maxLength: 3, selector: (p) => p.name },
      ),
      { nil: undefined },
    ),
    domain,
    zone: fc.option(fc.constantFrom('create', 'existing'), { nil: undefined }),
    issuer: fc.option(fc.constantFrom('letsencrypt', 'letsencrypt-staging', 'selfsigned'), { nil: undefined }),
    email: fc.tuple(label, domain).map(([u, d]) => `${u}@${d}`),
    components: componentSet,
    disabled: fc.subarray(COMPONENTS),
    realm: fc.option(label, { nil: undefined }),
    owner: ghName,
    repo: ghRepo,
    ids: fc.option(fc.tuple(fc.integer({ min: 1, max: 2 ** 31 }), fc.integer({ min: 1, max: 2 ** 31 })), { nil: undefined }),
    subjectFormat: fc.option(fc.constantFrom('auto', 'legacy', 'immutable'), { nil: undefined }),
    baseBranch: fc.option(fc.constantFrom('main', 'master', 'release/v1', 'trunk'), { nil: undefined }),
    ghEnvironment: fc.option(ghRepo.filter((s) => /^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$/.test(s)), { nil: undefined }),
    reviewers: fc.array(ghName, { maxLength: 6 }),
    budget: fc.option(fc.integer({ min: 1, max: 100_000 }), { nil: undefined }),
  })
  .map((r) => {
    const profile = r.profile ?? 'medium';
    // RKE2 on AWS has no pod identity: the schema refuses what needs one (and Let's Encrypt via Route 53).
    const rke2 = r.distribution === 'rke2';
    // Keycloak too: its SSO clients need Let's Encrypt, which RKE2 cannot have.
    const NEEDS_IDENTITY = ['externalDns', 'vault', 'harbor', 'keycloak'];
    if (rke2) r.components = r.components.filter((k) => ![k, ...requiredClosure(catalog, k)].some((d) => NEEDS_IDENTITY.includes(d)));
    if (rke2) r.issuer = 'selfsigned';
    const components: Record<string, Json> = {};
    for (const k of r.disabled) if (!r.components.includes(k)) components[k] = { enabled: false };
    for (const k of r.components) components[k] = k === 'keycloak' && r.realm ? { enabled: true, realm: r.realm } : { enabled: true };
    let nodePools: Json[] | undefined;
    if (r.pools) {
      // Grow the first pool until the pools cover what the components request.
      const pools = r.pools.map((p) => ({ name: p.name, instanceType: p.instanceType, min: p.min, max: p.min + p.extra, diskGiB: p.diskGiB ?? 100 }));
      const need = demand(r.components, profile, catalog);
      const first = pools[0]!;
      while (first.min < 100) {
        const have = supply(pools, aws);
        if (have.cpu >= need.cpu && have.memoryGiB >= need.memoryGiB) break;
        first.min++;
      }
      first.max = Math.max(first.max, first.min);
      nodePools = pools.map((p, i) => (r.pools![i]!.diskGiB === undefined ? { name: p.name, instanceType: p.instanceType, min: p.min, max: p.max } : p));
    }
    const subjectFormat = r.subjectFormat === 'immutable' && !r.ids ? 'legacy' : r.subjectFormat;
    const plan: Plan = {
      apiVersion: 'opsta.dev/v1',
      kind: 'Plan',
      metadata: { name: r.name, environment: r.environment, ...(r.description !== undefined ? { description: r.description } : {}) },
      cloud: { provider: 'aws', region: r.region, aws: { accountId: r.accountId } },
      ...(r.profile ? { profile: r.profile } : {}),
      network: { ...(r.cidr ? { cidr: r.cidr } : {}), ...(r.zones ? { zones: Math.min(r.zones, aws.regions.find((x) => x.id === r.region)!.zones.length) } : {}) },
      kubernetes: {
        ...(r.distribution ? { distribution: r.distribution } : {}),
        ...(r.version ? { version: r.version } : {}),
        ...(nodePools ? { nodePools } : {}),
      },
      dns: { domain: r.domain, ...(r.zone ? { zone: r.zone } : {}) },
      // Keycloak's SSO clients need a publicly trusted certificate: the schema refuses other issuers with it.
      tls: { ...(r.issuer && (r.issuer === 'letsencrypt' || !r.components.includes('keycloak')) ? { issuer: r.issuer } : {}), email: r.email },
      components,
      github: {
        owner: r.owner,
        repo: r.repo,
        ...(r.ids ? { ownerId: r.ids[0], repoId: r.ids[1] } : {}),
        ...(subjectFormat ? { subjectFormat } : {}),
        ...(r.baseBranch ? { baseBranch: r.baseBranch } : {}),
        ...(r.ghEnvironment ? { environment: r.ghEnvironment } : {}),
        reviewers: r.reviewers,
      },
      ...(r.budget ? { budget: { monthlyUsd: r.budget } } : {}),
    };
    return plan;
  });

function problemsOf(input: unknown): { path: string; message: string }[] {
  const v = validatePlan(input, catalog);
  return v.ok ? [] : v.problems;
}

// ---- helpers for mutations -----------------------------------------------------------------

function nodes(v: Json, path: Path = []): { path: Path; value: Json }[] {
  const here = path.length ? [{ path, value: v }] : [];
  if (Array.isArray(v)) return [...here, ...v.flatMap((x, i) => nodes(x, [...path, i]))];
  if (v && typeof v === 'object') return [...here, ...Object.entries(v).flatMap(([k, x]) => nodes(x, [...path, k]))];
  return here;
}

const set = (plan: Plan, path: Path, value: Json): Plan => setAt(plan, path, value);

function get(plan: Plan, path: Path): Json {
  let cur: Json = plan;
  for (const k of path) cur = (cur as Record<string | number, Json>)[k]!;
  return cur;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const wrongType = (v: Json): Json =>
  typeof v === 'string' ? 42 : typeof v === 'number' ? String(v) : typeof v === 'boolean' ? 'yes' : Array.isArray(v) ? { a: 1 } : ['x'];

function expectRejectedAt(input: Plan, path: string, message?: RegExp) {
  const problems = problemsOf(input);
  const at = problems.filter((p) => p.path === path || p.path.startsWith(`${path}.`) || p.path.startsWith(`${path}[`));
  expect(at, `expected a problem at ${path}, got:\n${problems.map((p) => `  ${p.path}: ${p.message}`).join('\n')}`).not.toEqual([]);
  if (message) expect(at.map((p) => p.message).join('\n')).toMatch(message);
}

const withPools = (plan: Plan): Plan => {
  const k = plan.kubernetes as { nodePools?: Json[] };
  return k.nodePools ? plan : set(plan, ['kubernetes', 'nodePools'], [{ name: 'system', instanceType: 'm6i.4xlarge', min: 6, max: 8 }]);
};

// ---- tests -----------------------------------------------------------------------------------

describe('property: arbitrary valid plans', () => {
  it('always validate', () => {
    fc.assert(
      fc.property(validPlan, (plan) => {
        const problems = problemsOf(plan);
        expect(problems, JSON.stringify(plan)).toEqual([]);
      }),
      { numRuns: 300, seed: SEED },
    );
  });

  it('always generate parseable YAML, deterministically, with no leaked placeholders', () => {
    fc.assert(
      fc.property(validPlan, (plan) => {
        const v = validatePlan(plan, catalog);
        if (!v.ok) throw new Error(JSON.stringify(v.problems));
        const a = generateRepository(v.plan, v.resolved, opts);
        const findings = checkYamlFiles(a);
        expect(findings, show(findings)).toEqual([]);
        for (const [p, text] of Object.entries(a)) {
          // The runtime bundle is JavaScript copied verbatim (not rendered from the plan): `undefined` is code there.
          if (p === '.opsta/opsta.mjs') {
            expect(text, p).toBe(opts.runtime);
            continue;
          }
          expect(/\bundefined\b|\bNaN\b|\[object Object\]/.test(text), `${p} contains undefined / NaN / [object Object]`).toBe(false);
          if (p.endsWith('.json')) JSON.parse(text);
        }
        const again = validatePlan(structuredClone(plan), catalog);
        if (!again.ok) throw new Error('second validation failed');
        const b = generateRepository(again.plan, again.resolved, opts);
        expect(Object.keys(b)).toEqual(Object.keys(a));
        for (const p of Object.keys(a)) expect(b[p] === a[p], `${p} differs between two generations`).toBe(true);
      }),
      { numRuns: 60, seed: SEED },
    );
  });
});

describe('property: invalid mutations are rejected at the mutated path', () => {
  it('a value of the wrong type anywhere', () => {
    fc.assert(
      fc.property(validPlan, fc.nat(), (plan, pick) => {
        const all = nodes(plan);
        const { path, value } = all[pick % all.length]!;
        expectRejectedAt(set(plan, path, wrongType(value)), formatPath(path));
      }),
      { numRuns: 300, seed: SEED },
    );
  });

  it('an unknown key next to a known one gets a did-you-mean', () => {
    fc.assert(
      fc.property(validPlan, fc.nat(), fc.constantFrom('x', 's', 'e'), (plan, pick, extra) => {
        const objects = [{ path: [] as Path, value: plan as Json }, ...nodes(plan)].filter(
          (n) => n.value !== null && typeof n.value === 'object' && !Array.isArray(n.value) && Object.keys(n.value).some((k) => k.length >= 3),
        );
        const { path, value } = objects[pick % objects.length]!;
        const keys = Object.keys(value as object).filter((k) => k.length >= 3);
        const typo = `${keys[pick % keys.length]!}${extra}`;
        fc.pre(!(typo in (value as object)));
        const mutated = path.length ? set(plan, [...path, typo], 'oops') : { ...plan, [typo]: 'oops' };
        const problems = problemsOf(mutated).filter((p) => p.path === formatPath(path));
        expect(problems.map((p) => p.message).join('\n')).toMatch(new RegExp(`unknown key "${escapeRe(typo)}" \\(did you mean "`));
      }),
      { numRuns: 200, seed: SEED },
    );
  });

  it('a public, too large or too small network', () => {
    fc.assert(
      fc.property(validPlan, fc.constantFrom('8.8.0.0/16', '100.64.0.0/16', '172.32.0.0/16', '10.0.0.0/8', '10.40.0.0/15', '10.40.0.0/30', '192.168.0.0/23', '10.40.1.0/16', 'ten'), (plan, cidr) => {
        expectRejectedAt(set(plan, ['network', 'cidr'], cidr), 'network.cidr');
      }),
      { numRuns: 100, seed: SEED },
    );
  });

  it('a node pool whose min exceeds its max', () => {
    fc.assert(
      fc.property(validPlan, fc.nat(), (p, pick) => {
        const plan = withPools(p);
        const pools = get(plan, ['kubernetes', 'nodePools']) as { min: number }[];
        const i = pick % pools.length;
        const min = Math.max(2, pools[i]!.min);
        const mutated = set(set(plan, ['kubernetes', 'nodePools', i, 'min'], min), ['kubernetes', 'nodePools', i, 'max'], min - 1);
        expectRejectedAt(mutated, `kubernetes.nodePools[${i}]`, /must be at least min/);
      }),
      { numRuns: 100, seed: SEED },
    );
  });

  it('an instance type the catalog does not offer', () => {
    fc.assert(
      fc.property(validPlan, fc.nat(), fc.constantFrom('m6i.huge', 'm9.large', 'c5.xlarge', 't3.nano', 'Standard_D4s_v5', ''), (p, pick, type) => {
        const plan = withPools(p);
        const i = pick % (get(plan, ['kubernetes', 'nodePools']) as Json[]).length;
        expectRejectedAt(set(plan, ['kubernetes', 'nodePools', i, 'instanceType'], type), `kubernetes.nodePools[${i}].instanceType`);
      }),
      { numRuns: 100, seed: SEED },
    );
  });

  it('a component without one it requires', () => {
    const withDeps = COMPONENTS.filter((k) => catalog.components[k]!.requires.length > 0);
    fc.assert(
      fc.property(validPlan, fc.constantFrom(...withDeps), fc.nat(), (plan, key, pick) => {
        const deps = catalog.components[key]!.requires;
        const dep = deps[pick % deps.length]!;
        const mutated = set(set(plan, ['components', key], { enabled: true }), ['components', dep], { enabled: false });
        expectRejectedAt(mutated, `components.${dep}`, new RegExp(`needs ${escapeRe(catalog.components[dep]!.name)}`));
      }),
      { numRuns: 100, seed: SEED },
    );
  });

  it('seven required reviewers', () => {
    fc.assert(
      fc.property(validPlan, fc.uniqueArray(ghName, { minLength: 7, maxLength: 10 }), (plan, reviewers) => {
        expectRejectedAt(set(plan, ['github', 'reviewers'], reviewers), 'github.reviewers', /at most 6/);
      }),
      { numRuns: 50, seed: SEED },
    );
  });

  it('immutable OIDC subjects without the owner and repository IDs', () => {
    fc.assert(
      fc.property(validPlan, fc.constantFrom('ownerId', 'repoId', 'both'), (plan, drop) => {
        const g: Record<string, Json> = { ...(plan.github as Record<string, Json>), subjectFormat: 'immutable', ownerId: 1, repoId: 2 };
        if (drop !== 'repoId') delete g.ownerId;
        if (drop !== 'ownerId') delete g.repoId;
        expectRejectedAt({ ...plan, github: g }, drop === 'repoId' ? 'github.repoId' : 'github.ownerId', /required when subjectFormat is "immutable"/);
      }),
      { numRuns: 50, seed: SEED },
    );
  });
});

describe('schemas/plan.schema.json', () => {
  it('is what `npm run schemas` writes (planJsonSchema of the catalog)', () => {
    const committed = readFileSync(new URL('../../schemas/plan.schema.json', import.meta.url), 'utf8');
    expect(committed, 'schemas/plan.schema.json is stale: run `npm run schemas`').toBe(planJsonSchema(catalog));
  });

  it('is the same schema the generated repositories carry in .opsta/plan.schema.json', () => {
    const v = validatePlan(fc.sample(validPlan, { numRuns: 1, seed: SEED })[0], catalog);
    if (!v.ok) throw new Error('sample plan is invalid');
    expect(generateRepository(v.plan, v.resolved, opts)['.opsta/plan.schema.json']).toBe(planJsonSchema(catalog));
  });
});

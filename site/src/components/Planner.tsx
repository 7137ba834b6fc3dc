// The planner island: a five-step wizard over ONE react-hook-form whose values are the plan
// draft, validated on every change by zodResolver with the same schema the CLI uses.
import { zodResolver } from '@hookform/resolvers/zod';
import { Fragment, lazy, Suspense, useCallback, useDeferredValue, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Controller, useFieldArray, useForm, useWatch, type FieldErrors, type Resolver } from 'react-hook-form';
import type { CloudId, Profile } from '../../../schemas/blueprint.ts';
import { resolvePlan, type PlanInput } from '../../../schemas/plan.ts';
import { planSchemaFor, validatePlan, type Problem, type Validation } from '../../../schemas/validate.ts';
import { estimateCost, type CostReport } from '../../../generator/src/cost.ts';
import { planGraph } from '../../../generator/src/graph.ts';
import { catalog } from '../lib/catalog.ts';
import {
  applyProfile,
  autoEnableMessage,
  cloudIds,
  componentOrder,
  defaultDraft,
  disableMessage,
  draftToPlan,
  enabledKeys,
  fitPools,
  forEstimate,
  planToDraft,
  setCloud,
  toggleComponent,
  type PlanDraft,
} from '../lib/planModel.ts';
import Graph, { preloadGraph } from './Graph.tsx';
import { HYDRATED_EVENT } from '../lib/hydrate-on-intent.ts';
import type { MessageKey } from '../i18n/en.ts';
import type { Locale } from '../i18n/locale.ts';
import { Inline, rich, useI18n } from '../i18n/react.tsx';
import { BarChart, ConfirmDialog, Field, usd0 } from './ui.tsx';

const LazyReview = lazy(() => import('./Review.tsx'));
// The Publish step (token, change preview, pull request) is its own chunk: nobody pays for it before step 5.
const LazyPublish = lazy(() => import('./StepPublish.tsx'));

/** `title` is the step's message key. */
export const STEPS = [
  { id: 'cloud', title: 'step.cloud' },
  { id: 'components', title: 'step.components' },
  { id: 'parameters', title: 'step.parameters' },
  { id: 'review', title: 'step.review' },
  { id: 'publish', title: 'step.publish' },
] as const satisfies readonly { id: string; title: MessageKey }[];

const DRAFT_KEY = 'opsta.planner.draft.v1';
const STEP_KEY = 'opsta.planner.step.v1';

const schema = planSchemaFor(catalog);
const zod = zodResolver(schema);
/** The form keeps '' and NaN for empty inputs; the schema sees them as "not set". */
const resolver: Resolver<PlanDraft> = (values, ctx, opts) => zod(draftToPlan(values) as never, ctx, opts as never) as never;

/** Number inputs: empty means "not set" (undefined, never NaN, which the browser cannot display). */
const toNumber = (v: unknown) => (v === '' || v === null || v === undefined ? undefined : typeof v === 'number' ? v : Number(v));

export const fieldId = (path: string) => `f-${path.replace(/[.[\]]+/g, '-').replace(/-$/, '')}`;

/** The field's error in the user's language (the schema's English where there is no translation). */
function errorAt(errors: FieldErrors, path: string, L: Locale): string | undefined {
  let cur: unknown = errors;
  for (const part of path.split(/[.[\]]+/).filter(Boolean)) cur = (cur as Record<string, unknown> | undefined)?.[part];
  if (Array.isArray(cur)) {
    // Errors on list items (e.g. github.reviewers[1]): show them on the list's field.
    const items = cur.flatMap((item: { message?: string; type?: string } | undefined, i) => (item?.message ? [L.t('field.listItem', { n: i + 1, message: L.problem(item.message, item.type) })] : []));
    return items.join(L.t('field.listSeparator')) || undefined;
  }
  const e = cur as { message?: string; type?: string; root?: { message?: string; type?: string } } | undefined;
  if (e?.message) return L.problem(e.message, e.type);
  if (e?.root?.message) return L.problem(e.root.message, e.root.type);
  return undefined;
}

/**
 * The state a returning user left (the link's plan, else the local draft), read after hydration:
 * the server renders a new plan's first step, so the first client render must match it.
 */
function loadRestored(hashPlan: unknown): { draft: PlanDraft; step: number; restored: MessageKey } | undefined {
  let step = 0;
  try {
    step = Math.min(STEPS.length - 1, Math.max(0, Number(localStorage.getItem(STEP_KEY) ?? 0) || 0));
  } catch {
    /* storage unavailable */
  }
  const fromHash = planToDraft(hashPlan, catalog);
  if (fromHash) return { draft: fromHash, step, restored: 'notice.restoredLink' };
  try {
    const stored = localStorage.getItem(DRAFT_KEY);
    const fromStorage = stored ? planToDraft(JSON.parse(stored), catalog) : undefined;
    if (fromStorage) return { draft: fromStorage, step, restored: 'notice.restoredDraft' };
  } catch {
    /* ignore a damaged draft */
  }
  return undefined;
}

let hashModule: Promise<typeof import('../lib/hash.ts')> | undefined;
/** The URL hash codec (fflate, ~5 KB gzip): loaded to restore a link or once the plan changes, not for the first paint. */
const loadHash = () => (hashModule ??= import('../lib/hash.ts'));

const idle = (fn: () => void): (() => void) => {
  if (typeof requestIdleCallback === 'function') {
    const h = requestIdleCallback(fn, { timeout: 2000 });
    return () => cancelIdleCallback(h);
  }
  const t = setTimeout(fn, 200);
  return () => clearTimeout(t);
};

/** Steps that show the dependency graph: heading there starts loading mermaid. */
const GRAPH_STEPS = new Set([1, 3]);

/** Each component's own monthly cost if it were on, at the current cloud, region, profile and pools. */
function componentCosts(plan: PlanInput | undefined): Record<string, number> {
  if (!plan) return {};
  try {
    const all = { ...plan, components: Object.fromEntries(componentOrder(catalog).map((k) => [k, { ...((plan.components as Record<string, object>)[k] ?? {}), enabled: true }])) } as PlanInput;
    const resolved = resolvePlan(all, catalog);
    resolved.kubernetes.nodePools = resolved.kubernetes.nodePools.map((p) => ({ ...p, min: Math.max(p.min, 1) }));
    return Object.fromEntries(estimateCost(resolved, catalog).byComponent.map((c) => [c.owner, c.monthlyUsd]));
  } catch {
    return {};
  }
}

export default function Planner() {
  const L = useI18n();
  const { t, tp } = L;
  const initialDraft = useMemo(() => defaultDraft(catalog), []);
  const [step, setStep] = useState(0);
  const [notice, setNotice] = useState('');
  const form = useForm<PlanDraft>({ defaultValues: initialDraft, mode: 'onChange', resolver });
  const { control, getValues, setValue, trigger, formState } = form;
  const values = useWatch({ control }) as PlanDraft;
  const deferred = useDeferredValue(values);
  const validation: Validation = useMemo(() => validatePlan(draftToPlan(deferred), catalog), [deferred]);
  // Cost and the graph do not read the cloud account: estimate with stand-ins for it, so both
  // show before the user has filled it in. Only `validation` (the real plan) is ever generated.
  const estimate: Validation = useMemo(
    () => (validation.ok ? validation : validatePlan(forEstimate(draftToPlan(deferred), catalog), catalog, undefined, { allowPlaceholders: true })),
    [validation, deferred],
  );
  const lastValid = useRef<Extract<Validation, { ok: true }> | undefined>(undefined);
  if (estimate.ok) lastValid.current = estimate;
  const good = estimate.ok ? estimate : lastValid.current;
  const cost: CostReport | undefined = useMemo(() => (good ? estimateCost(good.resolved, catalog) : undefined), [good]);
  // Only the Components step shows it (one estimate per component): not computed while the first step hydrates.
  const perComponent = useMemo(() => (step === 1 ? componentCosts(good?.plan) : {}), [good, step]);
  const makeGraphCode = useCallback(
    () => (good ? L.graph(planGraph(good.resolved, catalog, cost ? Object.fromEntries(cost.byComponent.map((c) => [c.owner, c.monthlyUsd])) : undefined)) : ''),
    [good, cost, L],
  );
  const graphStep = GRAPH_STEPS.has(step);
  const graphCode = useMemo(() => (graphStep ? makeGraphCode() : ''), [graphStep, makeGraphCode]);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  /** Set when the user moves between steps: only then does the new step's heading take focus. */
  const moved = useRef(false);

  // After hydration, before the browser paints the hydrated page: the link's or the local
  // draft's state replaces the new plan the server rendered (planner.astro hides the shell
  // meanwhile when there is one, so nothing visibly jumps).
  useLayoutEffect(() => {
    const apply = (hashPlan: unknown) => {
      const restored = loadRestored(hashPlan);
      if (restored) {
        form.reset(restored.draft);
        setStep(restored.step);
        setNotice(t(restored.restored));
      }
      document.documentElement.classList.remove('planner-restoring');
    };
    if (/^#plan=/.test(location.hash)) void loadHash().then((m) => apply(m.decodePlanHash(location.hash)), () => apply(undefined));
    else apply(undefined);
    // Clicks that arrived before hydration (held by client:intent) can be replayed now.
    rootRef.current?.dispatchEvent(new Event(HYDRATED_EVENT, { bubbles: true }));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  /** The draft the first save effect saw: nothing to save until the plan differs from it. */
  const firstSeen = useRef<PlanDraft | undefined>(undefined);

  // Everything the user does is kept: the URL hash (shareable) and a localStorage draft.
  useEffect(() => {
    if (firstSeen.current === undefined || firstSeen.current === deferred) {
      firstSeen.current = deferred; // the plan the page opened with: already where it came from
      return;
    }
    const t = setTimeout(() => {
      const draft = getValues();
      try {
        localStorage.setItem(DRAFT_KEY, JSON.stringify(draft));
      } catch {
        /* private mode: the hash still has it */
      }
      void loadHash().then((m) => history.replaceState(null, '', `${location.pathname}${location.search}${m.encodePlanHash(draft)}`));
    }, 250);
    return () => clearTimeout(t);
  }, [deferred, getValues]);

  useEffect(() => {
    try {
      localStorage.setItem(STEP_KEY, String(step));
    } catch {
      /* ignore */
    }
    if (GRAPH_STEPS.has(step)) preloadGraph();
    if (!moved.current) return;
    moved.current = false;
    headingRef.current?.focus();
  }, [step]);
  // On the first step, once the browser is idle, fetch mermaid and draw the plan's graph ahead of
  // the Components step, so it is there as soon as the user is (the island hydrates only when a
  // user shows up, so this never competes with the page's first load).
  useEffect(() => (step === 0 ? idle(() => preloadGraph(makeGraphCode())) : undefined), [step, makeGraphCode]);

  // Cross-field rules (e.g. "Harbor needs cert-manager") can change errors on fields the user
  // did not touch: re-check the whole form shortly after each change.
  useEffect(() => {
    const t = setTimeout(() => void trigger(), 200);
    return () => clearTimeout(t);
  }, [deferred, trigger]);

  /** Programmatic changes (cloud, region, profile, toggles, import) go through here. */
  const applyDraft = useCallback(
    (next: PlanDraft) => {
      const cur = getValues();
      const opts = { shouldDirty: true, shouldTouch: true } as const;
      for (const key of ['metadata', 'cloud', 'profile', 'network', 'dns', 'tls', 'components', 'github', 'budget'] as const) {
        if (JSON.stringify(cur[key]) !== JSON.stringify(next[key])) setValue(key, next[key] as never, opts);
      }
      if (cur.kubernetes.distribution !== next.kubernetes.distribution) setValue('kubernetes.distribution', next.kubernetes.distribution, opts);
      if (cur.kubernetes.version !== next.kubernetes.version) setValue('kubernetes.version', next.kubernetes.version, opts);
      if (JSON.stringify(cur.kubernetes.nodePools) !== JSON.stringify(next.kubernetes.nodePools)) setValue('kubernetes.nodePools', next.kubernetes.nodePools ?? [], opts);
      void trigger();
    },
    [getValues, setValue, trigger],
  );

  const provider = values.cloud.provider as CloudId;
  const cloud = catalog.clouds[provider]!;
  const go = (i: number) => {
    moved.current = true;
    setStep(Math.max(0, Math.min(STEPS.length - 1, i)));
  };
  /** Pointer or keyboard heading for a step with the graph: start fetching mermaid and drawing the graph now. */
  const warmGraph = () => preloadGraph(makeGraphCode());
  const intent = (i: number) => (GRAPH_STEPS.has(i) ? { onPointerEnter: warmGraph, onFocus: warmGraph } : {});

  return (
    <div className="planner" ref={rootRef}>
      <nav aria-label={t('steps.nav')}>
        <ol className="steps">
          {STEPS.map((s, i) => (
            <li key={s.id}>
              <button type="button" className="step-btn" aria-current={i === step ? 'step' : undefined} onClick={() => go(i)} data-step={s.id} {...intent(i)}>
                <span className="step-num" aria-hidden="true">
                  {i + 1}
                </span>
                <span>{t(s.title)}</span>
              </button>
            </li>
          ))}
        </ol>
      </nav>
      <p className="summary-line" aria-live="polite" data-testid="summary">
        {cloud.name} · {values.cloud.region} · {tp('summary.components', enabledKeys(values, catalog).length)} ·{' '}
        {cost ? t('summary.cost', { usd: usd0(cost.totalUsd) }) : t('summary.noCost')} · {validation.ok ? t('summary.valid') : tp('summary.problems', validation.problems.length)}
      </p>
      {notice && (
        <p className="notice" role="status">
          {notice}{' '}
          <button type="button" className="link" onClick={() => setNotice('')}>
            {t('notice.dismiss')}
          </button>
        </p>
      )}
      <form onSubmit={(e) => e.preventDefault()} noValidate>
        <section aria-labelledby="step-heading" className="step" data-testid={`step-${STEPS[step]!.id}`}>
          <h2 id="step-heading" tabIndex={-1} ref={headingRef}>
            {t('steps.heading', { n: step + 1, title: t(STEPS[step]!.title) })}
          </h2>
          {step === 0 && <StepCloud values={values} applyDraft={applyDraft} onImported={setNotice} />}
          {step === 1 && <StepComponents values={values} applyDraft={applyDraft} costs={perComponent} errors={formState.errors} graphCode={graphCode} cost={cost} />}
          {step === 2 && <StepParameters form={form} values={values} applyDraft={applyDraft} />}
          {step === 3 && (
            <Suspense fallback={<p>{t('review.loading')}</p>}>
              <LazyReview validation={validation} cost={cost} costIsCurrent={estimate.ok} goToProblem={(p) => goToProblem(p, go)} graph={<Graph code={graphCode} id="review-graph" />} />
            </Suspense>
          )}
          {step === 4 && (
            <Suspense fallback={<p>{t('review.loading')}</p>}>
              <LazyPublish validation={validation} />
            </Suspense>
          )}
        </section>
        <div className="row step-nav">
          {step > 0 && (
            <button type="button" className="btn" onClick={() => go(step - 1)} {...intent(step - 1)}>
              {t('steps.back', { title: t(STEPS[step - 1]!.title) })}
            </button>
          )}
          {step < STEPS.length - 1 && (
            <button type="button" className="btn btn--primary" onClick={() => go(step + 1)} {...intent(step + 1)}>
              {t('steps.next', { title: t(STEPS[step + 1]!.title) })}
            </button>
          )}
        </div>
      </form>
    </div>
  );
}

function goToProblem(p: Problem, go: (i: number) => void) {
  const stepFor = p.path.startsWith('components') ? 1 : p.path.startsWith('cloud.region') || p.path === 'cloud.provider' ? 0 : 2;
  go(stepFor);
  setTimeout(() => {
    const el = document.getElementById(fieldId(p.path)) ?? document.getElementById(fieldId(p.path.replace(/\.[^.]*$/, '')));
    el?.focus();
  }, 50);
}

function StepCloud({ values, applyDraft, onImported }: { values: PlanDraft; applyDraft: (d: PlanDraft) => void; onImported: (m: string) => void }) {
  const L = useI18n();
  const { t, tp } = L;
  const clouds = cloudIds(catalog);
  const provider = values.cloud.provider as CloudId;
  const cloud = catalog.clouds[provider]!;
  const [importText, setImportText] = useState('');
  const [importProblems, setImportProblems] = useState<Problem[]>([]);
  const doImport = async (text: string, source: string) => {
    const { parsePlanText } = await import('../lib/planYaml.ts');
    const parsed = parsePlanText(text);
    if (!parsed.ok) return setImportProblems(parsed.problems);
    const draft = planToDraft(parsed.value, catalog);
    if (!draft) return setImportProblems([{ path: 'cloud.provider', message: t('import.noProvider', { clouds: clouds.join(', ') }) }]);
    applyDraft(draft);
    const v = validatePlan(draftToPlan(draft), catalog);
    setImportProblems(v.ok ? [] : v.problems);
    onImported(v.ok ? t('import.done', { source }) : t('import.doneProblems', { source, count: v.problems.length }));
  };
  return (
    <>
      <p>{t('cloud.intro')}</p>
      <fieldset className="cards">
        <legend>{t('cloud.legend')}</legend>
        {clouds.map((id) => {
          const c = catalog.clouds[id]!;
          return (
            <label key={id} className="card">
              <input type="radio" name="cloud-provider" value={id} checked={provider === id} onChange={() => applyDraft(setCloud(values, catalog, id))} />
              <span className="card-title">{c.name}</span>
              <span className="card-sub">
                {c.managedKubernetes} · {tp('cloud.regions', c.regions.length)}
              </span>
            </label>
          );
        })}
      </fieldset>
      <fieldset className="cards cards--small">
        <legend>{t('region.legend')}</legend>
        {cloud.regions.map((r) => (
          <label key={r.id} className="card">
            <input type="radio" name="cloud-region" value={r.id} checked={values.cloud.region === r.id} onChange={() => applyDraft(setCloud(values, catalog, provider, r.id))} />
            <span className="card-title">{L.regionName(r.id, r.name)}</span>
            <span className="card-sub">
              {r.id} · {tp('region.zones', r.zones.length)} · {cloud.prices.some((e) => e.usd[r.id] !== undefined) ? t('region.regionalPrices') : t('region.pricedAs', { region: cloud.priceRegion })}
            </span>
          </label>
        ))}
      </fieldset>
      <details className="import">
        <summary>{t('import.summary')}</summary>
        <div className="field">
          <label htmlFor="import-file">{t('import.file')}</label>
          <input
            id="import-file"
            type="file"
            accept=".yaml,.yml,text/yaml"
            onChange={async (e) => {
              const f = e.target.files?.[0];
              if (f) await doImport(await f.text(), f.name);
            }}
          />
        </div>
        <div className="field">
          <label htmlFor="import-text">{t('import.paste')}</label>
          <textarea id="import-text" rows={6} value={importText} onChange={(e) => setImportText(e.target.value)} spellCheck={false} />
        </div>
        <button type="button" className="btn" onClick={() => void doImport(importText, t('import.pasted'))} disabled={!importText.trim()}>
          {t('import.button')}
        </button>
        {importProblems.length > 0 && (
          <ul className="problems" aria-label={t('import.problems')}>
            {importProblems.map((p, i) => (
              <li key={i}>
                <code translate="no">{p.path || t('problem.wholePlan')}</code>: <Inline text={L.problem(p.message)} />
              </li>
            ))}
          </ul>
        )}
      </details>
    </>
  );
}

function StepComponents(props: { values: PlanDraft; applyDraft: (d: PlanDraft) => void; costs: Record<string, number>; errors: FieldErrors; graphCode: string; cost: CostReport | undefined }) {
  const { values, applyDraft, costs } = props;
  const L = useI18n();
  const { t, tp } = L;
  const [message, setMessage] = useState('');
  const [confirm, setConfirm] = useState<{ key: string; dependents: string[] } | undefined>();
  const toggle = (key: string, on: boolean, force = false) => {
    const r = toggleComponent(values, catalog, key, on, force);
    if (r.kind === 'confirm') return setConfirm({ key, dependents: r.dependents });
    applyDraft(fitPools(r.draft, catalog));
    setMessage(on ? autoEnableMessage(key, r.autoEnabled, L) : disableMessage(key, r.disabled, L));
  };
  const name = (k: string) => L.componentName(k);
  return (
    <>
      <p>{t('components.intro')}</p>
      <p className="notice notice--live" role="status" aria-live="polite" data-testid="toggle-message">
        {message}
      </p>
      <div className="components-layout">
      <div className="components-main">
      <ul className="components">
        {componentOrder(catalog).map((key) => {
          const c = catalog.components[key]!;
          const on = Boolean(values.components[key]?.enabled);
          const err = errorAt(props.errors, `components.${key}`, L);
          return (
            <li key={key} className={`component${on ? ' component--on' : ''}`}>
              <input type="checkbox" id={fieldId(`components.${key}`)} checked={on} onChange={(e) => toggle(key, e.target.checked)} aria-describedby={`${key}-desc ${key}-cost`} />
              <label htmlFor={fieldId(`components.${key}`)} className="component-name">
                {name(key)}
              </label>
              <span className="component-cost" id={`${key}-cost`}>
                {costs[key] !== undefined ? t('components.cost', { usd: usd0(costs[key]!) }) : ''}
              </span>
              <p id={`${key}-desc`} className="component-desc">
                {L.componentDescription(key)}
                {c.requires.length > 0 && t('components.needs', { names: c.requires.map(name).join(t('list.separator')) })}
              </p>
              {err && (
                <p className="error">
                  <Inline text={err} />
                </p>
              )}
            </li>
          );
        })}
      </ul>
      {props.cost && (
        <p>
          {rich(props.cost.borrowedLines ? tp('components.totalBorrowed', props.cost.borrowedLines, { region: props.cost.referenceRegion }) : t('components.total'), {
            total: <strong>{t('components.totalUsd', { usd: usd0(props.cost.totalUsd) })}</strong>,
          })}
        </p>
      )}
      </div>
      <div className="components-graph">
        <h3 id="components-graph-heading">{t('components.graph')}</h3>
        <Graph code={props.graphCode} id="components-graph" />
      </div>
      </div>
      <ConfirmDialog
        open={Boolean(confirm)}
        title={confirm ? t('confirm.title', { name: name(confirm.key) }) : ''}
        confirmLabel={confirm ? t('confirm.button', { name: name(confirm.key), count: confirm.dependents.length }) : ''}
        onCancel={() => setConfirm(undefined)}
        onConfirm={() => {
          const c = confirm!;
          setConfirm(undefined);
          toggle(c.key, false, true);
        }}
      >
        {confirm && (
          <p>{tp('confirm.body', confirm.dependents.length, { names: confirm.dependents.map(name).join(t('list.separator')), name: name(confirm.key) })}</p>
        )}
      </ConfirmDialog>
    </>
  );
}

type Form = ReturnType<typeof useForm<PlanDraft>>;

function StepParameters({ form, values, applyDraft }: { form: Form; values: PlanDraft; applyDraft: (d: PlanDraft) => void }) {
  const { register, control, formState } = form;
  const L = useI18n();
  const { t, tp } = L;
  const errors = formState.errors;
  const provider = values.cloud.provider as CloudId;
  const cloud = catalog.clouds[provider]!;
  const region = cloud.regions.find((r) => r.id === values.cloud.region) ?? cloud.regions[0]!;
  const pools = useFieldArray({ control, name: 'kubernetes.nodePools' as never });
  const err = (p: string) => errorAt(errors, p, L);
  const text = (path: string, label: string, hint?: ReactNode, type = 'text') => (
    <Field id={fieldId(path)} label={label} error={err(path)} {...(hint ? { hint } : {})}>
      {(a) => <input {...a} type={type} autoComplete="off" spellCheck={false} {...register(path as never)} />}
    </Field>
  );
  const num = (path: string, label: string, hint?: ReactNode) => (
    <Field id={fieldId(path)} label={label} error={err(path)} {...(hint ? { hint } : {})}>
      {(a) => <input {...a} type="number" inputMode="numeric" {...register(path as never, { setValueAs: toNumber })} />}
    </Field>
  );
  const profiles: Profile[] = ['small', 'medium', 'large'];
  return (
    <>
      <fieldset className="cards">
        <legend>{t('profile.legend')}</legend>
        {profiles.map((p) => {
          const d = cloud.profiles[p];
          return (
            <label key={p} className="card">
              <input type="radio" name="profile-card" value={p} checked={values.profile === p} onChange={() => applyDraft(applyProfile(form.getValues(), catalog, p))} />
              <span className="card-title">{t(`profile.${p}`)}</span>
              <span className="card-sub">
                {tp('profile.zones', d.zones)} · {d.natGateways === 'single' ? t('profile.natSingle') : t('profile.natPerZone')} · {d.nodePool.min}–{d.nodePool.max} × {d.nodePool.instanceType}
              </span>
            </label>
          );
        })}
      </fieldset>

      <fieldset>
        <legend>{t('plan.legend')}</legend>
        <div className="grid">
          {text('metadata.name', t('plan.name'), t('plan.name.hint'))}
          {text('metadata.environment', t('plan.environment'), t('plan.environment.hint'))}
          {text('metadata.description', t('plan.description'))}
          {cloud.accountFields.map((f) => {
            // Required, empty in a new plan: the hint says the format and where to find the value.
            const known = L.account(f);
            const label = known?.label ?? `${cloud.name} ${f.replace(/([A-Z])/g, ' $1').toLowerCase().replace(/ id$/, ' ID')}`;
            const hint = known ? <Inline text={t('account.hint', { format: known.format, where: known.where })} /> : undefined;
            return <Fragment key={f}>{text(`cloud.${provider}.${f}`, label, hint)}</Fragment>;
          })}
        </div>
      </fieldset>

      <fieldset>
        <legend>{t('network.legend')}</legend>
        <div className="grid">
          {text('network.cidr', t('network.cidr'), t('network.cidr.hint'))}
          <Field id={fieldId('network.zones')} label={t('network.zones')} error={err('network.zones')}>
            {(a) => (
              <select {...a} {...register('network.zones', { setValueAs: toNumber })}>
                <option value="">{t('network.zones.default', { n: Math.min(cloud.profiles[values.profile].zones, region.zones.length) })}</option>
                {region.zones.map((_, i) => (
                  <option key={i} value={i + 1}>
                    {i + 1}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
      </fieldset>

      <fieldset>
        <legend>{t('cluster.legend')}</legend>
        <div className="grid">
          <Field id={fieldId('kubernetes.distribution')} label={t('cluster.distribution')} error={err('kubernetes.distribution')}>
            {(a) => (
              <select {...a} {...register('kubernetes.distribution')}>
                {cloud.distributions.map((d) => (
                  <option key={d} value={d}>
                    {d === 'managed' ? t('cluster.managed', { name: cloud.managedKubernetes }) : t('cluster.rke2')}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id={fieldId('kubernetes.version')} label={t('cluster.version')} error={err('kubernetes.version')}>
            {(a) => (
              <select {...a} {...register('kubernetes.version')}>
                <option value="">{t('cluster.version.default', { version: cloud.defaultKubernetesVersion })}</option>
                {cloud.kubernetesVersions.map((v) => (
                  <option key={v} value={v}>
                    {v}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <h3 id="pools-heading">{t('pools.heading')}</h3>
        {err('kubernetes.nodePools') && (
          <p className="error" id={fieldId('kubernetes.nodePools')} tabIndex={-1}>
            <Inline text={err('kubernetes.nodePools')!} />
          </p>
        )}
        {pools.fields.length === 0 && (
          <p className="hint" data-testid="default-pool">
            {t('pools.default', { profile: t(`profile.${values.profile}`), type: cloud.profiles[values.profile].nodePool.instanceType })}
          </p>
        )}
        {pools.fields.map((f, i) => (
          <fieldset key={f.id} className="pool">
            <legend>{t('pools.legend', { n: i + 1 })}</legend>
            <div className="grid grid--pool">
              {text(`kubernetes.nodePools.${i}.name`, t('pools.name'))}
              <Field id={fieldId(`kubernetes.nodePools.${i}.instanceType`)} label={t('pools.instanceType')} error={err(`kubernetes.nodePools.${i}.instanceType`)}>
                {(a) => (
                  <select {...a} {...register(`kubernetes.nodePools.${i}.instanceType` as never)}>
                    {!cloud.instanceTypes.some((t) => t.id === values.kubernetes.nodePools?.[i]?.instanceType) && (
                      <option value={values.kubernetes.nodePools?.[i]?.instanceType ?? ''}>{t('pools.notInCatalog', { type: values.kubernetes.nodePools?.[i]?.instanceType || t('pools.choose') })}</option>
                    )}
                    {cloud.instanceTypes.map((t) => (
                      <option key={t.id} value={t.id}>
                        {L.t('pools.instanceOption', { id: t.id, vcpu: t.vcpu, memory: t.memoryGiB })}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              {num(`kubernetes.nodePools.${i}.min`, t('pools.min'))}
              {num(`kubernetes.nodePools.${i}.max`, t('pools.max'))}
              {num(`kubernetes.nodePools.${i}.diskGiB`, t('pools.disk'))}
            </div>
            <button type="button" className="btn btn--small" onClick={() => pools.remove(i)} disabled={pools.fields.length <= 1}>
              {t('pools.remove', { n: i + 1 })}
            </button>
          </fieldset>
        ))}
        <button
          type="button"
          className="btn btn--small"
          disabled={pools.fields.length >= 5}
          onClick={() => {
            const p = cloud.profiles[values.profile].nodePool;
            pools.append({ name: `pool${pools.fields.length + 1}`, instanceType: p.instanceType, min: 1, max: 3, diskGiB: p.diskGiB } as never);
          }}
        >
          {t('pools.add')}
        </button>
      </fieldset>

      <fieldset>
        <legend>{t('dns.legend')}</legend>
        <div className="grid">
          {text('dns.domain', t('dns.domain'), t('dns.domain.hint'))}
          <Field id={fieldId('dns.zone')} label={t('dns.zone')} error={err('dns.zone')}>
            {(a) => (
              <select {...a} {...register('dns.zone')}>
                <option value="create">{t('dns.zone.create')}</option>
                <option value="existing">{t('dns.zone.existing')}</option>
              </select>
            )}
          </Field>
          <Field id={fieldId('tls.issuer')} label={t('tls.issuer')} error={err('tls.issuer')}>
            {(a) => (
              <select {...a} {...register('tls.issuer')}>
                <option value="letsencrypt">{t('tls.letsencrypt')}</option>
                <option value="letsencrypt-staging">{t('tls.letsencryptStaging')}</option>
                <option value="selfsigned">{t('tls.selfsigned')}</option>
              </select>
            )}
          </Field>
          {text('tls.email', t('tls.email'), t('tls.email.hint'), 'email')}
          {values.components.keycloak?.enabled && text('components.keycloak.realm', t('keycloak.realm'), t('keycloak.realm.hint'))}
        </div>
      </fieldset>

      <fieldset>
        <legend>{t('github.legend')}</legend>
        <div className="grid">
          {/* Required, empty in a new plan: the cloud roles trust this repository's workflows. */}
          {(['owner', 'repo'] as const).map((f) => (
            <Fragment key={f}>{text(`github.${f}`, t(`github.${f}`), <Inline text={t('account.hint', { format: t(`github.${f}.format`), where: t('github.where') })} />)}</Fragment>
          ))}
          {text('github.baseBranch', t('github.baseBranch'))}
          {text('github.environment', t('github.environment'), t('github.environment.hint'))}
          <Controller
            control={control}
            name="github.reviewers"
            render={({ field }) => <ReviewersInput value={field.value ?? []} onChange={field.onChange} onBlur={field.onBlur} error={err('github.reviewers')} />}
          />
          {num('github.ownerId', t('github.ownerId'), t('github.ownerId.hint'))}
          {num('github.repoId', t('github.repoId'))}
        </div>
      </fieldset>

      <fieldset>
        <legend>{t('budget.legend')}</legend>
        <div className="grid">{num('budget.monthlyUsd', t('budget.monthly'))}</div>
      </fieldset>
    </>
  );
}

function ReviewersInput(props: { value: string[]; onChange: (v: string[]) => void; onBlur: () => void; error: string | undefined }) {
  const { t } = useI18n();
  const [text, setText] = useState(props.value.join(', '));
  useEffect(() => {
    const parsed = text.split(/[\s,]+/).filter(Boolean);
    if (parsed.join(',') !== props.value.join(',')) setText(props.value.join(', '));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.value]);
  return (
    <Field id={fieldId('github.reviewers')} label={t('github.reviewers')} hint={t('github.reviewers.hint')} error={props.error}>
      {(a) => (
        <input
          {...a}
          type="text"
          autoComplete="off"
          spellCheck={false}
          value={text}
          onBlur={props.onBlur}
          onChange={(e) => {
            setText(e.target.value);
            props.onChange(e.target.value.split(/[\s,]+/).filter(Boolean));
          }}
        />
      )}
    </Field>
  );
}

export { BarChart };

/**
 * Gateway API relations, offline: does every route attach to a listener that admits it, and
 * does every hostname the platform serves have a route? (The Gateway API rules in short:
 * a parentRef names a Gateway, and optionally a listener by sectionName; a listener admits a
 * route when its protocol carries HTTP, its allowedRoutes.kinds (if any) include HTTPRoute,
 * its allowedRoutes.namespaces admits the route's namespace (from: Same by default, All, or
 * Selector over the namespace's labels), and its hostname, if set, matches one of the
 * route's hostnames. A `*.example.com` listener matches any name with at least one more label.)
 */
import type { K8sObject } from './helm.ts';

export interface ParentRef {
  name: string;
  namespace?: string;
  sectionName?: string;
  group?: string;
  kind?: string;
}

/** An HTTPRoute as the platform will have it: rendered by a local chart, or produced by chart values. */
export interface Route {
  /** Where it comes from, for messages (`HTTPRoute/keycloak/keycloak`, `values/vault.yaml server.httproute`). */
  source: string;
  namespace: string;
  hostnames: string[];
  parentRefs: ParentRef[];
}

interface Listener {
  name: string;
  protocol: string;
  port: number;
  hostname?: string;
  tls?: { certificateRefs?: { name: string; namespace?: string; kind?: string }[] };
  allowedRoutes?: {
    kinds?: { group?: string; kind: string }[];
    namespaces?: { from?: string; selector?: { matchLabels?: Record<string, string>; matchExpressions?: { key: string; operator: string; values?: string[] }[] } };
  };
}

const spec = <T>(o: K8sObject) => (o.spec ?? {}) as T;

export function routesFromObjects(objects: K8sObject[], defaultNamespace: (o: K8sObject) => string): Route[] {
  return objects
    .filter((o) => o.kind === 'HTTPRoute')
    .map((o) => {
      const s = spec<{ hostnames?: string[]; parentRefs?: ParentRef[] }>(o);
      const namespace = o.metadata?.namespace ?? defaultNamespace(o);
      return { source: `HTTPRoute/${namespace}/${o.metadata?.name}`, namespace, hostnames: s.hostnames ?? [], parentRefs: s.parentRefs ?? [] };
    });
}

/** Gateway API hostname matching (listener side may be a wildcard). */
export function hostnameMatches(listener: string | undefined, host: string): boolean {
  if (!listener) return true;
  if (listener.startsWith('*.')) return host.endsWith(listener.slice(1)) && host.length > listener.length - 1;
  return listener === host;
}

/** Labels Kubernetes sets on every namespace by itself; the only ones a check can rely on. */
const namespaceLabels = (ns: string): Record<string, string> => ({ 'kubernetes.io/metadata.name': ns });

function selectorMatches(sel: NonNullable<NonNullable<Listener['allowedRoutes']>['namespaces']>['selector'], labels: Record<string, string>): boolean {
  if (!sel) return false;
  for (const [k, v] of Object.entries(sel.matchLabels ?? {})) if (labels[k] !== v) return false;
  for (const e of sel.matchExpressions ?? []) {
    const has = e.key in labels;
    const v = labels[e.key];
    if (e.operator === 'In' && !(has && (e.values ?? []).includes(v!))) return false;
    if (e.operator === 'NotIn' && has && (e.values ?? []).includes(v!)) return false;
    if (e.operator === 'Exists' && !has) return false;
    if (e.operator === 'DoesNotExist' && has) return false;
  }
  return true;
}

/** Why a listener does not admit the route, or undefined if it does. */
function refusal(l: Listener, gatewayNamespace: string, r: Route): string | undefined {
  if (!['HTTP', 'HTTPS'].includes(l.protocol)) return `listener ${l.name} is ${l.protocol}, which carries no HTTPRoute`;
  const kinds = l.allowedRoutes?.kinds;
  if (kinds && !kinds.some((k) => k.kind === 'HTTPRoute' && (k.group ?? 'gateway.networking.k8s.io') === 'gateway.networking.k8s.io')) return `listener ${l.name} does not allow kind HTTPRoute`;
  const from = l.allowedRoutes?.namespaces?.from ?? 'Same';
  if (from === 'Same' && r.namespace !== gatewayNamespace) return `listener ${l.name} admits routes from its own namespace ${gatewayNamespace} only, not ${r.namespace}`;
  if (from === 'Selector' && !selectorMatches(l.allowedRoutes?.namespaces?.selector, namespaceLabels(r.namespace))) return `listener ${l.name}'s namespace selector does not select ${r.namespace}`;
  if (from !== 'All' && from !== 'Same' && from !== 'Selector') return `listener ${l.name} has allowedRoutes.namespaces.from ${from}`;
  if (r.hostnames.length && !r.hostnames.some((h) => hostnameMatches(l.hostname, h))) return `listener ${l.name} (hostname ${l.hostname}) matches none of ${r.hostnames.join(', ')}`;
  return undefined;
}

/**
 * Problems with how routes attach: a parentRef to a missing Gateway or listener, a listener
 * that does not admit the route, a route hostname no attached listener serves.
 */
export function checkRouteAttachment(routes: Route[], objects: K8sObject[]): string[] {
  const out: string[] = [];
  const gateways = objects.filter((o) => o.kind === 'Gateway');
  for (const r of routes) {
    if (r.parentRefs.length === 0) out.push(`${r.source}: no parentRefs, so it attaches to nothing`);
    const served = new Set<string>();
    for (const p of r.parentRefs) {
      if ((p.kind ?? 'Gateway') !== 'Gateway') continue;
      const ns = p.namespace ?? r.namespace;
      const gw = gateways.find((g) => g.metadata?.name === p.name && g.metadata?.namespace === ns);
      if (!gw) {
        out.push(`${r.source}: parentRef Gateway ${ns}/${p.name} does not exist`);
        continue;
      }
      const listeners = spec<{ listeners?: Listener[] }>(gw).listeners ?? [];
      const candidates = p.sectionName ? listeners.filter((l) => l.name === p.sectionName) : listeners;
      if (p.sectionName && candidates.length === 0) {
        out.push(`${r.source}: Gateway ${ns}/${p.name} has no listener "${p.sectionName}" (it has ${listeners.map((l) => l.name).join(', ') || 'none'})`);
        continue;
      }
      const admitting = candidates.filter((l) => !refusal(l, ns, r));
      if (admitting.length === 0) {
        out.push(`${r.source}: not admitted by Gateway ${ns}/${p.name}: ${candidates.map((l) => refusal(l, ns, r)).join('; ')}`);
        continue;
      }
      for (const h of r.hostnames) if (admitting.some((l) => hostnameMatches(l.hostname, h))) served.add(h);
    }
    for (const h of r.hostnames) if (!served.has(h) && r.parentRefs.length) out.push(`${r.source}: hostname ${h} is served by no listener it attaches to`);
  }
  return out;
}

/** Problems with the Gateways themselves: class, class parameters and listener certificates that do not exist. */
export function checkGateways(objects: K8sObject[]): string[] {
  const out: string[] = [];
  const find = (kind: string, name: string, namespace?: string) => objects.find((o) => o.kind === kind && o.metadata?.name === name && (namespace === undefined || o.metadata?.namespace === namespace));
  for (const gc of objects.filter((o) => o.kind === 'GatewayClass')) {
    const ref = spec<{ parametersRef?: { group: string; kind: string; name: string; namespace?: string } }>(gc).parametersRef;
    if (ref && !find(ref.kind, ref.name, ref.namespace)) out.push(`GatewayClass/${gc.metadata?.name}: parametersRef ${ref.kind} ${ref.namespace ?? ''}/${ref.name} does not exist`);
  }
  for (const gw of objects.filter((o) => o.kind === 'Gateway')) {
    const ns = gw.metadata?.namespace;
    const s = spec<{ gatewayClassName: string; listeners?: Listener[] }>(gw);
    if (!find('GatewayClass', s.gatewayClassName)) out.push(`Gateway/${ns}/${gw.metadata?.name}: GatewayClass ${s.gatewayClassName} does not exist`);
    for (const l of s.listeners ?? []) {
      for (const c of l.tls?.certificateRefs ?? []) {
        const certNs = c.namespace ?? ns;
        const issued = objects.some((o) => o.kind === 'Certificate' && o.metadata?.namespace === certNs && (o.spec as { secretName?: string } | undefined)?.secretName === c.name);
        if (!issued) out.push(`Gateway/${ns}/${gw.metadata?.name}: listener ${l.name} uses Secret ${certNs}/${c.name}, which no Certificate issues`);
      }
    }
  }
  return out;
}

/** Hostnames without a route that serves them. */
export function checkHostnamesRouted(expected: { component: string; host: string }[], routes: Route[]): string[] {
  return expected.filter((e) => !routes.some((r) => r.hostnames.includes(e.host))).map((e) => `${e.component}: no HTTPRoute serves ${e.host}`);
}

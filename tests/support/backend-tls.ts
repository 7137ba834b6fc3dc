/**
 * TLS between the gateway and a backend, offline (review M15). A route's backend that serves
 * TLS needs a BackendTLSPolicy on its Service, or Envoy speaks plain HTTP to a TLS port (every
 * request fails); a backend that serves plain HTTP must have none, or Envoy opens TLS to a
 * plain port. When there is a policy, what it verifies has to be what the backend serves: its
 * CA reference is a Secret a cert-manager Certificate issues (Envoy Gateway reads its `ca.crt`),
 * signed by the same CA Issuer as the certificate the backend serves, and its `hostname` is one
 * of that certificate's DNS names.
 */
import type { K8sObject } from './helm.ts';
import { hostnameMatches } from './gateway-routes.ts';

/** A Service a route sends traffic to, and how that backend serves it. */
export interface Backend {
  /** Where the route comes from, for messages. */
  source: string;
  namespace: string;
  service: string;
  /** The backend's listener serves TLS. */
  tls: boolean;
  /** The Secret whose certificate the backend serves (when tls). */
  servedSecret?: string;
  /** Other names clients verify the served certificate against (Vault's raft peers). */
  alsoVerifiedAs?: string[];
}

interface PolicySpec {
  targetRefs?: { group?: string; kind?: string; name?: string }[];
  validation?: { caCertificateRefs?: { group?: string; kind?: string; name?: string }[]; hostname?: string; wellKnownCACertificates?: string };
}
interface CertSpec {
  secretName?: string;
  dnsNames?: string[];
  isCA?: boolean;
  issuerRef?: { kind?: string; name?: string; group?: string };
}

const spec = <T>(o: K8sObject) => (o.spec ?? {}) as T;

/** The Certificate in `namespace` that issues Secret `name`, if any. */
function certificateFor(objects: K8sObject[], namespace: string, name: string): K8sObject | undefined {
  return objects.find((o) => o.kind === 'Certificate' && o.metadata?.namespace === namespace && spec<CertSpec>(o).secretName === name);
}

/** The CA Secret behind a namespaced Issuer of kind CA, if the issuer is one. */
function caIssuerSecret(objects: K8sObject[], namespace: string, ref: CertSpec['issuerRef']): string | undefined {
  if (!ref || (ref.kind ?? 'Issuer') !== 'Issuer') return undefined;
  const issuer = objects.find((o) => o.kind === 'Issuer' && o.metadata?.namespace === namespace && o.metadata?.name === ref.name);
  return issuer ? spec<{ ca?: { secretName?: string } }>(issuer).ca?.secretName : undefined;
}

export function checkBackendTls(backends: Backend[], objects: K8sObject[]): string[] {
  const out: string[] = [];
  for (const b of backends) {
    const where = `${b.source} → Service ${b.namespace}/${b.service}`;
    const policies = objects.filter(
      (o) =>
        o.kind === 'BackendTLSPolicy' &&
        o.metadata?.namespace === b.namespace &&
        (spec<PolicySpec>(o).targetRefs ?? []).some((t) => (t.group ?? '') === '' && t.kind === 'Service' && t.name === b.service),
    );
    if (!b.tls) {
      if (policies.length) out.push(`${where}: the backend serves plain HTTP, but BackendTLSPolicy ${policies.map((p) => p.metadata?.name).join(', ')} makes the gateway speak TLS to it`);
      continue;
    }
    if (policies.length === 0) {
      out.push(`${where}: the backend serves TLS but no BackendTLSPolicy targets the Service, so the gateway speaks plain HTTP to a TLS port`);
      continue;
    }
    const served = b.servedSecret ? certificateFor(objects, b.namespace, b.servedSecret) : undefined;
    if (!served) {
      out.push(`${where}: the backend serves Secret ${b.namespace}/${b.servedSecret ?? '(none)'}, which no Certificate issues`);
      continue;
    }
    const dnsNames = spec<CertSpec>(served).dnsNames ?? [];
    const covers = (h: string) => dnsNames.some((d) => d === h || hostnameMatches(d, h));
    for (const h of b.alsoVerifiedAs ?? []) if (!covers(h)) out.push(`${where}: clients verify it as ${h}, which is not among Certificate ${served.metadata?.name}'s DNS names`);
    const servedCa = caIssuerSecret(objects, b.namespace, spec<CertSpec>(served).issuerRef);
    if (!servedCa) out.push(`${where}: Certificate ${served.metadata?.name} is not issued by a CA Issuer in ${b.namespace}, so nothing the gateway can trust signs it`);
    for (const p of policies) {
      const v = spec<PolicySpec>(p).validation ?? {};
      const name = `BackendTLSPolicy/${b.namespace}/${p.metadata?.name}`;
      const refs = v.caCertificateRefs ?? [];
      if (refs.length === 0) out.push(`${name}: no caCertificateRefs${v.wellKnownCACertificates ? ` (${v.wellKnownCACertificates} roots cannot verify an internal CA)` : ''}`);
      for (const r of refs) {
        if (r.kind !== 'Secret') {
          out.push(`${name}: caCertificateRefs ${r.kind ?? '?'} ${r.name ?? '?'}: only a Secret cert-manager writes is checked here (a ConfigMap would need trust-manager)`);
          continue;
        }
        const cert = certificateFor(objects, b.namespace, r.name ?? '');
        if (!cert) {
          out.push(`${name}: CA Secret ${b.namespace}/${r.name} is issued by no Certificate`);
          continue;
        }
        // The ca.crt of a Secret is the CA that signed it, or the CA itself for the CA's own Secret.
        const trusts = spec<CertSpec>(cert).isCA ? r.name : caIssuerSecret(objects, b.namespace, spec<CertSpec>(cert).issuerRef);
        if (servedCa && trusts !== servedCa) out.push(`${name}: trusts the CA in Secret ${trusts ?? '(none)'}, but the served certificate is signed by the CA in Secret ${servedCa}`);
      }
      if (!v.hostname) out.push(`${name}: no validation.hostname`);
      else if (!covers(v.hostname)) out.push(`${name}: hostname ${v.hostname} is not among the served certificate's DNS names (${dnsNames.join(', ')})`);
    }
  }
  return out;
}

// ---- Vault --------------------------------------------------------------------------------

/** What Vault's values make the backend of its chart-rendered route, and what else its TLS needs. */
export function vaultBackend(values: Record<string, unknown>, namespace: string): { backend: Backend; problems: string[] } {
  const server = (values.server ?? {}) as {
    httproute?: { activeService?: boolean };
    extraVolumes?: { type?: string; name?: string; path?: string }[];
    ha?: { raft?: { config?: string } };
    standalone?: { config?: string };
  };
  const global = (values.global ?? {}) as { tlsDisable?: boolean };
  const config = server.ha?.raft?.config ?? server.standalone?.config ?? '';
  const listener = /listener\s+"tcp"\s*\{([^}]*)\}/.exec(config)?.[1] ?? '';
  const listenerTls = !/tls_disable\s*=\s*(1|true|"true")/.test(listener);
  const source = 'values/vault.yaml server.httproute';
  const service = server.httproute?.activeService === false ? 'vault' : 'vault-active';
  const problems: string[] = [];
  // The chart's probes, VAULT_ADDR and Service port name follow global.tlsDisable (default true).
  const chartTls = global.tlsDisable === false;
  if (listenerTls !== chartTls) problems.push(`${source}: the listener ${listenerTls ? 'serves TLS' : 'is plain HTTP'} but global.tlsDisable is ${String(global.tlsDisable ?? true)}, so the chart's probes and VAULT_ADDR use the other scheme`);
  let servedSecret: string | undefined;
  const joinHosts: string[] = [];
  if (listenerTls) {
    const cert = /tls_cert_file\s*=\s*"([^"]+)"/.exec(listener)?.[1];
    const key = /tls_key_file\s*=\s*"([^"]+)"/.exec(listener)?.[1];
    if (!cert || !key) problems.push(`${source}: the listener serves TLS but sets no tls_cert_file/tls_key_file`);
    // server.extraVolumes mounts each Secret at <path or /vault/userconfig>/<name>.
    const mounted = (server.extraVolumes ?? []).filter((v) => v.type === 'secret').map((v) => ({ name: v.name!, dir: `${v.path ?? '/vault/userconfig'}/${v.name}` }));
    const volume = cert && mounted.find((m) => cert.startsWith(`${m.dir}/`));
    if (cert && !volume) problems.push(`${source}: tls_cert_file ${cert} is in no Secret server.extraVolumes mounts`);
    if (volume && key && !key.startsWith(`${volume.dir}/`)) problems.push(`${source}: tls_key_file ${key} is not in the Secret ${volume.name} the certificate comes from`);
    servedSecret = volume ? volume.name : undefined;
    for (const join of config.matchAll(/retry_join\s*\{([^}]*)\}/g)) {
      const addr = /leader_api_addr\s*=\s*"([^"]+)"/.exec(join[1]!)?.[1] ?? '';
      const host = /^https?:\/\/([^:/]+)/.exec(addr)?.[1];
      if (host) joinHosts.push(host);
      if (!addr.startsWith('https://')) problems.push(`${source}: retry_join ${addr || '(no leader_api_addr)'} is not https while the listener serves TLS`);
      else if (!/leader_ca_cert_file\s*=/.test(join[1]!)) problems.push(`${source}: retry_join ${addr} has no leader_ca_cert_file, so the peer certificate cannot be verified`);
    }
  }
  return { backend: { source, namespace, service, tls: listenerTls, ...(servedSecret ? { servedSecret } : {}), alsoVerifiedAs: joinHosts }, problems };
}

// IPv4 CIDR arithmetic for the network rules and subnet layout. Kept tiny and
// dependency-free because it runs in the planner on every keystroke.

export interface Cidr {
  base: number; // network address as an unsigned 32-bit integer
  prefix: number;
}

const OCTET = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

export function parseCidr(text: string): Cidr | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(text);
  if (!m) return undefined;
  const octets = m.slice(1, 5);
  if (!octets.every((o) => OCTET.test(o))) return undefined;
  const prefix = Number(m[5]);
  if (prefix > 32) return undefined;
  const addr = octets.reduce((acc, o) => acc * 256 + Number(o), 0);
  const size = 2 ** (32 - prefix);
  if (addr % size !== 0) return undefined; // host bits set: 10.40.1.0/16 is ambiguous, make the user say what they mean
  return { base: addr, prefix };
}

export function formatCidr(c: Cidr): string {
  const o = [24, 16, 8, 0].map((s) => Math.floor(c.base / 2 ** s) % 256);
  return `${o.join('.')}/${c.prefix}`;
}

const PRIVATE_RANGES = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'].map((r) => parseCidr(r)!);

export function contains(outer: Cidr, inner: Cidr): boolean {
  if (inner.prefix < outer.prefix) return false;
  const size = 2 ** (32 - outer.prefix);
  return inner.base >= outer.base && inner.base < outer.base + size;
}

export function isPrivate(c: Cidr): boolean {
  return PRIVATE_RANGES.some((r) => contains(r, c));
}

/** The `index`-th block of `newBits` extra prefix bits inside `c` (like Terraform's cidrsubnet). */
export function subnet(c: Cidr, newBits: number, index: number): Cidr {
  const prefix = c.prefix + newBits;
  if (prefix > 32 || index < 0 || index >= 2 ** newBits) throw new RangeError(`no subnet ${index} of /${prefix} in ${formatCidr(c)}`);
  return { base: c.base + index * 2 ** (32 - prefix), prefix };
}

export function overlaps(a: Cidr, b: Cidr): boolean {
  return contains(a, b) || contains(b, a);
}

/**
 * Split the VPC range into per-zone private and public subnets that never overlap.
 * The range is cut in quarters: the first three quarters hold one large private
 * subnet per zone (nodes and pods need the addresses), the last quarter is cut
 * again into small public subnets for load balancers and NAT.
 */
export function layoutSubnets(vpc: Cidr, zones: number): { private: Cidr[]; public: Cidr[] } {
  const priv: Cidr[] = [];
  const pub: Cidr[] = [];
  const publicQuarter = subnet(vpc, 2, 3);
  for (let i = 0; i < zones; i++) {
    priv.push(subnet(vpc, 2, i));
    pub.push(subnet(publicQuarter, 2, i));
  }
  return { private: priv, public: pub };
}

/** Secondary ranges for GKE pods and services: RFC 6598 (CGNAT) space, outside every RFC 1918 network range. */
export const GKE_POD_RANGE = '100.64.0.0/14';
export const GKE_SERVICE_RANGE = '100.68.0.0/20';

/**
 * GKE address plan for one regional subnet inside the network range. GCP subnets are
 * regional, so nodes get the first half of the range (one subnet for every zone); the
 * control plane's /28 is the last block of the range, which no subnet uses. Pods and
 * services live in CGNAT space so that even a /22 network fits ~1,000 nodes of 110 pods:
 * they can never overlap the node range, because that is always RFC 1918.
 */
export function gkeRanges(vpc: Cidr): { nodes: string; pods: string; services: string; controlPlane: string } {
  if (vpc.prefix > 27) throw new RangeError(`${formatCidr(vpc)} is too small for a GKE node range and control plane`);
  return {
    nodes: formatCidr(subnet(vpc, 1, 0)),
    pods: GKE_POD_RANGE,
    services: GKE_SERVICE_RANGE,
    controlPlane: formatCidr(subnet(vpc, 28 - vpc.prefix, 2 ** (28 - vpc.prefix) - 1)),
  };
}

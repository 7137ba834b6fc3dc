// Regional prices of a cloud blueprint: which figure prices a line item in a region, and the
// load-time rules that make sure every line item can be priced in every region of the catalog,
// either from a figure for that region or, visibly, from the reference region (borrowed).
import { ALL_REGIONS, PRICE_ITEMS, type CloudBlueprint, type PriceEntry, type PriceItem, type PriceSource } from '../schemas/blueprint.ts';

export interface RegionalPrice {
  item: PriceItem;
  usd: number;
  unit: PriceEntry['unit'];
  /** What is priced, in the source's terms. */
  description: string;
  /** The region whose figure this is, or `all` for a single price the source gives for every region. */
  pricedIn: string;
  /** Set when the asked region has no sourced figure and the reference region's is used instead. */
  borrowedFrom?: string;
  sourceId: string;
  source: PriceSource;
  /** The date the source states, else the date it was read. */
  date: string;
  /** A secondary source, or a figure derived rather than read. */
  approximate: boolean;
  note?: string;
}

/** Every line item a cloud must price: each instance type, and the named items. */
export function priceItems(cloud: CloudBlueprint): PriceItem[] {
  return [...cloud.instanceTypes.map((t) => `instance:${t.id}` as const), ...PRICE_ITEMS];
}

function figure(cloud: CloudBlueprint, item: PriceItem, region: string): { entry: PriceEntry; usd: number; pricedIn: string } | undefined {
  for (const key of [region, ALL_REGIONS]) {
    const entry = cloud.prices.find((e) => e.item === item && e.usd[key] !== undefined);
    if (entry) return { entry, usd: entry.usd[key]!, pricedIn: key };
  }
  return undefined;
}

/**
 * The price of `item` in `region`: the region's own figure, else one the source gives for
 * every region, else the reference region's figure with `borrowedFrom` set.
 */
export function priceFor(cloud: CloudBlueprint, item: PriceItem, region: string): RegionalPrice {
  const own = figure(cloud, item, region);
  const found = own ?? figure(cloud, item, cloud.priceRegion);
  if (!found) throw new Error(`${cloud.name} has no price for ${item} in ${region} nor in its reference region ${cloud.priceRegion}`);
  const source = cloud.priceSources[found.entry.source]!;
  return {
    item,
    usd: found.usd,
    unit: found.entry.unit,
    description: found.entry.description,
    pricedIn: found.pricedIn,
    ...(own ? {} : { borrowedFrom: cloud.priceRegion }),
    sourceId: found.entry.source,
    source,
    date: source.date ?? source.read,
    approximate: source.class === 'secondary' || found.entry.approximate,
    ...(found.entry.note ? { note: found.entry.note } : {}),
  };
}

/**
 * Load-time rules (problems as messages, empty when sound): sources exist and are used, region
 * keys are catalog regions, no item/region has two figures, and every line item has a
 * reference-region figure, so nothing falls back without a price to borrow.
 */
export function priceProblems(cloud: CloudBlueprint): string[] {
  const out: string[] = [];
  const regions = new Set([...cloud.regions.map((r) => r.id), ALL_REGIONS]);
  const items = new Set<string>(priceItems(cloud));
  const seen = new Set<string>();
  if (!cloud.regions.some((r) => r.id === cloud.priceRegion)) out.push(`priceRegion ${cloud.priceRegion} is not one of the regions`);
  cloud.prices.forEach((e, i) => {
    const at = `prices[${i}] (${e.item})`;
    if (!cloud.priceSources[e.source]) out.push(`${at}: source "${e.source}" is not in priceSources`);
    if (!items.has(e.item)) out.push(`${at}: not a line item of this cloud (instance types: ${cloud.instanceTypes.map((t) => t.id).join(', ')})`);
    for (const r of Object.keys(e.usd)) {
      if (!regions.has(r)) out.push(`${at}: "${r}" is not a region of this cloud (nor "${ALL_REGIONS}")`);
      if (seen.has(`${e.item} ${r}`)) out.push(`${at}: a second figure for ${r}`);
      seen.add(`${e.item} ${r}`);
    }
  });
  for (const id of Object.keys(cloud.priceSources)) if (!cloud.prices.some((e) => e.source === id)) out.push(`priceSources.${id} is not used by any price`);
  for (const item of items) {
    if (!seen.has(`${item} ${cloud.priceRegion}`) && !seen.has(`${item} ${ALL_REGIONS}`)) out.push(`${item} has no price for the reference region ${cloud.priceRegion}: other regions would have nothing to borrow`);
  }
  return out;
}

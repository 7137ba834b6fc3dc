// Stable codes for the validation problems that carry values (schemas/validate.ts problems and
// react-hook-form errors, both from schemas/plan.ts), so the planner can show them in the user's
// language while the CLI keeps the English message word for word. Problems carry only `path` and
// `message` (the CLI's tests compare them whole), so the code and its params are derived here,
// from the zod issue code where there is one and the message the schema wrote. A message no rule
// recognises has no code and is shown in English; messages without values are translated by
// their exact text, and other messages with values by their shape (problem-text.ts).
// tests/site/i18n.test.ts feeds common faults and checks their codes; tests/site/i18n-problems.test.ts
// checks that every message the schemas can write comes out in Korean, so a change of wording
// in plan.ts fails there instead of silently.
import { ACCOUNT_FIELDS, accountMessage, type AccountField } from '../../../schemas/plan.ts';

export type ProblemCode =
  | 'required'
  | 'account.missing'
  | 'account.format'
  | 'account.placeholder'
  | 'cidr.invalid'
  | 'cidr.prefix'
  | 'zones.tooMany'
  | 'version.unknown'
  | 'instanceType.unknown'
  | 'pool.duplicateName'
  | 'pool.maxBelowMin'
  | 'dependency'
  | 'capacity';

export type ProblemParams = Record<string, string | number>;

export interface ProblemCoded {
  code: ProblemCode;
  params?: ProblemParams;
}

/** Message shapes of the cross-field checks (schemas/plan.ts crossFieldIssues), most specific first. */
const RULES: { code: ProblemCode; re: RegExp; params?: string[] }[] = [
  { code: 'cidr.invalid', re: /^"(.*)" is not an IPv4 network in CIDR form with no host bits set, e\.g\. "([^"]+)"$/, params: ['value', 'example'] },
  { code: 'cidr.prefix', re: /^prefix \/(\d+) is out of range: use \/(\d+) to \/(\d+)/, params: ['prefix', 'from', 'to'] },
  { code: 'zones.tooMany', re: /^(\S+) offers (\d+) zones?; use at most \d+$/, params: ['region', 'count'] },
  { code: 'version.unknown', re: /^must be one of (.+) on (.+)$/, params: ['versions', 'cloud'] },
  { code: 'instanceType.unknown', re: /^"(.*)" is not an? (.+) instance type in the catalog; try one of: (.+)$/, params: ['value', 'cloud', 'offer'] },
  { code: 'pool.duplicateName', re: /^"(.*)" is used by another node pool; names must be unique$/, params: ['value'] },
  { code: 'pool.maxBelowMin', re: /^max \((-?\d+)\) must be at least min \((-?\d+)\)$/, params: ['max', 'min'] },
  { code: 'dependency', re: /^(.+) needs (.+): set components\.(\w+)\.enabled to true \(or turn .+ off\)$/, params: ['component', 'dependency', 'key'] },
  {
    code: 'capacity',
    re: /^components need (-?[\d.]+) vCPU \/ (-?[\d.]+) GiB at the (\w+) profile, pools give (-?[\d.]+) vCPU \/ (-?[\d.]+) GiB at their minimum size/,
    params: ['needCpu', 'needMemory', 'profile', 'haveCpu', 'haveMemory'],
  },
];

/**
 * The code of a problem, from the zod issue code (`invalid_type`, `invalid_format`, `custom`, …;
 * react-hook-form keeps it as the error's `type`) and its message. Undefined when unknown.
 */
export function problemCode(issueCode: string | undefined, message: string): ProblemCoded | undefined {
  // validatePlan's error map says "is required (expected string)"; zod's own (the form's resolver) "… received undefined".
  if (/^is required \(expected /.test(message) || (issueCode === 'invalid_type' && /received undefined$/.test(message))) return { code: 'required' };
  for (const field of Object.keys(ACCOUNT_FIELDS) as AccountField[]) {
    for (const kind of ['missing', 'format', 'placeholder'] as const) {
      if (message === accountMessage(field, kind)) return { code: `account.${kind}`, params: { field } };
    }
  }
  for (const rule of RULES) {
    const m = rule.re.exec(message);
    if (!m) continue;
    const params = Object.fromEntries((rule.params ?? []).map((name, i) => [name, m[i + 1] ?? '']));
    return Object.keys(params).length ? { code: rule.code, params } : { code: rule.code };
  }
  return undefined;
}

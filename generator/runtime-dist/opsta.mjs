// .opsta/opsta.mjs: the Opsta executor runtime (node .opsta/opsta.mjs --help).
// Bundled by scripts/bundle-runtime.ts from generator/runtime/ in the Opsta repository; do not edit.
// Its sha256 is recorded in .opsta/manifest.json (runtime.sha256).
import { createRequire as __opstaCreateRequire } from 'node:module';
const require = __opstaCreateRequire(import.meta.url);

// generator/runtime/commands.ts
import { mkdirSync, readdirSync as readdirSync2, writeFileSync as writeFileSync2 } from "node:fs";
import { join as join6 } from "node:path";

// generator/runtime/errors.ts
var CheckFailed = class extends Error {
  name = "CheckFailed";
  exitCode = 1;
};
var UsageError = class extends Error {
  name = "UsageError";
  exitCode = 2;
};

// generator/runtime/args.ts
function parseFlags(argv, allowed, command) {
  const out = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith("--")) throw new UsageError(`${command}: unexpected argument ${JSON.stringify(a)}; flags are --name value`);
    const eq = a.indexOf("=");
    const name = eq === -1 ? a.slice(2) : a.slice(2, eq);
    if (!allowed.includes(name)) throw new UsageError(`${command}: unknown flag --${name}; allowed: ${allowed.map((f) => `--${f}`).join(", ")}`);
    let value;
    if (eq !== -1) value = a.slice(eq + 1);
    else {
      value = argv[i + 1];
      if (value === void 0 || value.startsWith("--")) throw new UsageError(`${command}: --${name} needs a value`);
      i++;
    }
    if (Object.hasOwn(out, name)) throw new UsageError(`${command}: --${name} given twice`);
    out[name] = value;
  }
  return out;
}
function required(flags, name, command) {
  const v = flags[name];
  if (v === void 0 || v === "") throw new UsageError(`${command}: --${name} is required`);
  return v;
}
function integerFlag(flags, name, command) {
  const v = required(flags, name, command);
  if (!/^-?\d+$/.test(v)) throw new UsageError(`${command}: --${name} must be an integer, got ${JSON.stringify(v)}`);
  return Number(v);
}
function oneOf(value, allowed, what) {
  if (!allowed.includes(value)) throw new UsageError(`${what} must be one of ${allowed.join(", ")}, got ${JSON.stringify(value)}`);
  return value;
}

// generator/runtime/changed-stacks.ts
var GLOBAL = [/^opsta\.plan\.yaml$/, /^\.opsta\/pipeline\.json$/, /^\.opsta\/opsta\.mjs$/, /^\.github\/workflows\//, /^\.terraform\.lock\.hcl$/];
function parsePipeline(json3, where = ".opsta/pipeline.json") {
  const stages = json3?.stages;
  if (!Array.isArray(stages)) throw new UsageError(`${where} has no "stages" list; regenerate the repository with opsta generate`);
  stages.forEach((s, i) => {
    if (typeof s?.id !== "string" || typeof s?.dir !== "string" || s.tool !== "terraform" && s.tool !== "helmfile") {
      throw new UsageError(`${where}: stages[${i}] needs a string id and dir and a tool terraform or helmfile`);
    }
  });
  return json3;
}
function changedStages(pipeline, paths) {
  const all = paths.some((p) => GLOBAL.some((g) => g.test(p)));
  const changed = /* @__PURE__ */ new Set();
  for (const s of pipeline.stages) {
    const prefix = s.dir.replace(/\/+$/, "") + "/";
    if (all || paths.some((p) => p.startsWith(prefix))) changed.add(s.id);
  }
  let grew = true;
  while (grew) {
    grew = false;
    for (const s of pipeline.stages) {
      if (s.upstream && changed.has(s.upstream) && !changed.has(s.id)) {
        changed.add(s.id);
        grew = true;
      }
    }
  }
  return pipeline.stages.filter((s) => changed.has(s.id));
}

// generator/src/errors.ts
var UserError = class extends Error {
  constructor(message, exitCode = 2, showUsage = false) {
    super(message);
    this.exitCode = exitCode;
    this.showUsage = showUsage;
  }
  name = "UserError";
};

// generator/src/publish/github.ts
var GitHubUnreachable = class extends UserError {
  constructor(message, detail) {
    super(message, 2);
    this.detail = detail;
  }
  name = "GitHubUnreachable";
};
var GitHubError = class extends UserError {
  constructor(message, status, githubMessage, acceptedPermissions, rateLimited = false) {
    super(message, 2);
    this.status = status;
    this.githubMessage = githubMessage;
    this.acceptedPermissions = acceptedPermissions;
    this.rateLimited = rateLimited;
  }
  name = "GitHubError";
};
var RETRY_STATUS = /* @__PURE__ */ new Set([500, 502, 503, 504]);
var MAX_DELAY_MS = 6e4;
function graphqlUrl(apiUrl) {
  const u = apiUrl.replace(/\/+$/, "");
  return /\/api\/v3$/.test(u) ? u.replace(/\/api\/v3$/, "/api/graphql") : `${u}/graphql`;
}
function redact(text2, token) {
  if (!token || token.length < 4) return text2;
  const forms = [token, encodeURIComponent(token), b64(`x-access-token:${token}`), b64(`${token}:`), b64(`${token}:x-oauth-basic`)];
  let out = text2;
  for (const f of forms) out = out.split(f).join("***");
  return out;
}
function b64(s) {
  const bytes = new TextEncoder().encode(s);
  let bin = "";
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin);
}
var PERMISSION_NAMES = {
  contents: "Contents",
  pull_requests: "Pull requests",
  workflows: "Workflows",
  administration: "Administration",
  environments: "Environments",
  variables: "Variables",
  actions_variables: "Variables",
  issues: "Issues",
  metadata: "Metadata"
};
function describePermissions(header) {
  return header.split(/[,;]\s*/).filter(Boolean).map((p) => {
    const [k, v] = p.split("=");
    return `${PERMISSION_NAMES[k.trim()] ?? k.trim()}: ${(v ?? "read").trim()}`;
  }).join(", ");
}
var GitHubClient = class {
  constructor(opts) {
    this.opts = opts;
    this.apiUrl = opts.apiUrl.replace(/\/+$/, "");
    this.fetch = opts.fetch ?? ((url, init) => globalThis.fetch(url, init));
    this.sleep = opts.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
    this.retries = opts.retries ?? 4;
  }
  apiUrl;
  fetch;
  sleep;
  retries;
  /** Requests sent (attempts included), for the report and the bench. */
  requestCount = 0;
  /** A REST call. `what` names it in messages ("read the branch main"). Non-2xx → GitHubError. */
  async rest(method, path, what, body) {
    return this.send(method, `${this.apiUrl}${path}`, what, body === void 0 ? void 0 : JSON.stringify(body));
  }
  /**
   * Every page of a list (GitHub's Link header, rel="next"); `key` names the array of a wrapped
   * list ("workflow_runs"). The next page must be on the API's origin: the token goes nowhere else.
   */
  async paginate(path, what, key) {
    const out = [];
    const origin = new URL(this.apiUrl).origin;
    for (let url = `${this.apiUrl}${path}`; url; ) {
      const r = await this.send("GET", url, what, void 0);
      const items = key ? r.data?.[key] : r.data;
      if (!Array.isArray(items)) throw new GitHubError(this.clean(`cannot ${what}: GitHub's answer is not a list${key ? ` of ${key}` : ""}`), r.status, "");
      out.push(...items);
      const next = /<([^>]+)>;\s*rel="next"/.exec(r.headers.get("link") ?? "")?.[1];
      if (next && new URL(next).origin !== origin) throw new GitHubError(this.clean(`cannot ${what}: GitHub's next page is on another origin (${new URL(next).origin})`), r.status, "");
      url = next;
    }
    return out;
  }
  /**
   * A GraphQL call; its `errors` are returned for the caller to read. GitHub's GraphQL rate limit
   * answers 200 with an error of type RATE_LIMITED and applies nothing (a mutation included), so
   * that one is retried here like a REST rate limit, waiting until x-ratelimit-reset when given.
   */
  async graphql(query2, variables, what) {
    const body = JSON.stringify({ query: query2, variables });
    for (let attempt = 0; ; attempt++) {
      const r = await this.send("POST", graphqlUrl(this.apiUrl), what, body);
      const limited = r.data?.errors?.find((e) => e?.type === "RATE_LIMITED");
      if (!limited) return r.data;
      if (attempt < this.retries) {
        await this.wait(what, attempt, this.rateLimitDelay(r.headers, true));
        continue;
      }
      throw new GitHubError(this.clean(`cannot ${what}: GitHub's rate limit still applies after ${this.retries + 1} attempts (RATE_LIMITED: ${limited.message}); wait a few minutes and run again`), r.status, this.clean(limited.message), void 0, true);
    }
  }
  /**
   * How long a rate-limited answer asks to wait: retry-after, else until x-ratelimit-reset when
   * nothing remains, else (a bare 429, or a secondary limit without retry-after) the minute
   * GitHub's documentation asks for; undefined when not rate-limited at all.
   */
  rateLimitDelay(headers, limited) {
    if (!limited) return void 0;
    const retryAfter = headers.get("retry-after");
    if (retryAfter !== null && Number.isFinite(Number(retryAfter))) return Number(retryAfter) * 1e3;
    const reset = headers.get("x-ratelimit-reset");
    if (headers.get("x-ratelimit-remaining") === "0" && reset !== null) {
      const ms = Number(reset) * 1e3 - Date.now();
      return Number.isFinite(ms) ? Math.max(1e3, ms) : MAX_DELAY_MS;
    }
    return MAX_DELAY_MS;
  }
  async send(method, url, what, body) {
    const headers = {
      accept: "application/vnd.github+json",
      authorization: `Bearer ${this.opts.token}`,
      "x-github-api-version": "2022-11-28",
      ...this.opts.userAgent ? { "user-agent": this.opts.userAgent } : {},
      ...body !== void 0 ? { "content-type": "application/json; charset=utf-8" } : {}
    };
    for (let attempt = 0; ; attempt++) {
      let res;
      let text2;
      try {
        this.requestCount++;
        res = await this.fetch(url, { method, headers, ...body !== void 0 ? { body } : {} });
        text2 = await res.text();
      } catch (e) {
        if (attempt < this.retries && (method !== "POST" || this.opts.repeatPost !== false)) {
          await this.wait(what, attempt, void 0);
          continue;
        }
        const cause = e.cause;
        const detail = this.clean(String(cause?.code ?? cause?.message ?? e.message));
        throw new GitHubUnreachable(this.clean(`cannot ${what}: no answer from ${new URL(url).origin} (${detail}) after ${attempt + 1} attempts; check --api-url and the network, then run again`), detail);
      }
      let data;
      try {
        data = text2 ? JSON.parse(text2) : void 0;
      } catch {
        data = text2;
      }
      const ghMessage = typeof data?.message === "string" ? data.message : "";
      const retryAfter = res.headers.get("retry-after");
      const secondary = res.status === 429 || res.status === 403 && (retryAfter !== null || /secondary rate limit|abuse/i.test(ghMessage));
      const primary = (res.status === 403 || res.status === 429) && res.headers.get("x-ratelimit-remaining") === "0";
      const limited = secondary || primary;
      const repeat = limited || RETRY_STATUS.has(res.status) && (method !== "POST" || this.opts.repeatPost !== false);
      if (repeat && attempt < this.retries) {
        await this.wait(what, attempt, this.rateLimitDelay(res.headers, limited));
        continue;
      }
      if (res.status >= 200 && res.status < 300) return { status: res.status, data, headers: res.headers };
      throw this.error(res.status, what, ghMessage, data, res.headers.get("x-accepted-github-permissions") ?? void 0, limited);
    }
  }
  async wait(what, attempt, delayMs) {
    const backoff = Math.min(MAX_DELAY_MS, Number.isFinite(delayMs) && delayMs > 0 ? delayMs : (this.opts.baseDelayMs ?? 500) * 2 ** attempt);
    this.opts.onRetry?.(what, attempt + 1, backoff);
    await this.sleep(backoff);
  }
  error(status, what, ghMessage, data, accepted, rateLimited) {
    const details = Array.isArray(data?.errors) ? data.errors.map((e) => e?.message ?? [e?.field, e?.code].filter(Boolean).join(" ")).filter(Boolean).join("; ") : "";
    const said = [ghMessage, details].filter(Boolean).join(": ");
    let msg;
    if (status === 401) msg = `cannot ${what}: GitHub refused the token (401 ${said || "Bad credentials"}); set GITHUB_TOKEN or GH_TOKEN to a valid, unexpired token`;
    else if (rateLimited) msg = `cannot ${what}: GitHub's rate limit still applies after ${this.retries + 1} attempts (${status} ${said}); wait a few minutes and run again`;
    else if (status === 403) {
      msg = accepted ? `cannot ${what}: the token lacks the permission ${describePermissions(accepted)} (403 ${said}); give the fine-grained token that permission on this repository, or use a token that has it` : `cannot ${what}: GitHub refused it (403 ${said}); check that the token may write to this repository (Contents, Pull requests and Workflows: write)`;
    } else if (status === 404) msg = `cannot ${what}: not found (404); check the name, and that the token can see the repository (a fine-grained token must list it)`;
    else if (status === 409 || status === 422) msg = `cannot ${what}: GitHub refused it (${status} ${said}); ${refusalFix(status, said)}`;
    else msg = `cannot ${what}: GitHub answered ${status}${said ? ` (${said})` : ""} after ${this.retries + 1} attempts; try again later`;
    return new GitHubError(this.clean(msg), status, this.clean(said), accepted, rateLimited);
  }
  /** Redact the token, and cap GitHub's text so a huge error page does not flood the terminal. */
  clean(s) {
    const r = redact(s, this.opts.token);
    return r.length > 600 ? `${r.slice(0, 600)}…` : r;
  }
};
function refusalFix(status, said) {
  if (/repository is empty/i.test(said)) return "the repository has no commit yet: push a first commit to its default branch (a README will do), then run again";
  if (/protected branch|branch protection|rule|signature|signed/i.test(said)) return "a branch rule forbids this change: publish to another --branch, or ask an administrator to allow it";
  if (status === 409 || /fast forward|fast-forward|reference (update|already)|already exists/i.test(said)) return "the repository changed while publishing; nothing more was changed by this step: run the same command again (it compares with the branch as it is then)";
  return "GitHub found the request invalid; run the same command again, and if it is refused the same way, report it with the command (the token is never printed)";
}

// generator/runtime/io.ts
import { appendFileSync, readFileSync, statSync } from "node:fs";
import { randomBytes } from "node:crypto";
var processIo = () => ({
  env: process.env,
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t)
});
function setOutput(io, name, value) {
  const file = io.env.GITHUB_OUTPUT;
  let line2;
  if (value.includes("\n")) {
    const delim = `opsta_${randomBytes(8).toString("hex")}`;
    line2 = `${name}<<${delim}
${value}
${delim}
`;
  } else line2 = `${name}=${value}
`;
  if (file) appendFileSync(file, line2);
  else io.stdout(`::output ${line2}`);
}
var STEP_SUMMARY_LIMIT = 1024 * 1024;
var NOTE_ROOM = 2048;
function closers(md) {
  let fence;
  let details = 0;
  for (const line2 of md.split("\n")) {
    const f = /^ {0,3}(`{3,}|~{3,})/.exec(line2)?.[1];
    if (fence) {
      if (f && f[0] === fence[0] && f.length >= fence.length && line2.trim() === f) fence = void 0;
      continue;
    }
    if (f) fence = f;
    else details += (line2.match(/<details>/g)?.length ?? 0) - (line2.match(/<\/details>/g)?.length ?? 0);
  }
  return `${fence ? `
${fence}
` : ""}${"\n</details>\n".repeat(Math.max(0, details))}`;
}
function capSummary(markdown, used = 0, limit = STEP_SUMMARY_LIMIT) {
  const bytes = Buffer.byteLength(markdown);
  if (used + bytes <= limit) return markdown;
  const room = Math.max(0, limit - used - NOTE_ROOM);
  const buf = Buffer.from(markdown);
  const at = buf.lastIndexOf(10, room);
  const kept = at > 0 ? buf.subarray(0, at + 1).toString("utf8") : "";
  const cut = bytes - Buffer.byteLength(kept);
  const note = `
> [!WARNING]
> **Cut here**: ${cut.toLocaleString("en-US")} more bytes of this report are left out, because GitHub refuses a step summary over 1 MiB. The full output is in this step's log and, for a plan, in this run's \`opsta-plan-<stage>\` artifact (the plan file and its JSON).
`;
  return `${kept}${closers(kept)}${note}`;
}
function appendSummary(io, markdown) {
  const file = io.env.GITHUB_STEP_SUMMARY;
  if (!file) return;
  let used = 0;
  try {
    used = statSync(file).size;
  } catch {
  }
  const text2 = markdown.endsWith("\n") ? markdown : `${markdown}
`;
  if (used >= STEP_SUMMARY_LIMIT - NOTE_ROOM) return;
  appendFileSync(file, capSummary(text2, used));
}
function readText(path, what) {
  try {
    return readFileSync(path, "utf8");
  } catch (e) {
    const code = e.code ?? "error";
    throw new UsageError(`cannot read ${what} ${path} (${code}); check the path`);
  }
}
function readJson(path, what) {
  const text2 = readText(path, what);
  try {
    return JSON.parse(text2);
  } catch (e) {
    throw new UsageError(`${what} ${path} is not valid JSON (${e.message})`);
  }
}
function requireEnv(io, name, why) {
  const v = io.env[name];
  if (!v) throw new UsageError(`${name} is not set; ${why}`);
  return v;
}
function repository(io) {
  const full = requireEnv(io, "GITHUB_REPOSITORY", "it names the repository (owner/name)");
  const m = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(full);
  if (!m) throw new UsageError(`GITHUB_REPOSITORY must be owner/name, got ${JSON.stringify(full)}`);
  return { owner: m[1], repo: m[2] };
}
function runUrl(io) {
  const { GITHUB_SERVER_URL: server = "https://github.com", GITHUB_REPOSITORY: repo, GITHUB_RUN_ID: run2 } = io.env;
  return repo && run2 ? `${server}/${repo}/actions/runs/${run2}` : void 0;
}
function eventPayload(io) {
  const p = io.env.GITHUB_EVENT_PATH;
  if (!p) return void 0;
  const j = readJson(p, "the event payload (GITHUB_EVENT_PATH)");
  return typeof j === "object" && j !== null ? j : void 0;
}

// generator/runtime/version.ts
var RUNTIME_VERSION = "0.1.0";

// generator/runtime/github.ts
var realSleep = (ms) => new Promise((r) => setTimeout(r, ms));
var GitHubApiError = class extends UsageError {
  constructor(message, status, retryable) {
    super(message);
    this.status = status;
    this.retryable = retryable;
  }
};
var HINTS = {
  401: "the token is missing or expired",
  403: "the job lacks a permission (check its permissions: block) or a rate limit was hit",
  404: "not found, or the token cannot see it (check the repository and the job permissions)",
  422: "GitHub refused the request as invalid"
};
function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== void 0) q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : "";
}
var GitHub = class {
  constructor(client, policy) {
    this.client = client;
    this.policy = policy;
  }
  /** One call; `path` is under the API root, with its query. */
  async request(method, path, body) {
    const endpoint = `${method} ${path.split("?")[0]}`;
    try {
      const r = await this.client.rest(method, path, endpoint, body);
      return { status: r.status, data: r.data };
    } catch (e) {
      throw describe(e, endpoint, method === "POST");
    }
  }
  /** Every page of a list; `key` names the array of a wrapped list ("workflow_runs"). */
  async paginate(path, key) {
    const endpoint = `GET ${path.split("?")[0]}`;
    try {
      return await this.client.paginate(path, endpoint, key);
    } catch (e) {
      throw describe(e, endpoint, false);
    }
  }
};
function describe(e, endpoint, post) {
  if (e instanceof GitHubUnreachable) return new GitHubApiError(`GitHub API ${endpoint} failed: no answer (${e.detail}); check GITHUB_API_URL and the network, then re-run the job (a re-run does not duplicate what it already published)`, void 0, post);
  if (!(e instanceof GitHubError)) return e instanceof Error ? e : new Error(String(e));
  const msg = e.githubMessage.split("\n")[0].slice(0, 200);
  return new GitHubApiError(`GitHub API ${endpoint} failed: ${e.status} ${msg}${HINTS[e.status] ? `; ${HINTS[e.status]}` : ""}`, e.status, post && e.status >= 500);
}
function githubClient(io, policy = {}) {
  const token = requireEnv(io, "GITHUB_TOKEN", "pass the job token (env: GITHUB_TOKEN: ${{ github.token }}) to this step");
  const p = { attempts: 3, baseMs: Number(io.env.OPSTA_RETRY_BASE_MS ?? 1e3), sleep: realSleep, ...policy };
  const client = new GitHubClient({ apiUrl: (io.env.GITHUB_API_URL || "https://api.github.com").replace(/\/+$/, ""), token, sleep: p.sleep, retries: p.attempts - 1, baseDelayMs: p.baseMs, repeatPost: false, userAgent: `opsta-runtime/${RUNTIME_VERSION}` });
  return new GitHub(client, p);
}
async function again(gh, op) {
  for (let attempt = 0; ; attempt++) {
    try {
      return await op();
    } catch (e) {
      if (!(e instanceof GitHubApiError && e.retryable) || attempt + 1 >= gh.policy.attempts) throw e;
      await gh.policy.sleep(gh.policy.baseMs * 2 ** attempt);
    }
  }
}

// generator/src/encode.ts
function markdownPlain(value) {
  return value.replace(/[\u0000-\u001f\u007f\u0085\u2028\u2029]/g, " ").replace(/[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, "");
}
function markdownText(value) {
  return markdownPlain(value).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`).replace(/@/g, "@‍").replace(/#(?=\d)/g, "#‍");
}
function markdownLine(value) {
  return markdownText(value).replace(
    /^(\s*)(?:([#+=-])|(\d+)([.)]))/,
    (_m, sp, mark, digits, punct) => mark ? `${sp}\\${mark}` : `${sp}${digits}\\${punct}`
  );
}

// generator/runtime/markdown.ts
var mdText = markdownLine;
function mdCode(s) {
  const clean3 = markdownPlain(s);
  const longest = Math.max(0, ...(clean3.match(/`+/g) ?? []).map((r) => r.length));
  const fence = "`".repeat(longest + 1);
  const pad = clean3.startsWith("`") || clean3.endsWith("`") ? " " : "";
  return `${fence}${pad}${clean3}${pad}${fence}`;
}
function mdFence(body, lang = "") {
  const longest = Math.max(2, ...(body.match(/`+/g) ?? []).map((r) => r.length));
  const fence = "`".repeat(longest + 1);
  return `${fence}${lang}
${body.replace(/\u0000/g, "")}${body.endsWith("\n") ? "" : "\n"}${fence}`;
}
function marker(name) {
  if (!/^[A-Za-z0-9][A-Za-z0-9:._-]{0,99}$/.test(name)) throw new Error(`marker name ${JSON.stringify(name)} must be letters, digits and : . _ -`);
  return `<!-- opsta:${name} -->`;
}

// generator/runtime/publish.ts
var repoPath = (r) => `/repos/${encodeURIComponent(r.owner)}/${encodeURIComponent(r.repo)}`;
function isOurs(body, user, markerLine) {
  return typeof body === "string" && body.startsWith(markerLine) && user?.type === "Bot";
}
async function upsertComment(gh, r, issueNumber, markerName, body) {
  const m = marker(markerName);
  if (!body.startsWith(m)) throw new Error("the comment body must start with its marker");
  const comments = await gh.paginate(`${repoPath(r)}/issues/${issueNumber}/comments${query({ per_page: 100 })}`);
  const mine = comments.find((c) => isOurs(c.body, c.user, m));
  if (mine) {
    if (mine.body !== body) await gh.request("PATCH", `${repoPath(r)}/issues/comments/${mine.id}`, { body });
    return { id: mine.id, created: false };
  }
  const { data } = await gh.request("POST", `${repoPath(r)}/issues/${issueNumber}/comments`, { body });
  return { id: data.id, created: true };
}
async function startDeployment(gh, r, d) {
  const existing = await gh.paginate(`${repoPath(r)}/deployments${query({ sha: d.ref, environment: d.environment, per_page: 100 })}`);
  const again2 = existing.find((x) => typeof x.payload === "object" && x.payload !== null && x.payload.opstaRunId === d.runId);
  if (again2) return { id: again2.id, created: false };
  const res = await gh.request("POST", `${repoPath(r)}/deployments`, {
    ref: d.ref,
    environment: d.environment,
    auto_merge: false,
    required_contexts: [],
    transient_environment: false,
    payload: { opstaRunId: d.runId },
    description: (d.description ?? `Opsta apply, run ${d.runId}`).slice(0, 140)
  });
  if (res.status !== 201 || typeof res.data.id !== "number") throw new UsageError(`GitHub did not create the deployment: ${res.data.message ?? res.status}`);
  return { id: res.data.id, created: true };
}
async function deploymentStatus(gh, r, id, state, description, logUrl) {
  const text2 = description.slice(0, 140);
  const { data: latest } = await gh.request("GET", `${repoPath(r)}/deployments/${id}/statuses${query({ per_page: 1 })}`);
  if (latest[0] && latest[0].state === state && latest[0].description === text2 && (latest[0].log_url ?? "") === (logUrl ?? "")) return { created: false };
  await gh.request("POST", `${repoPath(r)}/deployments/${id}/statuses`, { state, description: text2, ...logUrl ? { log_url: logUrl } : {} });
  return { created: true };
}
var DRIFT_LABEL = "opsta-drift";
async function syncDriftIssue(gh, r, stage, report) {
  const m = marker(`drift:${stage}`);
  const issues = await gh.paginate(`${repoPath(r)}/issues${query({ labels: DRIFT_LABEL, state: "all", per_page: 100 })}`);
  const mine = issues.filter((i) => !i.pull_request && isOurs(i.body, i.user, m)).sort((a, b) => a.state === b.state ? b.number - a.number : a.state === "open" ? -1 : 1)[0];
  if (!report) {
    if (!mine || mine.state === "closed") return { action: "none", ...mine ? { number: mine.number } : {} };
    const gone = `The drift of stage \`${stage}\` is gone: the latest plan matches the infrastructure.`;
    const said = await gh.paginate(`${repoPath(r)}/issues/${mine.number}/comments${query({ per_page: 100 })}`);
    const last = said.at(-1);
    if (!(last && last.body === gone && last.user?.type === "Bot")) await gh.request("POST", `${repoPath(r)}/issues/${mine.number}/comments`, { body: gone });
    await gh.request("PATCH", `${repoPath(r)}/issues/${mine.number}`, { state: "closed", state_reason: "completed" });
    return { action: "closed", number: mine.number };
  }
  const body = [m, `Terraform found drift in stage \`${stage}\`: the infrastructure no longer matches the configuration on the default branch.`, "", report.details, "", report.runUrl ? `Last checked by [this run](${report.runUrl}).` : "", "Fix it by applying the configuration again (or by changing the configuration to match); this issue closes itself when the drift is gone.", ""].join("\n");
  if (!mine) {
    const { data } = await gh.request("POST", `${repoPath(r)}/issues`, { title: `Drift: ${stage}`, body, labels: [DRIFT_LABEL] });
    return { action: "created", number: data.number };
  }
  if (mine.state === "closed") {
    await gh.request("PATCH", `${repoPath(r)}/issues/${mine.number}`, { state: "open", body });
    return { action: "reopened", number: mine.number };
  }
  if (mine.body !== body) await gh.request("PATCH", `${repoPath(r)}/issues/${mine.number}`, { body });
  return { action: mine.body !== body ? "updated" : "none", number: mine.number };
}

// generator/runtime/apply-outcome.ts
function stageStepIds(stageId) {
  const sid = stageId.replace(/-/g, "_");
  return { plan: `plan_${sid}`, compare: `compare_${sid}`, apply: `apply_${sid}`, helmfile: `helmfile_${sid}` };
}
var OTHER_STEPS = {
  deployment: "starting the deployment",
  reviewed: "finding the reviewed plans",
  kubeconfig: "writing the kubeconfig",
  health: "the health checks",
  finish: "finishing the deployment"
};
function differences(step) {
  try {
    const d = JSON.parse(step?.outputs?.differences ?? "");
    return Number.isInteger(d?.count) && d.count > 0 && Array.isArray(d.first) ? d : void 0;
  } catch {
    return void 0;
  }
}
var failed = (s) => s?.outcome === "failure";
var interrupted = (s) => s?.outcome === "cancelled";
var succeeded = (s) => s?.outcome === "success";
function decideOutcome(stages, steps, opts = {}) {
  const jobStatus = opts.jobStatus ?? "failure";
  const merge2 = (opts.event ?? "push") === "push";
  const applied = [];
  const before = () => applied.length ? ` Applied earlier in this run: ${applied.join(", ")}.` : " Nothing was applied before it in this run.";
  for (const s of stages) {
    const ids = stageStepIds(s.id);
    if (s.tool === "terraform") {
      const plan = steps[ids.plan];
      const compare = steps[ids.compare];
      const apply = steps[ids.apply];
      if (failed(apply)) {
        const undo = "Terraform has no undo: the revert re-applies the previous configuration once merged, it restores no deleted data.";
        return {
          kind: "terraform-apply",
          stage: s.id,
          ...merge2 ? { revertStage: s.id } : {},
          applied,
          status: "failure",
          description: `${s.id}: terraform apply failed; ${merge2 ? "a revert pull request follows" : "a manual run: nothing to revert"}`,
          message: merge2 ? `${s.id}: terraform apply failed, so the run stopped and a pull request reverting the merge is opened. ${undo}${before()}` : `${s.id}: terraform apply failed, so the run stopped. A manual run has no merge to revert: fix forward with a pull request.${before()}`
        };
      }
      if (failed(compare)) {
        const d = differences(compare);
        const what = d ? `${d.count} resource${d.count === 1 ? "" : "s"} differ, e.g. ${d.first.slice(0, 3).map((x) => `${x.address} (reviewed ${x.reviewed ?? "nothing"}, now ${x.fresh ?? "nothing"})`).join(", ")}` : "the differences are in that step's log";
        return {
          kind: "compare-plan",
          stage: s.id,
          applied,
          status: "stopped",
          ...d ? { differences: d } : {},
          description: `${s.id}: stopped before applying: ${d ? `${d.count} resource(s) differ from the reviewed plan` : "the change has no reviewed plan"} (nothing applied)`,
          message: `${s.id}: stopped before terraform apply: its fresh plan is not the plan reviewed on the merged pull request (${what}). Nothing of ${s.id} was applied, so no revert pull request is opened; open a pull request so the change is planned and reviewed.${before()}`
        };
      }
      if (failed(plan)) {
        return {
          kind: "terraform-plan",
          stage: s.id,
          applied,
          status: "stopped",
          description: `${s.id}: init or plan failed (nothing applied)`,
          message: `${s.id}: terraform init or plan failed, before anything of ${s.id} was applied; no revert pull request is opened.${before()}`
        };
      }
      if (interrupted(plan) || interrupted(compare) || interrupted(apply)) {
        const during = interrupted(apply) ? "during terraform apply (its state may be partly applied and its lock still held)" : "before terraform apply";
        return { kind: "cancelled", stage: s.id, applied, status: "cancelled", description: `${s.id}: cancelled ${interrupted(apply) ? "during" : "before"} terraform apply`, message: `The run was cancelled in ${s.id} ${during}. No revert pull request is opened for a cancelled run.${before()}` };
      }
      if (succeeded(apply)) applied.push(s.id);
    } else {
      const h = steps[ids.helmfile];
      if (failed(h) || interrupted(h)) {
        const rollback = rollbackSummary(steps.rollback);
        return {
          kind: failed(h) ? "helmfile" : "cancelled",
          stage: s.id,
          applied,
          status: failed(h) ? "failure" : "cancelled",
          description: `${s.id}: helmfile apply ${failed(h) ? "failed" : "was cancelled"}; ${rollback ? "see the Helm rollback" : "no release rolled back"}`,
          message: `${s.id}: helmfile apply ${failed(h) ? "failed" : "was cancelled"}. Helm releases are rolled back to their last good revision, not the merge: ${rollback || "the rollback step did not report (see its log)"}.${before()}`
        };
      }
      if (succeeded(h)) applied.push(s.id);
    }
  }
  for (const [id, what] of Object.entries(OTHER_STEPS)) {
    if (!failed(steps[id]) && !interrupted(steps[id])) continue;
    if (id === "health" && failed(steps[id])) {
      return {
        kind: "health",
        deploymentStage: "health",
        applied,
        status: "unhealthy",
        description: "every stage applied; health checks failed: deployed but unhealthy",
        message: `Every stage applied${applied.length ? ` (${applied.join(", ")} changed)` : ""}, then the health checks failed: the platform is deployed but unhealthy (see the health report). Nothing is reverted or rolled back.`
      };
    }
    return { kind: interrupted(steps[id]) ? "cancelled" : "other", ...id === "health" ? { deploymentStage: "health" } : {}, applied, status: interrupted(steps[id]) ? "cancelled" : "failure", description: `${what} ${interrupted(steps[id]) ? "was cancelled" : "failed"}; no stage failed`, message: `${what[0].toUpperCase()}${what.slice(1)} ${interrupted(steps[id]) ? "was cancelled" : "failed"}: no stage failed, so nothing is reverted or rolled back.${before()}` };
  }
  const cancelled = jobStatus === "cancelled";
  return {
    kind: cancelled ? "cancelled" : "other",
    applied,
    status: cancelled ? "cancelled" : "failure",
    description: `${cancelled ? "cancelled" : "a step failed"} outside the stages; nothing reverted`,
    message: `${cancelled ? "The run was cancelled" : "A step outside the stages failed (a setup step, a cloud login: see the run)"}; no stage failed, so nothing is reverted or rolled back.${before()}`
  };
}
function rollbackSummary(step) {
  const text2 = step?.outputs?.releases;
  if (!text2) return "";
  let list;
  try {
    list = JSON.parse(text2);
  } catch {
    return "";
  }
  if (!Array.isArray(list)) return "";
  if (list.length === 0) return "no release was left changed";
  return list.map((r) => `${r.namespace}/${r.name} ${r.outcome}${r.to ? ` to revision ${r.to}` : ""}`).join(", ");
}
function outcomeEvent(o, steps) {
  let rollback;
  try {
    rollback = steps.rollback?.outputs?.releases ? JSON.parse(steps.rollback.outputs.releases) : void 0;
  } catch {
    rollback = void 0;
  }
  return { status: o.status, outcome: o.kind, ...o.stage ? { failedStage: o.stage } : {}, applied: o.applied, ...Array.isArray(rollback) ? { rollback } : {}, ...o.differences ? { differences: o.differences } : {}, message: o.message };
}
function parseSteps(text2) {
  let j;
  try {
    j = JSON.parse(text2);
  } catch (e) {
    throw new UsageError(`apply-outcome: --steps is not JSON (${e.message}); pass \${{ toJSON(steps) }} through env:`);
  }
  if (typeof j !== "object" || j === null || Array.isArray(j)) throw new UsageError("apply-outcome: --steps must be the steps context, a JSON object of step id → { outcome, conclusion, outputs }");
  return j;
}
async function applyOutcomeCommand(argv, io) {
  const f = parseFlags(argv, ["steps", "job-status", "pipeline", "deployment-id"], "apply-outcome");
  const steps = parseSteps(required(f, "steps", "apply-outcome"));
  const pipeline = parsePipeline(readJson(f.pipeline ?? ".opsta/pipeline.json", "the pipeline file"));
  const o = decideOutcome(pipeline.stages, steps, { jobStatus: f["job-status"] ?? "failure", event: io.env.GITHUB_EVENT_NAME ?? "push" });
  setOutput(io, "kind", o.kind);
  setOutput(io, "stage", o.stage ?? "");
  setOutput(io, "revert_stage", o.revertStage ?? "");
  setOutput(io, "event", JSON.stringify(outcomeEvent(o, steps)));
  io.stdout(`${o.message}
`);
  appendSummary(io, `### Outcome

${mdText(o.message)}
`);
  if (f["deployment-id"]) {
    const id = Number(f["deployment-id"]);
    if (!Number.isSafeInteger(id) || id <= 0) throw new UsageError(`apply-outcome: --deployment-id must be a number, got ${JSON.stringify(f["deployment-id"])}`);
    const gh = githubClient(io);
    const r = repository(io);
    const marked = o.stage ?? o.deploymentStage;
    if (marked) await deploymentStatus(gh, r, id, "in_progress", `${marked}: ${o.status === "cancelled" ? "cancelled" : "failed"}`, runUrl(io));
    await deploymentStatus(gh, r, id, "failure", o.description, runUrl(io));
  }
  return 0;
}

// generator/runtime/budget.ts
var WARN_AT = 0.8;
var DEFAULT_ACK_LABEL = "opsta:budget-acknowledged";
function parseCost(json3, where) {
  const total = json3?.totalUsd;
  if (typeof total !== "number" || !Number.isFinite(total) || total < 0) throw new UsageError(`${where}: "totalUsd" must be a non-negative number (the output of opsta cost --json, or .opsta/cost.json)`);
  const b = json3.budget;
  if (b !== void 0 && (typeof b?.monthlyUsd !== "number" || !(b.monthlyUsd > 0))) throw new UsageError(`${where}: "budget.monthlyUsd" must be a positive number`);
  return { totalUsd: total, ...b ? { budget: { monthlyUsd: b.monthlyUsd } } : {} };
}
var usd = (n) => `$${n.toFixed(2)}`;
function checkBudget(cost, opts = {}) {
  const ack = opts.ackLabel ?? DEFAULT_ACK_LABEL;
  const base = opts.base ? { baseUsd: opts.base.totalUsd } : {};
  const delta = opts.base ? ` (${cost.totalUsd >= opts.base.totalUsd ? "+" : "-"}${usd(Math.abs(cost.totalUsd - opts.base.totalUsd))} against the base branch)` : "";
  if (!cost.budget) return { type: "cost", status: "no-budget", totalUsd: cost.totalUsd, ...base, message: `Estimated ${usd(cost.totalUsd)} a month${delta}; no budget set (budget.monthlyUsd in the plan).` };
  const limit = cost.budget.monthlyUsd;
  const common2 = { type: "cost", totalUsd: cost.totalUsd, budgetUsd: limit, ...base };
  const pct = Math.round(cost.totalUsd / limit * 100);
  if (cost.totalUsd > limit) {
    if (opts.labels?.includes(ack)) return { ...common2, status: "acknowledged", message: `Estimated ${usd(cost.totalUsd)} a month is over the budget of ${usd(limit)} (${pct} %)${delta}; acknowledged with the label "${ack}".` };
    return { ...common2, status: "over", message: `Estimated ${usd(cost.totalUsd)} a month is over the budget of ${usd(limit)} by ${usd(cost.totalUsd - limit)} (${pct} %)${delta}. Lower the plan's cost, raise budget.monthlyUsd, or have a maintainer add the label "${ack}".` };
  }
  if (cost.totalUsd >= WARN_AT * limit) return { ...common2, status: "warn", message: `Estimated ${usd(cost.totalUsd)} a month is ${pct} % of the budget of ${usd(limit)}${delta}.` };
  return { ...common2, status: "ok", message: `Estimated ${usd(cost.totalUsd)} a month, ${pct} % of the budget of ${usd(limit)}${delta}.` };
}

// generator/runtime/check-run.ts
import { existsSync, readdirSync, readFileSync as readFileSync2 } from "node:fs";
import { join } from "node:path";

// generator/runtime/plan-summary.ts
function changeKind(actions) {
  const a = actions.join(",");
  switch (a) {
    case "create":
      return "create";
    case "update":
      return "update";
    case "delete":
      return "delete";
    case "delete,create":
    case "create,delete":
      return "replace";
    case "read":
      return "read";
    case "forget":
      return "forget";
    case "no-op":
    case "":
      return "no-op";
    default:
      throw new UsageError(`unknown Terraform action list [${actions.join(", ")}] in the plan JSON; is this terraform show -json output?`);
  }
}
function resourceChanges(plan, what = "the plan JSON") {
  if (typeof plan !== "object" || plan === null || !("format_version" in plan)) {
    throw new UsageError(`${what} has no "format_version": it is not \`terraform show -json <planfile>\` output`);
  }
  const rc = plan.resource_changes;
  if (rc === void 0) return [];
  if (!Array.isArray(rc)) throw new UsageError(`${what}: "resource_changes" must be a list`);
  const out = [];
  rc.forEach((r, i) => {
    if (typeof r?.address !== "string") throw new UsageError(`${what}: resource_changes[${i}].address is missing`);
    if (r.mode === "data") return;
    const actions = r.change?.actions;
    if (!Array.isArray(actions) || !actions.every((x) => typeof x === "string")) throw new UsageError(`${what}: resource_changes[${i}].change.actions must be a list of strings`);
    out.push({ address: r.address, actions, raw: r });
  });
  return out.sort((a, b) => a.address < b.address ? -1 : a.address > b.address ? 1 : 0);
}
function summarizePlan(stage, plan) {
  const s = { type: "plan", stage, add: 0, change: 0, destroy: 0, imports: 0, moves: 0, forget: 0, destructive: [], changes: [], outputs: [], errored: false };
  for (const { address, actions, raw } of resourceChanges(plan)) {
    const kind = changeKind(actions);
    if (kind === "read") continue;
    const line2 = { address, kind };
    if (typeof raw.action_reason === "string") line2.reason = raw.action_reason;
    if (typeof raw.previous_address === "string" && raw.previous_address !== address) {
      line2.movedFrom = raw.previous_address;
      s.moves++;
    }
    if (raw.change?.importing) {
      line2.importing = true;
      s.imports++;
    }
    if (kind === "create") s.add++;
    if (kind === "update") s.change++;
    if (kind === "delete") s.destroy++;
    if (kind === "replace") s.add++, s.destroy++;
    if (kind === "forget") s.forget++;
    if (kind === "delete" || kind === "replace") s.destructive.push(line2);
    else if (kind !== "no-op" || line2.movedFrom || line2.importing) s.changes.push(line2);
  }
  const oc = plan.output_changes ?? {};
  s.outputs = Object.keys(oc).filter((k) => !(oc[k]?.actions ?? []).every((a) => a === "no-op")).sort();
  s.errored = plan.errored === true;
  return s;
}
var hasChanges = (s) => s.destructive.length + s.changes.length + s.outputs.length > 0;
function countsLine(s) {
  if (!hasChanges(s)) return "no changes";
  const parts = [`${s.add} to add`, `${s.change} to change`, `${s.destroy} to destroy`];
  if (s.imports) parts.unshift(`${s.imports} to import`);
  if (s.moves) parts.push(`${s.moves} moved`);
  if (s.forget) parts.push(`${s.forget} to forget`);
  if (s.outputs.length) parts.push(`${s.outputs.length} output${s.outputs.length === 1 ? "" : "s"} changed`);
  return parts.join(", ");
}

// generator/runtime/sections.ts
var FULL = { items: Infinity, chars: Infinity, destructive: Infinity };
function clip(s, max = 200) {
  return s.length <= max ? s : `${s.slice(0, max / 2 - 1)}…${s.slice(s.length - max / 2)}`;
}
var usd2 = (n) => `$${n.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
function resourceLine(r) {
  const notes = [r.reason?.replace(/_/g, " "), r.movedFrom ? `moved from ${mdCode(clip(r.movedFrom))}` : void 0, r.importing ? "imported" : void 0].filter(Boolean);
  return `- **${r.kind}** ${mdCode(clip(r.address))}${notes.length ? ` (${notes.join("; ")})` : ""}`;
}
function more(n, stage, caps) {
  return caps.rendering === "summary" ? `- _… ${n} more, in the plan: the run's artifact ${mdCode(`opsta-plan-${stage}`)} (plan.json)._` : `- _… ${n} more, listed in the job summary._`;
}
function destructiveCount(s) {
  return s.type === "plan" ? s.destructive.length : 0;
}
function renderSection(s, caps = FULL) {
  if (s.type === "cost") {
    const icon = { ok: "✅", warn: "⚠️", over: "❌", acknowledged: "☑️", "no-budget": "ℹ️" }[s.status];
    const lines = [`### Monthly cost`, "", `${icon} ${mdText(s.message)}`, ""];
    const rows = [`| Estimate | ${usd2(s.totalUsd)} |`];
    if (s.baseUsd !== void 0) rows.push(`| Base branch | ${usd2(s.baseUsd)} |`, `| Change | ${s.totalUsd - s.baseUsd >= 0 ? "+" : "−"}${usd2(Math.abs(s.totalUsd - s.baseUsd))} |`);
    if (s.budgetUsd !== void 0) rows.push(`| Budget | ${usd2(s.budgetUsd)} (${Math.round(s.totalUsd / s.budgetUsd * 100)} %) |`);
    return [...lines, "| | Monthly |", "|---|---:|", ...rows, ""].join("\n");
  }
  if (s.type === "text") {
    const where = caps.rendering === "summary" ? "the job's log" : "the job summary";
    const body = s.body.length > caps.chars ? `${s.body.slice(0, Math.max(0, s.body.lastIndexOf("\n", caps.chars)))}
… truncated: ${s.body.length - caps.chars} more characters in ${where}
` : s.body;
    return [`### ${mdCode(s.stage)}: ${mdText(s.title)}`, "", s.body.trim() === "" ? "_No changes._" : `<details><summary>Show</summary>

${mdFence(body, s.lang ?? "")}

</details>`, ""].join("\n");
  }
  const out = [`### ${mdCode(s.stage)}: ${countsLine(s)}`, ""];
  if (s.errored) out.push("> [!WARNING]", "> The plan errored: the changes below are what Terraform planned before the error, not the whole change.", "");
  if (s.destructive.length) {
    const replaced = s.destructive.filter((r) => r.kind === "replace").length;
    out.push("> [!CAUTION]", `> **${s.destructive.length} resource${s.destructive.length === 1 ? "" : "s"} will be destroyed** (${replaced} of them replaced): deleted data does not come back, check each one.`);
    const shown = s.destructive.slice(0, caps.destructive);
    for (const r of shown) out.push(`> ${resourceLine(r)}`);
    if (shown.length < s.destructive.length) out.push(`> ${more(s.destructive.length - shown.length, s.stage, caps)}`);
    out.push("");
  }
  if (!hasChanges(s)) return [...out, "_No changes: the infrastructure matches the configuration._", ""].join("\n");
  if (s.changes.length || s.outputs.length) {
    out.push(`<details><summary>Other changes (${s.changes.length + s.outputs.length})</summary>`, "");
    const shown = s.changes.slice(0, caps.items);
    for (const r of shown) out.push(resourceLine(r));
    if (shown.length < s.changes.length) out.push(more(s.changes.length - shown.length, s.stage, caps));
    const outs = s.outputs.slice(0, Math.max(0, caps.items - shown.length));
    for (const o of outs) out.push(`- **output** ${mdCode(clip(o))}`);
    if (outs.length < s.outputs.length) out.push(more(s.outputs.length - outs.length, s.stage, caps));
    out.push("", "</details>", "");
  }
  return out.join("\n");
}
function sortSections(sections) {
  const key = (s) => s.type === "cost" ? "~" : `${s.stage}\0${s.type}`;
  return [...sections].sort((a, b) => key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
}

// generator/runtime/check-run.ts
var OUTPUT_LIMIT = 65535;
var ANNOTATIONS_PER_REQUEST = 50;
function readStackFiles(root, dir) {
  let names;
  try {
    names = readdirSync(join(root, dir));
  } catch {
    return [];
  }
  return names.filter((n) => n.endsWith(".tf")).sort().map((n) => ({ path: `${dir.replace(/\\/g, "/").replace(/\/+$/, "")}/${n}`, text: readFileSync2(join(root, dir, n), "utf8") }));
}
function addressParts(address) {
  const parts = [];
  let cur = "";
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < address.length; i++) {
    const c = address[i];
    if (quoted) {
      if (c === "\\") cur += c + (address[i + 1] ?? ""), i++;
      else {
        if (c === '"') quoted = false;
        cur += c;
      }
      continue;
    }
    if (c === '"') quoted = true;
    else if (c === "[") depth++;
    else if (c === "]") depth--;
    if (c === "." && depth === 0) {
      parts.push(cur);
      cur = "";
    } else cur += c;
  }
  parts.push(cur);
  return parts.map((p) => p.replace(/\[.*$/s, ""));
}
var escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
function blockLine(text2, keyword, labels) {
  const re = new RegExp(`^\\s*${keyword}${labels.map((l) => `\\s+(?:"${escapeRe(l)}"|${escapeRe(l)})`).join("")}\\s*\\{`);
  let inComment = false;
  const lines = text2.split("\n");
  for (let i = 0; i < lines.length; i++) {
    let line2 = lines[i];
    if (inComment) {
      const end = line2.indexOf("*/");
      if (end < 0) continue;
      line2 = line2.slice(end + 2);
      inComment = false;
    }
    if (re.test(line2)) return i + 1;
    const open = line2.lastIndexOf("/*");
    if (open >= 0 && line2.indexOf("*/", open) < 0) inComment = true;
  }
  return 0;
}
function declarationOf(address, files, dir) {
  const parts = addressParts(address);
  const [keyword, labels] = parts[0] === "module" && parts[1] ? ["module", [parts[1]]] : ["resource", parts.slice(0, 2)];
  if (labels.length === (keyword === "module" ? 1 : 2) && labels.every(Boolean)) {
    for (const f of files) {
      const line2 = blockLine(f.text, keyword, labels);
      if (line2) return { path: f.path, line: line2, found: true };
    }
  }
  return { path: `${dir.replace(/\/+$/, "")}/main.tf`, line: 1, found: false };
}
function fit(text2, limit, note) {
  if (text2.length <= limit) return text2;
  const tail = `

${note(text2.length)}
`;
  const room = limit - tail.length - 32;
  let cut = text2.lastIndexOf("\n", room);
  if (cut <= 0) cut = Math.max(0, room);
  if (/[\uD800-\uDBFF]/.test(text2[cut - 1] ?? "")) cut--;
  return `${text2.slice(0, cut)}

${note(text2.length - cut)}
`;
}
function line(r) {
  const notes = [r.reason?.replace(/_/g, " "), r.movedFrom ? `moved from ${mdCode(clip(r.movedFrom))}` : void 0, r.importing ? "imported" : void 0].filter(Boolean);
  return `- **${r.kind}** ${mdCode(clip(r.address))}${notes.length ? ` (${notes.join("; ")})` : ""}`;
}
var planCheckName = (stage) => `opsta plan / ${stage}`;
function elsewhere(ctx, artifact) {
  return `the full plan is in the job summary${ctx.runUrl ? ` of [the run](${ctx.runUrl})` : ""}${artifact ? ` and in its artifact ${mdCode(artifact)}` : ""}`;
}
function planCheckRun(s, ctx) {
  const artifact = `opsta-plan-${ctx.stage}`;
  const cutNote = (n) => `_… ${n} more characters cut to fit GitHub's limit: ${elsewhere(ctx, artifact)}._`;
  const destroyed = s.destructive.length;
  const conclusion = s.errored ? "failure" : destroyed ? "neutral" : "success";
  const counts = `${s.add} to add, ${s.change} to change, ${s.destroy} to destroy`;
  const title = s.errored ? `Plan errored (${counts})` : destroyed ? `${destroyed} destructive: ${counts}` : hasChanges(s) ? counts : "No changes";
  const head = [`### ${mdCode(ctx.stage)}: ${countsLine(s)}`, ""];
  if (s.errored) head.push("> [!WARNING]", "> The plan errored: what follows is what Terraform planned before the error, not the whole change.", "");
  if (destroyed) {
    const replaced = s.destructive.filter((r) => r.kind === "replace").length;
    head.push("> [!CAUTION]", `> **${destroyed} resource${destroyed === 1 ? "" : "s"} will be destroyed** (${replaced} of them replaced): deleted data does not come back. Each is annotated on its declaration. The check is neutral, not failed: a destroy can be intended; read each one before approving.`, "");
    head.push(...s.destructive.map(line), "");
  }
  if (!hasChanges(s)) head.push("_No changes: the infrastructure matches the configuration._", "");
  head.push(`Plan of ${mdCode(ctx.headSha.slice(0, 12))}; ${elsewhere(ctx, artifact)}.`);
  const rest = [...s.changes.map(line), ...s.outputs.map((o) => `- **output** ${mdCode(clip(o))}`)];
  const text2 = rest.length ? [`#### Other changes (${rest.length})`, "", ...rest].join("\n") : void 0;
  const annotations = s.destructive.map((r) => {
    const at = declarationOf(r.address, ctx.files, ctx.dir);
    const what = r.kind === "replace" ? "destroyed and created again (replace)" : "destroyed";
    return {
      path: at.path,
      start_line: at.line,
      end_line: at.line,
      annotation_level: "warning",
      title: clip(`${r.kind} ${r.address}`, 250),
      message: clip(`${r.address} will be ${what}${r.reason ? ` (${r.reason.replace(/_/g, " ")})` : ""}${at.found ? "" : "; its declaration was not found in this stack"}. Deleted data does not come back.`, 4e3)
    };
  });
  return {
    name: planCheckName(ctx.stage),
    externalId: `opsta:plan:${ctx.stage}`,
    headSha: ctx.headSha,
    conclusion,
    title,
    summary: fit(head.join("\n"), OUTPUT_LIMIT, cutNote),
    ...text2 ? { text: fit(text2, OUTPUT_LIMIT, cutNote) } : {},
    annotations,
    ...ctx.runUrl ? { detailsUrl: ctx.runUrl } : {}
  };
}
function unplannedCheckRun(stage, ctx, skipped2) {
  const base = { name: planCheckName(stage), externalId: `opsta:plan:${stage}`, headSha: ctx.headSha, annotations: [], ...ctx.runUrl ? { detailsUrl: ctx.runUrl } : {} };
  if (skipped2) return { ...base, conclusion: "skipped", title: "Not planned on pull requests", summary: fit(mdText(skipped2.body.trim()), OUTPUT_LIMIT, () => "_… cut; see the job summary._") };
  return { ...base, conclusion: "failure", title: "No plan", summary: `The plan of ${mdCode(stage)} did not finish (init, validate or plan failed): see the ${ctx.runUrl ? `[run](${ctx.runUrl})` : "run"}'s terraform job.` };
}
function budgetLine(planText) {
  const i = (planText ?? "").split("\n").findIndex((l) => /^\s*monthlyUsd\s*:/.test(l));
  return i >= 0 ? i + 1 : 1;
}
function budgetCheckRun(c, ctx) {
  const conclusion = { over: "failure", acknowledged: "neutral", warn: "neutral", ok: "success", "no-budget": "skipped" }[c.status];
  const pct = c.budgetUsd ? Math.round(c.totalUsd / c.budgetUsd * 100) : void 0;
  const money = (n) => `$${n.toFixed(2)}`;
  const title = {
    over: `Over budget: ${money(c.totalUsd)} of ${money(c.budgetUsd ?? 0)} a month (${pct} %)`,
    acknowledged: `Over budget (${pct} %), acknowledged with the label ${ctx.ackLabel}`,
    warn: `${pct} % of the budget: ${money(c.totalUsd)} of ${money(c.budgetUsd ?? 0)} a month`,
    ok: `${pct} % of the budget: ${money(c.totalUsd)} of ${money(c.budgetUsd ?? 0)} a month`,
    "no-budget": `No budget set: ${money(c.totalUsd)} a month`
  }[c.status];
  const line2 = budgetLine(ctx.planText);
  const level = { over: "failure", acknowledged: "notice", warn: "warning" }[c.status];
  const annotations = level ? [{ path: ctx.planPath, start_line: line2, end_line: line2, annotation_level: level, title: clip(title, 250), message: clip(c.message, 4e3) }] : [];
  return {
    name: ctx.name,
    externalId: "opsta:budget",
    headSha: ctx.headSha,
    conclusion,
    title,
    summary: fit(`${mdText(c.message)}
`, OUTPUT_LIMIT, () => "_… cut._"),
    annotations,
    ...ctx.runUrl ? { detailsUrl: ctx.runUrl } : {}
  };
}
var annotationKey = (a) => JSON.stringify([a.path, a.start_line, a.end_line, a.annotation_level ?? "", a.title ?? "", a.message ?? ""]);
async function upsertCheckRun(gh, once, r, spec) {
  return again(gh, async () => {
    const list = await gh.paginate(`${repoPath(r)}/commits/${spec.headSha}/check-runs${query({ check_name: spec.name, filter: "all", per_page: 100 })}`, "check_runs");
    const mine = list.filter((c) => c.name === spec.name && c.external_id === spec.externalId).sort((a, b) => b.id - a.id)[0];
    let have = /* @__PURE__ */ new Set();
    let staleKeys = 0;
    const wanted = new Set(spec.annotations.map(annotationKey));
    if (mine && (mine.output?.annotations_count ?? 1) > 0) {
      const existing = await gh.paginate(`${repoPath(r)}/check-runs/${mine.id}/annotations${query({ per_page: 100 })}`);
      have = new Set(existing.map(annotationKey));
      staleKeys = [...have].filter((k) => !wanted.has(k)).length;
    }
    const summary = staleKeys ? fit(`${spec.summary}

_${staleKeys} annotation${staleKeys === 1 ? "" : "s"} from an earlier run of this check no longer appl${staleKeys === 1 ? "ies" : "y"} to this plan (GitHub keeps a check run's annotations; they cannot be removed)._`, OUTPUT_LIMIT, () => "_… cut._") : spec.summary;
    const output = { title: spec.title, summary, ...spec.text !== void 0 ? { text: spec.text } : {} };
    const missing = spec.annotations.filter((a) => !have.has(annotationKey(a)));
    const batches = [];
    for (let i = 0; i < missing.length; i += ANNOTATIONS_PER_REQUEST) batches.push(missing.slice(i, i + ANNOTATIONS_PER_REQUEST));
    const fields = { status: "completed", conclusion: spec.conclusion, external_id: spec.externalId, ...spec.detailsUrl ? { details_url: spec.detailsUrl } : {} };
    let id;
    let created = false;
    if (!mine) {
      const { data } = await gh.request("POST", `${repoPath(r)}/check-runs`, { name: spec.name, head_sha: spec.headSha, ...fields, output: { ...output, annotations: batches.shift() ?? [] } });
      id = data.id;
      created = true;
    } else {
      id = mine.id;
      const same = mine.status === "completed" && mine.conclusion === spec.conclusion && (mine.output?.title ?? "") === output.title && (mine.output?.summary ?? "") === output.summary && (mine.output?.text ?? "") === (output.text ?? "") && (!spec.detailsUrl || mine.details_url === spec.detailsUrl);
      if (!same) await gh.request("PATCH", `${repoPath(r)}/check-runs/${id}`, { ...fields, output });
    }
    for (const batch of batches) {
      try {
        await once.request("PATCH", `${repoPath(r)}/check-runs/${id}`, { output: { ...output, annotations: batch } });
      } catch (e) {
        if (e instanceof GitHubApiError && (e.status === void 0 || e.status >= 500)) throw new GitHubApiError(e.message, e.status, true);
        throw e;
      }
    }
    return { id, created, annotationsSent: missing.length, stale: staleKeys };
  });
}
function headSha(io, flag, cmd) {
  const fromEvent = eventPayload(io)?.pull_request?.head?.sha;
  const sha = flag ?? (io.env.OPSTA_HEAD_SHA || void 0) ?? (typeof fromEvent === "string" ? fromEvent : void 0);
  if (sha === void 0) throw new UsageError(`${cmd}: no head commit: pass --sha (env HEAD_SHA: \${{ github.event.pull_request.head.sha }}) or run on a pull_request event (GITHUB_EVENT_PATH)`);
  if (!/^[0-9a-f]{40}$/.test(sha)) throw new UsageError(`${cmd}: --sha must be a full 40-character commit id, got ${JSON.stringify(sha)}`);
  return sha;
}
var STAGE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
function stageList(raw) {
  let v;
  try {
    v = JSON.parse(raw);
  } catch {
    v = void 0;
  }
  if (!Array.isArray(v) || !v.every((x) => typeof x === "string" && STAGE.test(x))) throw new UsageError(`check-run: --stages must be a JSON list of stage ids like ["10-network"], got ${JSON.stringify(raw.slice(0, 100))}`);
  return v;
}
function readSection(dir, name) {
  const p = join(dir, name);
  return existsSync(p) ? readJson(p, "a summary") : void 0;
}
async function checkRunCommand(argv, io) {
  const f = parseFlags(argv, ["stages", "from", "sha", "root"], "check-run");
  const stages = stageList(required(f, "stages", "check-run"));
  const from = required(f, "from", "check-run");
  const sha = headSha(io, f.sha, "check-run");
  const root = f.root ?? ".";
  const gh = githubClient(io);
  const once = githubClient(io, { attempts: 1 });
  const r = repository(io);
  const url = runUrl(io);
  const results = [];
  const report = [];
  for (const stage of stages) {
    const plan = readSection(from, `${stage}.plan-summary.json`);
    const skipped2 = readSection(from, `${stage}.text-summary.json`);
    let spec;
    if (plan?.type === "plan") {
      const dir = `stacks/${stage}`;
      spec = planCheckRun(plan, { stage, headSha: sha, dir, files: readStackFiles(root, dir), ...url ? { runUrl: url } : {} });
    } else spec = unplannedCheckRun(stage, { headSha: sha, ...url ? { runUrl: url } : {} }, skipped2?.type === "text" ? skipped2 : void 0);
    const res = await upsertCheckRun(gh, once, r, spec);
    results.push({ stage, id: res.id, conclusion: spec.conclusion });
    report.push(`${spec.name}: ${spec.conclusion}, ${spec.title} (${res.created ? "created" : "updated"} check run ${res.id}, ${res.annotationsSent} annotation(s) sent${res.stale ? `, ${res.stale} stale kept by GitHub` : ""})`);
  }
  setOutput(io, "check_runs", JSON.stringify(results));
  io.stdout(`${report.join("\n")}${report.length ? "\n" : "no stage to report\n"}`);
  appendSummary(io, report.map((l) => `- ${mdText(l)}`).join("\n"));
  return 0;
}
async function publishBudgetCheckRun(io, section, opts) {
  if (!/^[A-Za-z0-9][A-Za-z0-9 ./:_-]{0,99}$/.test(opts.name)) throw new UsageError(`budget: --check-run must be a check name like "opsta budget", got ${JSON.stringify(opts.name)}`);
  const sha = headSha(io, opts.sha, "budget");
  const planPath = opts.planFile ?? "opsta.plan.yaml";
  const planText = existsSync(planPath) ? readFileSync2(planPath, "utf8") : void 0;
  const url = runUrl(io);
  const spec = budgetCheckRun(section, { name: opts.name, headSha: sha, ackLabel: opts.ackLabel, planPath: planPath.replace(/^\.\//, ""), ...planText !== void 0 ? { planText } : {}, ...url ? { runUrl: url } : {} });
  const res = await upsertCheckRun(githubClient(io), githubClient(io, { attempts: 1 }), repository(io), spec);
  io.stdout(`${spec.name}: ${spec.conclusion} (${res.created ? "created" : "updated"} check run ${res.id})
`);
}

// generator/runtime/comment.ts
var COMMENT_LIMIT = 65536;
var SUMMARY_BUDGET = 1e6;
var STAGE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
function parseStages(value, flag = "comment: --stages") {
  let list;
  try {
    list = JSON.parse(value);
  } catch {
    throw new UsageError(`${flag} must be a JSON list of stage ids (changed-stacks' "all" output), got ${JSON.stringify(value.slice(0, 80))}`);
  }
  if (!Array.isArray(list) || !list.every((x) => typeof x === "string" && STAGE_ID.test(x))) throw new UsageError(`${flag} must be a JSON list of stage ids like ["10-network"], got ${JSON.stringify(value.slice(0, 80))}`);
  return list;
}
var stageOf = (s) => s.type === "cost" ? void 0 : s.stage;
function missingSection(stage, runUrl2) {
  return [`### ${mdCode(stage)}: no result`, "", "> [!WARNING]", `> This stage changed, but its job wrote no plan or render: fmt, validate, init or plan failed, or the job was cancelled. See ${runUrl2 ? `[the run](${runUrl2})` : "the run"}.`, ""].join("\n");
}
function render(input, caps, truncated) {
  const sections = sortSections(input.sections);
  const head = [marker(input.markerName), `## ${input.title ?? "Opsta plan"}`, ""];
  if (input.sha) head.push(`For ${mdCode(input.sha.slice(0, 12))}.`, "");
  const destroying = sections.filter((s) => destructiveCount(s) > 0);
  if (destroying.length) {
    head.push(`> [!CAUTION]`, `> **Destructive changes** in ${destroying.map((s) => `${mdCode(s.type === "cost" ? "cost" : s.stage)} (${destructiveCount(s)})`).join(", ")}: read them before approving.`, "");
  }
  const reported = new Set(sections.map(stageOf).filter((s) => s !== void 0));
  const missing = [...new Set(input.stages ?? [])].filter((s) => !reported.has(s)).sort();
  if (reported.size === 0 && missing.length === 0) head.push("_No stage changed in this pull request: nothing to plan._", "");
  const parts = [...sections.map((s) => ({ key: stageOf(s) ?? "~", text: renderSection(s, caps) })), ...missing.map((s) => ({ key: s, text: missingSection(s, input.runUrl) }))];
  parts.sort((a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  const body = parts.map((p) => p.text).join("\n");
  const summary = caps.rendering === "summary";
  let foot = "";
  if (truncated && summary) foot = `
---
_This job summary is shortened to stay under GitHub's 1 MiB limit for a step summary. The full plans are this run's ${mdCode("opsta-plan-<stage>")} artifacts (the plan file and its JSON); the full render diff is in the platform job's log._
`;
  else if (truncated) foot = `
---
_This comment is shortened to fit GitHub's limit; the full plans are in the job summary${input.runUrl ? ` of [the run](${input.runUrl})` : ""}._
`;
  else if (input.runUrl && !summary) foot = `
---
_Full output: [the run](${input.runUrl})._
`;
  return `${head.join("\n")}${body}${foot}`;
}
var LADDER = [
  FULL,
  ...[500, 200, 100, 50, 20, 10, 5, 0].map((items) => ({ items, chars: Infinity, destructive: Infinity })),
  ...[2e4, 8e3, 3e3, 1e3, 0].map((chars) => ({ items: 0, chars, destructive: Infinity })),
  ...[200, 100, 50, 20, 10, 5, 0].map((destructive) => ({ items: 0, chars: 0, destructive }))
];
function renderComment(input, limit = COMMENT_LIMIT) {
  for (const [i, caps] of LADDER.entries()) {
    const body2 = render(input, caps, i > 0);
    if (body2.length < limit) return { body: body2, truncated: i > 0 };
  }
  const body = render(input, LADDER[LADDER.length - 1], true);
  const cut = body.lastIndexOf("\n", limit - 200);
  return { body: `${body.slice(0, cut)}

_… cut to fit GitHub's limit; see the job summary._
`, truncated: true };
}
function renderFull(input, limitBytes = SUMMARY_BUDGET) {
  let body = "";
  for (const [i, caps] of LADDER.entries()) {
    body = render(input, { ...caps, rendering: "summary" }, i > 0);
    if (Buffer.byteLength(body) <= limitBytes) return body;
  }
  return body;
}

// generator/runtime/compare-plan.ts
function actionsOf(plan, what) {
  const m = /* @__PURE__ */ new Map();
  for (const { address, actions } of resourceChanges(plan, what)) {
    const kind = changeKind(actions);
    if (kind === "read" || kind === "no-op") continue;
    m.set(address, kind);
  }
  return m;
}
function comparePlans(reviewed, fresh) {
  const a = actionsOf(reviewed, "the reviewed plan");
  const b = actionsOf(fresh, "the fresh plan");
  const diffs = [];
  for (const address of [.../* @__PURE__ */ new Set([...a.keys(), ...b.keys()])].sort()) {
    const r = a.get(address);
    const f = b.get(address);
    if (r !== f) diffs.push({ address, ...r ? { reviewed: r } : {}, ...f ? { fresh: f } : {} });
  }
  return diffs;
}
function describeDifferences(stage, diffs) {
  const where = stage ? `stage ${stage}` : "the stage";
  if (diffs.length === 0) return `${where}: the fresh plan matches the reviewed plan`;
  const lines = diffs.map(
    (d) => d.reviewed === void 0 ? `  + ${d.address}: ${d.fresh} (not in the reviewed plan)` : d.fresh === void 0 ? `  - ${d.address}: ${d.reviewed} (reviewed, no longer planned)` : `  ~ ${d.address}: reviewed ${d.reviewed}, now ${d.fresh}`
  );
  return [
    `${where}: the fresh plan differs from the plan reviewed on the pull request in ${diffs.length} resource${diffs.length === 1 ? "" : "s"}; not applying.`,
    ...lines,
    "Something changed since the review (another merge, drift, or a provider default). Re-run the plan on a new pull request and review it."
  ].join("\n");
}

// generator/runtime/exec.ts
import { spawnSync } from "node:child_process";
function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: opts.cwd, env: opts.env ?? process.env, input: opts.input, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  if (r.error) {
    const code = r.error.code;
    if (code === "ENOENT") throw new UsageError(`${cmd} is not installed or not on PATH; the workflow must set it up before this step`);
    throw new UsageError(`could not run ${cmd}: ${r.error.message}`);
  }
  return { code: r.status ?? 128, stdout: r.stdout ?? "", stderr: r.stderr ?? "" };
}
function runOk(cmd, args, opts = {}) {
  const r = run(cmd, args, opts);
  if (r.code !== 0) {
    const last = r.stderr.trim().split("\n").slice(-3).join(" | ");
    throw new UsageError(`${cmd} ${args[0] ?? ""} failed (exit ${r.code}): ${last || "no output"}`);
  }
  return r.stdout;
}

// generator/runtime/health/config.ts
var isObj = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
function parseHealthConfig(json3, where = ".opsta/pipeline.json") {
  const bad = (path, what) => {
    throw new UsageError(`${where}: ${path} ${what}; regenerate the repository with opsta generate`);
  };
  if (!isObj(json3)) return bad("(root)", "must be an object");
  const str2 = (o, k, path) => typeof o[k] === "string" && o[k] !== "" ? o[k] : bad(`${path}.${k}`, "must be a non-empty string");
  const int2 = (o, k, path) => Number.isInteger(o[k]) && o[k] >= 0 ? o[k] : bad(`${path}.${k}`, "must be a non-negative integer");
  const list = (o, k, path) => o[k] === void 0 ? [] : Array.isArray(o[k]) ? o[k] : bad(`${path}.${k}`, "must be a list");
  const codes = (o, path) => {
    const e = o.expect ?? [200];
    return Array.isArray(e) && e.length > 0 && e.every((c) => Number.isInteger(c)) ? e : bad(`${path}.expect`, "must be a list of HTTP status codes");
  };
  const cloud = str2(json3, "cloud", "pipeline");
  if (cloud !== "aws" && cloud !== "azure" && cloud !== "gcp") bad("pipeline.cloud", "must be aws, azure or gcp");
  const entries = list(json3, "health", "pipeline").map((e, i) => {
    const p = `health[${i}]`;
    if (!isObj(e)) return bad(p, "must be an object");
    const base = { component: str2(e, "component", p), name: str2(e, "name", p) };
    if (typeof e.url === "string") {
      let u;
      try {
        u = new URL(e.url);
      } catch {
        return bad(`${p}.url`, "must be an absolute URL");
      }
      if (u.protocol !== "https:") bad(`${p}.url`, "must be https");
      return { kind: "url", ...base, url: e.url, expect: codes(e, p) };
    }
    if (typeof e.service === "string") {
      if (!/^[a-z][a-z0-9-]*:[0-9]{1,5}$/.test(e.service)) bad(`${p}.service`, "must be <service>:<port>");
      return {
        kind: "service",
        ...base,
        namespace: str2(e, "namespace", p),
        service: e.service,
        path: str2(e, "path", p),
        expect: codes(e, p)
      };
    }
    if (typeof e.workload === "string") {
      if (!/^(deployment|statefulset|daemonset)\/[a-z0-9-]+$/.test(e.workload)) bad(`${p}.workload`, "must be deployment|statefulset|daemonset/<name>");
      return {
        kind: "workload",
        ...base,
        namespace: str2(e, "namespace", p),
        workload: e.workload
      };
    }
    return bad(p, "needs a url, a service or a workload");
  });
  const ctx = json3.healthContext === void 0 ? {} : isObj(json3.healthContext) ? json3.healthContext : bad("healthContext", "must be an object");
  const hc = "healthContext";
  const nodePools = list(ctx, "nodePools", hc).map((n, i) => {
    if (!isObj(n)) return bad(`${hc}.nodePools[${i}]`, "must be an object");
    return {
      name: str2(n, "name", `${hc}.nodePools[${i}]`),
      min: int2(n, "min", `${hc}.nodePools[${i}]`),
      max: int2(n, "max", `${hc}.nodePools[${i}]`)
    };
  });
  const nsName = (k) => list(ctx, k, hc).map(
    (r, i) => isObj(r) ? {
      namespace: str2(r, "namespace", `${hc}.${k}[${i}]`),
      name: str2(r, "name", `${hc}.${k}[${i}]`)
    } : bad(`${hc}.${k}[${i}]`, "must be an object")
  );
  const hosts = list(ctx, "hosts", hc).map(
    (h, i) => isObj(h) ? {
      component: str2(h, "component", `${hc}.hosts[${i}]`),
      host: str2(h, "host", `${hc}.hosts[${i}]`)
    } : bad(`${hc}.hosts[${i}]`, "must be an object")
  );
  let gateway;
  if (ctx.gateway !== void 0) {
    if (!isObj(ctx.gateway)) bad(`${hc}.gateway`, "must be an object");
    const g = ctx.gateway;
    gateway = {
      namespace: str2(g, "namespace", `${hc}.gateway`),
      name: str2(g, "name", `${hc}.gateway`)
    };
  }
  let oidc;
  if (ctx.oidc !== void 0) {
    if (!isObj(ctx.oidc)) bad(`${hc}.oidc`, "must be an object");
    const o = ctx.oidc;
    oidc = {
      issuer: str2(o, "issuer", `${hc}.oidc`),
      clients: list(o, "clients", `${hc}.oidc`).map((c, i) => {
        const p = `${hc}.oidc.clients[${i}]`;
        if (!isObj(c)) return bad(p, "must be an object");
        return {
          component: str2(c, "component", p),
          clientId: str2(c, "clientId", p),
          baseUrl: str2(c, "baseUrl", p),
          redirectUri: str2(c, "redirectUri", p)
        };
      })
    };
  }
  return {
    cloud,
    region: str2(json3, "region", "pipeline"),
    cluster: str2(json3, "cluster", "pipeline"),
    ...typeof json3.environment === "string" ? { environment: json3.environment } : {},
    stateBucket: str2(json3, "stateBucket", "pipeline"),
    entries,
    ...typeof ctx.domain === "string" ? { domain: ctx.domain } : {},
    tlsIssuer: typeof ctx.tlsIssuer === "string" ? ctx.tlsIssuer : "letsencrypt",
    nodePools,
    namespaces: list(ctx, "namespaces", hc).map((n, i) => typeof n === "string" ? n : bad(`${hc}.namespaces[${i}]`, "must be a string")),
    releases: nsName("releases"),
    hosts,
    ...gateway ? { gateway } : {},
    ...oidc ? { oidc } : {}
  };
}

// generator/runtime/health/deps.ts
import { execFile } from "node:child_process";
function defaultRunner(env) {
  return (cmd, args, signal) => new Promise((resolve, reject) => {
    execFile(
      cmd,
      args,
      {
        env,
        signal,
        encoding: "utf8",
        maxBuffer: 64 * 1024 * 1024,
        windowsHide: true
      },
      (err, stdout, stderr) => {
        if (err && err.code === "ENOENT") return reject(new Error(`${cmd} is not installed or not on PATH`));
        if (err && err.name === "AbortError") return reject(err);
        const code = err ? typeof err.code === "number" ? err.code : 1 : 0;
        resolve({ code, stdout: String(stdout), stderr: String(stderr) });
      }
    );
  });
}
function lastLine(r) {
  const lines = (r.stderr || r.stdout).trim().split("\n").filter((l) => l.trim() !== "");
  return (lines.at(-1) ?? `exit ${r.code}, no output`).slice(0, 300);
}

// generator/runtime/health/cloud.ts
import { readFileSync as readFileSync3 } from "node:fs";

// generator/runtime/health/check.ts
var pass = (reason, details) => ({
  status: "pass",
  reason,
  ...details ? { details } : {}
});
var warn = (reason, details) => ({
  status: "warn",
  reason,
  ...details ? { details } : {}
});
var fail = (reason, details) => ({
  status: "fail",
  reason,
  ...details ? { details } : {}
});
function listSome(items, n = 5) {
  return items.length <= n ? items.join(", ") : `${items.slice(0, n).join(", ")} and ${items.length - n} more`;
}

// generator/runtime/health/cloud.ts
var has = (env, ...names) => names.every((n) => typeof env[n] === "string" && env[n] !== "");
var credentialsCheck = {
  id: "cloud-credentials",
  category: "credentials",
  needs: "cloud",
  run: async (ctx) => {
    const env = ctx.deps.env;
    switch (ctx.config.cloud) {
      case "aws":
        if (has(env, "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"))
          return has(env, "AWS_SESSION_TOKEN") ? pass("AWS role session credentials present (AWS_ACCESS_KEY_ID, AWS_SESSION_TOKEN)") : warn("a long-lived AWS access key is in the environment (no AWS_SESSION_TOKEN); the workflows are meant to assume the role through GitHub OIDC");
        if (has(env, "AWS_ROLE_ARN", "AWS_WEB_IDENTITY_TOKEN_FILE")) return pass("AWS web-identity credentials present (AWS_ROLE_ARN, AWS_WEB_IDENTITY_TOKEN_FILE)");
        return fail("no AWS credentials: set them with aws-actions/configure-aws-credentials (role-to-assume) before this step");
      case "azure": {
        const missing = ["ARM_CLIENT_ID", "ARM_TENANT_ID", "ARM_SUBSCRIPTION_ID"].filter((n) => !has(env, n));
        if (missing.length) return fail(`no Azure credentials: ${missing.join(", ")} not set (the azure/login step exports them)`);
        if (has(env, "ARM_CLIENT_SECRET")) return warn("a long-lived client secret (ARM_CLIENT_SECRET) is in the environment; the workflows are meant to use GitHub OIDC");
        if (env.ARM_USE_OIDC === "true" && !has(env, "ACTIONS_ID_TOKEN_REQUEST_URL", "ACTIONS_ID_TOKEN_REQUEST_TOKEN"))
          return fail("ARM_USE_OIDC is true but the job cannot request an OIDC token: grant the job `id-token: write`");
        return pass("Azure identity present (ARM_CLIENT_ID, ARM_TENANT_ID, ARM_SUBSCRIPTION_ID, OIDC)");
      }
      case "gcp": {
        const file = env.GOOGLE_APPLICATION_CREDENTIALS || env.CLOUDSDK_AUTH_CREDENTIAL_FILE_OVERRIDE || env.GOOGLE_GHA_CREDS_PATH;
        if (!file) return fail("no Google credentials: GOOGLE_APPLICATION_CREDENTIALS is not set (google-github-actions/auth exports it)");
        let type2;
        try {
          type2 = JSON.parse(readFileSync3(file, "utf8")).type;
        } catch (e) {
          return fail(`GOOGLE_APPLICATION_CREDENTIALS names a file that cannot be read as JSON (${e.code ?? "invalid JSON"})`);
        }
        if (type2 === "service_account") return warn("a service-account key file is in use; the workflows are meant to use Workload Identity Federation");
        if (type2 !== "external_account") return fail(`GOOGLE_APPLICATION_CREDENTIALS is not a credentials file (type ${JSON.stringify(type2)})`);
        return pass("Google Workload Identity Federation credentials present");
      }
    }
  }
};
function cliStateProbe(run2) {
  return async (config, signal) => {
    const [cmd, args, what] = config.cloud === "aws" ? ["aws", ["s3api", "head-bucket", "--bucket", config.stateBucket, "--region", config.region], `S3 bucket ${config.stateBucket}`] : config.cloud === "azure" ? (
      // The container name is the one backend.tf names (generator/src/clouds/azure).
      [
        "az",
        ["storage", "container", "show", "--account-name", config.stateBucket, "--name", "tfstate", "--auth-mode", "login", "--output", "none"],
        `storage account ${config.stateBucket}, container tfstate`
      ]
    ) : ["gcloud", ["storage", "buckets", "describe", `gs://${config.stateBucket}`, "--format=value(name)"], `GCS bucket ${config.stateBucket}`];
    const r = await run2(cmd, args, signal);
    if (r.code !== 0) return fail(`cannot reach the state in ${what}: ${lastLine(r)}`);
    return pass(`state in ${what} is reachable`);
  };
}
var stateCheck = {
  id: "state-backend",
  category: "state",
  needs: "cloud",
  run: (ctx) => ctx.deps.stateProbe(ctx.config, ctx.signal)
};

// generator/runtime/health/http.ts
import { Resolver } from "node:dns";
import { request } from "node:https";
import { isIP } from "node:net";
import { createSecureContext, rootCertificates } from "node:tls";
function resolverLookup(servers) {
  return (hostname, options, callback) => {
    const all = typeof options === "object" && options !== null && options.all === true;
    const family = isIP(hostname);
    if (family) {
      if (all) callback(null, [{ address: hostname, family }]);
      else callback(null, hostname, family);
      return;
    }
    const r = new Resolver({ timeout: 2e3, tries: 2 });
    r.setServers(servers);
    r.resolve4(hostname, (err, addrs) => {
      if (err || addrs.length === 0) {
        const e = Object.assign(new Error(`${hostname} does not resolve (${err?.code ?? "no A record"})`), { code: err?.code ?? "ENOTFOUND" });
        return callback(e, "", 4);
      }
      if (all)
        callback(
          null,
          addrs.map((address) => ({ address, family: 4 }))
        );
      else callback(null, addrs[0], 4);
    });
  };
}
function trustContext(extra) {
  return extra && extra.length > 0 ? createSecureContext({ ca: [...rootCertificates, ...extra] }) : void 0;
}
function httpRequest(url, o) {
  const u = new URL(url);
  const maxBytes = o.maxBytes ?? 256 * 1024;
  return new Promise((resolve, reject) => {
    const options = {
      protocol: "https:",
      hostname: u.hostname,
      port: u.port ? Number(u.port) : o.defaultPort ?? 443,
      path: `${u.pathname}${u.search}`,
      method: o.method ?? "GET",
      headers: {
        "user-agent": "opsta-health",
        accept: "application/json, text/plain, */*",
        ...o.body ? { "content-type": "application/json" } : {},
        ...o.headers
      },
      servername: isIP(u.hostname) ? void 0 : u.hostname,
      secureContext: o.secureContext,
      rejectUnauthorized: !o.insecure,
      lookup: o.lookup,
      agent: false,
      signal: o.signal
    };
    const req = request(options, (res) => {
      const chunks = [];
      let size = 0;
      res.on("data", (c) => {
        if (size < maxBytes) chunks.push(c.subarray(0, maxBytes - size));
        size += c.length;
      });
      res.on(
        "end",
        () => resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString("utf8")
        })
      );
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(o.body);
  });
}
function describeNetError(e, host) {
  const code = e.code ?? "";
  const msg = e instanceof Error ? e.message : String(e);
  switch (code) {
    case "CERT_HAS_EXPIRED":
      return `the certificate of ${host} has expired`;
    case "ERR_TLS_CERT_ALTNAME_INVALID":
      return `the certificate presented is not valid for ${host}`;
    case "DEPTH_ZERO_SELF_SIGNED_CERT":
    case "SELF_SIGNED_CERT_IN_CHAIN":
    case "UNABLE_TO_VERIFY_LEAF_SIGNATURE":
    case "UNABLE_TO_GET_ISSUER_CERT_LOCALLY":
      return `the certificate of ${host} is not trusted (${code})`;
    case "ENOTFOUND":
    case "ENODATA":
    case "ESERVFAIL":
      return `${host} does not resolve (${code})`;
    case "ECONNREFUSED":
      return `${host} refused the connection`;
    case "ECONNRESET":
      return `${host} reset the connection`;
    default:
      return code ? `${msg} (${code})` : msg;
  }
}
function parseJson(text2) {
  try {
    return JSON.parse(text2);
  } catch {
    return void 0;
  }
}

// generator/runtime/health/kube.ts
async function kubectlJson(ctx, args) {
  const r = await ctx.deps.run("kubectl", [...args, "-o", "json"], ctx.signal);
  if (r.code !== 0) return { ok: false, r };
  const json3 = parseJson(r.stdout);
  if (typeof json3 !== "object" || json3 === null)
    return {
      ok: false,
      r: {
        ...r,
        code: 1,
        stderr: "kubectl printed something that is not JSON"
      }
    };
  return { ok: true, json: json3 };
}
var clusterApiCheck = {
  id: "cluster-api",
  category: "cluster",
  needs: "cluster",
  run: async (ctx) => {
    const ready = await ctx.deps.run("kubectl", ["get", "--raw", "/readyz"], ctx.signal);
    if (ready.code !== 0) return fail(`the API server of ${ctx.config.cluster} is not reachable or not ready: ${lastLine(ready)}`);
    if (ready.stdout.trim() !== "ok") return fail(`/readyz answered ${JSON.stringify(ready.stdout.trim().slice(0, 200))}, not "ok"`);
    const v = await ctx.deps.run("kubectl", ["version", "-o", "json"], ctx.signal);
    const server = parseJson(v.stdout)?.serverVersion?.gitVersion;
    return pass(`API server ready${typeof server === "string" ? ` (Kubernetes ${server})` : ""}`, typeof server === "string" ? { serverVersion: server } : void 0);
  }
};
var isReady = (node) => (node.status?.conditions ?? []).some((c) => c.type === "Ready" && c.status === "True");
var nodesCheck = {
  id: "nodes",
  category: "nodes",
  needs: "cluster",
  run: async (ctx) => {
    const desired = ctx.config.nodePools.reduce((a, p) => a + p.min, 0);
    const got = await kubectlJson(ctx, ["get", "nodes"]);
    if (!got.ok) return fail(`cannot list nodes: ${lastLine(got.r)}`);
    const nodes = got.json.items ?? [];
    const ready = nodes.filter((n) => isReady(n) && !n.spec?.unschedulable);
    const notReady = nodes.filter((n) => !ready.includes(n)).map((n) => String(n.metadata?.name));
    const details = {
      desired,
      ready: ready.length,
      total: nodes.length,
      notReady
    };
    if (ready.length < desired)
      return fail(
        `${ready.length} of ${desired} desired nodes are Ready${notReady.length ? ` (not ready or cordoned: ${listSome(notReady)})` : ""}; check the node group and its events`,
        details
      );
    if (notReady.length) return warn(`${ready.length} nodes Ready (desired ${desired}), but ${listSome(notReady)} not ready or cordoned`, details);
    return pass(`${ready.length} nodes Ready (desired at least ${desired})`, details);
  }
};
function podProblem(p) {
  const phase = p.status?.phase;
  if (phase === "Succeeded") return void 0;
  const containers = [...p.status?.initContainerStatuses ?? [], ...p.status?.containerStatuses ?? []];
  const waiting = containers.map((c) => c.state?.waiting?.reason).find((r) => typeof r === "string" && r !== "PodInitializing" && r !== "ContainerCreating");
  if (waiting) return waiting;
  if (phase !== "Running") return String(phase ?? "Unknown");
  const unready = (p.status?.containerStatuses ?? []).filter((c) => !c.ready).map((c) => String(c.name));
  return unready.length ? `containers not ready: ${unready.join(", ")}` : void 0;
}
var podsCheck = {
  id: "system-pods",
  category: "pods",
  needs: "cluster",
  run: async (ctx) => {
    const wanted = new Set(ctx.config.namespaces.length ? ctx.config.namespaces : ["kube-system"]);
    const got = await kubectlJson(ctx, ["get", "pods", "--all-namespaces"]);
    if (!got.ok) return fail(`cannot list pods: ${lastLine(got.r)}`);
    const pods = (got.json.items ?? []).filter((p) => wanted.has(p.metadata?.namespace));
    const bad = pods.flatMap((p) => {
      const why = podProblem(p);
      return why ? [`${p.metadata?.namespace}/${p.metadata?.name} (${why})`] : [];
    });
    const details = {
      namespaces: [...wanted].sort(),
      pods: pods.length,
      unhealthy: bad
    };
    if (bad.length) return fail(`${bad.length} of ${pods.length} pods unhealthy: ${listSome(bad)}`, details);
    return pass(`${pods.length} pods healthy in ${wanted.size} namespaces`, details);
  }
};
function workloadCheck(e) {
  return {
    id: `workload:${e.name}`,
    category: "workload",
    needs: "cluster",
    component: e.component,
    target: `${e.namespace}/${e.workload}`,
    run: async (ctx) => {
      const got = await kubectlJson(ctx, ["get", e.workload, "--namespace", e.namespace]);
      if (!got.ok) return fail(`cannot read ${e.workload} in ${e.namespace}: ${lastLine(got.r)}`);
      const s = got.json.status ?? {};
      const [kind] = e.workload.split("/");
      const [want, have] = kind === "daemonset" ? [s.desiredNumberScheduled ?? 0, s.numberReady ?? 0] : kind === "statefulset" ? [got.json.spec?.replicas ?? 1, s.readyReplicas ?? 0] : [got.json.spec?.replicas ?? 1, s.availableReplicas ?? 0];
      const details = { desired: want, ready: have };
      if (want === 0) return warn(`${e.workload} is scaled to zero`, details);
      if (have < want) return fail(`${e.workload}: ${have} of ${want} replicas ${kind === "deployment" ? "available" : "ready"}`, details);
      return pass(`${e.workload}: ${have}/${want} ${kind === "deployment" ? "available" : "ready"}`, details);
    }
  };
}
function serviceEndpointCheck(e) {
  const [svc, port] = e.service.split(":");
  const raw = `/api/v1/namespaces/${e.namespace}/services/http:${svc}:${port}/proxy${e.path}`;
  return {
    id: `endpoint:${e.name}`,
    category: "endpoint",
    needs: "cluster",
    component: e.component,
    target: `${e.namespace}/${e.service}${e.path}`,
    run: async (ctx) => {
      const r = await ctx.deps.run("kubectl", ["get", "--raw", raw], ctx.signal);
      if (r.code !== 0) return fail(`${e.service}${e.path} in ${e.namespace}: ${lastLine(r)}`);
      const body = parseJson(r.stdout);
      if (body && typeof body.status === "string" && body.status !== "UP") {
        const down = (body.checks ?? []).filter((c) => c.status !== "UP").map((c) => String(c.name));
        return fail(`${e.path} reports ${body.status}${down.length ? ` (${listSome(down)})` : ""}`, { status: body.status });
      }
      return pass(`${e.path} ${body?.status === "UP" ? "reports UP" : "answered"} (through the API server's service proxy)`);
    }
  };
}
async function gatewayAddresses(ctx) {
  const g = ctx.config.gateway;
  return ctx.shared("gateway", async () => {
    const got = await kubectlJson(ctx, ["get", "gateway", g.name, "--namespace", g.namespace]);
    if (!got.ok) return { addresses: [], programmed: false, error: lastLine(got.r) };
    const addresses = (got.json.status?.addresses ?? []).map((a) => a.value).filter((v) => typeof v === "string" && v !== "");
    const programmed = (got.json.status?.conditions ?? []).some((c) => c.type === "Programmed" && c.status === "True");
    return { addresses, programmed };
  });
}
var gatewayCheck = {
  id: "gateway-address",
  category: "gateway",
  needs: "cluster",
  run: async (ctx) => {
    const g = ctx.config.gateway;
    const a = await gatewayAddresses(ctx);
    if (a.error) return fail(`cannot read Gateway ${g.namespace}/${g.name}: ${a.error}`);
    if (a.addresses.length === 0) return fail(`Gateway ${g.namespace}/${g.name} has no address yet: the cloud load balancer was not provisioned (see the envoy Service's events)`);
    if (!a.programmed) return warn(`Gateway ${g.namespace}/${g.name} has address ${listSome(a.addresses)} but is not Programmed`, { addresses: a.addresses });
    return pass(`Gateway ${g.namespace}/${g.name} is Programmed at ${listSome(a.addresses)}`, { addresses: a.addresses });
  }
};
var helmCheck = {
  id: "helm-releases",
  category: "helm",
  // helm list reads each release's record, a Secret in the release's namespace.
  needs: "cluster-secrets",
  run: async (ctx) => {
    const r = await ctx.deps.run("helm", ["list", "--all-namespaces", "--all", "--output", "json"], ctx.signal);
    if (r.code !== 0) return fail(`helm list failed: ${lastLine(r)}`);
    const list = parseJson(r.stdout);
    if (!Array.isArray(list)) return fail("helm list printed something that is not a JSON list");
    const byId = new Map(list.map((x) => [`${x.namespace}/${x.name}`, String(x.status)]));
    const missing = ctx.config.releases.map((x) => `${x.namespace}/${x.name}`).filter((id) => !byId.has(id));
    const notDeployed = ctx.config.releases.map((x) => `${x.namespace}/${x.name}`).flatMap((id) => byId.has(id) && byId.get(id) !== "deployed" ? [`${id} (${byId.get(id)})`] : []);
    const details = {
      expected: ctx.config.releases.length,
      missing,
      notDeployed
    };
    if (missing.length || notDeployed.length)
      return fail([notDeployed.length ? `not deployed: ${listSome(notDeployed)}` : "", missing.length ? `missing: ${listSome(missing)}` : ""].filter(Boolean).join("; "), details);
    return pass(`${ctx.config.releases.length} releases deployed`, details);
  }
};

// generator/runtime/health/net.ts
import { promises as dnsPromises } from "node:dns";
import { isIP as isIP2 } from "node:net";
import { checkServerIdentity, connect } from "node:tls";

// generator/runtime/health/prerequisites.ts
import { existsSync as existsSync2 } from "node:fs";
import { join as join2 } from "node:path";
var SCOPE_VARIABLE = "OPSTA_HEALTH_SCOPE";
var VIEW_SCOPE_SECRETS = `the scheduled identity cannot read Helm release secrets (${SCOPE_VARIABLE}=view: a read-only role without Secrets)`;
function healthScope(env) {
  const v = env[SCOPE_VARIABLE];
  if (v === void 0 || v === "" || v === "full") return "full";
  if (v === "view") return "view";
  throw new UsageError(`${SCOPE_VARIABLE} is ${JSON.stringify(v.slice(0, 40))}: set it to "view" (a read-only cluster role without Secrets) or leave it unset`);
}
var throughCluster = (needs) => needs === "cluster" || needs === "cluster-secrets";
var isForbidden = (reason) => /\(Forbidden\)|\bis forbidden\b/.test(reason);
var set = (env, n) => typeof env[n] === "string" && env[n] !== "";
var CREDENTIAL_VARIABLES = {
  aws: ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_ROLE_ARN", "AWS_WEB_IDENTITY_TOKEN_FILE"],
  azure: ["ARM_CLIENT_ID", "ARM_TENANT_ID", "ARM_SUBSCRIPTION_ID", "ARM_CLIENT_SECRET"],
  gcp: ["GOOGLE_APPLICATION_CREDENTIALS", "CLOUDSDK_AUTH_CREDENTIAL_FILE_OVERRIDE", "GOOGLE_GHA_CREDS_PATH"]
};
function missingCloudIdentity(cloud, env) {
  const names = CREDENTIAL_VARIABLES[cloud];
  if (names.some((n) => set(env, n))) return void 0;
  return `no cloud identity in this job (none of ${names.join(", ")} is set)`;
}
function missingKubeconfig(env) {
  if (set(env, "KUBECONFIG")) return void 0;
  if (set(env, "KUBERNETES_SERVICE_HOST")) return void 0;
  if (set(env, "HOME") && existsSync2(join2(env.HOME, ".kube", "config"))) return void 0;
  return "no kubeconfig in this job (KUBECONFIG is not set and there is no ~/.kube/config)";
}
function missingPrerequisites(config, env) {
  const cloud = missingCloudIdentity(config.cloud, env);
  const cluster = missingKubeconfig(env);
  const secrets = cluster ?? (healthScope(env) === "view" ? VIEW_SCOPE_SECRETS : void 0);
  return { ...cloud ? { cloud } : {}, ...cluster ? { cluster } : {}, ...secrets ? { "cluster-secrets": secrets } : {} };
}

// generator/runtime/health/net.ts
function resolver(ctx) {
  const r = new dnsPromises.Resolver({ timeout: 2e3, tries: 2 });
  if (ctx.deps.dnsServers?.length) r.setServers(ctx.deps.dnsServers);
  ctx.signal.addEventListener("abort", () => r.cancel(), { once: true });
  return r;
}
async function resolve4(ctx, host) {
  try {
    return { ok: true, addresses: (await resolver(ctx).resolve4(host)).sort() };
  } catch (e) {
    return { ok: false, code: e.code ?? String(e) };
  }
}
function dnsCheck(h) {
  return {
    id: `dns:${h.host}`,
    category: "dns",
    component: h.component,
    target: h.host,
    run: async (ctx) => {
      const compare = ctx.config.gateway && !ctx.missing.cluster;
      const [own, gw] = await Promise.all([resolve4(ctx, h.host), compare ? gatewayAddresses(ctx) : Promise.resolve(void 0)]);
      if (!own.ok) return fail(`${h.host} does not resolve (${own.code}): external-dns has not published it (check its logs and the zone delegation)`);
      if (ctx.config.gateway && ctx.missing.cluster)
        return pass(`${h.host} resolves to ${listSome(own.addresses)} (not compared with the Gateway's address: ${ctx.missing.cluster})`, { addresses: own.addresses, comparedWithGateway: false });
      if (gw?.error && healthScope(ctx.deps.env) === "view" && isForbidden(gw.error))
        return pass(`${h.host} resolves to ${listSome(own.addresses)} (not compared with the Gateway's address: the scheduled identity's read-only role may not read it)`, {
          addresses: own.addresses,
          comparedWithGateway: false
        });
      if (!gw || gw.addresses.length === 0)
        return warn(`${h.host} resolves to ${listSome(own.addresses)}, but the Gateway has no address to compare with`, { addresses: own.addresses });
      const expected = /* @__PURE__ */ new Set();
      for (const a of gw.addresses) {
        if (isIP2(a)) expected.add(a);
        else {
          const r = await resolve4(ctx, a);
          if (r.ok) r.addresses.forEach((x) => expected.add(x));
        }
      }
      const details = {
        addresses: own.addresses,
        gateway: gw.addresses,
        gatewayAddresses: [...expected].sort()
      };
      const stray = own.addresses.filter((a) => !expected.has(a));
      if (stray.length === own.addresses.length)
        return fail(`${h.host} resolves to ${listSome(own.addresses)}, not to the Gateway (${listSome(gw.addresses)}): a stale or foreign record`, details);
      if (stray.length) return warn(`${h.host} resolves partly elsewhere: ${listSome(stray)} is not the Gateway's`, details);
      return pass(`${h.host} resolves to the Gateway (${listSome(own.addresses)})`, details);
    }
  };
}
function peerCertificate(ctx, host, port) {
  return new Promise((resolve, reject) => {
    const socket = connect({
      host,
      port,
      servername: isIP2(host) ? void 0 : host,
      secureContext: ctx.deps.secureContext,
      rejectUnauthorized: false,
      lookup: ctx.deps.lookup,
      ALPNProtocols: ["http/1.1"]
    });
    const onAbort = () => socket.destroy(Object.assign(new Error("aborted"), { name: "AbortError" }));
    ctx.signal.addEventListener("abort", onAbort, { once: true });
    socket.once("secureConnect", () => {
      const cert = socket.getPeerCertificate();
      const err = socket.authorizationError;
      resolve({
        cert,
        authorized: socket.authorized,
        ...err ? {
          authorizationError: String(err.code ?? err)
        } : {}
      });
      socket.end();
    });
    socket.once("error", reject);
    socket.once("close", () => ctx.signal.removeEventListener("abort", onAbort));
  });
}
var DAY = 864e5;
function tlsCheck(h) {
  return {
    id: `tls:${h.host}`,
    category: "tls",
    component: h.component,
    target: h.host,
    run: async (ctx) => {
      const port = ctx.deps.httpsPort;
      let peer;
      try {
        peer = await peerCertificate(ctx, h.host, port);
      } catch (e) {
        return fail(`no TLS connection to ${h.host}:${port}: ${describeNetError(e, h.host)}`);
      }
      const { cert } = peer;
      if (!cert || !cert.valid_to) return fail(`${h.host} presented no certificate`);
      const now = ctx.deps.now().getTime();
      const notAfter = new Date(cert.valid_to);
      const notBefore = new Date(cert.valid_from);
      const daysLeft = Math.floor((notAfter.getTime() - now) / DAY);
      const names = (cert.subjectaltname ?? "").split(", ").filter(Boolean);
      const issuer = cert.issuer?.CN ?? cert.issuer?.O ?? "unknown issuer";
      const details = {
        notBefore: notBefore.toISOString(),
        notAfter: notAfter.toISOString(),
        daysLeft,
        subjectAltNames: names,
        issuer,
        ...peer.authorizationError ? { authorizationError: peer.authorizationError } : {}
      };
      if (notAfter.getTime() <= now)
        return fail(
          `the certificate of ${h.host} expired on ${notAfter.toISOString().slice(0, 10)} (${-daysLeft} days ago): cert-manager did not renew it; check the Certificate and its Order`,
          details
        );
      if (notBefore.getTime() > now) return fail(`the certificate of ${h.host} is not valid before ${notBefore.toISOString()}`, details);
      const identity = checkServerIdentity(h.host, cert);
      if (identity)
        return fail(
          `the certificate presented for ${h.host} is for ${listSome(names.length ? names : [String(cert.subject?.CN)])}, not ${h.host}: the Gateway's listener has the wrong certificate`,
          details
        );
      if (!peer.authorized) {
        const why = `the certificate of ${h.host} is not trusted (${peer.authorizationError ?? "unverified"}, issued by ${issuer})`;
        if (ctx.config.tlsIssuer !== "letsencrypt") return warn(`${why}, as expected with the plan's ${ctx.config.tlsIssuer} issuer`, details);
        return fail(why, details);
      }
      if (daysLeft < ctx.deps.certFailDays)
        return fail(
          `the certificate of ${h.host} expires in ${daysLeft} days (on ${notAfter.toISOString().slice(0, 10)}), under ${ctx.deps.certFailDays}: renewal is failing; check the Certificate's events`,
          details
        );
      if (daysLeft < ctx.deps.certWarnDays) return warn(`the certificate of ${h.host} expires in ${daysLeft} days: cert-manager should already have renewed it`, details);
      return pass(`valid for ${h.host} until ${notAfter.toISOString().slice(0, 10)} (${daysLeft} days), issued by ${issuer}`, details);
    }
  };
}

// generator/runtime/health/endpoints.ts
function request2(ctx, url, extra = {}) {
  return httpRequest(url, {
    signal: ctx.signal,
    secureContext: ctx.deps.secureContext,
    lookup: ctx.deps.lookup,
    defaultPort: ctx.deps.httpsPort,
    // With a staging or self-signed issuer the TLS check reports trust; the endpoint is still worth asking.
    insecure: ctx.config.tlsIssuer !== "letsencrypt",
    ...extra
  });
}
var excerpt = (body) => body.replace(/\s+/g, " ").trim().slice(0, 160);
var VAULT_STATUS = {
  200: { status: "pass", meaning: "initialized, unsealed and active" },
  429: { status: "pass", meaning: "unsealed standby" },
  472: {
    status: "warn",
    meaning: "disaster-recovery secondary (it does not serve clients)"
  },
  473: { status: "pass", meaning: "performance standby" },
  501: {
    status: "fail",
    meaning: "not initialized: run `vault operator init` once (README: bootstrap)"
  },
  503: {
    status: "fail",
    meaning: "sealed: auto-unseal with the cloud KMS did not happen; check the seal stanza and the KMS key permissions"
  },
  530: { status: "fail", meaning: "removed from the Raft cluster" }
};
function vaultVerdict(res) {
  const known = VAULT_STATUS[res.status];
  const body = parseJson(res.body);
  const details = {
    statusCode: res.status,
    ...body && typeof body.version === "string" ? { version: body.version } : {},
    ...body ? {
      initialized: body.initialized,
      sealed: body.sealed,
      standby: body.standby
    } : {}
  };
  if (!known) return fail(`Vault answered ${res.status}, which /v1/sys/health does not define: ${excerpt(res.body)}`, details);
  const meaning = res.status === 200 && body?.standby === true ? body.performance_standby ? "performance standby" : "unsealed standby" : known.meaning;
  return {
    status: known.status,
    reason: `Vault ${res.status}: ${meaning}`,
    details
  };
}
function semanticVerdict(component, name, res, expect, issuer) {
  const body = parseJson(res.body);
  const details = { statusCode: res.status };
  if (component === "vault") return vaultVerdict(res);
  if (!expect.includes(res.status)) return fail(`answered ${res.status}, expected ${expect.join(" or ")}: ${excerpt(res.body) || "empty body"}`, details);
  if (component === "keycloak" && name === "keycloak-realm") {
    if (!body || typeof body.issuer !== "string") return fail("the discovery document has no issuer", details);
    if (issuer && body.issuer !== issuer)
      return fail(`the realm's issuer is ${body.issuer}, not ${issuer}: Keycloak's hostname setting is wrong, so every client rejects its tokens`, {
        ...details,
        issuer: body.issuer
      });
    return pass(`realm discovery served, issuer ${body.issuer}`, {
      ...details,
      issuer: body.issuer
    });
  }
  if (component === "harbor") {
    const down = (body?.components ?? []).filter((c) => c.status !== "healthy").map((c) => `${c.name} (${c.error ?? c.status})`);
    if (body?.status !== "healthy" || down.length)
      return fail(`Harbor is ${String(body?.status ?? "not reporting")}${down.length ? `: ${listSome(down)}` : ""}`, { ...details, unhealthy: down });
    return pass(`Harbor healthy (${(body.components ?? []).length} components)`, details);
  }
  if (component === "monitoring" && name === "grafana-health") {
    if (body?.database !== "ok") return fail(`Grafana's database is ${String(body?.database ?? "not reported")}`, details);
    return pass(`Grafana ${String(body.version ?? "")} healthy, database ok`.replace("  ", " "), details);
  }
  if (component === "teleport") {
    if (!body || typeof body.proxy !== "object") return fail(`/webapi/ping did not return Teleport's proxy settings: ${excerpt(res.body)}`, details);
    return pass(`Teleport proxy answers${typeof body.server_version === "string" ? ` (${body.server_version})` : ""}`, details);
  }
  if (component === "argocd" && res.body.trim() !== "ok") return fail(`/healthz answered ${JSON.stringify(excerpt(res.body))}, not "ok"`, details);
  return pass(`answered ${res.status}`, details);
}
function urlEndpointCheck(e) {
  return {
    id: `endpoint:${e.name}`,
    category: "endpoint",
    component: e.component,
    target: e.url,
    run: async (ctx) => {
      let res;
      try {
        res = await request2(ctx, e.url);
      } catch (err) {
        if (ctx.signal.aborted) throw err;
        return fail(describeNetError(err, new URL(e.url).hostname));
      }
      return semanticVerdict(e.component, e.name, res, e.expect, ctx.config.oidc?.issuer);
    }
  };
}
async function realmDiscovery(ctx) {
  const issuer = ctx.config.oidc.issuer;
  return ctx.shared("discovery", async () => {
    const url = `${issuer}/.well-known/openid-configuration`;
    const res = await request2(ctx, url);
    if (res.status !== 200) throw new Error(`the realm's discovery ${url} answered ${res.status}`);
    const d = parseJson(res.body);
    if (typeof d?.issuer !== "string" || typeof d?.authorization_endpoint !== "string") throw new Error(`the realm's discovery ${url} has no issuer or authorization_endpoint`);
    return d;
  });
}
var LOGIN_START = {
  vault: {
    describe: "POST /v1/auth/oidc/oidc/auth_url (role default)",
    start: async (ctx, c) => {
      const res = await request2(ctx, `${c.baseUrl}/v1/auth/oidc/oidc/auth_url`, {
        method: "POST",
        body: JSON.stringify({
          role: "default",
          redirect_uri: c.redirectUri
        })
      });
      const url = parseJson(res.body)?.data?.auth_url;
      if (res.status !== 200 || typeof url !== "string" || url === "")
        throw new Error(`Vault's OIDC auth method answered ${res.status}: ${excerpt(res.body) || "no auth_url"} (is stage 40 applied?)`);
      return url;
    }
  },
  harbor: {
    describe: "GET /c/oidc/login",
    start: (ctx, c) => redirectOf(ctx, `${c.baseUrl}/c/oidc/login`, "Harbor")
  },
  monitoring: {
    describe: "GET /login/generic_oauth",
    start: (ctx, c) => redirectOf(ctx, `${c.baseUrl}/login/generic_oauth`, "Grafana")
  },
  argocd: {
    describe: "GET /auth/login",
    start: (ctx, c) => redirectOf(ctx, `${c.baseUrl}/auth/login`, "Argo CD")
  }
};
async function redirectOf(ctx, url, who) {
  const res = await request2(ctx, url);
  const loc = res.headers.location;
  if (res.status < 300 || res.status > 399 || typeof loc !== "string") throw new Error(`${who} did not redirect to the identity provider (${res.status}): SSO is not configured`);
  return new URL(loc, url).toString();
}
function oidcCheck(c) {
  return {
    id: `oidc:${c.clientId}`,
    category: "oidc",
    component: c.component,
    target: c.baseUrl,
    run: async (ctx) => {
      const expectedIssuer = ctx.config.oidc.issuer;
      let d;
      try {
        d = await realmDiscovery(ctx);
      } catch (e) {
        if (ctx.signal.aborted) throw e;
        return fail(`cannot read the realm's discovery: ${describeNetError(e, new URL(expectedIssuer).hostname)}`);
      }
      if (d.issuer !== expectedIssuer)
        return fail(`the realm's issuer is ${d.issuer}, but ${c.clientId} is configured for ${expectedIssuer}: tokens would be rejected`, { issuer: d.issuer });
      const how = LOGIN_START[c.component];
      if (!how) return warn(`issuer matches; no credential-free login probe is known for ${c.component}, so the client itself was not checked`, { issuer: d.issuer });
      let authUrl;
      try {
        authUrl = new URL(await how.start(ctx, c));
      } catch (e) {
        if (ctx.signal.aborted) throw e;
        return fail(describeNetError(e, new URL(c.baseUrl).hostname));
      }
      const details = {
        issuer: d.issuer,
        authorizationUrl: `${authUrl.origin}${authUrl.pathname}`,
        clientId: authUrl.searchParams.get("client_id"),
        redirectUri: authUrl.searchParams.get("redirect_uri")
      };
      const problems = [];
      if (`${authUrl.origin}${authUrl.pathname}` !== d.authorization_endpoint)
        problems.push(`it sends logins to ${authUrl.origin}${authUrl.pathname}, not the realm's ${d.authorization_endpoint}`);
      if (details.clientId !== c.clientId) problems.push(`its client_id is ${String(details.clientId)}, not ${c.clientId}`);
      if (details.redirectUri !== c.redirectUri) problems.push(`its redirect_uri is ${String(details.redirectUri)}, not ${c.redirectUri}`);
      if (problems.length) return fail(`${c.clientId} (${how.describe}): ${problems.join("; ")}`, details);
      let res;
      try {
        res = await request2(ctx, authUrl.toString());
      } catch (e) {
        if (ctx.signal.aborted) throw e;
        return fail(`the authorization request failed: ${describeNetError(e, authUrl.hostname)}`, details);
      }
      if (res.status !== 200) {
        const title = /<title>([^<]*)<\/title>/i.exec(res.body)?.[1] ?? "";
        const said = /(Client not found|Invalid parameter: redirect_uri|Client is disabled)/i.exec(res.body)?.[1];
        return fail(
          `Keycloak refused ${c.clientId}'s authorization request (${res.status}${said ? `: ${said}` : title ? `: ${excerpt(title)}` : ""}): the client is not registered in the realm or the redirect URI is not allowed (stage 40)`,
          { ...details, statusCode: res.status }
        );
      }
      return pass(`${c.clientId} logs in through ${d.issuer} with redirect ${c.redirectUri}, and Keycloak accepts it`, details);
    }
  };
}

// generator/runtime/health/run.ts
function healthChecks(config) {
  const checks = [credentialsCheck, stateCheck, clusterApiCheck, nodesCheck, podsCheck, helmCheck];
  for (const e of config.entries) if (e.kind === "workload") checks.push(workloadCheck(e));
  if (config.gateway) checks.push(gatewayCheck);
  for (const h of config.hosts) checks.push(dnsCheck(h), tlsCheck(h));
  for (const e of config.entries) if (e.kind === "url") checks.push(urlEndpointCheck(e));
  for (const e of config.entries) if (e.kind === "service") checks.push(serviceEndpointCheck(e));
  for (const c of config.oidc?.clients ?? []) checks.push(oidcCheck(c));
  return checks;
}
function resolveDeps(d) {
  const run2 = d.run ?? defaultRunner(d.env);
  return {
    env: d.env,
    run: run2,
    stateProbe: d.stateProbe ?? cliStateProbe(run2),
    timeoutMs: d.timeoutMs ?? 15e3,
    certFailDays: d.certFailDays ?? 14,
    certWarnDays: d.certWarnDays ?? 30,
    httpsPort: d.httpsPort ?? 443,
    now: d.now ?? (() => /* @__PURE__ */ new Date()),
    ...d.dnsServers?.length ? { dnsServers: d.dnsServers, lookup: resolverLookup(d.dnsServers) } : {},
    ...d.ca?.length ? { secureContext: trustContext(d.ca) } : {}
  };
}
var headOf = (check) => ({
  id: check.id,
  category: check.category,
  ...check.component ? { component: check.component } : {},
  ...check.target ? { target: check.target } : {}
});
var skipped = (check, why) => ({ ...headOf(check), status: "skipped", reason: `not run: ${why}`, durationMs: 0 });
async function runOne(check, base) {
  const { timeoutMs } = base.deps;
  const ac = new AbortController();
  const t0 = performance.now();
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => {
      ac.abort();
      reject(
        Object.assign(new Error(`timed out after ${timeoutMs} ms`), {
          timedOut: true
        })
      );
    }, timeoutMs);
  });
  const head = headOf(check);
  try {
    const v = await Promise.race([check.run({ ...base, signal: ac.signal }), timeout]);
    return { ...head, ...v, durationMs: Math.round(performance.now() - t0) };
  } catch (e) {
    const reason = e.timedOut ? `no answer within ${timeoutMs} ms` : `the check could not run: ${e instanceof Error ? e.message : String(e)}`;
    return {
      ...head,
      status: "fail",
      reason,
      durationMs: Math.round(performance.now() - t0)
    };
  } finally {
    clearTimeout(timer);
    ac.abort();
  }
}
async function runHealth(pipeline, deps) {
  const config = parseHealthConfig(pipeline);
  const resolved = resolveDeps(deps);
  const memo = /* @__PURE__ */ new Map();
  const missing = missingPrerequisites(config, resolved.env);
  const scope = healthScope(resolved.env);
  const base = {
    config,
    deps: resolved,
    missing,
    shared: (key, compute) => {
      if (!memo.has(key)) memo.set(key, compute());
      return memo.get(key);
    }
  };
  const startedAt = resolved.now();
  const t0 = performance.now();
  const selected = healthChecks(config).filter((c) => !deps.only || deps.only.some((o) => c.id === o || o.endsWith(":") && c.id.startsWith(o)));
  const clusterApi = selected.find((c) => c.id === "cluster-api");
  const started = /* @__PURE__ */ new Map();
  const scoped = (c, r) => scope === "view" && throughCluster(c.needs) && r.status === "fail" && isForbidden(r.reason) ? { ...skipped(c, `the scheduled identity's read-only role may not read this (${SCOPE_VARIABLE}=view): ${r.reason}`), durationMs: r.durationMs } : r;
  const runScoped = (c) => runOne(c, base).then((r) => scoped(c, r));
  const start = (c) => {
    if (c.needs && missing[c.needs]) return Promise.resolve(skipped(c, missing[c.needs]));
    if (throughCluster(c.needs) && clusterApi && c !== clusterApi)
      return started.get(clusterApi).then((gate) => gate.status === "fail" ? skipped(c, "the cluster API did not answer (see cluster-api)") : runScoped(c));
    return runScoped(c);
  };
  if (clusterApi) started.set(clusterApi, start(clusterApi));
  for (const c of selected) if (!started.has(c)) started.set(c, start(c));
  const checks = await Promise.all(selected.map((c) => started.get(c)));
  const counts = { pass: 0, warn: 0, fail: 0, skipped: 0 };
  for (const c of checks) counts[c.status]++;
  return {
    schemaVersion: 2,
    startedAt: startedAt.toISOString(),
    durationMs: Math.round(performance.now() - t0),
    sumOfCheckDurationsMs: checks.reduce((a, c) => a + c.durationMs, 0),
    cloud: config.cloud,
    cluster: config.cluster,
    ...config.environment ? { environment: config.environment } : {},
    status: counts.fail ? "fail" : counts.warn ? "warn" : counts.skipped ? "partial" : "pass",
    counts,
    checks
  };
}

// generator/runtime/health/markdown.ts
var ICON = { pass: "✅ pass", warn: "⚠️ warn", fail: "❌ fail", skipped: "⏭️ not run" };
var HEADLINE = { pass: "✅ healthy", warn: "⚠️ degraded", fail: "❌ failing", partial: "◐ partially checked" };
var clean = (s) => s.replace(/[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, "");
function renderHealthMarkdown(report) {
  const c = report.counts;
  const where = [report.cluster, report.environment, report.cloud].filter(Boolean).map((s) => mdText(clean(s))).join(" · ");
  const lines = [
    `## Health: ${HEADLINE[report.status]}${where ? ` (${where})` : ""}`,
    "",
    `${c.pass} passed, ${c.warn} warned, ${c.fail} failed, ${c.skipped} not run; ${report.checks.length} checks in ${report.durationMs} ms (run concurrently; ${report.sumOfCheckDurationsMs} ms one after another), started ${mdText(report.startedAt)}.`,
    ""
  ];
  const reasons = [...new Set(report.checks.filter((r) => r.status === "skipped").map((r) => r.reason))];
  if (reasons.length) lines.push(`Not run (${c.skipped}): ${reasons.map((r) => mdText(clean(r.replace(/^not run: /, "")))).join("; ")}.`, "");
  const order = { fail: 0, warn: 1, pass: 2, skipped: 3 };
  const rows = [...report.checks].sort((a, b) => order[a.status] - order[b.status]);
  lines.push("| Status | Check | Target | Reason | Time |", "|---|---|---|---|---:|");
  for (const r of rows) {
    lines.push(`| ${ICON[r.status]} | ${mdCode(clean(r.id))} | ${r.target ? mdText(clean(r.target)) : ""} | ${mdText(clean(r.reason))} | ${r.durationMs} ms |`);
  }
  return `${lines.join("\n")}
`;
}

// generator/runtime/helm-rollback.ts
var GOOD = /* @__PURE__ */ new Set(["deployed", "superseded"]);
var needsRollback = (status) => status === "failed" || status.startsWith("pending-");
var SETTLED = /* @__PURE__ */ new Set(["rolled-back", "helm-rolled-back", "uninstalled"]);
function lastGoodRevision(history, current) {
  return history.filter((h) => h.revision < current && GOOD.has(h.status)).map((h) => h.revision).sort((a, b) => b - a)[0];
}
function atomicRollback(history, opts) {
  const sorted = [...history].sort((a, b) => a.revision - b.revision);
  const current = sorted.at(-1);
  const prev = sorted.at(-2);
  const m = /^Rollback to (\d+)$/.exec(current?.description ?? "");
  if (!current || !prev || !m || current.status !== "deployed" || prev.status !== "failed") return void 0;
  const at = Date.parse(current.updated ?? "");
  const recent = opts.since !== void 0 && Number.isFinite(at) ? at >= opts.since : false;
  if (!recent && !opts.inLog) return void 0;
  return { from: prev.revision, to: Number(m[1]), as: current.revision, ...current.chart ? { chart: current.chart } : {}, ...current.app_version ? { appVersion: current.app_version } : {} };
}
function atomicMentions(log) {
  const rolledBack = /* @__PURE__ */ new Set();
  const uninstalled = /* @__PURE__ */ new Set();
  for (const m of log.matchAll(/release (\S+) failed, and has been (rolled back|uninstalled) due to atomic being set/g)) (m[2] === "uninstalled" ? uninstalled : rolledBack).add(m[1]);
  return { rolledBack, uninstalled };
}
function json(text2, what) {
  try {
    return JSON.parse(text2);
  } catch {
    throw new UsageError(`${what} did not print JSON: ${text2.slice(0, 120)}`);
  }
}
function helmRollback(opts) {
  const env = opts.env ?? process.env;
  const list = run("helmfile", ["--file", opts.helmfile, "list", "--output", "json"], { env });
  if (list.code !== 0) throw new UsageError(`helmfile list failed (exit ${list.code}): ${list.stderr.trim().split("\n").pop() ?? ""}`);
  const releases = json(list.stdout, "helmfile list");
  const results = [];
  const said = atomicMentions(opts.log ?? "");
  const history = (r) => run("helm", ["history", r.name, "--namespace", r.namespace, "--max", "50", "--output", "json"], { env });
  for (const r of releases) {
    if (r.enabled === false || r.installed === false) continue;
    const st = run("helm", ["status", r.name, "--namespace", r.namespace, "--output", "json"], { env });
    if (st.code !== 0) {
      if (said.uninstalled.has(r.name)) results.push({ name: r.name, namespace: r.namespace, status: "uninstalled", outcome: "uninstalled", detail: "its first install failed and Helm uninstalled it (atomic); there is no earlier revision, the next apply installs it again" });
      continue;
    }
    const status = json(st.stdout, `helm status ${r.name}`);
    const state = status.info?.status ?? "unknown";
    const current = Number(status.version);
    if (!needsRollback(state)) {
      if (state !== "deployed" || opts.since === void 0 && !said.rolledBack.has(r.name)) continue;
      const hist2 = history(r);
      if (hist2.code !== 0) continue;
      const undone = atomicRollback(json(hist2.stdout, `helm history ${r.name}`), { ...opts.since !== void 0 ? { since: opts.since } : {}, inLog: said.rolledBack.has(r.name) });
      if (undone) results.push({ name: r.name, namespace: r.namespace, status: "failed", ...undone, outcome: "helm-rolled-back" });
      continue;
    }
    const hist = history(r);
    if (hist.code !== 0) {
      results.push({ name: r.name, namespace: r.namespace, status: state, from: current, outcome: "rollback-failed", detail: `helm history failed: ${hist.stderr.trim().split("\n").pop()}` });
      continue;
    }
    const revisions = json(hist.stdout, `helm history ${r.name}`);
    const to = lastGoodRevision(revisions, current);
    if (to === void 0) {
      results.push({ name: r.name, namespace: r.namespace, status: state, from: current, outcome: "no-good-revision", detail: "its first install failed; there is no earlier revision (fix the values and apply again, or helm uninstall it)" });
      continue;
    }
    const good = revisions.find((h) => h.revision === to);
    const rb = run("helm", ["rollback", r.name, String(to), "--namespace", r.namespace, "--wait", "--timeout", opts.timeout], { env });
    results.push({ name: r.name, namespace: r.namespace, status: state, from: current, to, ...good?.chart ? { chart: good.chart } : {}, ...good?.app_version ? { appVersion: good.app_version } : {}, outcome: rb.code === 0 ? "rolled-back" : "rollback-failed", ...rb.code === 0 ? {} : { detail: rb.stderr.trim().split("\n").pop() ?? `exit ${rb.code}` } });
  }
  return results;
}
var version = (r) => r.chart ? ` (chart ${r.chart}${r.appVersion ? `, app ${r.appVersion}` : ""})` : "";
function describeRollbacks(results) {
  if (results.length === 0) return "No Helm release is failed or pending: nothing to roll back.";
  return results.map(
    (r) => r.outcome === "rolled-back" ? `${r.namespace}/${r.name}: ${r.status} at revision ${r.from}, rolled back to revision ${r.to}${version(r)}` : r.outcome === "helm-rolled-back" ? `${r.namespace}/${r.name}: revision ${r.from} failed; Helm rolled it back to revision ${r.to}${version(r)} as revision ${r.as} (atomic)` : r.outcome === "uninstalled" ? `${r.namespace}/${r.name}: not installed: ${r.detail}` : r.outcome === "no-good-revision" ? `${r.namespace}/${r.name}: ${r.status} at revision ${r.from}, not rolled back: ${r.detail}` : `${r.namespace}/${r.name}: ${r.status} at revision ${r.from}, ROLLBACK FAILED${r.to ? ` (to revision ${r.to})` : ""}: ${r.detail}`
  ).join("\n");
}
async function helmRollbackCommand(argv, io) {
  const f = parseFlags(argv, ["helmfile", "timeout", "since", "log"], "helm-rollback");
  const timeout = f.timeout ?? "10m";
  if (!/^\d+[smh]$/.test(timeout)) throw new UsageError(`helm-rollback: --timeout must be a duration like 10m, got ${JSON.stringify(timeout)}`);
  const since = f.since ? Date.parse(f.since) : void 0;
  if (since !== void 0 && !Number.isFinite(since)) throw new UsageError(`helm-rollback: --since must be an ISO 8601 UTC time, as date -u +%Y-%m-%dT%H:%M:%SZ prints it (when helmfile apply started), got ${JSON.stringify(f.since)}`);
  let log = "";
  if (f.log) {
    try {
      log = readText(f.log, "the helmfile log");
    } catch {
      log = "";
    }
  }
  const results = helmRollback({ helmfile: f.helmfile ?? "platform/helmfile.yaml", timeout, ...since !== void 0 ? { since } : {}, log, env: io.env });
  const text2 = describeRollbacks(results);
  setOutput(io, "rolled_back", JSON.stringify(results.filter((x) => x.outcome === "rolled-back").map(({ name, namespace, from, to }) => ({ name, namespace, from, to }))));
  setOutput(io, "releases", JSON.stringify(results.map(({ name, namespace, outcome, from, to, as, chart, appVersion }) => ({ name, namespace, outcome, from, to, as, chart, appVersion }))));
  appendSummary(io, `### Helm rollback

${mdFence(text2)}
`);
  if (results.some((x) => !SETTLED.has(x.outcome))) throw new CheckFailed(text2);
  io.stdout(`${text2}
`);
  return 0;
}

// generator/runtime/manifest-check.ts
import { readFileSync as readFileSync4 } from "node:fs";
import { join as join3 } from "node:path";

// node_modules/@noble/hashes/_u64.js
var fromNumH = (n) => n / 2 ** 32 | 0;
var fromNumL = (n) => n >>> 0;
function setU64FromNum(view, byteOffset, n, isLE) {
  const h = fromNumH(n);
  const l = fromNumL(n);
  view.setUint32(byteOffset, isLE ? l : h, isLE);
  view.setUint32(byteOffset + 4, isLE ? h : l, isLE);
}

// node_modules/@noble/hashes/utils.js
function isBytes(a) {
  return a instanceof Uint8Array || ArrayBuffer.isView(a) && a.constructor.name === "Uint8Array" && "BYTES_PER_ELEMENT" in a && a.BYTES_PER_ELEMENT === 1;
}
var atitle = (title) => title ? `"${title}" ` : "";
function anumber(n, title = "") {
  if (typeof n !== "number")
    throw new TypeError(atitle(title) + "expected number, got " + typeof n);
  if (!Number.isSafeInteger(n) || n < 0)
    throw new RangeError(atitle(title) + "expected integer >= 0, got " + n);
  return n;
}
function abytes(value, length, title = "") {
  if (isBytes(value) && (length === void 0 || value.length === length))
    return value;
  if (length !== void 0)
    anumber(length, "length");
  const bytes = isBytes(value);
  const ofLen = length !== void 0 ? ` of length ${length}` : "";
  const got = bytes ? `length=${value.length}` : `type=${typeof value}`;
  const message = atitle(title) + "expected Uint8Array" + ofLen + ", got " + got;
  if (!bytes)
    throw new TypeError(message);
  throw new RangeError(message);
}
var aobject = (value, label) => {
  if (value === null || typeof value !== "object" || Array.isArray(value))
    throw new TypeError((label === "object" ? "" : `"${label}" `) + "expected object, got type=" + typeof value);
};
var aopts = (value, label) => {
  aobject(value, label);
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null)
    throw new TypeError(`"${label}" expected plain object`);
  if (Object.hasOwn(value, "__proto__"))
    throw new TypeError(`"${label}.__proto__" is not allowed`);
};
function aexists(instance, checkFinished = true) {
  if (instance.destroyed)
    throw new Error("hash was destroyed");
  if (checkFinished && instance.finished)
    throw new Error("digest() was already called");
}
function aoutput(out, instance) {
  abytes(out, void 0, "output");
  const min = instance.outputLen;
  if (!(out.length >= min)) {
    throw new RangeError('"output" expected length >= ' + min);
  }
}
function clean2(...arrays) {
  for (let i = 0; i < arrays.length; i++) {
    arrays[i].fill(0);
  }
}
function createView(arr) {
  return new DataView(arr.buffer, arr.byteOffset, arr.byteLength);
}
function rotr(word, shift) {
  return word << 32 - shift | word >>> shift;
}
var hasHexBuiltin = /* @__PURE__ */ (() => (
  // @ts-ignore
  typeof Uint8Array.from([]).toHex === "function" && typeof Uint8Array.fromHex === "function"
))();
var hexes = /* @__PURE__ */ Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));
function bytesToHex(bytes) {
  abytes(bytes);
  if (hasHexBuiltin)
    return bytes.toHex();
  let hex = "";
  for (let i = 0; i < bytes.length; i++) {
    hex += hexes[bytes[i]];
  }
  return hex;
}
function utf8ToBytes(str2) {
  if (typeof str2 !== "string")
    throw new TypeError("string expected");
  const encoded = new TextEncoder().encode(str2);
  try {
    return new Uint8Array(encoded);
  } finally {
    clean2(encoded);
  }
}
function checkOpts(defaults, opts, title = "opts") {
  aopts(defaults, "defaults");
  if (opts !== void 0)
    aopts(opts, title);
  const merged = Object.assign(/* @__PURE__ */ Object.create(null), defaults, opts);
  return merged;
}
function createHasher(hashCons, info = {}) {
  if (typeof hashCons !== "function")
    throw new TypeError('"hashCons" expected function, got type=' + typeof hashCons);
  info = checkOpts({}, info, "info");
  const hashC = (msg, opts) => hashCons(opts).update(msg).digest();
  const tmp = hashCons(void 0);
  hashC.outputLen = tmp.outputLen;
  hashC.blockLen = tmp.blockLen;
  hashC.canXOF = tmp.canXOF;
  hashC.create = (opts) => hashCons(opts);
  Object.assign(hashC, info);
  return Object.freeze(hashC);
}
var oidNist = (suffix) => ({
  // Current NIST hashAlgs suffixes used here fit in one DER subidentifier octet.
  // Larger suffix values would need base-128 OID encoding and a different length byte.
  oid: Uint8Array.from([6, 9, 96, 134, 72, 1, 101, 3, 4, 2, suffix])
});

// node_modules/@noble/hashes/_md.js
function Chi(a, b, c) {
  return a & b ^ ~a & c;
}
function Maj(a, b, c) {
  return a & b ^ a & c ^ b & c;
}
var HashMD = class {
  blockLen;
  outputLen;
  canXOF = false;
  padOffset;
  isLE;
  // For partial updates less than block size
  buffer;
  view;
  finished = false;
  length = 0;
  pos = 0;
  destroyed = false;
  constructor(blockLen, outputLen, padOffset, isLE) {
    this.blockLen = blockLen;
    this.outputLen = outputLen;
    this.padOffset = padOffset;
    this.isLE = isLE;
    this.buffer = new Uint8Array(blockLen);
    this.view = createView(this.buffer);
  }
  update(data) {
    aexists(this);
    abytes(data);
    const { view, buffer, blockLen } = this;
    const len = data.length;
    let processed = false;
    for (let pos = 0; pos < len; ) {
      const take = Math.min(blockLen - this.pos, len - pos);
      if (take === blockLen) {
        const dataView = createView(data);
        for (; blockLen <= len - pos; pos += blockLen)
          this.process(dataView, pos);
        processed = true;
        continue;
      }
      buffer.set(pos === 0 && take === len ? data : data.subarray(pos, pos + take), this.pos);
      this.pos += take;
      pos += take;
      if (this.pos === blockLen) {
        this.process(view, 0);
        this.pos = 0;
        processed = true;
      }
    }
    this.length += data.length;
    if (processed)
      this.roundClean();
    return this;
  }
  digestInto(out) {
    aexists(this);
    aoutput(out, this);
    this.finished = true;
    const { buffer, view, blockLen, isLE } = this;
    let { pos } = this;
    buffer[pos++] = 128;
    buffer.fill(0, pos);
    if (this.padOffset > blockLen - pos) {
      this.process(view, 0);
      buffer.fill(0);
    }
    setU64FromNum(view, blockLen - 8, this.length * 8, isLE);
    this.process(view, 0);
    this.roundClean();
    const oview = out === buffer ? view : createView(out);
    const len = this.outputLen;
    const outLen = len / 4;
    const state = this.get();
    if (len % 4 || outLen > state.length)
      throw new Error("invalid outputLen");
    for (let i = 0; i < outLen; i++)
      oview.setUint32(4 * i, state[i], isLE);
  }
  digest() {
    const { buffer, outputLen } = this;
    this.digestInto(buffer);
    const res = buffer.slice(0, outputLen);
    this.destroy();
    return res;
  }
  _cloneIntoMeta(to) {
    const { buffer, length, finished, destroyed, pos } = this;
    to.destroyed = destroyed;
    to.finished = finished;
    to.length = length;
    to.pos = pos;
    if (pos)
      to.buffer.set(buffer);
    return to;
  }
  clone() {
    return this._cloneInto();
  }
};
var SHA256_IV = /* @__PURE__ */ Uint32Array.from([
  1779033703,
  3144134277,
  1013904242,
  2773480762,
  1359893119,
  2600822924,
  528734635,
  1541459225
]);

// node_modules/@noble/hashes/sha2.js
var SHA256_K = /* @__PURE__ */ Uint32Array.from([
  1116352408,
  1899447441,
  3049323471,
  3921009573,
  961987163,
  1508970993,
  2453635748,
  2870763221,
  3624381080,
  310598401,
  607225278,
  1426881987,
  1925078388,
  2162078206,
  2614888103,
  3248222580,
  3835390401,
  4022224774,
  264347078,
  604807628,
  770255983,
  1249150122,
  1555081692,
  1996064986,
  2554220882,
  2821834349,
  2952996808,
  3210313671,
  3336571891,
  3584528711,
  113926993,
  338241895,
  666307205,
  773529912,
  1294757372,
  1396182291,
  1695183700,
  1986661051,
  2177026350,
  2456956037,
  2730485921,
  2820302411,
  3259730800,
  3345764771,
  3516065817,
  3600352804,
  4094571909,
  275423344,
  430227734,
  506948616,
  659060556,
  883997877,
  958139571,
  1322822218,
  1537002063,
  1747873779,
  1955562222,
  2024104815,
  2227730452,
  2361852424,
  2428436474,
  2756734187,
  3204031479,
  3329325298
]);
var SHA256_W = /* @__PURE__ */ new Uint32Array(64);
var SHA2_32B = class extends HashMD {
  // We cannot use array here since array allows indexing by variable
  // which means optimizer/compiler cannot use registers.
  // Numeric initializers matter: starting the fields as `undefined` changes
  // V8's field representation and makes sha256 3x slower (measured).
  A = 0;
  B = 0;
  C = 0;
  D = 0;
  E = 0;
  F = 0;
  G = 0;
  H = 0;
  constructor(outputLen, IV) {
    super(64, outputLen, 8, false);
    this.A = IV[0] | 0;
    this.B = IV[1] | 0;
    this.C = IV[2] | 0;
    this.D = IV[3] | 0;
    this.E = IV[4] | 0;
    this.F = IV[5] | 0;
    this.G = IV[6] | 0;
    this.H = IV[7] | 0;
  }
  get() {
    const { A, B, C, D, E, F, G, H } = this;
    return [A, B, C, D, E, F, G, H];
  }
  // prettier-ignore
  set(A, B, C, D, E, F, G, H) {
    this.A = A | 0;
    this.B = B | 0;
    this.C = C | 0;
    this.D = D | 0;
    this.E = E | 0;
    this.F = F | 0;
    this.G = G | 0;
    this.H = H | 0;
  }
  _cloneInto(to) {
    (to ||= new this.constructor()).set(...this.get());
    return this._cloneIntoMeta(to);
  }
  process(view, offset) {
    for (let i = 0; i < 16; i++, offset += 4)
      SHA256_W[i] = view.getUint32(offset, false);
    for (let i = 16; i < 64; i++) {
      const W15 = SHA256_W[i - 15];
      const W2 = SHA256_W[i - 2];
      const s0 = rotr(W15, 7) ^ rotr(W15, 18) ^ W15 >>> 3;
      const s1 = rotr(W2, 17) ^ rotr(W2, 19) ^ W2 >>> 10;
      SHA256_W[i] = s1 + SHA256_W[i - 7] + s0 + SHA256_W[i - 16] | 0;
    }
    let { A, B, C, D, E, F, G, H } = this;
    for (let i = 0; i < 64; i++) {
      const sigma1 = rotr(E, 6) ^ rotr(E, 11) ^ rotr(E, 25);
      const T1 = H + sigma1 + Chi(E, F, G) + SHA256_K[i] + SHA256_W[i] | 0;
      const sigma0 = rotr(A, 2) ^ rotr(A, 13) ^ rotr(A, 22);
      const T2 = sigma0 + Maj(A, B, C) | 0;
      H = G;
      G = F;
      F = E;
      E = D + T1 | 0;
      D = C;
      C = B;
      B = A;
      A = T1 + T2 | 0;
    }
    A = A + this.A | 0;
    B = B + this.B | 0;
    C = C + this.C | 0;
    D = D + this.D | 0;
    E = E + this.E | 0;
    F = F + this.F | 0;
    G = G + this.G | 0;
    H = H + this.H | 0;
    this.set(A, B, C, D, E, F, G, H);
  }
  roundClean() {
    clean2(SHA256_W);
  }
  destroy() {
    this.destroyed = true;
    this.set(0, 0, 0, 0, 0, 0, 0, 0);
    clean2(this.buffer);
  }
};
var _SHA256 = class extends SHA2_32B {
  constructor() {
    super(32, SHA256_IV);
  }
};
var sha256 = /* @__PURE__ */ createHasher(
  () => new _SHA256(),
  /* @__PURE__ */ oidNist(1)
);

// generator/src/changeset.ts
var MANIFEST_PATH = ".opsta/manifest.json";
var sha256Hex = (text2) => bytesToHex(sha256(utf8ToBytes(text2)));
var SAFE_PATH = /^(?!\/)(?!.*(^|\/)\.\.?(\/|$))[A-Za-z0-9._/-]+$/;
var HEX64 = /^[0-9a-f]{64}$/;
function isIgnoredPath(path) {
  return path === ".git" || path.startsWith(".git/") || path === ".opsta.lock" || path === ".opsta-staging" || path.startsWith(".opsta-staging/");
}
function parseManifest(text2) {
  if (text2 === void 0) return { files: {} };
  let json3;
  try {
    json3 = JSON.parse(text2);
  } catch (e) {
    return { files: {}, problem: `${MANIFEST_PATH} is not valid JSON (${e.message})` };
  }
  const files = json3?.files;
  if (typeof files !== "object" || files === null || Array.isArray(files)) return { files: {}, problem: `${MANIFEST_PATH} has no "files" map` };
  const out = {};
  for (const [p, h] of Object.entries(files)) {
    if (typeof h === "string" && HEX64.test(h) && SAFE_PATH.test(p) && p !== MANIFEST_PATH && !isIgnoredPath(p)) out[p] = h;
  }
  return { files: out };
}

// generator/runtime/manifest-check.ts
function manifestDrift(manifestText, hashOf) {
  const m = parseManifest(manifestText);
  if (m.problem) throw new UsageError(m.problem);
  const out = [];
  for (const [path, want] of Object.entries(m.files).sort(([a], [b]) => a < b ? -1 : 1)) {
    const have = hashOf(path);
    if (have === void 0) out.push({ path, problem: "missing" });
    else if (have !== want) out.push({ path, problem: "edited" });
  }
  return out;
}
function hashOnDisk(root) {
  return (path) => {
    try {
      return sha256Hex(readFileSync4(join3(root, path), "utf8"));
    } catch {
      return void 0;
    }
  };
}
function describeManifestDrift(drift2) {
  if (drift2.length === 0) return "Every generated file is as Opsta wrote it.";
  return [
    `${drift2.length} generated file${drift2.length === 1 ? "" : "s"} differ from what Opsta wrote (.opsta/manifest.json):`,
    ...drift2.map((d) => `  ${d.problem === "missing" ? "missing" : "edited "} ${d.path}${d.path === "opsta.plan.yaml" ? " (the plan changed but the repository was not regenerated: run opsta generate and commit the result)" : ""}`),
    "Change opsta.plan.yaml and run `opsta generate` instead of editing generated files; a hand edit is overwritten, or blocks, the next regeneration."
  ].join("\n");
}

// generator/runtime/redact-render.ts
import { createHmac, randomBytes as randomBytes2 } from "node:crypto";
import { readFileSync as readFileSync5, writeFileSync } from "node:fs";

// node_modules/js-yaml/dist/js-yaml.mjs
function getDefaultExportFromCjs(x) {
  return x && x.__esModule && Object.prototype.hasOwnProperty.call(x, "default") ? x["default"] : x;
}
var jsYaml = {};
var loader = {};
var common = {};
var hasRequiredCommon;
function requireCommon() {
  if (hasRequiredCommon) return common;
  hasRequiredCommon = 1;
  function isNothing(subject) {
    return typeof subject === "undefined" || subject === null;
  }
  function isObject(subject) {
    return typeof subject === "object" && subject !== null;
  }
  function toArray(sequence) {
    if (Array.isArray(sequence)) return sequence;
    else if (isNothing(sequence)) return [];
    return [sequence];
  }
  function extend(target, source) {
    if (source) {
      const sourceKeys = Object.keys(source);
      for (let index = 0, length = sourceKeys.length; index < length; index += 1) {
        const key = sourceKeys[index];
        target[key] = source[key];
      }
    }
    return target;
  }
  function repeat(string, count) {
    let result = "";
    for (let cycle = 0; cycle < count; cycle += 1) {
      result += string;
    }
    return result;
  }
  function isNegativeZero(number) {
    return number === 0 && Number.NEGATIVE_INFINITY === 1 / number;
  }
  common.isNothing = isNothing;
  common.isObject = isObject;
  common.toArray = toArray;
  common.repeat = repeat;
  common.isNegativeZero = isNegativeZero;
  common.extend = extend;
  return common;
}
var exception;
var hasRequiredException;
function requireException() {
  if (hasRequiredException) return exception;
  hasRequiredException = 1;
  function formatError(exception2, compact) {
    let where = "";
    const message = exception2.reason || "(unknown reason)";
    if (!exception2.mark) return message;
    if (exception2.mark.name) {
      where += 'in "' + exception2.mark.name + '" ';
    }
    where += "(" + (exception2.mark.line + 1) + ":" + (exception2.mark.column + 1) + ")";
    if (!compact && exception2.mark.snippet) {
      where += "\n\n" + exception2.mark.snippet;
    }
    return message + " " + where;
  }
  function YAMLException2(reason, mark) {
    Error.call(this);
    this.name = "YAMLException";
    this.reason = reason;
    this.mark = mark;
    this.message = formatError(this, false);
    if (Error.captureStackTrace) {
      Error.captureStackTrace(this, this.constructor);
    } else {
      this.stack = new Error().stack || "";
    }
  }
  YAMLException2.prototype = Object.create(Error.prototype);
  YAMLException2.prototype.constructor = YAMLException2;
  YAMLException2.prototype.toString = function toString(compact) {
    return this.name + ": " + formatError(this, compact);
  };
  exception = YAMLException2;
  return exception;
}
var snippet;
var hasRequiredSnippet;
function requireSnippet() {
  if (hasRequiredSnippet) return snippet;
  hasRequiredSnippet = 1;
  const common2 = requireCommon();
  function getLine(buffer, lineStart, lineEnd, position, maxLineLength) {
    let head = "";
    let tail = "";
    const maxHalfLength = Math.floor(maxLineLength / 2) - 1;
    if (position - lineStart > maxHalfLength) {
      head = " ... ";
      lineStart = position - maxHalfLength + head.length;
    }
    if (lineEnd - position > maxHalfLength) {
      tail = " ...";
      lineEnd = position + maxHalfLength - tail.length;
    }
    return {
      str: head + buffer.slice(lineStart, lineEnd).replace(/\t/g, "→") + tail,
      pos: position - lineStart + head.length
      // relative position
    };
  }
  function padStart(string, max) {
    return common2.repeat(" ", max - string.length) + string;
  }
  function makeSnippet(mark, options) {
    options = Object.create(options || null);
    if (!mark.buffer) return null;
    if (!options.maxLength) options.maxLength = 79;
    if (typeof options.indent !== "number") options.indent = 1;
    if (typeof options.linesBefore !== "number") options.linesBefore = 3;
    if (typeof options.linesAfter !== "number") options.linesAfter = 2;
    const re = /\r?\n|\r|\0/g;
    const lineStarts = [0];
    const lineEnds = [];
    let match;
    let foundLineNo = -1;
    while (match = re.exec(mark.buffer)) {
      lineEnds.push(match.index);
      lineStarts.push(match.index + match[0].length);
      if (mark.position <= match.index && foundLineNo < 0) {
        foundLineNo = lineStarts.length - 2;
      }
    }
    if (foundLineNo < 0) foundLineNo = lineStarts.length - 1;
    let result = "";
    const lineNoLength = Math.min(mark.line + options.linesAfter, lineEnds.length).toString().length;
    const maxLineLength = options.maxLength - (options.indent + lineNoLength + 3);
    for (let i = 1; i <= options.linesBefore; i++) {
      if (foundLineNo - i < 0) break;
      const line22 = getLine(
        mark.buffer,
        lineStarts[foundLineNo - i],
        lineEnds[foundLineNo - i],
        mark.position - (lineStarts[foundLineNo] - lineStarts[foundLineNo - i]),
        maxLineLength
      );
      result = common2.repeat(" ", options.indent) + padStart((mark.line - i + 1).toString(), lineNoLength) + " | " + line22.str + "\n" + result;
    }
    const line2 = getLine(mark.buffer, lineStarts[foundLineNo], lineEnds[foundLineNo], mark.position, maxLineLength);
    result += common2.repeat(" ", options.indent) + padStart((mark.line + 1).toString(), lineNoLength) + " | " + line2.str + "\n";
    result += common2.repeat("-", options.indent + lineNoLength + 3 + line2.pos) + "^\n";
    for (let i = 1; i <= options.linesAfter; i++) {
      if (foundLineNo + i >= lineEnds.length) break;
      const line22 = getLine(
        mark.buffer,
        lineStarts[foundLineNo + i],
        lineEnds[foundLineNo + i],
        mark.position - (lineStarts[foundLineNo] - lineStarts[foundLineNo + i]),
        maxLineLength
      );
      result += common2.repeat(" ", options.indent) + padStart((mark.line + i + 1).toString(), lineNoLength) + " | " + line22.str + "\n";
    }
    return result.replace(/\n$/, "");
  }
  snippet = makeSnippet;
  return snippet;
}
var type;
var hasRequiredType;
function requireType() {
  if (hasRequiredType) return type;
  hasRequiredType = 1;
  const YAMLException2 = requireException();
  const TYPE_CONSTRUCTOR_OPTIONS = [
    "kind",
    "multi",
    "resolve",
    "construct",
    "instanceOf",
    "predicate",
    "represent",
    "representName",
    "defaultStyle",
    "styleAliases"
  ];
  const YAML_NODE_KINDS = [
    "scalar",
    "sequence",
    "mapping"
  ];
  function compileStyleAliases(map2) {
    const result = {};
    if (map2 !== null) {
      Object.keys(map2).forEach(function(style) {
        map2[style].forEach(function(alias) {
          result[String(alias)] = style;
        });
      });
    }
    return result;
  }
  function Type2(tag, options) {
    options = options || {};
    Object.keys(options).forEach(function(name) {
      if (TYPE_CONSTRUCTOR_OPTIONS.indexOf(name) === -1) {
        throw new YAMLException2('Unknown option "' + name + '" is met in definition of "' + tag + '" YAML type.');
      }
    });
    this.options = options;
    this.tag = tag;
    this.kind = options["kind"] || null;
    this.resolve = options["resolve"] || function() {
      return true;
    };
    this.construct = options["construct"] || function(data) {
      return data;
    };
    this.instanceOf = options["instanceOf"] || null;
    this.predicate = options["predicate"] || null;
    this.represent = options["represent"] || null;
    this.representName = options["representName"] || null;
    this.defaultStyle = options["defaultStyle"] || null;
    this.multi = options["multi"] || false;
    this.styleAliases = compileStyleAliases(options["styleAliases"] || null);
    if (YAML_NODE_KINDS.indexOf(this.kind) === -1) {
      throw new YAMLException2('Unknown kind "' + this.kind + '" is specified for "' + tag + '" YAML type.');
    }
  }
  type = Type2;
  return type;
}
var schema;
var hasRequiredSchema;
function requireSchema() {
  if (hasRequiredSchema) return schema;
  hasRequiredSchema = 1;
  const YAMLException2 = requireException();
  const Type2 = requireType();
  function compileList(schema2, name) {
    const result = [];
    schema2[name].forEach(function(currentType) {
      let newIndex = result.length;
      result.forEach(function(previousType, previousIndex) {
        if (previousType.tag === currentType.tag && previousType.kind === currentType.kind && previousType.multi === currentType.multi) {
          newIndex = previousIndex;
        }
      });
      result[newIndex] = currentType;
    });
    return result;
  }
  function compileMap() {
    const result = {
      scalar: {},
      sequence: {},
      mapping: {},
      fallback: {},
      multi: {
        scalar: [],
        sequence: [],
        mapping: [],
        fallback: []
      }
    };
    function collectType(type2) {
      if (type2.multi) {
        result.multi[type2.kind].push(type2);
        result.multi["fallback"].push(type2);
      } else {
        result[type2.kind][type2.tag] = result["fallback"][type2.tag] = type2;
      }
    }
    for (let index = 0, length = arguments.length; index < length; index += 1) {
      arguments[index].forEach(collectType);
    }
    return result;
  }
  function Schema2(definition) {
    return this.extend(definition);
  }
  Schema2.prototype.extend = function extend(definition) {
    let implicit = [];
    let explicit = [];
    if (definition instanceof Type2) {
      explicit.push(definition);
    } else if (Array.isArray(definition)) {
      explicit = explicit.concat(definition);
    } else if (definition && (Array.isArray(definition.implicit) || Array.isArray(definition.explicit))) {
      if (definition.implicit) implicit = implicit.concat(definition.implicit);
      if (definition.explicit) explicit = explicit.concat(definition.explicit);
    } else {
      throw new YAMLException2("Schema.extend argument should be a Type, [ Type ], or a schema definition ({ implicit: [...], explicit: [...] })");
    }
    implicit.forEach(function(type2) {
      if (!(type2 instanceof Type2)) {
        throw new YAMLException2("Specified list of YAML types (or a single Type object) contains a non-Type object.");
      }
      if (type2.loadKind && type2.loadKind !== "scalar") {
        throw new YAMLException2("There is a non-scalar type in the implicit list of a schema. Implicit resolving of such types is not supported.");
      }
      if (type2.multi) {
        throw new YAMLException2("There is a multi type in the implicit list of a schema. Multi tags can only be listed as explicit.");
      }
    });
    explicit.forEach(function(type2) {
      if (!(type2 instanceof Type2)) {
        throw new YAMLException2("Specified list of YAML types (or a single Type object) contains a non-Type object.");
      }
    });
    const result = Object.create(Schema2.prototype);
    result.implicit = (this.implicit || []).concat(implicit);
    result.explicit = (this.explicit || []).concat(explicit);
    result.compiledImplicit = compileList(result, "implicit");
    result.compiledExplicit = compileList(result, "explicit");
    result.compiledTypeMap = compileMap(result.compiledImplicit, result.compiledExplicit);
    return result;
  };
  schema = Schema2;
  return schema;
}
var str;
var hasRequiredStr;
function requireStr() {
  if (hasRequiredStr) return str;
  hasRequiredStr = 1;
  const Type2 = requireType();
  str = new Type2("tag:yaml.org,2002:str", {
    kind: "scalar",
    construct: function(data) {
      return data !== null ? data : "";
    }
  });
  return str;
}
var seq;
var hasRequiredSeq;
function requireSeq() {
  if (hasRequiredSeq) return seq;
  hasRequiredSeq = 1;
  const Type2 = requireType();
  seq = new Type2("tag:yaml.org,2002:seq", {
    kind: "sequence",
    construct: function(data) {
      return data !== null ? data : [];
    }
  });
  return seq;
}
var map;
var hasRequiredMap;
function requireMap() {
  if (hasRequiredMap) return map;
  hasRequiredMap = 1;
  const Type2 = requireType();
  map = new Type2("tag:yaml.org,2002:map", {
    kind: "mapping",
    construct: function(data) {
      return data !== null ? data : {};
    }
  });
  return map;
}
var failsafe;
var hasRequiredFailsafe;
function requireFailsafe() {
  if (hasRequiredFailsafe) return failsafe;
  hasRequiredFailsafe = 1;
  const Schema2 = requireSchema();
  failsafe = new Schema2({
    explicit: [
      requireStr(),
      requireSeq(),
      requireMap()
    ]
  });
  return failsafe;
}
var _null;
var hasRequired_null;
function require_null() {
  if (hasRequired_null) return _null;
  hasRequired_null = 1;
  const Type2 = requireType();
  function resolveYamlNull(data) {
    if (data === null) return true;
    const max = data.length;
    return max === 1 && data === "~" || max === 4 && (data === "null" || data === "Null" || data === "NULL");
  }
  function constructYamlNull() {
    return null;
  }
  function isNull(object) {
    return object === null;
  }
  _null = new Type2("tag:yaml.org,2002:null", {
    kind: "scalar",
    resolve: resolveYamlNull,
    construct: constructYamlNull,
    predicate: isNull,
    represent: {
      canonical: function() {
        return "~";
      },
      lowercase: function() {
        return "null";
      },
      uppercase: function() {
        return "NULL";
      },
      camelcase: function() {
        return "Null";
      },
      empty: function() {
        return "";
      }
    },
    defaultStyle: "lowercase"
  });
  return _null;
}
var bool;
var hasRequiredBool;
function requireBool() {
  if (hasRequiredBool) return bool;
  hasRequiredBool = 1;
  const Type2 = requireType();
  function resolveYamlBoolean(data) {
    if (data === null) return false;
    const max = data.length;
    return max === 4 && (data === "true" || data === "True" || data === "TRUE") || max === 5 && (data === "false" || data === "False" || data === "FALSE");
  }
  function constructYamlBoolean(data) {
    return data === "true" || data === "True" || data === "TRUE";
  }
  function isBoolean(object) {
    return Object.prototype.toString.call(object) === "[object Boolean]";
  }
  bool = new Type2("tag:yaml.org,2002:bool", {
    kind: "scalar",
    resolve: resolveYamlBoolean,
    construct: constructYamlBoolean,
    predicate: isBoolean,
    represent: {
      lowercase: function(object) {
        return object ? "true" : "false";
      },
      uppercase: function(object) {
        return object ? "TRUE" : "FALSE";
      },
      camelcase: function(object) {
        return object ? "True" : "False";
      }
    },
    defaultStyle: "lowercase"
  });
  return bool;
}
var int;
var hasRequiredInt;
function requireInt() {
  if (hasRequiredInt) return int;
  hasRequiredInt = 1;
  const common2 = requireCommon();
  const Type2 = requireType();
  function isHexCode(c) {
    return c >= 48 && c <= 57 || c >= 65 && c <= 70 || c >= 97 && c <= 102;
  }
  function isOctCode(c) {
    return c >= 48 && c <= 55;
  }
  function isDecCode(c) {
    return c >= 48 && c <= 57;
  }
  function resolveYamlInteger(data) {
    if (data === null) return false;
    const max = data.length;
    let index = 0;
    let hasDigits = false;
    if (!max) return false;
    let ch = data[index];
    if (ch === "-" || ch === "+") {
      ch = data[++index];
    }
    if (ch === "0") {
      if (index + 1 === max) return true;
      ch = data[++index];
      if (ch === "b") {
        index++;
        for (; index < max; index++) {
          ch = data[index];
          if (ch !== "0" && ch !== "1") return false;
          hasDigits = true;
        }
        return hasDigits && isFinite(parseYamlInteger(data));
      }
      if (ch === "x") {
        index++;
        for (; index < max; index++) {
          if (!isHexCode(data.charCodeAt(index))) return false;
          hasDigits = true;
        }
        return hasDigits && isFinite(parseYamlInteger(data));
      }
      if (ch === "o") {
        index++;
        for (; index < max; index++) {
          if (!isOctCode(data.charCodeAt(index))) return false;
          hasDigits = true;
        }
        return hasDigits && isFinite(parseYamlInteger(data));
      }
    }
    for (; index < max; index++) {
      if (!isDecCode(data.charCodeAt(index))) {
        return false;
      }
      hasDigits = true;
    }
    if (!hasDigits) return false;
    return isFinite(parseYamlInteger(data));
  }
  function parseYamlInteger(data) {
    let value = data;
    let sign = 1;
    let ch = value[0];
    if (ch === "-" || ch === "+") {
      if (ch === "-") sign = -1;
      value = value.slice(1);
      ch = value[0];
    }
    if (value === "0") return 0;
    if (ch === "0") {
      if (value[1] === "b") return sign * parseInt(value.slice(2), 2);
      if (value[1] === "x") return sign * parseInt(value.slice(2), 16);
      if (value[1] === "o") return sign * parseInt(value.slice(2), 8);
    }
    return sign * parseInt(value, 10);
  }
  function constructYamlInteger(data) {
    return parseYamlInteger(data);
  }
  function isInteger(object) {
    return Object.prototype.toString.call(object) === "[object Number]" && (object % 1 === 0 && !common2.isNegativeZero(object));
  }
  int = new Type2("tag:yaml.org,2002:int", {
    kind: "scalar",
    resolve: resolveYamlInteger,
    construct: constructYamlInteger,
    predicate: isInteger,
    represent: {
      binary: function(obj) {
        return obj >= 0 ? "0b" + obj.toString(2) : "-0b" + obj.toString(2).slice(1);
      },
      octal: function(obj) {
        return obj >= 0 ? "0o" + obj.toString(8) : "-0o" + obj.toString(8).slice(1);
      },
      decimal: function(obj) {
        return obj.toString(10);
      },
      hexadecimal: function(obj) {
        return obj >= 0 ? "0x" + obj.toString(16).toUpperCase() : "-0x" + obj.toString(16).toUpperCase().slice(1);
      }
    },
    defaultStyle: "decimal",
    styleAliases: {
      binary: [2, "bin"],
      octal: [8, "oct"],
      decimal: [10, "dec"],
      hexadecimal: [16, "hex"]
    }
  });
  return int;
}
var float;
var hasRequiredFloat;
function requireFloat() {
  if (hasRequiredFloat) return float;
  hasRequiredFloat = 1;
  const common2 = requireCommon();
  const Type2 = requireType();
  const YAML_FLOAT_PATTERN = new RegExp(
    // 2.5e4, 2.5 and integers
    "^(?:[-+]?(?:[0-9]+)(?:\\.[0-9]*)?(?:[eE][-+]?[0-9]+)?|\\.[0-9]+(?:[eE][-+]?[0-9]+)?|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$"
  );
  const YAML_FLOAT_SPECIAL_PATTERN = new RegExp(
    "^(?:[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$"
  );
  function resolveYamlFloat(data) {
    if (data === null) return false;
    if (!YAML_FLOAT_PATTERN.test(data)) {
      return false;
    }
    if (isFinite(parseFloat(data, 10))) {
      return true;
    }
    return YAML_FLOAT_SPECIAL_PATTERN.test(data);
  }
  function constructYamlFloat(data) {
    let value = data.toLowerCase();
    const sign = value[0] === "-" ? -1 : 1;
    if ("+-".indexOf(value[0]) >= 0) {
      value = value.slice(1);
    }
    if (value === ".inf") {
      return sign === 1 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
    } else if (value === ".nan") {
      return NaN;
    }
    return sign * parseFloat(value, 10);
  }
  const SCIENTIFIC_WITHOUT_DOT = /^[-+]?[0-9]+e/;
  function representYamlFloat(object, style) {
    if (isNaN(object)) {
      switch (style) {
        case "lowercase":
          return ".nan";
        case "uppercase":
          return ".NAN";
        case "camelcase":
          return ".NaN";
      }
    } else if (Number.POSITIVE_INFINITY === object) {
      switch (style) {
        case "lowercase":
          return ".inf";
        case "uppercase":
          return ".INF";
        case "camelcase":
          return ".Inf";
      }
    } else if (Number.NEGATIVE_INFINITY === object) {
      switch (style) {
        case "lowercase":
          return "-.inf";
        case "uppercase":
          return "-.INF";
        case "camelcase":
          return "-.Inf";
      }
    } else if (common2.isNegativeZero(object)) {
      return "-0.0";
    }
    const res = object.toString(10);
    return SCIENTIFIC_WITHOUT_DOT.test(res) ? res.replace("e", ".e") : res;
  }
  function isFloat(object) {
    return Object.prototype.toString.call(object) === "[object Number]" && (object % 1 !== 0 || common2.isNegativeZero(object));
  }
  float = new Type2("tag:yaml.org,2002:float", {
    kind: "scalar",
    resolve: resolveYamlFloat,
    construct: constructYamlFloat,
    predicate: isFloat,
    represent: representYamlFloat,
    defaultStyle: "lowercase"
  });
  return float;
}
var json2;
var hasRequiredJson;
function requireJson() {
  if (hasRequiredJson) return json2;
  hasRequiredJson = 1;
  json2 = requireFailsafe().extend({
    implicit: [
      require_null(),
      requireBool(),
      requireInt(),
      requireFloat()
    ]
  });
  return json2;
}
var core;
var hasRequiredCore;
function requireCore() {
  if (hasRequiredCore) return core;
  hasRequiredCore = 1;
  core = requireJson();
  return core;
}
var timestamp;
var hasRequiredTimestamp;
function requireTimestamp() {
  if (hasRequiredTimestamp) return timestamp;
  hasRequiredTimestamp = 1;
  const Type2 = requireType();
  const YAML_DATE_REGEXP = new RegExp(
    "^([0-9][0-9][0-9][0-9])-([0-9][0-9])-([0-9][0-9])$"
  );
  const YAML_TIMESTAMP_REGEXP = new RegExp(
    "^([0-9][0-9][0-9][0-9])-([0-9][0-9]?)-([0-9][0-9]?)(?:[Tt]|[ \\t]+)([0-9][0-9]?):([0-9][0-9]):([0-9][0-9])(?:\\.([0-9]*))?(?:[ \\t]*(Z|([-+])([0-9][0-9]?)(?::([0-9][0-9]))?))?$"
  );
  function resolveYamlTimestamp(data) {
    if (data === null) return false;
    if (YAML_DATE_REGEXP.exec(data) !== null) return true;
    if (YAML_TIMESTAMP_REGEXP.exec(data) !== null) return true;
    return false;
  }
  function constructYamlTimestamp(data) {
    let fraction = 0;
    let delta = null;
    let match = YAML_DATE_REGEXP.exec(data);
    if (match === null) match = YAML_TIMESTAMP_REGEXP.exec(data);
    if (match === null) throw new Error("Date resolve error");
    const year = +match[1];
    const month = +match[2] - 1;
    const day = +match[3];
    if (!match[4]) {
      return new Date(Date.UTC(year, month, day));
    }
    const hour = +match[4];
    const minute = +match[5];
    const second = +match[6];
    if (match[7]) {
      fraction = match[7].slice(0, 3);
      while (fraction.length < 3) {
        fraction += "0";
      }
      fraction = +fraction;
    }
    if (match[9]) {
      const tzHour = +match[10];
      const tzMinute = +(match[11] || 0);
      delta = (tzHour * 60 + tzMinute) * 6e4;
      if (match[9] === "-") delta = -delta;
    }
    const date = new Date(Date.UTC(year, month, day, hour, minute, second, fraction));
    if (delta) date.setTime(date.getTime() - delta);
    return date;
  }
  function representYamlTimestamp(object) {
    return object.toISOString();
  }
  timestamp = new Type2("tag:yaml.org,2002:timestamp", {
    kind: "scalar",
    resolve: resolveYamlTimestamp,
    construct: constructYamlTimestamp,
    instanceOf: Date,
    represent: representYamlTimestamp
  });
  return timestamp;
}
var merge;
var hasRequiredMerge;
function requireMerge() {
  if (hasRequiredMerge) return merge;
  hasRequiredMerge = 1;
  const Type2 = requireType();
  function resolveYamlMerge(data) {
    return data === "<<" || data === null;
  }
  merge = new Type2("tag:yaml.org,2002:merge", {
    kind: "scalar",
    resolve: resolveYamlMerge
  });
  return merge;
}
var binary;
var hasRequiredBinary;
function requireBinary() {
  if (hasRequiredBinary) return binary;
  hasRequiredBinary = 1;
  const Type2 = requireType();
  const BASE64_MAP = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=\n\r";
  function resolveYamlBinary(data) {
    if (data === null) return false;
    let bitlen = 0;
    const max = data.length;
    const map2 = BASE64_MAP;
    for (let idx = 0; idx < max; idx++) {
      const code = map2.indexOf(data.charAt(idx));
      if (code > 64) continue;
      if (code < 0) return false;
      bitlen += 6;
    }
    return bitlen % 8 === 0;
  }
  function constructYamlBinary(data) {
    const input = data.replace(/[\r\n=]/g, "");
    const max = input.length;
    const map2 = BASE64_MAP;
    let bits = 0;
    const result = [];
    for (let idx = 0; idx < max; idx++) {
      if (idx % 4 === 0 && idx) {
        result.push(bits >> 16 & 255);
        result.push(bits >> 8 & 255);
        result.push(bits & 255);
      }
      bits = bits << 6 | map2.indexOf(input.charAt(idx));
    }
    const tailbits = max % 4 * 6;
    if (tailbits === 0) {
      result.push(bits >> 16 & 255);
      result.push(bits >> 8 & 255);
      result.push(bits & 255);
    } else if (tailbits === 18) {
      result.push(bits >> 10 & 255);
      result.push(bits >> 2 & 255);
    } else if (tailbits === 12) {
      result.push(bits >> 4 & 255);
    }
    return new Uint8Array(result);
  }
  function representYamlBinary(object) {
    let result = "";
    let bits = 0;
    const max = object.length;
    const map2 = BASE64_MAP;
    for (let idx = 0; idx < max; idx++) {
      if (idx % 3 === 0 && idx) {
        result += map2[bits >> 18 & 63];
        result += map2[bits >> 12 & 63];
        result += map2[bits >> 6 & 63];
        result += map2[bits & 63];
      }
      bits = (bits << 8) + object[idx];
    }
    const tail = max % 3;
    if (tail === 0) {
      result += map2[bits >> 18 & 63];
      result += map2[bits >> 12 & 63];
      result += map2[bits >> 6 & 63];
      result += map2[bits & 63];
    } else if (tail === 2) {
      result += map2[bits >> 10 & 63];
      result += map2[bits >> 4 & 63];
      result += map2[bits << 2 & 63];
      result += map2[64];
    } else if (tail === 1) {
      result += map2[bits >> 2 & 63];
      result += map2[bits << 4 & 63];
      result += map2[64];
      result += map2[64];
    }
    return result;
  }
  function isBinary(obj) {
    return Object.prototype.toString.call(obj) === "[object Uint8Array]";
  }
  binary = new Type2("tag:yaml.org,2002:binary", {
    kind: "scalar",
    resolve: resolveYamlBinary,
    construct: constructYamlBinary,
    predicate: isBinary,
    represent: representYamlBinary
  });
  return binary;
}
var omap;
var hasRequiredOmap;
function requireOmap() {
  if (hasRequiredOmap) return omap;
  hasRequiredOmap = 1;
  const Type2 = requireType();
  const _hasOwnProperty = Object.prototype.hasOwnProperty;
  const _toString = Object.prototype.toString;
  function resolveYamlOmap(data) {
    if (data === null) return true;
    const objectKeys = {};
    const object = data;
    for (let index = 0, length = object.length; index < length; index += 1) {
      const pair = object[index];
      let pairHasKey = false;
      if (_toString.call(pair) !== "[object Object]") return false;
      let pairKey;
      for (pairKey in pair) {
        if (_hasOwnProperty.call(pair, pairKey)) {
          if (!pairHasKey) pairHasKey = true;
          else return false;
        }
      }
      if (!pairHasKey) return false;
      if (_hasOwnProperty.call(objectKeys, pairKey)) return false;
      Object.defineProperty(objectKeys, pairKey, { value: true });
    }
    return true;
  }
  function constructYamlOmap(data) {
    return data !== null ? data : [];
  }
  omap = new Type2("tag:yaml.org,2002:omap", {
    kind: "sequence",
    resolve: resolveYamlOmap,
    construct: constructYamlOmap
  });
  return omap;
}
var pairs;
var hasRequiredPairs;
function requirePairs() {
  if (hasRequiredPairs) return pairs;
  hasRequiredPairs = 1;
  const Type2 = requireType();
  const _toString = Object.prototype.toString;
  function resolveYamlPairs(data) {
    if (data === null) return true;
    const object = data;
    const result = new Array(object.length);
    for (let index = 0, length = object.length; index < length; index += 1) {
      const pair = object[index];
      if (_toString.call(pair) !== "[object Object]") return false;
      const keys = Object.keys(pair);
      if (keys.length !== 1) return false;
      result[index] = [keys[0], pair[keys[0]]];
    }
    return true;
  }
  function constructYamlPairs(data) {
    if (data === null) return [];
    const object = data;
    const result = new Array(object.length);
    for (let index = 0, length = object.length; index < length; index += 1) {
      const pair = object[index];
      const keys = Object.keys(pair);
      result[index] = [keys[0], pair[keys[0]]];
    }
    return result;
  }
  pairs = new Type2("tag:yaml.org,2002:pairs", {
    kind: "sequence",
    resolve: resolveYamlPairs,
    construct: constructYamlPairs
  });
  return pairs;
}
var set2;
var hasRequiredSet;
function requireSet() {
  if (hasRequiredSet) return set2;
  hasRequiredSet = 1;
  const Type2 = requireType();
  const _hasOwnProperty = Object.prototype.hasOwnProperty;
  function resolveYamlSet(data) {
    if (data === null) return true;
    const object = data;
    for (const key in object) {
      if (_hasOwnProperty.call(object, key)) {
        if (object[key] !== null) return false;
      }
    }
    return true;
  }
  function constructYamlSet(data) {
    return data !== null ? data : {};
  }
  set2 = new Type2("tag:yaml.org,2002:set", {
    kind: "mapping",
    resolve: resolveYamlSet,
    construct: constructYamlSet
  });
  return set2;
}
var _default;
var hasRequired_default;
function require_default() {
  if (hasRequired_default) return _default;
  hasRequired_default = 1;
  _default = requireCore().extend({
    implicit: [
      requireTimestamp(),
      requireMerge()
    ],
    explicit: [
      requireBinary(),
      requireOmap(),
      requirePairs(),
      requireSet()
    ]
  });
  return _default;
}
var hasRequiredLoader;
function requireLoader() {
  if (hasRequiredLoader) return loader;
  hasRequiredLoader = 1;
  const common2 = requireCommon();
  const YAMLException2 = requireException();
  const makeSnippet = requireSnippet();
  const DEFAULT_SCHEMA2 = require_default();
  const _hasOwnProperty = Object.prototype.hasOwnProperty;
  const CONTEXT_FLOW_IN = 1;
  const CONTEXT_FLOW_OUT = 2;
  const CONTEXT_BLOCK_IN = 3;
  const CONTEXT_BLOCK_OUT = 4;
  const CHOMPING_CLIP = 1;
  const CHOMPING_STRIP = 2;
  const CHOMPING_KEEP = 3;
  const PATTERN_NON_PRINTABLE = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:[^\uD800-\uDBFF]|^)[\uDC00-\uDFFF]/;
  const PATTERN_NON_ASCII_LINE_BREAKS = /[\x85\u2028\u2029]/;
  const PATTERN_FLOW_INDICATORS = /[,\[\]{}]/;
  const PATTERN_TAG_HANDLE = /^(?:!|!!|![0-9A-Za-z-]+!)$/;
  const PATTERN_TAG_URI = /^(?:!|[^,\[\]{}])(?:%[0-9a-f]{2}|[0-9a-z\-#;/?:@&=+$,_.!~*'()\[\]])*$/i;
  function _class(obj) {
    return Object.prototype.toString.call(obj);
  }
  function isEol(c) {
    return c === 10 || c === 13;
  }
  function isWhiteSpace(c) {
    return c === 9 || c === 32;
  }
  function isWsOrEol(c) {
    return c === 9 || c === 32 || c === 10 || c === 13;
  }
  function isFlowIndicator(c) {
    return c === 44 || c === 91 || c === 93 || c === 123 || c === 125;
  }
  function fromHexCode(c) {
    if (c >= 48 && c <= 57) {
      return c - 48;
    }
    const lc = c | 32;
    if (lc >= 97 && lc <= 102) {
      return lc - 97 + 10;
    }
    return -1;
  }
  function escapedHexLen(c) {
    if (c === 120) {
      return 2;
    }
    if (c === 117) {
      return 4;
    }
    if (c === 85) {
      return 8;
    }
    return 0;
  }
  function fromDecimalCode(c) {
    if (c >= 48 && c <= 57) {
      return c - 48;
    }
    return -1;
  }
  function simpleEscapeSequence(c) {
    switch (c) {
      case 48:
        return "\0";
      case 97:
        return "\x07";
      case 98:
        return "\b";
      case 116:
        return "	";
      case 9:
        return "	";
      case 110:
        return "\n";
      case 118:
        return "\v";
      case 102:
        return "\f";
      case 114:
        return "\r";
      case 101:
        return "\x1B";
      case 32:
        return " ";
      case 34:
        return '"';
      case 47:
        return "/";
      case 92:
        return "\\";
      case 78:
        return "";
      case 95:
        return " ";
      case 76:
        return "\u2028";
      case 80:
        return "\u2029";
      default:
        return "";
    }
  }
  function charFromCodepoint(c) {
    if (c <= 65535) {
      return String.fromCharCode(c);
    }
    return String.fromCharCode(
      (c - 65536 >> 10) + 55296,
      (c - 65536 & 1023) + 56320
    );
  }
  function setProperty(object, key, value) {
    if (key === "__proto__") {
      Object.defineProperty(object, key, {
        configurable: true,
        enumerable: true,
        writable: true,
        value
      });
    } else {
      object[key] = value;
    }
  }
  const simpleEscapeCheck = new Array(256);
  const simpleEscapeMap = new Array(256);
  for (let i = 0; i < 256; i++) {
    simpleEscapeCheck[i] = simpleEscapeSequence(i) ? 1 : 0;
    simpleEscapeMap[i] = simpleEscapeSequence(i);
  }
  function State(input, options) {
    this.input = input;
    this.filename = options["filename"] || null;
    this.schema = options["schema"] || DEFAULT_SCHEMA2;
    this.onWarning = options["onWarning"] || null;
    this.legacy = options["legacy"] || false;
    this.json = options["json"] || false;
    this.listener = options["listener"] || null;
    this.maxDepth = typeof options["maxDepth"] === "number" ? options["maxDepth"] : 100;
    this.maxTotalMergeKeys = typeof options["maxTotalMergeKeys"] === "number" ? options["maxTotalMergeKeys"] : 1e4;
    this.implicitTypes = this.schema.compiledImplicit;
    this.typeMap = this.schema.compiledTypeMap;
    this.length = input.length;
    this.position = 0;
    this.line = 0;
    this.lineStart = 0;
    this.lineIndent = 0;
    this.depth = 0;
    this.totalMergeKeys = 0;
    this.firstTabInLine = -1;
    this.documents = [];
    this.anchorMapTransactions = [];
  }
  function generateError(state, message) {
    const mark = {
      name: state.filename,
      buffer: state.input.slice(0, -1),
      // omit trailing \0
      position: state.position,
      line: state.line,
      column: state.position - state.lineStart
    };
    mark.snippet = makeSnippet(mark);
    return new YAMLException2(message, mark);
  }
  function throwError(state, message) {
    throw generateError(state, message);
  }
  function throwWarning(state, message) {
    if (state.onWarning) {
      state.onWarning.call(null, generateError(state, message));
    }
  }
  function storeAnchor(state, name, value) {
    const transactions = state.anchorMapTransactions;
    if (transactions.length !== 0) {
      const transaction = transactions[transactions.length - 1];
      if (!_hasOwnProperty.call(transaction, name)) {
        transaction[name] = {
          existed: _hasOwnProperty.call(state.anchorMap, name),
          value: state.anchorMap[name]
        };
      }
    }
    state.anchorMap[name] = value;
  }
  function beginAnchorTransaction(state) {
    state.anchorMapTransactions.push(/* @__PURE__ */ Object.create(null));
  }
  function commitAnchorTransaction(state) {
    const transaction = state.anchorMapTransactions.pop();
    const transactions = state.anchorMapTransactions;
    if (transactions.length === 0) return;
    const parent = transactions[transactions.length - 1];
    const names = Object.keys(transaction);
    for (let index = 0, length = names.length; index < length; index += 1) {
      const name = names[index];
      if (!_hasOwnProperty.call(parent, name)) {
        parent[name] = transaction[name];
      }
    }
  }
  function rollbackAnchorTransaction(state) {
    const transaction = state.anchorMapTransactions.pop();
    const names = Object.keys(transaction);
    for (let index = names.length - 1; index >= 0; index -= 1) {
      const entry = transaction[names[index]];
      if (entry.existed) {
        state.anchorMap[names[index]] = entry.value;
      } else {
        delete state.anchorMap[names[index]];
      }
    }
  }
  function snapshotState(state) {
    return {
      position: state.position,
      line: state.line,
      lineStart: state.lineStart,
      lineIndent: state.lineIndent,
      firstTabInLine: state.firstTabInLine,
      tag: state.tag,
      anchor: state.anchor,
      kind: state.kind,
      result: state.result
    };
  }
  function restoreState(state, snapshot) {
    state.position = snapshot.position;
    state.line = snapshot.line;
    state.lineStart = snapshot.lineStart;
    state.lineIndent = snapshot.lineIndent;
    state.firstTabInLine = snapshot.firstTabInLine;
    state.tag = snapshot.tag;
    state.anchor = snapshot.anchor;
    state.kind = snapshot.kind;
    state.result = snapshot.result;
  }
  const directiveHandlers = {
    YAML: function handleYamlDirective(state, name, args) {
      if (state.version !== null) {
        throwError(state, "duplication of %YAML directive");
      }
      if (args.length !== 1) {
        throwError(state, "YAML directive accepts exactly one argument");
      }
      const match = /^([0-9]+)\.([0-9]+)$/.exec(args[0]);
      if (match === null) {
        throwError(state, "ill-formed argument of the YAML directive");
      }
      const major = parseInt(match[1], 10);
      const minor = parseInt(match[2], 10);
      if (major !== 1) {
        throwError(state, "unacceptable YAML version of the document");
      }
      state.version = args[0];
      state.checkLineBreaks = minor < 2;
      if (minor !== 1 && minor !== 2) {
        throwWarning(state, "unsupported YAML version of the document");
      }
    },
    TAG: function handleTagDirective(state, name, args) {
      let prefix;
      if (args.length !== 2) {
        throwError(state, "TAG directive accepts exactly two arguments");
      }
      const handle = args[0];
      prefix = args[1];
      if (!PATTERN_TAG_HANDLE.test(handle)) {
        throwError(state, "ill-formed tag handle (first argument) of the TAG directive");
      }
      if (_hasOwnProperty.call(state.tagMap, handle)) {
        throwError(state, 'there is a previously declared suffix for "' + handle + '" tag handle');
      }
      if (!PATTERN_TAG_URI.test(prefix)) {
        throwError(state, "ill-formed tag prefix (second argument) of the TAG directive");
      }
      try {
        prefix = decodeURIComponent(prefix);
      } catch (err) {
        throwError(state, "tag prefix is malformed: " + prefix);
      }
      state.tagMap[handle] = prefix;
    }
  };
  function captureSegment(state, start, end, checkJson) {
    if (start < end) {
      const _result = state.input.slice(start, end);
      if (checkJson) {
        for (let _position = 0, _length = _result.length; _position < _length; _position += 1) {
          const _character = _result.charCodeAt(_position);
          if (!(_character === 9 || _character >= 32 && _character <= 1114111)) {
            throwError(state, "expected valid JSON character");
          }
        }
      } else if (PATTERN_NON_PRINTABLE.test(_result)) {
        throwError(state, "the stream contains non-printable characters");
      }
      state.result += _result;
    }
  }
  function chargeMergeWork(state) {
    state.totalMergeKeys++;
    if (state.maxTotalMergeKeys !== -1 && state.totalMergeKeys > state.maxTotalMergeKeys) {
      throwError(state, "merge keys exceeded maxTotalMergeKeys (" + state.maxTotalMergeKeys + ")");
    }
  }
  function mergeMappings(state, destination, source, overridableKeys) {
    if (!common2.isObject(source)) {
      throwError(state, "cannot merge mappings; the provided source object is unacceptable");
    }
    chargeMergeWork(state);
    const sourceKeys = Object.keys(source);
    for (let index = 0, quantity = sourceKeys.length; index < quantity; index += 1) {
      const key = sourceKeys[index];
      chargeMergeWork(state);
      if (!_hasOwnProperty.call(destination, key)) {
        setProperty(destination, key, source[key]);
        overridableKeys[key] = true;
      }
    }
  }
  function storeMappingPair(state, _result, overridableKeys, keyTag, keyNode, valueNode, startLine, startLineStart, startPos) {
    if (Array.isArray(keyNode)) {
      keyNode = Array.prototype.slice.call(keyNode);
      for (let index = 0, quantity = keyNode.length; index < quantity; index += 1) {
        if (Array.isArray(keyNode[index])) {
          throwError(state, "nested arrays are not supported inside keys");
        }
        if (typeof keyNode === "object" && _class(keyNode[index]) === "[object Object]") {
          keyNode[index] = "[object Object]";
        }
      }
    }
    if (typeof keyNode === "object" && _class(keyNode) === "[object Object]") {
      keyNode = "[object Object]";
    }
    keyNode = String(keyNode);
    if (_result === null) {
      _result = {};
    }
    if (keyTag === "tag:yaml.org,2002:merge") {
      if (Array.isArray(valueNode)) {
        if (valueNode.length > 100) {
          throwError(state, "abnormal merge sequence size");
        }
        for (let index = 0, quantity = valueNode.length; index < quantity; index += 1) {
          mergeMappings(state, _result, valueNode[index], overridableKeys);
        }
      } else {
        mergeMappings(state, _result, valueNode, overridableKeys);
      }
    } else {
      if (!state.json && !_hasOwnProperty.call(overridableKeys, keyNode) && _hasOwnProperty.call(_result, keyNode)) {
        state.line = startLine || state.line;
        state.lineStart = startLineStart || state.lineStart;
        state.position = startPos || state.position;
        throwError(state, "duplicated mapping key");
      }
      setProperty(_result, keyNode, valueNode);
      delete overridableKeys[keyNode];
    }
    return _result;
  }
  function readLineBreak(state) {
    const ch = state.input.charCodeAt(state.position);
    if (ch === 10) {
      state.position++;
    } else if (ch === 13) {
      state.position++;
      if (state.input.charCodeAt(state.position) === 10) {
        state.position++;
      }
    } else {
      throwError(state, "a line break is expected");
    }
    state.line += 1;
    state.lineStart = state.position;
    state.firstTabInLine = -1;
  }
  function skipSeparationSpace(state, allowComments, checkIndent) {
    let lineBreaks = 0;
    let ch = state.input.charCodeAt(state.position);
    while (ch !== 0) {
      while (isWhiteSpace(ch)) {
        if (ch === 9 && state.firstTabInLine === -1) {
          state.firstTabInLine = state.position;
        }
        ch = state.input.charCodeAt(++state.position);
      }
      if (allowComments && ch === 35) {
        do {
          ch = state.input.charCodeAt(++state.position);
        } while (ch !== 10 && ch !== 13 && ch !== 0);
      }
      if (isEol(ch)) {
        readLineBreak(state);
        ch = state.input.charCodeAt(state.position);
        lineBreaks++;
        state.lineIndent = 0;
        while (ch === 32) {
          state.lineIndent++;
          ch = state.input.charCodeAt(++state.position);
        }
      } else {
        break;
      }
    }
    if (checkIndent !== -1 && lineBreaks !== 0 && state.lineIndent < checkIndent) {
      throwWarning(state, "deficient indentation");
    }
    return lineBreaks;
  }
  function testDocumentSeparator(state) {
    let _position = state.position;
    let ch = state.input.charCodeAt(_position);
    if ((ch === 45 || ch === 46) && ch === state.input.charCodeAt(_position + 1) && ch === state.input.charCodeAt(_position + 2)) {
      _position += 3;
      ch = state.input.charCodeAt(_position);
      if (ch === 0 || isWsOrEol(ch)) {
        return true;
      }
    }
    return false;
  }
  function writeFoldedLines(state, count) {
    if (count === 1) {
      state.result += " ";
    } else if (count > 1) {
      state.result += common2.repeat("\n", count - 1);
    }
  }
  function readPlainScalar(state, nodeIndent, withinFlowCollection) {
    let captureStart;
    let captureEnd;
    let hasPendingContent;
    let _line;
    let _lineStart;
    let _lineIndent;
    const _kind = state.kind;
    const _result = state.result;
    let ch = state.input.charCodeAt(state.position);
    if (isWsOrEol(ch) || isFlowIndicator(ch) || ch === 35 || ch === 38 || ch === 42 || ch === 33 || ch === 124 || ch === 62 || ch === 39 || ch === 34 || ch === 37 || ch === 64 || ch === 96) {
      return false;
    }
    if (ch === 63 || ch === 45) {
      const following = state.input.charCodeAt(state.position + 1);
      if (isWsOrEol(following) || withinFlowCollection && isFlowIndicator(following)) {
        return false;
      }
    }
    state.kind = "scalar";
    state.result = "";
    captureStart = captureEnd = state.position;
    hasPendingContent = false;
    while (ch !== 0) {
      if (ch === 58) {
        const following = state.input.charCodeAt(state.position + 1);
        if (isWsOrEol(following) || withinFlowCollection && isFlowIndicator(following)) {
          break;
        }
      } else if (ch === 35) {
        const preceding = state.input.charCodeAt(state.position - 1);
        if (isWsOrEol(preceding)) {
          break;
        }
      } else if (state.position === state.lineStart && testDocumentSeparator(state) || withinFlowCollection && isFlowIndicator(ch)) {
        break;
      } else if (isEol(ch)) {
        _line = state.line;
        _lineStart = state.lineStart;
        _lineIndent = state.lineIndent;
        skipSeparationSpace(state, false, -1);
        if (state.lineIndent >= nodeIndent) {
          hasPendingContent = true;
          ch = state.input.charCodeAt(state.position);
          continue;
        } else {
          state.position = captureEnd;
          state.line = _line;
          state.lineStart = _lineStart;
          state.lineIndent = _lineIndent;
          break;
        }
      }
      if (hasPendingContent) {
        captureSegment(state, captureStart, captureEnd, false);
        writeFoldedLines(state, state.line - _line);
        captureStart = captureEnd = state.position;
        hasPendingContent = false;
      }
      if (!isWhiteSpace(ch)) {
        captureEnd = state.position + 1;
      }
      ch = state.input.charCodeAt(++state.position);
    }
    captureSegment(state, captureStart, captureEnd, false);
    if (state.result) {
      return true;
    }
    state.kind = _kind;
    state.result = _result;
    return false;
  }
  function readSingleQuotedScalar(state, nodeIndent) {
    let captureStart;
    let captureEnd;
    let ch = state.input.charCodeAt(state.position);
    if (ch !== 39) {
      return false;
    }
    state.kind = "scalar";
    state.result = "";
    state.position++;
    captureStart = captureEnd = state.position;
    while ((ch = state.input.charCodeAt(state.position)) !== 0) {
      if (ch === 39) {
        captureSegment(state, captureStart, state.position, true);
        ch = state.input.charCodeAt(++state.position);
        if (ch === 39) {
          captureStart = state.position;
          state.position++;
          captureEnd = state.position;
        } else {
          return true;
        }
      } else if (isEol(ch)) {
        captureSegment(state, captureStart, captureEnd, true);
        writeFoldedLines(state, skipSeparationSpace(state, false, nodeIndent));
        captureStart = captureEnd = state.position;
      } else if (state.position === state.lineStart && testDocumentSeparator(state)) {
        throwError(state, "unexpected end of the document within a single quoted scalar");
      } else {
        state.position++;
        if (!isWhiteSpace(ch)) {
          captureEnd = state.position;
        }
      }
    }
    throwError(state, "unexpected end of the stream within a single quoted scalar");
  }
  function readDoubleQuotedScalar(state, nodeIndent) {
    let captureStart;
    let captureEnd;
    let tmp;
    let ch = state.input.charCodeAt(state.position);
    if (ch !== 34) {
      return false;
    }
    state.kind = "scalar";
    state.result = "";
    state.position++;
    captureStart = captureEnd = state.position;
    while ((ch = state.input.charCodeAt(state.position)) !== 0) {
      if (ch === 34) {
        captureSegment(state, captureStart, state.position, true);
        state.position++;
        return true;
      } else if (ch === 92) {
        captureSegment(state, captureStart, state.position, true);
        ch = state.input.charCodeAt(++state.position);
        if (isEol(ch)) {
          skipSeparationSpace(state, false, nodeIndent);
        } else if (ch < 256 && simpleEscapeCheck[ch]) {
          state.result += simpleEscapeMap[ch];
          state.position++;
        } else if ((tmp = escapedHexLen(ch)) > 0) {
          let hexLength = tmp;
          let hexResult = 0;
          for (; hexLength > 0; hexLength--) {
            ch = state.input.charCodeAt(++state.position);
            if ((tmp = fromHexCode(ch)) >= 0) {
              hexResult = (hexResult << 4) + tmp;
            } else {
              throwError(state, "expected hexadecimal character");
            }
          }
          state.result += charFromCodepoint(hexResult);
          state.position++;
        } else {
          throwError(state, "unknown escape sequence");
        }
        captureStart = captureEnd = state.position;
      } else if (isEol(ch)) {
        captureSegment(state, captureStart, captureEnd, true);
        writeFoldedLines(state, skipSeparationSpace(state, false, nodeIndent));
        captureStart = captureEnd = state.position;
      } else if (state.position === state.lineStart && testDocumentSeparator(state)) {
        throwError(state, "unexpected end of the document within a double quoted scalar");
      } else {
        state.position++;
        if (!isWhiteSpace(ch)) {
          captureEnd = state.position;
        }
      }
    }
    throwError(state, "unexpected end of the stream within a double quoted scalar");
  }
  function readFlowCollection(state, nodeIndent) {
    let readNext = true;
    let _line;
    let _lineStart;
    let _pos;
    const _tag = state.tag;
    let _result;
    const _anchor = state.anchor;
    let terminator;
    let isPair;
    let isExplicitPair;
    let isMapping;
    const overridableKeys = /* @__PURE__ */ Object.create(null);
    let keyNode;
    let keyTag;
    let valueNode;
    let ch = state.input.charCodeAt(state.position);
    if (ch === 91) {
      terminator = 93;
      isMapping = false;
      _result = [];
    } else if (ch === 123) {
      terminator = 125;
      isMapping = true;
      _result = {};
    } else {
      return false;
    }
    if (state.anchor !== null) {
      storeAnchor(state, state.anchor, _result);
    }
    ch = state.input.charCodeAt(++state.position);
    while (ch !== 0) {
      skipSeparationSpace(state, true, nodeIndent);
      ch = state.input.charCodeAt(state.position);
      if (ch === terminator) {
        state.position++;
        state.tag = _tag;
        state.anchor = _anchor;
        state.kind = isMapping ? "mapping" : "sequence";
        state.result = _result;
        return true;
      } else if (!readNext) {
        throwError(state, "missed comma between flow collection entries");
      } else if (ch === 44) {
        throwError(state, "expected the node content, but found ','");
      }
      keyTag = keyNode = valueNode = null;
      isPair = isExplicitPair = false;
      if (ch === 63) {
        const following = state.input.charCodeAt(state.position + 1);
        if (isWsOrEol(following)) {
          isPair = isExplicitPair = true;
          state.position++;
          skipSeparationSpace(state, true, nodeIndent);
        }
      }
      _line = state.line;
      _lineStart = state.lineStart;
      _pos = state.position;
      composeNode(state, nodeIndent, CONTEXT_FLOW_IN, false, true);
      keyTag = state.tag;
      keyNode = state.result;
      skipSeparationSpace(state, true, nodeIndent);
      ch = state.input.charCodeAt(state.position);
      if ((isExplicitPair || state.line === _line) && ch === 58) {
        isPair = true;
        ch = state.input.charCodeAt(++state.position);
        skipSeparationSpace(state, true, nodeIndent);
        composeNode(state, nodeIndent, CONTEXT_FLOW_IN, false, true);
        valueNode = state.result;
      }
      if (isMapping) {
        storeMappingPair(state, _result, overridableKeys, keyTag, keyNode, valueNode, _line, _lineStart, _pos);
      } else if (isPair) {
        _result.push(storeMappingPair(state, null, overridableKeys, keyTag, keyNode, valueNode, _line, _lineStart, _pos));
      } else {
        _result.push(keyNode);
      }
      skipSeparationSpace(state, true, nodeIndent);
      ch = state.input.charCodeAt(state.position);
      if (ch === 44) {
        readNext = true;
        ch = state.input.charCodeAt(++state.position);
      } else {
        readNext = false;
      }
    }
    throwError(state, "unexpected end of the stream within a flow collection");
  }
  function readBlockScalar(state, nodeIndent) {
    let folding;
    let chomping = CHOMPING_CLIP;
    let didReadContent = false;
    let detectedIndent = false;
    let textIndent = nodeIndent;
    let emptyLines = 0;
    let atMoreIndented = false;
    let tmp;
    let ch = state.input.charCodeAt(state.position);
    if (ch === 124) {
      folding = false;
    } else if (ch === 62) {
      folding = true;
    } else {
      return false;
    }
    state.kind = "scalar";
    state.result = "";
    while (ch !== 0) {
      ch = state.input.charCodeAt(++state.position);
      if (ch === 43 || ch === 45) {
        if (CHOMPING_CLIP === chomping) {
          chomping = ch === 43 ? CHOMPING_KEEP : CHOMPING_STRIP;
        } else {
          throwError(state, "repeat of a chomping mode identifier");
        }
      } else if ((tmp = fromDecimalCode(ch)) >= 0) {
        if (tmp === 0) {
          throwError(state, "bad explicit indentation width of a block scalar; it cannot be less than one");
        } else if (!detectedIndent) {
          textIndent = nodeIndent + tmp - 1;
          detectedIndent = true;
        } else {
          throwError(state, "repeat of an indentation width identifier");
        }
      } else {
        break;
      }
    }
    if (isWhiteSpace(ch)) {
      do {
        ch = state.input.charCodeAt(++state.position);
      } while (isWhiteSpace(ch));
      if (ch === 35) {
        do {
          ch = state.input.charCodeAt(++state.position);
        } while (!isEol(ch) && ch !== 0);
      }
    }
    while (ch !== 0) {
      readLineBreak(state);
      state.lineIndent = 0;
      ch = state.input.charCodeAt(state.position);
      while ((!detectedIndent || state.lineIndent < textIndent) && ch === 32) {
        state.lineIndent++;
        ch = state.input.charCodeAt(++state.position);
      }
      if (!detectedIndent && state.lineIndent > textIndent) {
        textIndent = state.lineIndent;
      }
      if (isEol(ch)) {
        emptyLines++;
        continue;
      }
      if (!detectedIndent && textIndent === 0) {
        throwError(state, "missing indentation for block scalar");
      }
      if (state.lineIndent < textIndent) {
        if (chomping === CHOMPING_KEEP) {
          state.result += common2.repeat("\n", didReadContent ? 1 + emptyLines : emptyLines);
        } else if (chomping === CHOMPING_CLIP) {
          if (didReadContent) {
            state.result += "\n";
          }
        }
        break;
      }
      if (folding) {
        if (isWhiteSpace(ch)) {
          atMoreIndented = true;
          state.result += common2.repeat("\n", didReadContent ? 1 + emptyLines : emptyLines);
        } else if (atMoreIndented) {
          atMoreIndented = false;
          state.result += common2.repeat("\n", emptyLines + 1);
        } else if (emptyLines === 0) {
          if (didReadContent) {
            state.result += " ";
          }
        } else {
          state.result += common2.repeat("\n", emptyLines);
        }
      } else {
        state.result += common2.repeat("\n", didReadContent ? 1 + emptyLines : emptyLines);
      }
      didReadContent = true;
      detectedIndent = true;
      emptyLines = 0;
      const captureStart = state.position;
      while (!isEol(ch) && ch !== 0) {
        ch = state.input.charCodeAt(++state.position);
      }
      captureSegment(state, captureStart, state.position, false);
    }
    return true;
  }
  function readBlockSequence(state, nodeIndent) {
    const _tag = state.tag;
    const _anchor = state.anchor;
    const _result = [];
    let detected = false;
    if (state.firstTabInLine !== -1) return false;
    if (state.anchor !== null) {
      storeAnchor(state, state.anchor, _result);
    }
    let ch = state.input.charCodeAt(state.position);
    while (ch !== 0) {
      if (state.firstTabInLine !== -1) {
        state.position = state.firstTabInLine;
        throwError(state, "tab characters must not be used in indentation");
      }
      if (ch !== 45) {
        break;
      }
      const following = state.input.charCodeAt(state.position + 1);
      if (!isWsOrEol(following)) {
        break;
      }
      detected = true;
      state.position++;
      if (skipSeparationSpace(state, true, -1)) {
        if (state.lineIndent <= nodeIndent) {
          _result.push(null);
          ch = state.input.charCodeAt(state.position);
          continue;
        }
      }
      const _line = state.line;
      composeNode(state, nodeIndent, CONTEXT_BLOCK_IN, false, true);
      _result.push(state.result);
      skipSeparationSpace(state, true, -1);
      ch = state.input.charCodeAt(state.position);
      if ((state.line === _line || state.lineIndent > nodeIndent) && ch !== 0) {
        throwError(state, "bad indentation of a sequence entry");
      } else if (state.lineIndent < nodeIndent) {
        break;
      }
    }
    if (detected) {
      state.tag = _tag;
      state.anchor = _anchor;
      state.kind = "sequence";
      state.result = _result;
      return true;
    }
    return false;
  }
  function readBlockMapping(state, nodeIndent, flowIndent) {
    let allowCompact;
    let _keyLine;
    let _keyLineStart;
    let _keyPos;
    const _tag = state.tag;
    const _anchor = state.anchor;
    const _result = {};
    const overridableKeys = /* @__PURE__ */ Object.create(null);
    let keyTag = null;
    let keyNode = null;
    let valueNode = null;
    let atExplicitKey = false;
    let detected = false;
    if (state.firstTabInLine !== -1) return false;
    if (state.anchor !== null) {
      storeAnchor(state, state.anchor, _result);
    }
    let ch = state.input.charCodeAt(state.position);
    while (ch !== 0) {
      if (!atExplicitKey && state.firstTabInLine !== -1) {
        state.position = state.firstTabInLine;
        throwError(state, "tab characters must not be used in indentation");
      }
      const following = state.input.charCodeAt(state.position + 1);
      const _line = state.line;
      if ((ch === 63 || ch === 58) && isWsOrEol(following)) {
        if (ch === 63) {
          if (atExplicitKey) {
            storeMappingPair(state, _result, overridableKeys, keyTag, keyNode, null, _keyLine, _keyLineStart, _keyPos);
            keyTag = keyNode = valueNode = null;
          }
          detected = true;
          atExplicitKey = true;
          allowCompact = true;
        } else if (atExplicitKey) {
          atExplicitKey = false;
          allowCompact = true;
        } else {
          throwError(state, "incomplete explicit mapping pair; a key node is missed; or followed by a non-tabulated empty line");
        }
        state.position += 1;
        ch = following;
      } else {
        _keyLine = state.line;
        _keyLineStart = state.lineStart;
        _keyPos = state.position;
        if (!composeNode(state, flowIndent, CONTEXT_FLOW_OUT, false, true)) {
          break;
        }
        if (state.line === _line) {
          ch = state.input.charCodeAt(state.position);
          while (isWhiteSpace(ch)) {
            ch = state.input.charCodeAt(++state.position);
          }
          if (ch === 58) {
            ch = state.input.charCodeAt(++state.position);
            if (!isWsOrEol(ch)) {
              throwError(state, "a whitespace character is expected after the key-value separator within a block mapping");
            }
            if (atExplicitKey) {
              storeMappingPair(state, _result, overridableKeys, keyTag, keyNode, null, _keyLine, _keyLineStart, _keyPos);
              keyTag = keyNode = valueNode = null;
            }
            detected = true;
            atExplicitKey = false;
            allowCompact = false;
            keyTag = state.tag;
            keyNode = state.result;
          } else if (detected) {
            throwError(state, "can not read an implicit mapping pair; a colon is missed");
          } else {
            state.tag = _tag;
            state.anchor = _anchor;
            return true;
          }
        } else if (detected) {
          throwError(state, "can not read a block mapping entry; a multiline key may not be an implicit key");
        } else {
          state.tag = _tag;
          state.anchor = _anchor;
          return true;
        }
      }
      if (state.line === _line || state.lineIndent > nodeIndent) {
        if (atExplicitKey) {
          _keyLine = state.line;
          _keyLineStart = state.lineStart;
          _keyPos = state.position;
        }
        if (composeNode(state, nodeIndent, CONTEXT_BLOCK_OUT, true, allowCompact)) {
          if (atExplicitKey) {
            keyNode = state.result;
          } else {
            valueNode = state.result;
          }
        }
        if (!atExplicitKey) {
          storeMappingPair(state, _result, overridableKeys, keyTag, keyNode, valueNode, _keyLine, _keyLineStart, _keyPos);
          keyTag = keyNode = valueNode = null;
        }
        skipSeparationSpace(state, true, -1);
        ch = state.input.charCodeAt(state.position);
      }
      if ((state.line === _line || state.lineIndent > nodeIndent) && ch !== 0) {
        throwError(state, "bad indentation of a mapping entry");
      } else if (state.lineIndent < nodeIndent) {
        break;
      }
    }
    if (atExplicitKey) {
      storeMappingPair(state, _result, overridableKeys, keyTag, keyNode, null, _keyLine, _keyLineStart, _keyPos);
    }
    if (detected) {
      state.tag = _tag;
      state.anchor = _anchor;
      state.kind = "mapping";
      state.result = _result;
    }
    return detected;
  }
  function readTagProperty(state) {
    let isVerbatim = false;
    let isNamed = false;
    let tagHandle;
    let tagName;
    let ch = state.input.charCodeAt(state.position);
    if (ch !== 33) return false;
    if (state.tag !== null) {
      throwError(state, "duplication of a tag property");
    }
    ch = state.input.charCodeAt(++state.position);
    if (ch === 60) {
      isVerbatim = true;
      ch = state.input.charCodeAt(++state.position);
    } else if (ch === 33) {
      isNamed = true;
      tagHandle = "!!";
      ch = state.input.charCodeAt(++state.position);
    } else {
      tagHandle = "!";
    }
    let _position = state.position;
    if (isVerbatim) {
      do {
        ch = state.input.charCodeAt(++state.position);
      } while (ch !== 0 && ch !== 62);
      if (state.position < state.length) {
        tagName = state.input.slice(_position, state.position);
        ch = state.input.charCodeAt(++state.position);
      } else {
        throwError(state, "unexpected end of the stream within a verbatim tag");
      }
    } else {
      while (ch !== 0 && !isWsOrEol(ch)) {
        if (ch === 33) {
          if (!isNamed) {
            tagHandle = state.input.slice(_position - 1, state.position + 1);
            if (!PATTERN_TAG_HANDLE.test(tagHandle)) {
              throwError(state, "named tag handle cannot contain such characters");
            }
            isNamed = true;
            _position = state.position + 1;
          } else {
            throwError(state, "tag suffix cannot contain exclamation marks");
          }
        }
        ch = state.input.charCodeAt(++state.position);
      }
      tagName = state.input.slice(_position, state.position);
      if (PATTERN_FLOW_INDICATORS.test(tagName)) {
        throwError(state, "tag suffix cannot contain flow indicator characters");
      }
    }
    if (tagName && !PATTERN_TAG_URI.test(tagName)) {
      throwError(state, "tag name cannot contain such characters: " + tagName);
    }
    try {
      tagName = decodeURIComponent(tagName);
    } catch (err) {
      throwError(state, "tag name is malformed: " + tagName);
    }
    if (isVerbatim) {
      state.tag = tagName;
    } else if (_hasOwnProperty.call(state.tagMap, tagHandle)) {
      state.tag = state.tagMap[tagHandle] + tagName;
    } else if (tagHandle === "!") {
      state.tag = "!" + tagName;
    } else if (tagHandle === "!!") {
      state.tag = "tag:yaml.org,2002:" + tagName;
    } else {
      throwError(state, 'undeclared tag handle "' + tagHandle + '"');
    }
    return true;
  }
  function readAnchorProperty(state) {
    let ch = state.input.charCodeAt(state.position);
    if (ch !== 38) return false;
    if (state.anchor !== null) {
      throwError(state, "duplication of an anchor property");
    }
    ch = state.input.charCodeAt(++state.position);
    const _position = state.position;
    while (ch !== 0 && !isWsOrEol(ch) && !isFlowIndicator(ch)) {
      ch = state.input.charCodeAt(++state.position);
    }
    if (state.position === _position) {
      throwError(state, "name of an anchor node must contain at least one character");
    }
    state.anchor = state.input.slice(_position, state.position);
    return true;
  }
  function readAlias(state) {
    let ch = state.input.charCodeAt(state.position);
    if (ch !== 42) return false;
    ch = state.input.charCodeAt(++state.position);
    const _position = state.position;
    while (ch !== 0 && !isWsOrEol(ch) && !isFlowIndicator(ch)) {
      ch = state.input.charCodeAt(++state.position);
    }
    if (state.position === _position) {
      throwError(state, "name of an alias node must contain at least one character");
    }
    const alias = state.input.slice(_position, state.position);
    if (!_hasOwnProperty.call(state.anchorMap, alias)) {
      throwError(state, 'unidentified alias "' + alias + '"');
    }
    state.result = state.anchorMap[alias];
    skipSeparationSpace(state, true, -1);
    return true;
  }
  function tryReadBlockMappingFromProperty(state, propertyStart, nodeIndent, flowIndent) {
    const fallbackState = snapshotState(state);
    beginAnchorTransaction(state);
    restoreState(state, propertyStart);
    state.tag = null;
    state.anchor = null;
    state.kind = null;
    state.result = null;
    if (readBlockMapping(state, nodeIndent, flowIndent) && state.kind === "mapping") {
      commitAnchorTransaction(state);
      return true;
    }
    rollbackAnchorTransaction(state);
    restoreState(state, fallbackState);
    return false;
  }
  function composeNode(state, parentIndent, nodeContext, allowToSeek, allowCompact) {
    let allowBlockScalars;
    let allowBlockCollections;
    let indentStatus = 1;
    let atNewLine = false;
    let hasContent = false;
    let propertyStart = null;
    let type2;
    let flowIndent;
    let blockIndent;
    if (state.depth >= state.maxDepth) {
      throwError(state, "nesting exceeded maxDepth (" + state.maxDepth + ")");
    }
    state.depth += 1;
    if (state.listener !== null) {
      state.listener("open", state);
    }
    state.tag = null;
    state.anchor = null;
    state.kind = null;
    state.result = null;
    const allowBlockStyles = allowBlockScalars = allowBlockCollections = CONTEXT_BLOCK_OUT === nodeContext || CONTEXT_BLOCK_IN === nodeContext;
    if (allowToSeek) {
      if (skipSeparationSpace(state, true, -1)) {
        atNewLine = true;
        if (state.lineIndent > parentIndent) {
          indentStatus = 1;
        } else if (state.lineIndent === parentIndent) {
          indentStatus = 0;
        } else if (state.lineIndent < parentIndent) {
          indentStatus = -1;
        }
      }
    }
    if (indentStatus === 1) {
      while (true) {
        const ch = state.input.charCodeAt(state.position);
        const propertyState = snapshotState(state);
        if (atNewLine && (ch === 33 && state.tag !== null || ch === 38 && state.anchor !== null)) {
          break;
        }
        if (!readTagProperty(state) && !readAnchorProperty(state)) {
          break;
        }
        if (propertyStart === null) {
          propertyStart = propertyState;
        }
        if (skipSeparationSpace(state, true, -1)) {
          atNewLine = true;
          allowBlockCollections = allowBlockStyles;
          if (state.lineIndent > parentIndent) {
            indentStatus = 1;
          } else if (state.lineIndent === parentIndent) {
            indentStatus = 0;
          } else if (state.lineIndent < parentIndent) {
            indentStatus = -1;
          }
        } else {
          allowBlockCollections = false;
        }
      }
    }
    if (allowBlockCollections) {
      allowBlockCollections = atNewLine || allowCompact;
    }
    if (indentStatus === 1 || CONTEXT_BLOCK_OUT === nodeContext) {
      if (CONTEXT_FLOW_IN === nodeContext || CONTEXT_FLOW_OUT === nodeContext) {
        flowIndent = parentIndent;
      } else {
        flowIndent = parentIndent + 1;
      }
      blockIndent = state.position - state.lineStart;
      if (indentStatus === 1) {
        if (allowBlockCollections && (readBlockSequence(state, blockIndent) || readBlockMapping(state, blockIndent, flowIndent)) || readFlowCollection(state, flowIndent)) {
          hasContent = true;
        } else {
          const ch = state.input.charCodeAt(state.position);
          if (propertyStart !== null && allowBlockStyles && !allowBlockCollections && ch !== 124 && ch !== 62 && tryReadBlockMappingFromProperty(
            state,
            propertyStart,
            propertyStart.position - propertyStart.lineStart,
            flowIndent
          )) {
            hasContent = true;
          } else if (allowBlockScalars && readBlockScalar(state, flowIndent) || readSingleQuotedScalar(state, flowIndent) || readDoubleQuotedScalar(state, flowIndent)) {
            hasContent = true;
          } else if (readAlias(state)) {
            hasContent = true;
            if (state.tag !== null || state.anchor !== null) {
              throwError(state, "alias node should not have any properties");
            }
          } else if (readPlainScalar(state, flowIndent, CONTEXT_FLOW_IN === nodeContext)) {
            hasContent = true;
            if (state.tag === null) {
              state.tag = "?";
            }
          }
          if (state.anchor !== null) {
            storeAnchor(state, state.anchor, state.result);
          }
        }
      } else if (indentStatus === 0) {
        hasContent = allowBlockCollections && readBlockSequence(state, blockIndent);
      }
    }
    if (state.tag === null) {
      if (state.anchor !== null) {
        storeAnchor(state, state.anchor, state.result);
      }
    } else if (state.tag === "?") {
      if (state.result !== null && state.kind !== "scalar") {
        throwError(state, 'unacceptable node kind for !<?> tag; it should be "scalar", not "' + state.kind + '"');
      }
      for (let typeIndex = 0, typeQuantity = state.implicitTypes.length; typeIndex < typeQuantity; typeIndex += 1) {
        type2 = state.implicitTypes[typeIndex];
        if (type2.resolve(state.result)) {
          state.result = type2.construct(state.result);
          state.tag = type2.tag;
          if (state.anchor !== null) {
            storeAnchor(state, state.anchor, state.result);
          }
          break;
        }
      }
    } else if (state.tag !== "!") {
      if (_hasOwnProperty.call(state.typeMap[state.kind || "fallback"], state.tag)) {
        type2 = state.typeMap[state.kind || "fallback"][state.tag];
      } else {
        type2 = null;
        const typeList = state.typeMap.multi[state.kind || "fallback"];
        for (let typeIndex = 0, typeQuantity = typeList.length; typeIndex < typeQuantity; typeIndex += 1) {
          if (state.tag.slice(0, typeList[typeIndex].tag.length) === typeList[typeIndex].tag) {
            type2 = typeList[typeIndex];
            break;
          }
        }
      }
      if (!type2) {
        throwError(state, "unknown tag !<" + state.tag + ">");
      }
      if (state.result !== null && type2.kind !== state.kind) {
        throwError(state, "unacceptable node kind for !<" + state.tag + '> tag; it should be "' + type2.kind + '", not "' + state.kind + '"');
      }
      if (!type2.resolve(state.result, state.tag)) {
        throwError(state, "cannot resolve a node with !<" + state.tag + "> explicit tag");
      } else {
        state.result = type2.construct(state.result, state.tag);
        if (state.anchor !== null) {
          storeAnchor(state, state.anchor, state.result);
        }
      }
    }
    if (state.listener !== null) {
      state.listener("close", state);
    }
    state.depth -= 1;
    return state.tag !== null || state.anchor !== null || hasContent;
  }
  function readDocument(state) {
    const documentStart = state.position;
    let hasDirectives = false;
    let ch;
    state.version = null;
    state.checkLineBreaks = state.legacy;
    state.tagMap = /* @__PURE__ */ Object.create(null);
    state.anchorMap = /* @__PURE__ */ Object.create(null);
    while ((ch = state.input.charCodeAt(state.position)) !== 0) {
      skipSeparationSpace(state, true, -1);
      ch = state.input.charCodeAt(state.position);
      if (state.lineIndent > 0 || ch !== 37) {
        break;
      }
      hasDirectives = true;
      ch = state.input.charCodeAt(++state.position);
      let _position = state.position;
      while (ch !== 0 && !isWsOrEol(ch)) {
        ch = state.input.charCodeAt(++state.position);
      }
      const directiveName = state.input.slice(_position, state.position);
      const directiveArgs = [];
      if (directiveName.length < 1) {
        throwError(state, "directive name must not be less than one character in length");
      }
      while (ch !== 0) {
        while (isWhiteSpace(ch)) {
          ch = state.input.charCodeAt(++state.position);
        }
        if (ch === 35) {
          do {
            ch = state.input.charCodeAt(++state.position);
          } while (ch !== 0 && !isEol(ch));
          break;
        }
        if (isEol(ch)) break;
        _position = state.position;
        while (ch !== 0 && !isWsOrEol(ch)) {
          ch = state.input.charCodeAt(++state.position);
        }
        directiveArgs.push(state.input.slice(_position, state.position));
      }
      if (ch !== 0) readLineBreak(state);
      if (_hasOwnProperty.call(directiveHandlers, directiveName)) {
        directiveHandlers[directiveName](state, directiveName, directiveArgs);
      } else {
        throwWarning(state, 'unknown document directive "' + directiveName + '"');
      }
    }
    skipSeparationSpace(state, true, -1);
    if (state.lineIndent === 0 && state.input.charCodeAt(state.position) === 45 && state.input.charCodeAt(state.position + 1) === 45 && state.input.charCodeAt(state.position + 2) === 45) {
      state.position += 3;
      skipSeparationSpace(state, true, -1);
    } else if (hasDirectives) {
      throwError(state, "directives end mark is expected");
    }
    composeNode(state, state.lineIndent - 1, CONTEXT_BLOCK_OUT, false, true);
    skipSeparationSpace(state, true, -1);
    if (state.checkLineBreaks && PATTERN_NON_ASCII_LINE_BREAKS.test(state.input.slice(documentStart, state.position))) {
      throwWarning(state, "non-ASCII line breaks are interpreted as content");
    }
    state.documents.push(state.result);
    if (state.position === state.lineStart && testDocumentSeparator(state)) {
      if (state.input.charCodeAt(state.position) === 46) {
        state.position += 3;
        skipSeparationSpace(state, true, -1);
      }
      return;
    }
    if (state.position < state.length - 1) {
      throwError(state, "end of the stream or a document separator is expected");
    }
  }
  function loadDocuments(input, options) {
    input = String(input);
    options = options || {};
    if (input.length !== 0) {
      if (input.charCodeAt(input.length - 1) !== 10 && input.charCodeAt(input.length - 1) !== 13) {
        input += "\n";
      }
      if (input.charCodeAt(0) === 65279) {
        input = input.slice(1);
      }
    }
    const state = new State(input, options);
    const nullpos = input.indexOf("\0");
    if (nullpos !== -1) {
      state.position = nullpos;
      throwError(state, "null byte is not allowed in input");
    }
    state.input += "\0";
    while (state.input.charCodeAt(state.position) === 32) {
      state.lineIndent += 1;
      state.position += 1;
    }
    while (state.position < state.length - 1) {
      readDocument(state);
    }
    return state.documents;
  }
  function loadAll2(input, iterator, options) {
    if (iterator !== null && typeof iterator === "object" && typeof options === "undefined") {
      options = iterator;
      iterator = null;
    }
    const documents = loadDocuments(input, options);
    if (typeof iterator !== "function") {
      return documents;
    }
    for (let index = 0, length = documents.length; index < length; index += 1) {
      iterator(documents[index]);
    }
  }
  function load2(input, options) {
    const documents = loadDocuments(input, options);
    if (documents.length === 0) {
      return void 0;
    } else if (documents.length === 1) {
      return documents[0];
    }
    throw new YAMLException2("expected a single document in the stream, but found more");
  }
  loader.loadAll = loadAll2;
  loader.load = load2;
  return loader;
}
var dumper = {};
var hasRequiredDumper;
function requireDumper() {
  if (hasRequiredDumper) return dumper;
  hasRequiredDumper = 1;
  const common2 = requireCommon();
  const YAMLException2 = requireException();
  const DEFAULT_SCHEMA2 = require_default();
  const _toString = Object.prototype.toString;
  const _hasOwnProperty = Object.prototype.hasOwnProperty;
  const CHAR_BOM = 65279;
  const CHAR_TAB = 9;
  const CHAR_LINE_FEED = 10;
  const CHAR_CARRIAGE_RETURN = 13;
  const CHAR_SPACE = 32;
  const CHAR_EXCLAMATION = 33;
  const CHAR_DOUBLE_QUOTE = 34;
  const CHAR_SHARP = 35;
  const CHAR_PERCENT = 37;
  const CHAR_AMPERSAND = 38;
  const CHAR_SINGLE_QUOTE = 39;
  const CHAR_ASTERISK = 42;
  const CHAR_COMMA = 44;
  const CHAR_MINUS = 45;
  const CHAR_COLON = 58;
  const CHAR_EQUALS = 61;
  const CHAR_GREATER_THAN = 62;
  const CHAR_QUESTION = 63;
  const CHAR_COMMERCIAL_AT = 64;
  const CHAR_LEFT_SQUARE_BRACKET = 91;
  const CHAR_RIGHT_SQUARE_BRACKET = 93;
  const CHAR_GRAVE_ACCENT = 96;
  const CHAR_LEFT_CURLY_BRACKET = 123;
  const CHAR_VERTICAL_LINE = 124;
  const CHAR_RIGHT_CURLY_BRACKET = 125;
  const ESCAPE_SEQUENCES = {};
  ESCAPE_SEQUENCES[0] = "\\0";
  ESCAPE_SEQUENCES[7] = "\\a";
  ESCAPE_SEQUENCES[8] = "\\b";
  ESCAPE_SEQUENCES[9] = "\\t";
  ESCAPE_SEQUENCES[10] = "\\n";
  ESCAPE_SEQUENCES[11] = "\\v";
  ESCAPE_SEQUENCES[12] = "\\f";
  ESCAPE_SEQUENCES[13] = "\\r";
  ESCAPE_SEQUENCES[27] = "\\e";
  ESCAPE_SEQUENCES[34] = '\\"';
  ESCAPE_SEQUENCES[92] = "\\\\";
  ESCAPE_SEQUENCES[133] = "\\N";
  ESCAPE_SEQUENCES[160] = "\\_";
  ESCAPE_SEQUENCES[8232] = "\\L";
  ESCAPE_SEQUENCES[8233] = "\\P";
  const DEPRECATED_BOOLEANS_SYNTAX = [
    "y",
    "Y",
    "yes",
    "Yes",
    "YES",
    "on",
    "On",
    "ON",
    "n",
    "N",
    "no",
    "No",
    "NO",
    "off",
    "Off",
    "OFF"
  ];
  const DEPRECATED_BASE60_SYNTAX = /^[-+]?[0-9_]+(?::[0-9_]+)+(?:\.[0-9_]*)?$/;
  function compileStyleMap(schema2, map2) {
    if (map2 === null) return {};
    const result = {};
    const keys = Object.keys(map2);
    for (let index = 0, length = keys.length; index < length; index += 1) {
      let tag = keys[index];
      let style = String(map2[tag]);
      if (tag.slice(0, 2) === "!!") {
        tag = "tag:yaml.org,2002:" + tag.slice(2);
      }
      const type2 = schema2.compiledTypeMap["fallback"][tag];
      if (type2 && _hasOwnProperty.call(type2.styleAliases, style)) {
        style = type2.styleAliases[style];
      }
      result[tag] = style;
    }
    return result;
  }
  function encodeHex(character) {
    let handle;
    let length;
    const string = character.toString(16).toUpperCase();
    if (character <= 255) {
      handle = "x";
      length = 2;
    } else if (character <= 65535) {
      handle = "u";
      length = 4;
    } else if (character <= 4294967295) {
      handle = "U";
      length = 8;
    } else {
      throw new YAMLException2("code point within a string may not be greater than 0xFFFFFFFF");
    }
    return "\\" + handle + common2.repeat("0", length - string.length) + string;
  }
  const QUOTING_TYPE_SINGLE = 1;
  const QUOTING_TYPE_DOUBLE = 2;
  function State(options) {
    this.schema = options["schema"] || DEFAULT_SCHEMA2;
    this.indent = Math.max(1, options["indent"] || 2);
    this.noArrayIndent = options["noArrayIndent"] || false;
    this.skipInvalid = options["skipInvalid"] || false;
    this.flowLevel = common2.isNothing(options["flowLevel"]) ? -1 : options["flowLevel"];
    this.styleMap = compileStyleMap(this.schema, options["styles"] || null);
    this.sortKeys = options["sortKeys"] || false;
    this.lineWidth = options["lineWidth"] || 80;
    this.noRefs = options["noRefs"] || false;
    this.noCompatMode = options["noCompatMode"] || false;
    this.condenseFlow = options["condenseFlow"] || false;
    this.quotingType = options["quotingType"] === '"' ? QUOTING_TYPE_DOUBLE : QUOTING_TYPE_SINGLE;
    this.forceQuotes = options["forceQuotes"] || false;
    this.replacer = typeof options["replacer"] === "function" ? options["replacer"] : null;
    this.implicitTypes = this.schema.compiledImplicit;
    this.explicitTypes = this.schema.compiledExplicit;
    this.tag = null;
    this.result = "";
    this.duplicates = [];
    this.usedDuplicates = null;
  }
  function indentString(string, spaces) {
    const ind = common2.repeat(" ", spaces);
    let position = 0;
    let result = "";
    const length = string.length;
    while (position < length) {
      let line2;
      const next = string.indexOf("\n", position);
      if (next === -1) {
        line2 = string.slice(position);
        position = length;
      } else {
        line2 = string.slice(position, next + 1);
        position = next + 1;
      }
      if (line2.length && line2 !== "\n") result += ind;
      result += line2;
    }
    return result;
  }
  function generateNextLine(state, level) {
    return "\n" + common2.repeat(" ", state.indent * level);
  }
  function testImplicitResolving(state, str2) {
    for (let index = 0, length = state.implicitTypes.length; index < length; index += 1) {
      const type2 = state.implicitTypes[index];
      if (type2.resolve(str2)) {
        return true;
      }
    }
    return false;
  }
  function isWhitespace(c) {
    return c === CHAR_SPACE || c === CHAR_TAB;
  }
  function isPrintable(c) {
    return c >= 32 && c <= 126 || c >= 161 && c <= 55295 && c !== 8232 && c !== 8233 || c >= 57344 && c <= 65533 && c !== CHAR_BOM || c >= 65536 && c <= 1114111;
  }
  function isNsCharOrWhitespace(c) {
    return isPrintable(c) && c !== CHAR_BOM && // - b-char
    c !== CHAR_CARRIAGE_RETURN && c !== CHAR_LINE_FEED;
  }
  function isPlainSafe(c, prev, inblock) {
    const cIsNsCharOrWhitespace = isNsCharOrWhitespace(c);
    const cIsNsChar = cIsNsCharOrWhitespace && !isWhitespace(c);
    return (
      // ns-plain-safe
      (inblock ? cIsNsCharOrWhitespace : cIsNsCharOrWhitespace && // - c-flow-indicator
      c !== CHAR_COMMA && c !== CHAR_LEFT_SQUARE_BRACKET && c !== CHAR_RIGHT_SQUARE_BRACKET && c !== CHAR_LEFT_CURLY_BRACKET && c !== CHAR_RIGHT_CURLY_BRACKET) && // ns-plain-char
      c !== CHAR_SHARP && // false on '#'
      !(prev === CHAR_COLON && !cIsNsChar) || // false on ': '
      isNsCharOrWhitespace(prev) && !isWhitespace(prev) && c === CHAR_SHARP || // change to true on '[^ ]#'
      prev === CHAR_COLON && cIsNsChar
    );
  }
  function isPlainSafeFirst(c) {
    return isPrintable(c) && c !== CHAR_BOM && !isWhitespace(c) && // - s-white
    // - (c-indicator ::=
    // “-” | “?” | “:” | “,” | “[” | “]” | “{” | “}”
    c !== CHAR_MINUS && c !== CHAR_QUESTION && c !== CHAR_COLON && c !== CHAR_COMMA && c !== CHAR_LEFT_SQUARE_BRACKET && c !== CHAR_RIGHT_SQUARE_BRACKET && c !== CHAR_LEFT_CURLY_BRACKET && c !== CHAR_RIGHT_CURLY_BRACKET && // | “#” | “&” | “*” | “!” | “|” | “=” | “>” | “'” | “"”
    c !== CHAR_SHARP && c !== CHAR_AMPERSAND && c !== CHAR_ASTERISK && c !== CHAR_EXCLAMATION && c !== CHAR_VERTICAL_LINE && c !== CHAR_EQUALS && c !== CHAR_GREATER_THAN && c !== CHAR_SINGLE_QUOTE && c !== CHAR_DOUBLE_QUOTE && // | “%” | “@” | “`”)
    c !== CHAR_PERCENT && c !== CHAR_COMMERCIAL_AT && c !== CHAR_GRAVE_ACCENT;
  }
  function isPlainSafeLast(c) {
    return !isWhitespace(c) && c !== CHAR_COLON;
  }
  function codePointAt(string, pos) {
    const first = string.charCodeAt(pos);
    let second;
    if (first >= 55296 && first <= 56319 && pos + 1 < string.length) {
      second = string.charCodeAt(pos + 1);
      if (second >= 56320 && second <= 57343) {
        return (first - 55296) * 1024 + second - 56320 + 65536;
      }
    }
    return first;
  }
  function needIndentIndicator(string) {
    const leadingSpaceRe = /^\n* /;
    return leadingSpaceRe.test(string);
  }
  const STYLE_PLAIN = 1;
  const STYLE_SINGLE = 2;
  const STYLE_LITERAL = 3;
  const STYLE_FOLDED = 4;
  const STYLE_DOUBLE = 5;
  function chooseScalarStyle(string, singleLineOnly, indentPerLevel, lineWidth, testAmbiguousType, quotingType, forceQuotes, inblock) {
    let i;
    let char = 0;
    let prevChar = null;
    let hasLineBreak = false;
    let hasFoldableLine = false;
    const shouldTrackWidth = lineWidth !== -1;
    let previousLineBreak = -1;
    let plain = isPlainSafeFirst(codePointAt(string, 0)) && isPlainSafeLast(codePointAt(string, string.length - 1));
    if (singleLineOnly || forceQuotes) {
      for (i = 0; i < string.length; char >= 65536 ? i += 2 : i++) {
        char = codePointAt(string, i);
        if (!isPrintable(char)) {
          return STYLE_DOUBLE;
        }
        plain = plain && isPlainSafe(char, prevChar, inblock);
        prevChar = char;
      }
    } else {
      for (i = 0; i < string.length; char >= 65536 ? i += 2 : i++) {
        char = codePointAt(string, i);
        if (char === CHAR_LINE_FEED) {
          hasLineBreak = true;
          if (shouldTrackWidth) {
            hasFoldableLine = hasFoldableLine || // Foldable line = too long, and not more-indented.
            i - previousLineBreak - 1 > lineWidth && string[previousLineBreak + 1] !== " ";
            previousLineBreak = i;
          }
        } else if (!isPrintable(char)) {
          return STYLE_DOUBLE;
        }
        plain = plain && isPlainSafe(char, prevChar, inblock);
        prevChar = char;
      }
      hasFoldableLine = hasFoldableLine || shouldTrackWidth && (i - previousLineBreak - 1 > lineWidth && string[previousLineBreak + 1] !== " ");
    }
    if (!hasLineBreak && !hasFoldableLine) {
      if (plain && !forceQuotes && !testAmbiguousType(string)) {
        return STYLE_PLAIN;
      }
      return quotingType === QUOTING_TYPE_DOUBLE ? STYLE_DOUBLE : STYLE_SINGLE;
    }
    if (indentPerLevel > 9 && needIndentIndicator(string)) {
      return STYLE_DOUBLE;
    }
    if (!forceQuotes) {
      return hasFoldableLine ? STYLE_FOLDED : STYLE_LITERAL;
    }
    return quotingType === QUOTING_TYPE_DOUBLE ? STYLE_DOUBLE : STYLE_SINGLE;
  }
  function writeScalar(state, string, level, iskey, inblock) {
    state.dump = (function() {
      if (string.length === 0) {
        return state.quotingType === QUOTING_TYPE_DOUBLE ? '""' : "''";
      }
      if (!state.noCompatMode) {
        if (DEPRECATED_BOOLEANS_SYNTAX.indexOf(string) !== -1 || DEPRECATED_BASE60_SYNTAX.test(string)) {
          return state.quotingType === QUOTING_TYPE_DOUBLE ? '"' + string + '"' : "'" + string + "'";
        }
      }
      const indent = state.indent * Math.max(1, level);
      const lineWidth = state.lineWidth === -1 ? -1 : Math.max(Math.min(state.lineWidth, 40), state.lineWidth - indent);
      const singleLineOnly = iskey || // No block styles in flow mode.
      state.flowLevel > -1 && level >= state.flowLevel;
      function testAmbiguity(string2) {
        return testImplicitResolving(state, string2);
      }
      switch (chooseScalarStyle(
        string,
        singleLineOnly,
        state.indent,
        lineWidth,
        testAmbiguity,
        state.quotingType,
        state.forceQuotes && !iskey,
        inblock
      )) {
        case STYLE_PLAIN:
          return string;
        case STYLE_SINGLE:
          return "'" + string.replace(/'/g, "''") + "'";
        case STYLE_LITERAL:
          return "|" + blockHeader(string, state.indent) + dropEndingNewline(indentString(string, indent));
        case STYLE_FOLDED:
          return ">" + blockHeader(string, state.indent) + dropEndingNewline(indentString(foldString(string, lineWidth), indent));
        case STYLE_DOUBLE:
          return '"' + escapeString(string) + '"';
        default:
          throw new YAMLException2("impossible error: invalid scalar style");
      }
    })();
  }
  function blockHeader(string, indentPerLevel) {
    const indentIndicator = needIndentIndicator(string) ? String(indentPerLevel) : "";
    const clip2 = string[string.length - 1] === "\n";
    const keep = clip2 && (string[string.length - 2] === "\n" || string === "\n");
    const chomp = keep ? "+" : clip2 ? "" : "-";
    return indentIndicator + chomp + "\n";
  }
  function dropEndingNewline(string) {
    return string[string.length - 1] === "\n" ? string.slice(0, -1) : string;
  }
  function foldString(string, width) {
    const lineRe = /(\n+)([^\n]*)/g;
    let result = (function() {
      let nextLF = string.indexOf("\n");
      nextLF = nextLF !== -1 ? nextLF : string.length;
      lineRe.lastIndex = nextLF;
      return foldLine(string.slice(0, nextLF), width);
    })();
    let prevMoreIndented = string[0] === "\n" || string[0] === " ";
    let moreIndented;
    let match;
    while (match = lineRe.exec(string)) {
      const prefix = match[1];
      const line2 = match[2];
      moreIndented = line2[0] === " ";
      result += prefix + (!prevMoreIndented && !moreIndented && line2 !== "" ? "\n" : "") + foldLine(line2, width);
      prevMoreIndented = moreIndented;
    }
    return result;
  }
  function foldLine(line2, width) {
    if (line2 === "" || line2[0] === " ") return line2;
    const breakRe = / [^ ]/g;
    let match;
    let start = 0;
    let end;
    let curr = 0;
    let next = 0;
    let result = "";
    while (match = breakRe.exec(line2)) {
      next = match.index;
      if (next - start > width) {
        end = curr > start ? curr : next;
        result += "\n" + line2.slice(start, end);
        start = end + 1;
      }
      curr = next;
    }
    result += "\n";
    if (line2.length - start > width && curr > start) {
      result += line2.slice(start, curr) + "\n" + line2.slice(curr + 1);
    } else {
      result += line2.slice(start);
    }
    return result.slice(1);
  }
  function escapeString(string) {
    let result = "";
    let char = 0;
    for (let i = 0; i < string.length; char >= 65536 ? i += 2 : i++) {
      char = codePointAt(string, i);
      const escapeSeq = ESCAPE_SEQUENCES[char];
      if (!escapeSeq && isPrintable(char)) {
        result += string[i];
        if (char >= 65536) result += string[i + 1];
      } else {
        result += escapeSeq || encodeHex(char);
      }
    }
    return result;
  }
  function writeFlowSequence(state, level, object) {
    let _result = "";
    const _tag = state.tag;
    for (let index = 0, length = object.length; index < length; index += 1) {
      let value = object[index];
      if (state.replacer) {
        value = state.replacer.call(object, String(index), value);
      }
      if (writeNode(state, level, value, false, false) || typeof value === "undefined" && writeNode(state, level, null, false, false)) {
        if (_result !== "") _result += "," + (!state.condenseFlow ? " " : "");
        _result += state.dump;
      }
    }
    state.tag = _tag;
    state.dump = "[" + _result + "]";
  }
  function writeBlockSequence(state, level, object, compact) {
    let _result = "";
    const _tag = state.tag;
    for (let index = 0, length = object.length; index < length; index += 1) {
      let value = object[index];
      if (state.replacer) {
        value = state.replacer.call(object, String(index), value);
      }
      if (writeNode(state, level + 1, value, true, true, false, true) || typeof value === "undefined" && writeNode(state, level + 1, null, true, true, false, true)) {
        if (!compact || _result !== "") {
          _result += generateNextLine(state, level);
        }
        if (state.dump && CHAR_LINE_FEED === state.dump.charCodeAt(0)) {
          _result += "-";
        } else {
          _result += "- ";
        }
        _result += state.dump;
      }
    }
    state.tag = _tag;
    state.dump = _result || "[]";
  }
  function writeFlowMapping(state, level, object) {
    let _result = "";
    const _tag = state.tag;
    const objectKeyList = Object.keys(object);
    for (let index = 0, length = objectKeyList.length; index < length; index += 1) {
      let pairBuffer = "";
      if (_result !== "") pairBuffer += ", ";
      if (state.condenseFlow) pairBuffer += '"';
      const objectKey = objectKeyList[index];
      let objectValue = object[objectKey];
      if (state.replacer) {
        objectValue = state.replacer.call(object, objectKey, objectValue);
      }
      if (!writeNode(state, level, objectKey, false, false)) {
        continue;
      }
      if (state.dump.length > 1024) pairBuffer += "? ";
      pairBuffer += state.dump + (state.condenseFlow ? '"' : "") + ":" + (state.condenseFlow ? "" : " ");
      if (!writeNode(state, level, objectValue, false, false)) {
        continue;
      }
      pairBuffer += state.dump;
      _result += pairBuffer;
    }
    state.tag = _tag;
    state.dump = "{" + _result + "}";
  }
  function writeBlockMapping(state, level, object, compact) {
    let _result = "";
    const _tag = state.tag;
    const objectKeyList = Object.keys(object);
    if (state.sortKeys === true) {
      objectKeyList.sort();
    } else if (typeof state.sortKeys === "function") {
      objectKeyList.sort(state.sortKeys);
    } else if (state.sortKeys) {
      throw new YAMLException2("sortKeys must be a boolean or a function");
    }
    for (let index = 0, length = objectKeyList.length; index < length; index += 1) {
      let pairBuffer = "";
      if (!compact || _result !== "") {
        pairBuffer += generateNextLine(state, level);
      }
      const objectKey = objectKeyList[index];
      let objectValue = object[objectKey];
      if (state.replacer) {
        objectValue = state.replacer.call(object, objectKey, objectValue);
      }
      if (!writeNode(state, level + 1, objectKey, true, true, true)) {
        continue;
      }
      const explicitPair = state.tag !== null && state.tag !== "?" || state.dump && state.dump.length > 1024;
      if (explicitPair) {
        if (state.dump && CHAR_LINE_FEED === state.dump.charCodeAt(0)) {
          pairBuffer += "?";
        } else {
          pairBuffer += "? ";
        }
      }
      pairBuffer += state.dump;
      if (explicitPair) {
        pairBuffer += generateNextLine(state, level);
      }
      if (!writeNode(state, level + 1, objectValue, true, explicitPair)) {
        continue;
      }
      if (state.dump && CHAR_LINE_FEED === state.dump.charCodeAt(0)) {
        pairBuffer += ":";
      } else {
        pairBuffer += ": ";
      }
      pairBuffer += state.dump;
      _result += pairBuffer;
    }
    state.tag = _tag;
    state.dump = _result || "{}";
  }
  function detectType(state, object, explicit) {
    const typeList = explicit ? state.explicitTypes : state.implicitTypes;
    for (let index = 0, length = typeList.length; index < length; index += 1) {
      const type2 = typeList[index];
      if ((type2.instanceOf || type2.predicate) && (!type2.instanceOf || typeof object === "object" && object instanceof type2.instanceOf) && (!type2.predicate || type2.predicate(object))) {
        if (explicit) {
          if (type2.multi && type2.representName) {
            state.tag = type2.representName(object);
          } else {
            state.tag = type2.tag;
          }
        } else {
          state.tag = "?";
        }
        if (type2.represent) {
          const style = state.styleMap[type2.tag] || type2.defaultStyle;
          let _result;
          if (_toString.call(type2.represent) === "[object Function]") {
            _result = type2.represent(object, style);
          } else if (_hasOwnProperty.call(type2.represent, style)) {
            _result = type2.represent[style](object, style);
          } else {
            throw new YAMLException2("!<" + type2.tag + '> tag resolver accepts not "' + style + '" style');
          }
          state.dump = _result;
        }
        return true;
      }
    }
    return false;
  }
  function writeNode(state, level, object, block, compact, iskey, isblockseq) {
    state.tag = null;
    state.dump = object;
    if (!detectType(state, object, false)) {
      detectType(state, object, true);
    }
    const type2 = _toString.call(state.dump);
    const inblock = block;
    if (block) {
      block = state.flowLevel < 0 || state.flowLevel > level;
    }
    const objectOrArray = type2 === "[object Object]" || type2 === "[object Array]";
    let duplicateIndex;
    let duplicate;
    if (objectOrArray) {
      duplicateIndex = state.duplicates.indexOf(object);
      duplicate = duplicateIndex !== -1;
    }
    if (state.tag !== null && state.tag !== "?" || duplicate || state.indent !== 2 && level > 0) {
      compact = false;
    }
    if (duplicate && state.usedDuplicates[duplicateIndex]) {
      state.dump = "*ref_" + duplicateIndex;
    } else {
      if (objectOrArray && duplicate && !state.usedDuplicates[duplicateIndex]) {
        state.usedDuplicates[duplicateIndex] = true;
      }
      if (type2 === "[object Object]") {
        if (block && Object.keys(state.dump).length !== 0) {
          writeBlockMapping(state, level, state.dump, compact);
          if (duplicate) {
            state.dump = "&ref_" + duplicateIndex + state.dump;
          }
        } else {
          writeFlowMapping(state, level, state.dump);
          if (duplicate) {
            state.dump = "&ref_" + duplicateIndex + " " + state.dump;
          }
        }
      } else if (type2 === "[object Array]") {
        if (block && state.dump.length !== 0) {
          if (state.noArrayIndent && !isblockseq && level > 0) {
            writeBlockSequence(state, level - 1, state.dump, compact);
          } else {
            writeBlockSequence(state, level, state.dump, compact);
          }
          if (duplicate) {
            state.dump = "&ref_" + duplicateIndex + state.dump;
          }
        } else {
          writeFlowSequence(state, level, state.dump);
          if (duplicate) {
            state.dump = "&ref_" + duplicateIndex + " " + state.dump;
          }
        }
      } else if (type2 === "[object String]") {
        if (state.tag !== "?") {
          writeScalar(state, state.dump, level, iskey, inblock);
        }
      } else if (type2 === "[object Undefined]") {
        return false;
      } else {
        if (state.skipInvalid) return false;
        throw new YAMLException2("unacceptable kind of an object to dump " + type2);
      }
      if (state.tag !== null && state.tag !== "?") {
        let tagStr = encodeURI(
          state.tag[0] === "!" ? state.tag.slice(1) : state.tag
        ).replace(/!/g, "%21");
        if (state.tag[0] === "!") {
          tagStr = "!" + tagStr;
        } else if (tagStr.slice(0, 18) === "tag:yaml.org,2002:") {
          tagStr = "!!" + tagStr.slice(18);
        } else {
          tagStr = "!<" + tagStr + ">";
        }
        state.dump = tagStr + " " + state.dump;
      }
    }
    return true;
  }
  function getDuplicateReferences(object, state) {
    const objects = [];
    const duplicatesIndexes = [];
    inspectNode(object, objects, duplicatesIndexes);
    const length = duplicatesIndexes.length;
    for (let index = 0; index < length; index += 1) {
      state.duplicates.push(objects[duplicatesIndexes[index]]);
    }
    state.usedDuplicates = new Array(length);
  }
  function inspectNode(object, objects, duplicatesIndexes) {
    if (object !== null && typeof object === "object") {
      const index = objects.indexOf(object);
      if (index !== -1) {
        if (duplicatesIndexes.indexOf(index) === -1) {
          duplicatesIndexes.push(index);
        }
      } else {
        objects.push(object);
        if (Array.isArray(object)) {
          for (let i = 0, length = object.length; i < length; i += 1) {
            inspectNode(object[i], objects, duplicatesIndexes);
          }
        } else {
          const objectKeyList = Object.keys(object);
          for (let i = 0, length = objectKeyList.length; i < length; i += 1) {
            inspectNode(object[objectKeyList[i]], objects, duplicatesIndexes);
          }
        }
      }
    }
  }
  function dump2(input, options) {
    options = options || {};
    const state = new State(options);
    if (!state.noRefs) getDuplicateReferences(input, state);
    let value = input;
    if (state.replacer) {
      value = state.replacer.call({ "": value }, "", value);
    }
    if (writeNode(state, 0, value, true, true)) return state.dump + "\n";
    return "";
  }
  dumper.dump = dump2;
  return dumper;
}
var hasRequiredJsYaml;
function requireJsYaml() {
  if (hasRequiredJsYaml) return jsYaml;
  hasRequiredJsYaml = 1;
  const loader2 = requireLoader();
  const dumper2 = requireDumper();
  function renamed(from, to) {
    return function() {
      throw new Error("Function yaml." + from + " is removed in js-yaml 4. Use yaml." + to + " instead, which is now safe by default.");
    };
  }
  jsYaml.Type = requireType();
  jsYaml.Schema = requireSchema();
  jsYaml.FAILSAFE_SCHEMA = requireFailsafe();
  jsYaml.JSON_SCHEMA = requireJson();
  jsYaml.CORE_SCHEMA = requireCore();
  jsYaml.DEFAULT_SCHEMA = require_default();
  jsYaml.load = loader2.load;
  jsYaml.loadAll = loader2.loadAll;
  jsYaml.dump = dumper2.dump;
  jsYaml.YAMLException = requireException();
  jsYaml.types = {
    binary: requireBinary(),
    float: requireFloat(),
    map: requireMap(),
    null: require_null(),
    pairs: requirePairs(),
    set: requireSet(),
    timestamp: requireTimestamp(),
    bool: requireBool(),
    int: requireInt(),
    merge: requireMerge(),
    omap: requireOmap(),
    seq: requireSeq(),
    str: requireStr()
  };
  jsYaml.safeLoad = renamed("safeLoad", "load");
  jsYaml.safeLoadAll = renamed("safeLoadAll", "loadAll");
  jsYaml.safeDump = renamed("safeDump", "dump");
  return jsYaml;
}
var jsYamlExports = requireJsYaml();
var yaml = /* @__PURE__ */ getDefaultExportFromCjs(jsYamlExports);
var {
  Type,
  Schema,
  FAILSAFE_SCHEMA,
  JSON_SCHEMA,
  CORE_SCHEMA,
  DEFAULT_SCHEMA,
  load,
  loadAll,
  dump,
  YAMLException,
  types,
  safeLoad,
  safeLoadAll,
  safeDump
} = yaml;

// generator/runtime/redact-render.ts
function runTagger(key = randomBytes2(32)) {
  return (value) => `<redacted ${createHmac("sha256", key).update(value).digest("hex").slice(0, 12)}>`;
}
var isMap = (n) => typeof n === "object" && n !== null && !Array.isArray(n);
var text = (v) => typeof v === "string" ? v : JSON.stringify(v) ?? String(v);
function redactSecret(secret, tag) {
  for (const field of ["data", "stringData"]) {
    if (!(field in secret)) continue;
    const v = secret[field];
    if (isMap(v)) for (const k of Object.keys(v)) v[k] = tag(text(v[k]));
    else if (v !== null && v !== void 0) secret[field] = tag(text(v));
  }
}
function walk(n, tag, counts, inSecretList = false) {
  if (Array.isArray(n)) {
    for (const x of n) walk(x, tag, counts, inSecretList);
    return;
  }
  if (!isMap(n)) return;
  if (n.kind === "Secret" || inSecretList && (n.kind === void 0 || n.kind === "Secret")) {
    redactSecret(n, tag);
    counts.secrets++;
  }
  for (const [k, v] of Object.entries(n)) walk(v, tag, counts, k === "items" && n.kind === "SecretList");
}
var SEPARATOR = /^(?=---(?:[ \t].*)?$)/m;
var LEADING_COMMENTS = /^(?:---[^\n]*\n)?(?:[ \t]*(?:#[^\n]*)?\n)*/;
function redactDocument(chunk, tag, counts) {
  let doc;
  try {
    doc = yaml.load(chunk, { schema: yaml.CORE_SCHEMA });
  } catch {
    counts.unreadable++;
    const head = /^---[^\n]*\n/.exec(chunk)?.[0] ?? "";
    return `${head}# opsta: not valid YAML, so replaced whole: ${tag(chunk)}
`;
  }
  const before = counts.secrets;
  walk(doc, tag, counts);
  if (counts.secrets === before) return chunk;
  const lead = LEADING_COMMENTS.exec(chunk)?.[0] ?? "";
  return `${lead}${yaml.dump(doc, { schema: yaml.CORE_SCHEMA, lineWidth: -1, noRefs: true, sortKeys: false })}`;
}
function redactRender(rendered, tag) {
  const counts = { secrets: 0, unreadable: 0 };
  if (rendered.trim() === "") return { text: rendered, counts };
  const out = rendered.split(SEPARATOR).map((chunk) => redactDocument(chunk, tag, counts));
  return { text: out.join(""), counts };
}
async function redactRenderCommand(argv, io) {
  const f = parseFlags(argv, ["base", "head"], "redact-render");
  const tag = runTagger();
  const report = [];
  for (const which of ["base", "head"]) {
    const path = required(f, which, "redact-render");
    let rendered;
    try {
      rendered = readFileSync5(path, "utf8");
    } catch (e) {
      throw new UsageError(`redact-render: cannot read --${which} ${path} (${e.code ?? "error"}); pass the file helmfile template wrote`);
    }
    const { text: redacted, counts } = redactRender(rendered, tag);
    writeFileSync(path, redacted);
    report.push(`${which}: ${counts.secrets} Secret(s) redacted${counts.unreadable ? `, ${counts.unreadable} document(s) not valid YAML replaced whole` : ""}`);
  }
  io.stdout(`${report.join("; ")}
`);
  return 0;
}

// generator/runtime/revert.ts
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join as join4 } from "node:path";

// generator/runtime/reviewed-plan.ts
async function mergedPullOf(gh, r, sha, base) {
  const pulls = await gh.paginate(`${repoPath(r)}/commits/${encodeURIComponent(sha)}/pulls${query({ per_page: 100 })}`);
  const merged = pulls.filter((p) => p.merged_at);
  const mine = merged.find((p) => p.merge_commit_sha === sha && (base === void 0 || p.base.ref === base));
  const others = merged.filter((p) => p !== mine).map((p) => p.number);
  return mine ? { pull: { number: mine.number, title: mine.title, headSha: mine.head.sha }, others } : { others };
}
var PLAN_ARTIFACT_PREFIX = "opsta-plan-";
var FINISHED = /* @__PURE__ */ new Set(["success", "failure"]);
async function reviewedPlanRun(gh, r, pull, workflow) {
  const runs = await gh.paginate(`${repoPath(r)}/actions/workflows/${encodeURIComponent(workflow)}/runs${query({ head_sha: pull.headSha, event: "pull_request", status: "completed", per_page: 100 })}`, "workflow_runs");
  const candidates = runs.filter(
    (x) => x.head_sha === pull.headSha && x.event === "pull_request" && x.status === "completed" && FINISHED.has(x.conclusion ?? "") && // A run GitHub ties to other pull requests (the same head opened against another base) is theirs;
    // none listed is a fork's run or a closed pull request's, and counts.
    (!x.pull_requests?.length || x.pull_requests.some((p) => p.number === pull.number))
  );
  const when = (x) => Date.parse(x.run_started_at ?? x.created_at);
  candidates.sort((a, b) => when(b) - when(a) || b.id - a.id);
  const passedOver = [];
  for (const c of candidates) {
    const artifacts = await gh.paginate(`${repoPath(r)}/actions/runs/${c.id}/artifacts${query({ per_page: 100 })}`, "artifacts");
    const plans = artifacts.filter((a) => a.name.startsWith(PLAN_ARTIFACT_PREFIX) && a.name.length > PLAN_ARTIFACT_PREFIX.length);
    const live = plans.filter((a) => !a.expired);
    if (live.length === 0) {
      passedOver.push({ id: c.id, why: plans.length ? "expired" : "no-plans" });
      continue;
    }
    const stages = [...new Set(live.map((a) => a.name.slice(PLAN_ARTIFACT_PREFIX.length)))].sort();
    return { run: { id: c.id, attempt: c.run_attempt ?? 1, conclusion: c.conclusion, url: c.html_url, stages }, ignored: runs.length - 1, passedOver };
  }
  return { ignored: runs.length, passedOver };
}

// generator/runtime/revert.ts
var revertBranch = (sha) => `opsta/revert-${sha.slice(0, 12)}`;
function pushRevertBranch(o) {
  const env = { ...process.env, ...o.gitEnv, GIT_TERMINAL_PROMPT: "0" };
  const git = (args, cwd = o.cwd) => runOk("git", args, { cwd, env });
  if (run("git", ["cat-file", "-e", `${o.sha}^1`], { cwd: o.cwd, env }).code !== 0) git(["fetch", "--quiet", "--no-tags", "--depth=2", o.remote, o.sha]);
  const parents = git(["rev-list", "--parents", "-n", "1", o.sha]).trim().split(" ").length - 1;
  const date = git(["show", "-s", "--format=%cI", o.sha]).trim();
  const dir = mkdtempSync(join4(tmpdir(), "opsta-revert-"));
  const branch = revertBranch(o.sha);
  try {
    git(["worktree", "add", "--quiet", "--detach", dir, o.sha]);
    const revertEnv = { ...env, GIT_AUTHOR_NAME: "opsta", GIT_AUTHOR_EMAIL: "opsta@users.noreply.github.com", GIT_COMMITTER_NAME: "opsta", GIT_COMMITTER_EMAIL: "opsta@users.noreply.github.com", GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date };
    const r = run("git", ["revert", "--no-edit", ...parents > 1 ? ["-m", "1"] : [], o.sha], { cwd: dir, env: revertEnv });
    if (r.code !== 0) throw new CheckFailed(`git revert ${o.sha.slice(0, 12)} does not apply cleanly (${r.stderr.trim().split("\n").pop()}); revert the merge by hand`);
    const commit = git(["rev-parse", "HEAD"], dir).trim();
    git(["push", "--quiet", "--force", o.remote, `${commit}:refs/heads/${branch}`], dir);
    return { branch, commit };
  } finally {
    run("git", ["worktree", "remove", "--force", dir], { cwd: o.cwd, env });
    rmSync(dir, { recursive: true, force: true });
  }
}
function planTheRevert(branch) {
  return `**No plan has run on this pull request yet.** GitHub starts no workflow for a pull request opened with the workflow token (\`GITHUB_TOKEN\`), so \`plan.yml\` has not planned this revert, and merged as it is, the apply finds no reviewed plan and stops every stage it changes as unreviewed. To plan it, close this pull request and reopen it, or push a commit to its branch ${mdCode(branch)} (for example \`git commit --allow-empty -m "Plan the revert"\` and \`git push\`): \`plan.yml\` then runs, and its comment shows what the revert would do. Merge only after that plan is reviewed.`;
}
function revertPullRequestBody(p, source) {
  return [
    `Stage ${mdCode(p.stage)} failed while applying ${mdCode(p.sha.slice(0, 12))}${source ? ` (merged from #${source.number})` : ""}${p.runUrl ? ` in [this run](${p.runUrl})` : ""}.`,
    "",
    planTheRevert(p.branch),
    "",
    "This pull request reverts that merge. **Terraform has no undo**: merging it plans and applies the previous configuration on top of whatever the failed apply left behind. Resources the failed apply already destroyed do not come back with their data. Review its plan like any other change, or close it and fix forward.",
    "",
    source ? "" : `_The merged pull request could not be found; ${mdText(p.sha)} is the commit reverted._`
  ].join("\n");
}
async function openRevertPullRequest(gh, r, p) {
  const open = await gh.request("GET", `${repoPath(r)}/pulls${query({ state: "open", head: `${r.owner}:${p.branch}`, per_page: 10 })}`);
  if (open.data[0]) return { number: open.data[0].number, url: open.data[0].html_url, created: false };
  const source = (await mergedPullOf(gh, r, p.sha, p.base).catch(() => void 0))?.pull;
  const title = source ? `Revert "${source.title}"` : `Revert ${p.sha.slice(0, 12)}`;
  const body = revertPullRequestBody(p, source);
  const { data } = await gh.request("POST", `${repoPath(r)}/pulls`, { title: title.slice(0, 250), head: p.branch, base: p.base, body, maintainer_can_modify: true });
  return { number: data.number, url: data.html_url, created: true };
}

// generator/runtime/status-branch.ts
import { mkdtempSync as mkdtempSync2, rmSync as rmSync2 } from "node:fs";
import { tmpdir as tmpdir2 } from "node:os";
import { join as join5 } from "node:path";

// generator/runtime/status-log.ts
var EVENT_TYPES = ["deploy", "health", "drift", "destroy"];
var NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;
function parseEvent(json3, defaults) {
  if (typeof json3 !== "object" || json3 === null || Array.isArray(json3)) throw new UsageError('--event must be a JSON object like {"type":"deploy","environment":"prod","status":"success"}');
  const e = json3;
  if (!EVENT_TYPES.includes(e.type)) throw new UsageError(`--event: "type" must be one of ${EVENT_TYPES.join(", ")}`);
  if (typeof e.environment !== "string" || !NAME.test(e.environment)) throw new UsageError('--event: "environment" must be a name (letters, digits, . _ -)');
  if (typeof e.status !== "string" || !NAME.test(e.status)) throw new UsageError('--event: "status" must be a word like success, failure, drifted');
  if (e.id !== void 0 && (typeof e.id !== "string" || !NAME.test(e.id))) throw new UsageError('--event: "id" must be a name (letters, digits, . _ -)');
  if (e.at !== void 0 && (typeof e.at !== "string" || Number.isNaN(Date.parse(e.at)))) throw new UsageError('--event: "at" must be an ISO 8601 time');
  return { ...defaults.sha ? { sha: defaults.sha } : {}, ...defaults.runId ? { runId: defaults.runId } : {}, ...e, id: e.id ?? defaults.id, at: e.at ?? defaults.at };
}
function emptyStatus() {
  return { version: 1, environments: {} };
}
function parseStatus(text2) {
  if (text2 === void 0) return emptyStatus();
  const j = JSON.parse(text2);
  if (j?.version !== 1 || typeof j.environments !== "object" || j.environments === null) throw new UsageError("status.json on the status branch is not an Opsta status file (version 1)");
  return j;
}
function historyIds(history) {
  const ids = /* @__PURE__ */ new Set();
  for (const line2 of history.split("\n")) {
    if (!line2.trim()) continue;
    try {
      const id = JSON.parse(line2).id;
      if (typeof id === "string") ids.add(id);
    } catch {
    }
  }
  return ids;
}
function applyEvent(statusText, historyText, event) {
  const history = historyText ?? "";
  const status = parseStatus(statusText);
  if (historyIds(history).has(event.id)) return { status: statusText ?? `${JSON.stringify(status, null, 2)}
`, history, added: false };
  const env = status.environments[event.environment] ??= {};
  const prev = env[event.type];
  if (!prev || Date.parse(prev.at) <= Date.parse(event.at)) env[event.type] = event;
  const sep = history === "" || history.endsWith("\n") ? "" : "\n";
  return { status: `${JSON.stringify(status, null, 2)}
`, history: `${history}${sep}${JSON.stringify(event)}
`, added: true };
}

// generator/runtime/status-branch.ts
var IDENTITY = { GIT_AUTHOR_NAME: "opsta", GIT_AUTHOR_EMAIL: "opsta@users.noreply.github.com", GIT_COMMITTER_NAME: "opsta", GIT_COMMITTER_EMAIL: "opsta@users.noreply.github.com" };
function sleepSync(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
function appendStatusEvent(event, opts) {
  const dir = mkdtempSync2(join5(tmpdir2(), "opsta-status-"));
  const env = { ...process.env, ...IDENTITY, ...opts.gitEnv, GIT_TERMINAL_PROMPT: "0" };
  const git = (args, input) => runOk("git", ["--git-dir", dir, ...args], { env, ...input !== void 0 ? { input } : {} });
  const attempts = opts.attempts ?? 10;
  try {
    runOk("git", ["init", "--quiet", "--bare", dir], { env });
    for (let attempt = 1; ; attempt++) {
      const fetched = run("git", ["--git-dir", dir, "fetch", "--quiet", "--no-tags", "--depth=1", opts.remote, `+refs/heads/${opts.branch}:refs/opsta/tip`], { env });
      let parent;
      if (fetched.code === 0) parent = git(["rev-parse", "refs/opsta/tip"]).trim();
      else if (!/couldn't find remote ref|not found/i.test(fetched.stderr)) throw new CheckFailed(`cannot fetch ${opts.branch}: ${fetched.stderr.trim().split("\n").pop()}`);
      const show = (file) => parent ? run("git", ["--git-dir", dir, "show", `${parent}:${file}`], { env }) : void 0;
      const s = show("status.json");
      const h = show("history.jsonl");
      const next = applyEvent(s?.code === 0 ? s.stdout : void 0, h?.code === 0 ? h.stdout : void 0, event);
      if (!next.added && parent) return { added: false, attempts: attempt, commit: parent };
      const blob = (text2) => git(["hash-object", "-w", "--stdin"], text2).trim();
      const tree = git(["mktree"], `100644 blob ${blob(next.history)}	history.jsonl
100644 blob ${blob(next.status)}	status.json
`).trim();
      const commit = git(["commit-tree", tree, ...parent ? ["-p", parent] : [], "-m", `${event.type} ${event.environment}: ${event.status} (${event.id})`]).trim();
      const pushed = run("git", ["--git-dir", dir, "push", "--quiet", "--porcelain", opts.remote, `${commit}:refs/heads/${opts.branch}`], { env });
      if (pushed.code === 0) return { added: true, attempts: attempt, commit };
      const rejected = /rejected|non-fast-forward|fetch first|failed to update ref|cannot lock ref|stale info/i.test(pushed.stderr + pushed.stdout);
      if (!rejected) throw new CheckFailed(`cannot push ${opts.branch}: ${(pushed.stderr || pushed.stdout).trim().split("\n").pop()}`);
      if (attempt >= attempts) throw new CheckFailed(`status branch ${opts.branch}: another writer won ${attempts} times in a row; the event ${event.id} was not written, rerun the job`);
      (opts.sleep ?? sleepSync)(Math.round(50 * attempt + Math.random() * 200 * attempt));
    }
  } finally {
    rmSync2(dir, { recursive: true, force: true });
  }
}
function githubRemote(env, override) {
  const remote = override ?? `${(env.GITHUB_SERVER_URL || "https://github.com").replace(/\/+$/, "")}/${env.GITHUB_REPOSITORY}.git`;
  const gitEnv = {};
  if (env.GITHUB_TOKEN && /^https:/.test(remote)) {
    const basic = Buffer.from(`x-access-token:${env.GITHUB_TOKEN}`).toString("base64");
    Object.assign(gitEnv, { GIT_CONFIG_COUNT: "1", GIT_CONFIG_KEY_0: `http.${new URL(remote).origin}/.extraheader`, GIT_CONFIG_VALUE_0: `AUTHORIZATION: basic ${basic}` });
  }
  return { remote, gitEnv };
}

// generator/runtime/commands.ts
var STAGE2 = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
function stageFlag(flags, cmd) {
  const s = required(flags, "stage", cmd);
  if (!STAGE2.test(s)) throw new UsageError(`${cmd}: --stage must be a stage id like 10-network, got ${JSON.stringify(s)}`);
  return s;
}
function writeSection(dir, name, section) {
  mkdirSync(dir, { recursive: true });
  writeFileSync2(join6(dir, `${name}.${section.type}-summary.json`), `${JSON.stringify(section, null, 2)}
`);
}
var changedStacks = async (argv, io) => {
  const f = parseFlags(argv, ["base", "head", "pipeline"], "changed-stacks");
  const base = required(f, "base", "changed-stacks");
  const head = required(f, "head", "changed-stacks");
  for (const [k, v] of [["base", base], ["head", head]]) if (v.startsWith("-")) throw new UsageError(`changed-stacks: --${k} must be a ref or commit, got ${JSON.stringify(v)}`);
  const pipeline = parsePipeline(readJson(f.pipeline ?? ".opsta/pipeline.json", "the pipeline file"));
  const paths = runOk("git", ["diff", "--name-only", "--no-renames", `${base}...${head}`, "--"]).split("\n").filter(Boolean);
  const changed = changedStages(pipeline, paths);
  const planned = changed.filter((s) => s.planOnPullRequest);
  setOutput(io, "stacks", JSON.stringify(planned.map((s) => s.id)));
  setOutput(io, "all", JSON.stringify(changed.map((s) => s.id)));
  setOutput(io, "any", String(planned.length > 0));
  io.stdout(`${paths.length} changed file(s); stages to plan: ${planned.map((s) => s.id).join(", ") || "none"}${changed.length > planned.length ? `; apply-only (not planned on pull requests): ${changed.filter((s) => !s.planOnPullRequest).map((s) => s.id).join(", ")}` : ""}
`);
  return 0;
};
var summarizePlanCmd = async (argv, io) => {
  const f = parseFlags(argv, ["stage", "plan-json", "out-dir"], "summarize-plan");
  const stage = stageFlag(f, "summarize-plan");
  const summary = summarizePlan(stage, readJson(required(f, "plan-json", "summarize-plan"), "the plan JSON"));
  writeSection(required(f, "out-dir", "summarize-plan"), stage, summary);
  const md = renderSection(summary);
  io.stdout(md);
  appendSummary(io, md);
  return 0;
};
var summarizeHelm = async (argv, io) => {
  const f = parseFlags(argv, ["stage", "diff", "out-dir", "title"], "summarize-helm");
  const stage = stageFlag(f, "summarize-helm");
  const section = { type: "text", stage, title: f.title ?? "Helm changes (rendered manifests)", body: readText(required(f, "diff", "summarize-helm"), "the Helm diff"), lang: "diff" };
  writeSection(required(f, "out-dir", "summarize-helm"), stage, section);
  appendSummary(io, renderSection(section));
  return 0;
};
function readSections(dir) {
  let names;
  try {
    names = readdirSync2(dir);
  } catch (e) {
    throw new UsageError(`comment: cannot read --from ${dir} (${e.code}); pass the directory the summarize-* steps wrote`);
  }
  return names.filter((n) => /\.(plan|text|cost)-summary\.json$/.test(n)).sort().map((n) => {
    const s = readJson(join6(dir, n), "a summary");
    if (!["plan", "text", "cost"].includes(s?.type)) throw new UsageError(`${join6(dir, n)} is not a summary written by summarize-plan, summarize-helm or budget`);
    return s;
  });
}
function pullRequestNumber(io, flag) {
  if (flag !== void 0) {
    if (!/^[1-9]\d*$/.test(flag)) throw new UsageError(`comment: --pr must be a pull request number, got ${JSON.stringify(flag)}`);
    return Number(flag);
  }
  const n = eventPayload(io)?.pull_request?.number;
  if (typeof n !== "number") throw new UsageError("comment: no pull request number: pass --pr or run on a pull_request event (GITHUB_EVENT_PATH)");
  return n;
}
var comment = async (argv, io) => {
  const f = parseFlags(argv, ["marker", "from", "pr", "title", "stages"], "comment");
  const markerName = required(f, "marker", "comment");
  if (!/^[A-Za-z0-9][A-Za-z0-9:._-]{0,99}$/.test(markerName)) throw new UsageError(`comment: --marker must be letters, digits and : . _ -, got ${JSON.stringify(markerName)}`);
  const sections = readSections(required(f, "from", "comment"));
  const input = { markerName, sections, ...f.stages !== void 0 ? { stages: parseStages(f.stages) } : {}, ...runUrl(io) ? { runUrl: runUrl(io) } : {}, ...io.env.GITHUB_SHA ? { sha: io.env.GITHUB_SHA } : {}, ...f.title ? { title: f.title } : {} };
  const { body, truncated } = renderComment(input);
  appendSummary(io, renderFull(input));
  const gh = githubClient(io);
  const r = repository(io);
  const pr = pullRequestNumber(io, f.pr);
  const res = await again(gh, () => upsertComment(gh, r, pr, markerName, body));
  setOutput(io, "comment_id", String(res.id));
  io.stdout(`${res.created ? "created" : "updated"} comment ${res.id} (${body.length} characters${truncated ? ", shortened to fit" : ""})
`);
  return 0;
};
var budget = async (argv, io) => {
  const f = parseFlags(argv, ["cost", "base-cost", "ack-label", "out-dir", "check-run", "sha"], "budget");
  const costPath = required(f, "cost", "budget");
  const cost = parseCost(readJson(costPath, "the cost estimate"), costPath);
  const base = f["base-cost"] ? parseCost(readJson(f["base-cost"], "the base cost estimate"), f["base-cost"]) : void 0;
  const labels = (eventPayload(io)?.pull_request?.labels ?? []).map((l) => String(l?.name));
  const section = checkBudget(cost, { ...base ? { base } : {}, labels, ackLabel: f["ack-label"] ?? DEFAULT_ACK_LABEL });
  if (f["out-dir"]) writeSection(f["out-dir"], "cost", section);
  setOutput(io, "status", section.status === "no-budget" ? "ok" : section.status);
  appendSummary(io, renderSection(section));
  if (f["check-run"]) await publishBudgetCheckRun(io, section, { name: f["check-run"], sha: f.sha, ackLabel: f["ack-label"] ?? DEFAULT_ACK_LABEL });
  if (section.status === "over") throw new CheckFailed(section.message);
  io.stdout(`${section.status === "warn" ? "warning: " : ""}${section.message}
`);
  if (section.status === "warn") io.stdout(`::warning title=Budget::${section.message}
`);
  return 0;
};
function reviewedNotApplied(io, stage, diffs) {
  const where = stage ? `stage ${stage}` : "the stage";
  const text2 = `${where}: the plan reviewed on the pull request changes ${diffs.length} resource${diffs.length === 1 ? "" : "s"}, but the fresh plan has no changes, so nothing is applied. They were applied already (an earlier attempt of this run, another run, or by hand) or the infrastructure was changed to match; check that this is expected.`;
  setOutput(io, "differences", JSON.stringify({ count: 0, first: [] }));
  setOutput(io, "not_applied", String(diffs.length));
  io.stdout(`::warning title=Reviewed changes not applied::${text2}
`);
  appendSummary(io, `### Reviewed changes not applied

${mdFence([text2, ...diffs.map((d) => `  - ${d.address}: ${d.reviewed}`)].join("\n"))}
`);
  return 0;
}
var comparePlan = async (argv, io) => {
  const f = parseFlags(argv, ["reviewed", "fresh", "stage", "fresh-unchanged"], "compare-plan");
  const unchanged = f["fresh-unchanged"] === void 0 ? false : oneOf(f["fresh-unchanged"], ["true", "false"], "compare-plan --fresh-unchanged") === "true";
  const diffs = comparePlans(readJson(required(f, "reviewed", "compare-plan"), "the reviewed plan JSON"), readJson(required(f, "fresh", "compare-plan"), "the fresh plan JSON"));
  if (unchanged && diffs.length && diffs.every((d) => d.fresh === void 0)) return reviewedNotApplied(io, f.stage, diffs);
  const text2 = describeDifferences(f.stage, diffs);
  appendSummary(io, diffs.length ? `### Plan changed since review

${mdFence(text2)}
` : `${text2}
`);
  setOutput(io, "differences", JSON.stringify({ count: diffs.length, first: diffs.slice(0, 50) }));
  if (diffs.length) throw new CheckFailed(text2);
  io.stdout(`${text2}
`);
  return 0;
};
var deployment = async (argv, io) => {
  const [sub, ...rest] = argv;
  const r = repository(io);
  if (sub === "start") {
    const f = parseFlags(rest, ["environment", "ref"], "deployment start");
    const ref = f.ref ?? requireEnv(io, "GITHUB_SHA", "it is the commit deployed (or pass --ref)");
    const gh = githubClient(io);
    const d = { environment: required(f, "environment", "deployment start"), ref, runId: `${requireEnv(io, "GITHUB_RUN_ID", "it keys the deployment to this run")}` };
    const res = await again(gh, () => startDeployment(gh, r, d));
    setOutput(io, "deployment_id", String(res.id));
    io.stdout(`${res.created ? "created" : "reusing"} deployment ${res.id}
`);
    return 0;
  }
  if (sub === "stage" || sub === "finish") {
    const f = parseFlags(rest, sub === "stage" ? ["id", "stage", "state"] : ["id", "state"], `deployment ${sub}`);
    const id = integerFlag(f, "id", `deployment ${sub}`);
    if (sub === "stage") {
      const stage = stageFlag(f, "deployment stage");
      const state = oneOf(required(f, "state", "deployment stage"), ["started", "succeeded", "failed"], "deployment stage --state");
      const gh = githubClient(io);
      await again(gh, () => deploymentStatus(gh, r, id, "in_progress", `${stage}: ${state}`, runUrl(io)));
    } else {
      const state = oneOf(required(f, "state", "deployment finish"), ["success", "failure"], "deployment finish --state");
      const gh = githubClient(io);
      await again(gh, () => deploymentStatus(gh, r, id, state, state === "success" ? "every stage applied" : "a stage failed; see the run", runUrl(io)));
    }
    return 0;
  }
  throw new UsageError("deployment: the first argument must be start, stage or finish");
};
var revertPr = async (argv, io) => {
  const f = parseFlags(argv, ["stage", "sha", "base", "remote"], "revert-pr");
  const stage = stageFlag(f, "revert-pr");
  const sha = f.sha ?? requireEnv(io, "GITHUB_SHA", "it is the merge commit to revert (or pass --sha)");
  if (!/^[0-9a-f]{40}$/.test(sha)) throw new UsageError(`revert-pr: --sha must be a full 40-character commit id, got ${JSON.stringify(sha)}`);
  const repo = repository(io);
  const ev = eventPayload(io);
  const base = f.base ?? (typeof ev?.ref === "string" ? ev.ref.replace(/^refs\/heads\//, "") : void 0) ?? requireEnv(io, "GITHUB_REF_NAME", "it is the branch the revert targets (or pass --base)");
  const { remote, gitEnv } = githubRemote(io.env, f.remote);
  const { branch } = pushRevertBranch({ cwd: process.cwd(), sha, remote, gitEnv });
  const gh = githubClient(io);
  const pr = await again(gh, () => openRevertPullRequest(gh, repo, { stage, sha, branch, base, ...runUrl(io) ? { runUrl: runUrl(io) } : {} }));
  setOutput(io, "pr_number", String(pr.number));
  setOutput(io, "pr_url", pr.url);
  io.stdout(`${pr.created ? "opened" : "already open:"} revert pull request #${pr.number} ${pr.url}
`);
  io.stdout(`::warning title=Revert pull request not planned::GitHub runs no workflow on a pull request opened with the workflow token: close and reopen #${pr.number}, or push a commit to ${branch}, so plan.yml plans it before it is merged.
`);
  appendSummary(io, `Stage \`${stage}\` failed: revert pull request [#${pr.number}](${pr.url}).

${planTheRevert(branch)}
`);
  return 0;
};
var statusAppend = async (argv, io) => {
  const f = parseFlags(argv, ["event", "branch", "remote"], "status-append");
  let json3;
  try {
    json3 = JSON.parse(required(f, "event", "status-append"));
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`status-append: --event is not valid JSON (${e.message})`);
  }
  const runId = io.env.GITHUB_RUN_ID;
  const type2 = json3?.type;
  const stage = json3?.stage;
  const defaults = {
    id: [runId ?? `local${Date.now()}`, io.env.GITHUB_RUN_ATTEMPT ?? "1", String(type2), ...typeof stage === "string" ? [stage] : []].join("-").replace(/[^A-Za-z0-9._-]/g, "_"),
    at: (/* @__PURE__ */ new Date()).toISOString(),
    ...io.env.GITHUB_SHA ? { sha: io.env.GITHUB_SHA } : {},
    ...runId ? { runId } : {}
  };
  const event = parseEvent(json3, defaults);
  const branch = f.branch ?? "opsta-status";
  if (!/^[A-Za-z0-9][A-Za-z0-9._/-]{0,99}$/.test(branch) || branch.includes("..")) throw new UsageError(`status-append: --branch must be a branch name, got ${JSON.stringify(branch)}`);
  const { remote, gitEnv } = githubRemote(io.env, f.remote);
  const res = appendStatusEvent(event, { remote, branch, gitEnv });
  io.stdout(res.added ? `appended ${event.type} event ${event.id} to ${branch} (attempt ${res.attempts})
` : `event ${event.id} is already on ${branch}; nothing to do
`);
  return 0;
};
var drift = async (argv, io) => {
  const f = parseFlags(argv, ["stage", "exitcode", "plan-json"], "drift");
  const stage = stageFlag(f, "drift");
  const code = integerFlag(f, "exitcode", "drift");
  setOutput(io, "status", code === 2 ? "drifted" : code === 0 ? "clean" : "failed");
  if (code !== 0 && code !== 2) throw new CheckFailed(`drift: terraform plan of ${stage} failed (exit ${code}); the drift issue is left as it is. See the plan step's log.`);
  let details = "";
  if (code === 2) {
    if (!f["plan-json"]) throw new UsageError("drift: --plan-json is required when --exitcode is 2 (drift found)");
    details = renderSection(summarizePlan(stage, readJson(f["plan-json"], "the plan JSON")));
  }
  const gh = githubClient(io);
  const r = repository(io);
  const res = await again(gh, () => syncDriftIssue(gh, r, stage, code === 2 ? { stage, details, ...runUrl(io) ? { runUrl: runUrl(io) } : {} } : void 0));
  io.stdout(`${stage}: ${code === 2 ? "drift found" : "no drift"}; issue ${res.action}${res.number ? ` (#${res.number})` : ""}
`);
  if (details) appendSummary(io, details);
  return 0;
};
function describePassedOver(list) {
  return list.map((x) => `run ${x.id} (${x.why === "expired" ? "its plans expired" : `no ${PLAN_ARTIFACT_PREFIX}* artifact: a label's run plans nothing`})`).join(", ");
}
var reviewedPlan = async (argv, io) => {
  const f = parseFlags(argv, ["sha", "workflow", "base"], "reviewed-plan");
  const sha = f.sha ?? requireEnv(io, "GITHUB_SHA", "it is the merged commit being applied (or pass --sha)");
  if (!/^[0-9a-f]{40}$/.test(sha)) throw new UsageError(`reviewed-plan: --sha must be a full 40-character commit id, got ${JSON.stringify(sha)}`);
  const workflow = f.workflow ?? "plan.yml";
  if (!/^(?:[A-Za-z0-9][A-Za-z0-9._-]{0,99}\.ya?ml|[1-9]\d*)$/.test(workflow)) throw new UsageError(`reviewed-plan: --workflow must be a workflow file name like plan.yml (or its id), got ${JSON.stringify(workflow)}`);
  const gh = githubClient(io);
  const r = repository(io);
  const short = sha.slice(0, 12);
  const base = f.base ?? (io.env.GITHUB_REF_NAME || void 0);
  if (base !== void 0 && (!/^[A-Za-z0-9][A-Za-z0-9._/-]{0,254}$/.test(base) || base.includes(".."))) throw new UsageError(`reviewed-plan: --base must be a branch name, got ${JSON.stringify(base)}`);
  const { pull, others } = await mergedPullOf(gh, r, sha, base);
  const plan = pull ? await reviewedPlanRun(gh, r, pull, workflow) : void 0;
  setOutput(io, "run_id", plan?.run ? String(plan.run.id) : "");
  setOutput(io, "run_attempt", plan?.run ? String(plan.run.attempt) : "");
  setOutput(io, "pr_number", pull ? String(pull.number) : "");
  setOutput(io, "head_sha", pull?.headSha ?? "");
  setOutput(io, "stages", JSON.stringify(plan?.run?.stages ?? []));
  let text2;
  if (!pull) {
    text2 = `No reviewed plan for ${short}: no merged pull request${base ? ` into ${base}` : ""} has it as its merge commit${others.length ? ` (it is only part of ${others.map((n) => `#${n}`).join(", ")})` : ""}. Only stages without changes, and apply-only stages approved in the environment, can be applied.`;
    io.stdout(`::notice title=No reviewed plan::${text2}
`);
  } else if (!plan?.run) {
    const expired = plan?.passedOver.filter((x) => x.why === "expired") ?? [];
    const found = plan?.passedOver.length ? `its completed ${workflow} run(s) of that final head hold no plan to download (${describePassedOver(plan.passedOver)})${expired.length ? "; expired plans cannot be compared: open a new pull request so the change is planned again" : ": it planned no Terraform stage"}` : `no completed ${workflow} run (success or failure) of that final head was found`;
    text2 = `No reviewed plan for ${short}: pull request #${pull.number} was merged from ${pull.headSha.slice(0, 12)}, and ${found}. Plans of earlier heads do not count.`;
    io.stdout(`::notice title=No reviewed plan::${text2}
`);
  } else {
    const skipped2 = plan.passedOver.length ? ` Passed over, newer but without plans: ${describePassedOver(plan.passedOver)}.` : "";
    text2 = `Reviewed plans of pull request #${pull.number}: ${workflow} run ${plan.run.id} (attempt ${plan.run.attempt}, ${plan.run.conclusion}) of its final head ${pull.headSha.slice(0, 12)}, with the plans of ${plan.run.stages.join(", ")}.${skipped2}`;
    io.stdout(`${text2}
`);
  }
  appendSummary(io, `${text2}
`);
  return 0;
};
var health = async (argv, io) => {
  const f = parseFlags(argv, ["pipeline", "out", "only", "dns"], "health");
  const list = (v) => v ? v.split(",").map((x) => x.trim()).filter(Boolean) : void 0;
  const only = list(f.only);
  const dns = list(f.dns);
  const report = await runHealth(readJson(f.pipeline ?? ".opsta/pipeline.json", "the pipeline file"), { env: io.env, ...only ? { only } : {}, ...dns ? { dnsServers: dns } : {} });
  if (f.out) writeFileSync2(f.out, `${JSON.stringify(report, null, 2)}
`);
  const md = renderHealthMarkdown(report);
  appendSummary(io, md);
  io.stdout(md);
  if (report.status === "fail") throw new CheckFailed(`health: ${report.checks.filter((c) => c.status === "fail").length} check(s) failed; see the report`);
  return 0;
};
var manifestCheck = async (argv, io) => {
  const f = parseFlags(argv, ["manifest", "root"], "manifest-check");
  const root = f.root ?? ".";
  const manifestPath = f.manifest ?? join6(root, ".opsta/manifest.json");
  const drift2 = manifestDrift(readText(manifestPath, "the manifest"), hashOnDisk(root));
  const text2 = describeManifestDrift(drift2);
  appendSummary(io, drift2.length ? `### Generated files edited by hand

${mdFence(text2)}
` : `${text2}
`);
  if (drift2.length) throw new CheckFailed(text2);
  io.stdout(`${text2}
`);
  return 0;
};
var COMMANDS = {
  "changed-stacks": { run: changedStacks, summary: "--base <ref> --head <ref>: stages whose inputs changed (stacks=<json>)" },
  "summarize-plan": { run: summarizePlanCmd, summary: "--stage <id> --plan-json <file> --out-dir <dir>: a plan as counts, destructive changes, resources" },
  "summarize-helm": { run: summarizeHelm, summary: "--stage <id> --diff <file> --out-dir <dir>: the Helm diff as a comment section" },
  comment: { run: comment, summary: "--marker <name> --from <dir> [--stages <json>]: the sticky pull-request comment" },
  budget: { run: budget, summary: "--cost <json>: fail over budget.monthlyUsd, warn at 80 %" },
  "check-run": { run: checkRunCommand, summary: "--stages <json> --from <dir> [--sha <head>]: a check run per planned stage on the head commit, destructive changes annotated" },
  "compare-plan": { run: comparePlan, summary: "--reviewed <json> --fresh <json> [--fresh-unchanged true]: stop when the plan changed since review" },
  deployment: { run: deployment, summary: "start|stage|finish: the GitHub Deployment and its statuses" },
  "apply-outcome": { run: applyOutcomeCommand, summary: "--steps <json> [--job-status s] [--deployment-id n]: what a failed apply did and what follows (revert_stage= only for a failed terraform apply)" },
  "helm-rollback": { run: helmRollbackCommand, summary: "roll failed Helm releases back to their last good revision" },
  "reviewed-plan": { run: reviewedPlan, summary: "[--sha <commit>] [--base <branch>] [--workflow plan.yml]: the plan run reviewed on the merged pull request (run_id=, pr_number=)" },
  "revert-pr": { run: revertPr, summary: "--stage <id>: open a pull request reverting the merge" },
  "status-append": { run: statusAppend, summary: "--event <json>: append to the opsta-status branch" },
  drift: { run: drift, summary: "--stage <id> --exitcode <n> [--plan-json <file>]: the drift tracking issue (status=drifted|clean|failed)" },
  health: { run: health, summary: "[--out <file>] [--only <ids>]: the platform health checks (JSON report and Markdown)" },
  "redact-render": { run: redactRenderCommand, summary: "--base <file> --head <file>: Secret values of two platform renders replaced by per-run tags, in place" },
  "manifest-check": { run: manifestCheck, summary: "generated files edited by hand (.opsta/manifest.json)" }
};

// generator/runtime/main.ts
function usage() {
  const width = Math.max(...Object.keys(COMMANDS).map((k) => k.length));
  return [`opsta runtime ${RUNTIME_VERSION}: node .opsta/opsta.mjs <subcommand> [flags]`, "", ...Object.entries(COMMANDS).map(([k, c]) => `  ${k.padEnd(width)}  ${c.summary}`), "", "See docs/runtime.md in the Opsta repository.", ""].join("\n");
}
function oneLine(s) {
  return s.replace(/\u001b/g, "\\u001b");
}
async function runtimeMain(argv, io = processIo()) {
  const [name, ...rest] = argv;
  if (name === void 0 || name === "--help" || name === "-h" || name === "help") {
    io.stdout(usage());
    return name === void 0 ? 2 : 0;
  }
  if (name === "--version") {
    io.stdout(`${RUNTIME_VERSION}
`);
    return 0;
  }
  const cmd = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : void 0;
  if (!cmd) {
    io.stderr(`opsta runtime: unknown subcommand ${JSON.stringify(name)}
${usage()}`);
    return 2;
  }
  try {
    return await cmd.run(rest, io);
  } catch (e) {
    if (e instanceof CheckFailed || e instanceof UsageError) {
      const [first, ...more2] = oneLine(e.message).split("\n");
      io.stderr(`::error title=opsta ${name}::${first}
${more2.length ? `${more2.join("\n")}
` : ""}`);
      return e.exitCode;
    }
    io.stderr(`opsta runtime: internal error in ${name}: ${oneLine(e instanceof Error ? e.message : String(e)).split("\n")[0]}
This is a bug in the Opsta runtime; please report it with the command.
`);
    return 70;
  }
}

// generator/runtime/cli.ts
process.exitCode = await runtimeMain(process.argv.slice(2));

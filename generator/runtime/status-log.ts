// The status branch's content: history.jsonl (append-only, one event a line) and status.json
// (the latest event per environment and type). Pure: applying an event to the files' text.
import { UsageError } from './errors.ts';

export const EVENT_TYPES = ['deploy', 'health', 'drift', 'destroy'] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export interface StatusEvent {
  /** Idempotency key: the same event from a rerun is not appended twice. */
  id: string;
  type: EventType;
  environment: string;
  status: string;
  /** ISO 8601 time the event happened. */
  at: string;
  [k: string]: unknown;
}

export interface StatusFile {
  version: 1;
  environments: Record<string, Partial<Record<EventType, StatusEvent>>>;
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

/** Validate an event given on the command line; the runtime fills `id` and `at` when absent. */
export function parseEvent(json: unknown, defaults: { id: string; at: string; sha?: string; runId?: string }): StatusEvent {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new UsageError('--event must be a JSON object like {"type":"deploy","environment":"prod","status":"success"}');
  const e = json as Record<string, unknown>;
  if (!EVENT_TYPES.includes(e.type as EventType)) throw new UsageError(`--event: "type" must be one of ${EVENT_TYPES.join(', ')}`);
  if (typeof e.environment !== 'string' || !NAME.test(e.environment)) throw new UsageError('--event: "environment" must be a name (letters, digits, . _ -)');
  if (typeof e.status !== 'string' || !NAME.test(e.status)) throw new UsageError('--event: "status" must be a word like success, failure, drifted');
  if (e.id !== undefined && (typeof e.id !== 'string' || !NAME.test(e.id))) throw new UsageError('--event: "id" must be a name (letters, digits, . _ -)');
  if (e.at !== undefined && (typeof e.at !== 'string' || Number.isNaN(Date.parse(e.at)))) throw new UsageError('--event: "at" must be an ISO 8601 time');
  return { ...(defaults.sha ? { sha: defaults.sha } : {}), ...(defaults.runId ? { runId: defaults.runId } : {}), ...e, id: (e.id as string) ?? defaults.id, at: (e.at as string) ?? defaults.at } as StatusEvent;
}

export function emptyStatus(): StatusFile {
  return { version: 1, environments: {} };
}

export function parseStatus(text: string | undefined): StatusFile {
  if (text === undefined) return emptyStatus();
  const j = JSON.parse(text) as StatusFile;
  if (j?.version !== 1 || typeof j.environments !== 'object' || j.environments === null) throw new UsageError('status.json on the status branch is not an Opsta status file (version 1)');
  return j;
}

export function historyIds(history: string): Set<string> {
  const ids = new Set<string>();
  for (const line of history.split('\n')) {
    if (!line.trim()) continue;
    try {
      const id = (JSON.parse(line) as { id?: unknown }).id;
      if (typeof id === 'string') ids.add(id);
    } catch {
      // A damaged line is kept as it is; it just has no id to match.
    }
  }
  return ids;
}

/** The files after the event, or `added: false` when the log already has its id (a rerun). */
export function applyEvent(statusText: string | undefined, historyText: string | undefined, event: StatusEvent): { status: string; history: string; added: boolean } {
  const history = historyText ?? '';
  const status = parseStatus(statusText);
  if (historyIds(history).has(event.id)) return { status: statusText ?? `${JSON.stringify(status, null, 2)}\n`, history, added: false };
  const env = (status.environments[event.environment] ??= {});
  const prev = env[event.type];
  // A retried writer can land after a newer event: status.json keeps the newest by time.
  if (!prev || Date.parse(prev.at) <= Date.parse(event.at)) env[event.type] = event;
  const sep = history === '' || history.endsWith('\n') ? '' : '\n';
  return { status: `${JSON.stringify(status, null, 2)}\n`, history: `${history}${sep}${JSON.stringify(event)}\n`, added: true };
}

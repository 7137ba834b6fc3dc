// Step 5, Publish: turns the valid plan into a pull request on GitHub (issue 8), with the CLI's
// publish core. The token lives in this component's state (sessionStorage only while its box is
// ticked); the core and the generator load on the first "Show the changes" press. "Show the
// changes" is a dry run: nothing is written until "Publish to GitHub", which writes with the
// conflicts the user ticked. The APIs offered are the ones the page's CSP allows (Base.astro).
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Validation } from '../../../schemas/validate.ts';
import type { PublishKey } from '../i18n/publish-en.ts';
import { usePublishText } from '../i18n/publish-text.ts';
import { Inline } from '../i18n/react.tsx';
import { GITHUB_API_META, readGithubApis } from '../lib/publish-origins.ts';
import type { FailureKind, PublishSummary } from '../lib/publish-run.ts';
import { rememberedToken, storeToken } from '../lib/publish-token.ts';
import { publishTarget, safeLink, stripToken, webUrl } from '../lib/publish-view.ts';
import { Preview } from './publish/Preview.tsx';

interface Failure {
  kind: FailureKind | 'load';
  detail: string;
  permissions?: string;
}

// The token in memory for the page's life: leaving step 5 unmounts the component, and coming back
// should not ask for it again. A reload forgets it (unless the tab's sessionStorage box is ticked).
let heldToken = '';

function pageApis(): string[] {
  if (typeof document === 'undefined') return [];
  return readGithubApis(document.querySelector(`meta[name="${GITHUB_API_META}"]`)?.getAttribute('content'));
}

export default function StepPublish({ validation }: { validation: Validation }) {
  const { t, tp } = usePublishText();
  const apis = useMemo(pageApis, []);
  const [api, setApi] = useState(() => apis[0] ?? '');
  const [token, setTokenState] = useState(() => (heldToken ||= rememberedToken()));
  const setToken = (v: string) => {
    heldToken = v;
    setTokenState(v);
  };
  const [remember, setRemember] = useState(() => rememberedToken() !== '');
  const [busy, setBusy] = useState<'check' | 'publish'>();
  const [preview, setPreview] = useState<{ summary: PublishSummary; key: object }>();
  const [forced, setForcedSet] = useState<ReadonlySet<string>>(new Set());
  const [result, setResult] = useState<PublishSummary>();
  const [failure, setFailure] = useState<Failure>();
  // A new identity whenever what the preview was computed from changes: an older preview is stale.
  const key = useMemo(() => ({}), [validation, api, token]);
  const fresh = preview !== undefined && preview.key === key;

  useEffect(() => storeToken(token, remember), [token, remember]);

  const setForced = useCallback((path: string, on: boolean) => {
    setForcedSet((s) => {
      const n = new Set(s);
      if (on) n.add(path);
      else n.delete(path);
      return n;
    });
  }, []);

  if (!validation.ok) {
    return (
      <>
        <p>{t('publish.invalid')}</p>
        <button type="button" className="btn btn--primary" disabled>
          {t('publish.button')}
        </button>
      </>
    );
  }
  const target = publishTarget(validation);
  const repo = `${target.owner}/${target.repo}`;

  const run = async (dryRun: boolean) => {
    const forKey = key;
    setBusy(dryRun ? 'check' : 'publish');
    setFailure(undefined);
    if (dryRun) setResult(undefined);
    try {
      const { publish } = await import('../lib/publish.ts').catch((e: unknown) => {
        throw Object.assign(new Error(String((e as Error)?.message ?? e)), { kind: 'load' });
      });
      const chosen = dryRun ? [] : (preview?.summary.conflicts ?? []).map((c) => c.path).filter((p) => forced.has(p));
      const out = await publish({ apiUrl: api, allowedApis: apis, token, plan: validation, forceFiles: chosen, dryRun });
      if (dryRun) setPreview({ summary: out, key: forKey });
      else {
        setResult(out);
        setPreview(undefined);
      }
      setForcedSet(new Set());
    } catch (e) {
      const f = e as { kind?: Failure['kind']; detail?: string; message?: string; permissions?: string };
      setFailure({ kind: f.kind ?? 'other', detail: stripToken(String(f.detail ?? f.message ?? e), token), ...(f.permissions ? { permissions: f.permissions } : {}) });
    } finally {
      setBusy(undefined);
    }
  };

  const params = { repo, base: target.base, branch: target.branch, api };
  const failureText = (f: Failure): string => {
    if (f.kind === 'load') return t('publish.loadFailed', { error: f.detail });
    if (f.kind === 'permission') return f.permissions ? t('publish.fail.permission', { ...params, permissions: f.permissions }) : t('publish.fail.permissionAny', params);
    return t(`publish.fail.${f.kind}` as PublishKey, params);
  };
  const pr = result?.pullRequest;
  const prLink = pr ? safeLink(pr.url) : undefined;

  return (
    <>
      <p>
        <Inline text={t('publish.intro', params)} />
      </p>
      <fieldset>
        <legend>{t('publish.where')}</legend>
        <dl className="publish-where">
          <dt>{t('publish.repo')}</dt>
          <dd>
            <code translate="no" data-testid="publish-repo">{repo}</code> <span className="hint">{t('publish.repoHint')}</span>
          </dd>
          <dt>{t('publish.base')}</dt>
          <dd>
            <code translate="no">{target.base}</code>
          </dd>
          <dt>{t('publish.branch')}</dt>
          <dd>
            <code translate="no">{target.branch}</code>
          </dd>
        </dl>
        {apis.length === 0 ? (
          <p className="error" role="alert">
            {t('publish.noApi')}
          </p>
        ) : (
          <div className="field">
            <label htmlFor="publish-api">{t('publish.api')}</label>
            <select id="publish-api" value={api} onChange={(e) => setApi(e.currentTarget.value)} aria-describedby="publish-api-hint" disabled={busy !== undefined}>
              {apis.map((a) => (
                <option key={a} value={a} translate="no">
                  {a}
                </option>
              ))}
            </select>
            <p id="publish-api-hint" className="hint">
              {t('publish.apiHint')}
            </p>
          </div>
        )}
        <div className="field">
          <label htmlFor="publish-token">{t('publish.token')}</label>
          <input
            id="publish-token"
            type="password"
            autoComplete="off"
            spellCheck={false}
            value={token}
            onChange={(e) => setToken(e.currentTarget.value)}
            aria-describedby="publish-token-hint publish-token-privacy"
            disabled={busy !== undefined}
          />
          <p id="publish-token-hint" className="hint">
            <Inline text={t('publish.tokenHint', { repo, permissions: t('publish.tokenPermissions'), setup: t('publish.tokenSetup') })} />{' '}
            <a href={`${webUrl(api)}/settings/personal-access-tokens/new`} target="_blank" rel="noopener noreferrer">
              {t('publish.tokenCreate')}
            </a>
          </p>
          <p id="publish-token-privacy" className="hint">
            <Inline text={t('publish.tokenPrivacy', { api })} />
          </p>
        </div>
        <label>
          <input type="checkbox" id="publish-remember" checked={remember} onChange={(e) => setRemember(e.currentTarget.checked)} /> {t('publish.remember')}
        </label>
      </fieldset>

      <div className="row">
        <button type="button" className="btn" onClick={() => void run(true)} disabled={busy !== undefined || apis.length === 0}>
          {t('publish.check')}
        </button>
        <button type="button" className="btn btn--primary" onClick={() => void run(false)} disabled={!fresh || busy !== undefined} aria-describedby="publish-button-hint">
          {t('publish.button')}
        </button>
      </div>
      <p id="publish-button-hint" className="hint">
        {preview && !fresh ? t('publish.stale') : fresh ? '' : t('publish.needPreview')}
      </p>
      <p role="status" className="loading" data-testid="publish-busy">
        <Inline text={busy === 'check' ? t('publish.checking', params) : busy === 'publish' ? t('publish.publishing', params) : ''} />
      </p>

      {failure && (
        <div role="alert" className="notice" data-testid="publish-failure">
          <p>
            <Inline text={failureText(failure)} />
          </p>
          {failure.kind !== 'tokenMissing' && failure.kind !== 'tokenFormat' && (
            <details>
              <summary>{t('publish.fail.detail')}</summary>
              <p translate="no">{failure.detail}</p>
            </details>
          )}
        </div>
      )}

      {preview && <Preview summary={preview.summary} forced={forced} setForced={setForced} disabled={busy !== undefined} />}

      {result && (
        <section className="notice" role="status" data-testid="publish-result">
          <p>
            <Inline text={result.commit ? t('publish.done', { branch: target.branch, commit: result.commit.slice(0, 12) }) : t('publish.doneNothing', params)} />
          </p>
          {pr && (pr.action === 'opened' || pr.action === 'updated' || pr.action === 'unchanged') && (
            <p>
              {t(`publish.pr.${pr.action}`, { number: pr.number })}{' '}
              {prLink ? (
                <a href={prLink} data-testid="publish-pr-link" target="_blank" rel="noopener noreferrer">
                  {prLink}
                </a>
              ) : (
                t('publish.pr.noLink')
              )}
            </p>
          )}
          {result.note && !pr && (
            <p>
              <Inline text={t('publish.baseHolds', params)} />
            </p>
          )}
          {result.conflicts.length > 0 && <p>{tp('publish.kept', result.conflicts.length)}</p>}
        </section>
      )}
    </>
  );
}

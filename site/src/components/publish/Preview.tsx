// What a publish would write, before it writes: the files it adds, changes and removes on the
// branch, the files it leaves alone, and each hand-edited file with its diff and a checkbox
// (unticked: kept as edited; ticked: overwritten, the CLI's --force-file).
import type { PublishConflict, PublishSummary } from '../../lib/publish-run.ts';
import { usePublishText } from '../../i18n/publish-text.ts';
import { Inline } from '../../i18n/react.tsx';

function FileList({ id, title, paths }: { id: string; title: string; paths: string[] }) {
  if (paths.length === 0) return null;
  return (
    <details data-testid={`publish-${id}`}>
      <summary>{title}</summary>
      <ul className="diff-files">
        {paths.map((p) => (
          <li key={p}>
            <code translate="no">{p}</code>
          </li>
        ))}
      </ul>
    </details>
  );
}

function Diff({ text, label }: { text: string; label: string }) {
  return (
    <pre className="diff" role="region" aria-label={label} tabIndex={0} translate="no">
      {text
        .trimEnd()
        .split('\n')
        .map((line, i) => (
          <span key={i} className={line.startsWith('+') && !line.startsWith('+++') ? 'diff-add' : line.startsWith('-') && !line.startsWith('---') ? 'diff-del' : 'diff-same'}>
            {line || ' '}
          </span>
        ))}
    </pre>
  );
}

function Conflict({ c, ticked, onTick, disabled }: { c: PublishConflict; ticked: boolean; onTick: (on: boolean) => void; disabled: boolean }) {
  const { t } = usePublishText();
  const id = `publish-force-${c.path.replace(/[^A-Za-z0-9_-]/g, '-')}`;
  return (
    <li className="publish-conflict" data-testid="publish-conflict" data-path={c.path}>
      <p>
        <code translate="no">{c.path}</code>: {t(`publish.conflict.${c.kind}`)}
      </p>
      <label htmlFor={id}>
        <input id={id} type="checkbox" checked={ticked} disabled={disabled} onChange={(e) => onTick(e.currentTarget.checked)} />{' '}
        <Inline text={t(c.kind === 'droppedEdited' ? 'publish.delete' : 'publish.overwrite', { path: c.path })} />
      </label>
      {c.diff && <Diff text={c.diff} label={`${t('publish.diff')}: ${c.path}`} />}
    </li>
  );
}

export function Preview(props: { summary: PublishSummary; forced: ReadonlySet<string>; setForced: (path: string, on: boolean) => void; disabled: boolean }) {
  const { t, tp } = usePublishText();
  const s = props.summary;
  const branch = s.target.branch;
  return (
    <section aria-labelledby="publish-preview-heading" data-testid="publish-preview">
      <h3 id="publish-preview-heading">
        <Inline text={t('publish.preview', { branch })} />
      </h3>
      <p data-testid="publish-summary">
        {s.upToDate
          ? <Inline text={t('publish.upToDate', { branch })} />
          : t('publish.summary', { added: s.added.length, changed: s.changed.length, removed: s.removed.length, conflicts: s.conflicts.length })}
      </p>
      <FileList id="added" title={t('publish.added', { count: s.added.length })} paths={s.added} />
      <FileList id="changed" title={t('publish.changed', { count: s.changed.length })} paths={s.changed} />
      <FileList id="removed" title={t('publish.removed', { count: s.removed.length })} paths={s.removed} />
      {s.foreign > 0 && <p className="hint">{tp('publish.foreign', s.foreign)}</p>}
      {s.conflicts.length > 0 && (
        <>
          <h4>{t('publish.conflicts', { count: s.conflicts.length })}</h4>
          <p className="hint">
            <Inline text={t('publish.conflictsHint')} />
          </p>
          <ul className="publish-conflicts">
            {s.conflicts.map((c) => (
              <Conflict key={c.path} c={c} ticked={props.forced.has(c.path)} onTick={(on) => props.setForced(c.path, on)} disabled={props.disabled} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

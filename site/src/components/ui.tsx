import { useEffect, useRef, type ReactNode } from 'react';
import { Inline, useI18n } from '../i18n/react.tsx';

/** A labelled control with its hint and live error text. The error is announced politely. */
export function Field(props: { id: string; label: string; error?: string | undefined; hint?: ReactNode; children: (a11y: { id: string; 'aria-invalid': boolean; 'aria-describedby'?: string }) => ReactNode }) {
  const { id, label, error, hint } = props;
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' field--invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {typeof hint === 'string' ? <Inline text={hint} /> : hint}
        </p>
      )}
      {props.children({ id, 'aria-invalid': Boolean(error), ...(describedBy ? { 'aria-describedby': describedBy } : {}) })}
      <p className="error" id={`${id}-error`} aria-live="polite">
        {error ? <Inline text={error} /> : ''}
      </p>
    </div>
  );
}

/** Accessible confirmation: native modal <dialog> (focus trap, Escape to cancel). */
export function ConfirmDialog(props: { open: boolean; title: string; children: ReactNode; confirmLabel: string; onConfirm: () => void; onCancel: () => void }) {
  const { t } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (props.open && !d.open) d.showModal();
    if (!props.open && d.open) d.close();
  }, [props.open]);
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby="confirm-title"
      aria-describedby="confirm-body"
      onCancel={(e) => {
        e.preventDefault();
        props.onCancel();
      }}
    >
      <h2 id="confirm-title">{props.title}</h2>
      <div id="confirm-body">{props.children}</div>
      <div className="row">
        <button type="button" className="btn" onClick={props.onCancel} autoFocus>
          {t('confirm.keep')}
        </button>
        <button type="button" className="btn btn--danger" onClick={props.onConfirm}>
          {props.confirmLabel}
        </button>
      </div>
    </dialog>
  );
}

export const usd = (n: number) => `$${n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
export const usd0 = (n: number) => `$${Math.round(n).toLocaleString('en-US')}`;

/** Horizontal bar chart as a table: values stay readable text, the bars are decoration. */
/** `headers`: the column headings in the user's language (the Review step's catalog). */
export function BarChart(props: { caption: string; rows: { label: string; value: number }[]; id: string; headers: { item: string; share: string; monthly: string } }) {
  const max = Math.max(1, ...props.rows.map((r) => r.value));
  return (
    <table className="bars" id={props.id}>
      <caption>{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{props.headers.item}</th>
          <th scope="col">
            <span className="sr-only">{props.headers.share}</span>
          </th>
          <th scope="col" className="num">
            {props.headers.monthly}
          </th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((r) => (
          <tr key={r.label}>
            <th scope="row">{r.label}</th>
            <td className="bar-cell" aria-hidden="true">
              <svg viewBox="0 0 100 10" preserveAspectRatio="none" className="bar" focusable="false">
                <rect x="0" y="0" height="10" width={Math.max(0.5, (r.value / max) * 100)} />
              </svg>
            </td>
            <td className="num">{usd(r.value)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

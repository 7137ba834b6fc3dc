// Astro client directive `client:intent` (registered in site/astro.config.mjs) for the planner
// island. The wizard is server-rendered, so the page is complete before any JavaScript runs;
// what costs is the island's code (~145 KB gzip) and React hydrating it (hundreds of
// milliseconds of main thread on a slow phone). So both wait for a sign that someone is there:
// a pointer move, a touch, a key, focus entering the page, or a click. Meanwhile, once the page
// has loaded and the browser is idle, the island's entry modules are fetched and compiled
// (modulepreload: not run), so hydration on intent does not wait for the network.
// A returning user's page (planner.astro's `planner-restoring`: a #plan= link or a saved draft)
// hydrates at once, since their plan only appears after hydration.
//
// A click that lands before hydration has finished is not lost: it is held (its default action,
// e.g. checking a radio, prevented) and replayed on the same element once React owns the DOM
// (the planner dispatches HYDRATED_EVENT after its first commit).
// Hydration keeps the server-rendered nodes, so the element is still the one the user clicked.
import type { ClientDirective } from 'astro';

/** Dispatched (bubbling) by the island's root component once it has hydrated: see Planner.tsx. */
export const HYDRATED_EVENT = 'opsta:hydrated';

const INTENT = ['pointermove', 'pointerdown', 'touchstart', 'keydown', 'focusin'] as const;

function preloadModules(el: HTMLElement): void {
  for (const attr of ['renderer-url', 'component-url']) {
    const href = el.getAttribute(attr);
    if (!href || document.querySelector(`link[rel="modulepreload"][href="${CSS.escape(href)}"]`)) continue;
    const link = document.createElement('link');
    link.rel = 'modulepreload';
    link.href = href;
    document.head.append(link);
  }
}

function afterLoadWhenIdle(fn: () => void): void {
  const idle = () => (typeof requestIdleCallback === 'function' ? requestIdleCallback(fn, { timeout: 3000 }) : setTimeout(fn, 200));
  if (document.readyState === 'complete') idle();
  else window.addEventListener('load', idle, { once: true });
}

const hydrateOnIntent: ClientDirective = (load, _options, el) => {
  let hydrated = false;
  const held: HTMLElement[] = [];
  const hold = (e: MouseEvent) => {
    if (hydrated || !(e.target instanceof HTMLElement)) return;
    e.preventDefault();
    e.stopImmediatePropagation();
    held.push(e.target);
    start();
  };
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    for (const type of INTENT) document.removeEventListener(type, start, true);
    void load()
      .then((hydrate) => hydrate())
      .catch((e: unknown) => console.error('[planner] could not load the planner', e)); // the server-rendered page stays as it is
  };
  // Replayed only once React has committed the hydrated tree (the planner says so with
  // HYDRATED_EVENT): a radio clicked while React is still hydrating would be recorded as already
  // checked, and then reset to the server's choice.
  el.addEventListener(
    HYDRATED_EVENT,
    () => {
      hydrated = true;
      el.removeEventListener('click', hold, true);
      // After the commit that announced it, not inside it.
      setTimeout(() => {
        for (const target of held.splice(0)) if (target.isConnected) target.click();
      });
    },
    { once: true },
  );
  el.addEventListener('click', hold, true);
  if (document.documentElement.classList.contains('planner-restoring')) return start();
  for (const type of INTENT) document.addEventListener(type, start, { capture: true, passive: true });
  afterLoadWhenIdle(() => started || preloadModules(el));
};

export default hydrateOnIntent;

// Shared by the planner's end-to-end tests (not a test file): build the site if needed,
// serve site/dist on 127.0.0.1, launch the Debian chromium with playwright-core, run axe.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { requireTool } from '../support/tools.ts';
import { screenshotDir } from './screenshots.ts';

export { screenshotDir };

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const DIST = join(ROOT, 'site/dist');
export const SCREENSHOTS = screenshotDir();
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');
const AXE_URL_PATH = '/__test__/axe.min.js';

/** True when chromium can be launched; skips loudly locally, fails in CI (CI=true). */
export const hasChromium = requireTool('chromium', () => existsSync(CHROMIUM));

function newestMtime(dir: string): number {
  let newest = 0;
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.name === 'node_modules' || e.name === 'dist' || e.name === '.astro' || e.name.startsWith('.build-lock')) continue;
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else newest = Math.max(newest, statSync(p).mtimeMs);
    }
  };
  if (existsSync(dir)) walk(dir);
  return newest;
}

// When the last build STARTED: a source saved while it ran is newer than this, so the next call
// builds again (the build's finish time would hide that edit).
const BUILD_STAMP = join(DIST, '.sources-at');
// Everything the built site contains, the runtime bundle included (the planner serves it as an asset).
const SOURCES = ['site', 'blueprints', 'generator/src', 'generator/templates', 'generator/runtime-dist', 'schemas'];

function isStale(): boolean {
  const marker = join(DIST, 'planner/index.html');
  if (!existsSync(marker) || !existsSync(BUILD_STAMP)) return true;
  const built = Number(readFileSync(BUILD_STAMP, 'utf8'));
  return !Number.isFinite(built) || SOURCES.some((d) => newestMtime(join(ROOT, d)) > built);
}

/** Build site/dist when it is missing or older than its sources. Test files may call this concurrently. */
export async function ensureSiteBuilt(): Promise<void> {
  const lock = join(ROOT, 'site/.build-lock');
  for (;;) {
    if (!isStale()) return;
    try {
      mkdirSync(lock);
    } catch {
      // Another test file is building (or a stale lock from a killed run: give up waiting after 90 s).
      const age = Date.now() - statSync(lock, { throwIfNoEntry: false })?.mtimeMs!;
      if (age > 90_000) rmSync(lock, { recursive: true, force: true });
      await new Promise((r) => setTimeout(r, 500));
      continue;
    }
    try {
      if (isStale()) {
        const started = Date.now();
        execFileSync(process.execPath, [join(ROOT, 'node_modules/astro/astro.js'), 'build', '--root', 'site'], {
          cwd: ROOT,
          // vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
          env: { ...process.env, NODE_ENV: 'production', ASTRO_TELEMETRY_DISABLED: '1' },
          stdio: 'pipe',
        });
        writeFileSync(BUILD_STAMP, String(started));
      }
      return;
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/** A static file server for site/dist on 127.0.0.1 and a random port. Records every request path. */
export async function serveDist(): Promise<{ url: string; server: Server; requests: string[]; close: () => Promise<void> }> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    requests.push(url.pathname);
    if (url.pathname === AXE_URL_PATH) {
      // axe-core for the accessibility checks: served same-origin so the page's CSP allows it.
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(readFileSync(AXE));
      return;
    }
    let p = normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, '');
    let file = resolve(DIST, `.${p}`);
    if (!file.startsWith(DIST)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    else if (!existsSync(file) && existsSync(`${file}.html`)) file = `${file}.html`;
    if (!existsSync(file)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    p = file;
    res.writeHead(200, { 'content-type': TYPES[extname(p)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    res.end(readFileSync(p));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, server, requests, close: () => new Promise((r) => server.close(() => r())) };
}

export async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

/** Console errors/warnings and page errors, to assert there are none. */
export function watchConsole(page: Page): string[] {
  const messages: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') messages.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => messages.push(`pageerror: ${e.message}`));
  return messages;
}


/** Serious and critical axe violations on the page as it is now. */
export async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ url: AXE_URL_PATH });
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, o: unknown) => Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    return axe.run(document, { resultTypes: ['violations'] });
  });
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')})`);
}

export async function waitForPlanner(page: Page): Promise<void> {
  await page.waitForSelector('[data-testid="step-cloud"], [data-testid^="step-"]', { timeout: 15_000 });
  // The island hydrates on the first sign of a user (client:intent): a pointer move is one. Moved
  // again until it has hydrated (the directive may not be listening yet while the page parses).
  for (let i = 0; ; i++) {
    await page.mouse.move(1 + (i % 2), 1);
    const hydrated = await page.waitForFunction(() => !document.querySelector('astro-island[ssr]'), undefined, { timeout: 1000 }).then(() => true, () => false);
    if (hydrated) return;
    if (i >= 15) throw new Error('the planner did not hydrate within 16 s of pointer moves');
  }
}

export function screenshotPath(name: string): string {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return join(SCREENSHOTS, `${name}.png`);
}

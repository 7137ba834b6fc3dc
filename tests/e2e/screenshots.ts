// Where the e2e tests put their screenshots (not a test file; no browser needed to import it).
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * The committed screenshots in docs/screenshots/ are rewritten only when UPDATE_SCREENSHOTS=1;
 * a plain `npm test` writes to a temporary directory, so the working tree stays clean (PNG
 * bytes differ from run to run even when nothing visible changed).
 */
export function screenshotDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.UPDATE_SCREENSHOTS === '1' ? join(ROOT, 'docs/screenshots') : join(tmpdir(), `opsta-screenshots-${process.pid}`);
}

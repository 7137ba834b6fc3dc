/**
 * A real git smart-HTTP server on 127.0.0.1: a Node `http` server running `git http-backend` as a
 * CGI for each request (toolchain.md §6), over bare repositories in a temp directory. Basic auth is
 * checked against one token (any user name, as GitHub does); a wrong or missing one gets 401.
 *
 *   const srv = await GitServer.start({ token: 's3cret' });
 *   const url = srv.createRepo('acme/infra', { 'README.md': 'hi\n' }); // http://127.0.0.1:<port>/acme/infra.git
 *   ... push to url ...
 *   srv.git('acme/infra', 'log', '--oneline', 'opsta/x');             // the real git on the bare repo
 *   await runAsync('git', ['clone', url, dir]);                          // never spawnSync against this server
 *   await srv.close();
 *
 * Races and interruptions are injected with `srv.beforeRequest` (see RequestHook): e.g. a real
 * `git push` from a second clone when the first receive-pack request arrives, or a dropped connection.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const hasGitHttpBackend = () => spawnSync('git', ['--exec-path'], { encoding: 'utf8' }).status === 0 && spawnSync('git', ['http-backend'], { env: { ...process.env, REQUEST_METHOD: 'GET', GIT_PROJECT_ROOT: tmpdir(), PATH_INFO: '/' } }).status !== null;

/** Which smart-HTTP step a request is: discovery (`GET info/refs?service=`) or the exchange itself (`POST`). */
export interface GitRequest {
  method: string;
  /** e.g. `/acme/infra.git` */
  repo: string;
  service: 'upload-pack' | 'receive-pack' | 'other';
  phase: 'discover' | 'exchange' | 'other';
}

/**
 * Runs before a request reaches `git http-backend`, which waits for it (other requests, e.g. a second
 * push the hook performs, are served meanwhile). Its answer: nothing (serve as usual), `drop` (close
 * the connection before the backend sees the request: nothing lands), or `drop-answer` (the backend
 * runs to the end, so a push lands, then the connection closes before the client reads the answer).
 */
export type RequestHook = (r: GitRequest) => Promise<void | 'drop' | 'drop-answer'> | void | 'drop' | 'drop-answer';

function describeRequest(method: string, url: URL): GitRequest {
  const service = url.searchParams.get('service') ?? url.pathname.split('/').pop() ?? '';
  const m = /^(.*?\.git)\/(info\/refs|git-upload-pack|git-receive-pack)$/.exec(url.pathname);
  return {
    method,
    repo: m?.[1] ?? url.pathname,
    service: service === 'git-upload-pack' ? 'upload-pack' : service === 'git-receive-pack' ? 'receive-pack' : 'other',
    phase: !m ? 'other' : m[2] === 'info/refs' ? 'discover' : 'exchange',
  };
}

const GIT_ENV = { GIT_AUTHOR_NAME: 'Someone', GIT_AUTHOR_EMAIL: 'someone@example.invalid', GIT_COMMITTER_NAME: 'Someone', GIT_COMMITTER_EMAIL: 'someone@example.invalid', GIT_CONFIG_NOSYSTEM: '1', HOME: tmpdir() };

export class GitServer {
  /** Requests served, for the bench. */
  readonly requests: { method: string; path: string; requestBytes: number; responseBytes: number }[] = [];
  /** Test hook run before each authenticated request is served (see RequestHook). */
  beforeRequest?: RequestHook;

  private constructor(
    private readonly server: Server,
    readonly root: string,
    readonly baseUrl: string,
  ) {}

  static async start(opts: { token: string }): Promise<GitServer> {
    const root = mkdtempSync(join(tmpdir(), 'opsta-git-srv-'));
    let self!: GitServer;
    const server = createServer((req, res) => void serve(req, res));
    const serve = async (req: IncomingMessage, res: ServerResponse) => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const auth = req.headers.authorization ?? '';
      const m = /^Basic (.+)$/i.exec(auth);
      const password = m ? Buffer.from(m[1]!, 'base64').toString('utf8').split(':').slice(1).join(':') : '';
      const log = { method: req.method ?? 'GET', path: url.pathname, requestBytes: 0, responseBytes: 0 };
      self.requests.push(log);
      if (password !== opts.token) {
        res.writeHead(401, { 'www-authenticate': 'Basic realm="git"' });
        res.end('authentication required\n');
        return;
      }
      // The body is not read until the hook is done (no 'data' listener yet), so it waits in the socket.
      let verdict: Awaited<ReturnType<RequestHook>>;
      try {
        verdict = await self.beforeRequest?.(describeRequest(req.method ?? 'GET', url));
      } catch (e) {
        res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(`test hook failed: ${e instanceof Error ? e.message : String(e)}\n`);
        return;
      }
      if (verdict === 'drop') {
        req.socket.destroy();
        return;
      }
      const cgi = spawn('git', ['http-backend'], {
        env: {
          ...process.env, ...GIT_ENV, GIT_PROJECT_ROOT: root, GIT_HTTP_EXPORT_ALL: '1', REMOTE_USER: 'opsta', PATH_INFO: url.pathname, QUERY_STRING: url.search.slice(1),
          REQUEST_METHOD: req.method ?? 'GET', CONTENT_TYPE: req.headers['content-type'] ?? '', HTTP_CONTENT_ENCODING: String(req.headers['content-encoding'] ?? ''), GIT_PROTOCOL: String(req.headers['git-protocol'] ?? ''),
        },
      });
      req.on('data', (c: Buffer) => (log.requestBytes += c.length));
      req.pipe(cgi.stdin);
      const out: Buffer[] = [];
      cgi.stdout.on('data', (c: Buffer) => out.push(c));
      cgi.on('close', () => {
        if (verdict === 'drop-answer') {
          req.socket.destroy();
          return;
        }
        const all = Buffer.concat(out);
        const split = all.indexOf('\r\n\r\n') >= 0 ? all.indexOf('\r\n\r\n') : all.indexOf('\n\n');
        const sep = all.indexOf('\r\n\r\n') >= 0 ? 4 : 2;
        const head = all.subarray(0, split).toString('utf8');
        const body = all.subarray(split + sep);
        let status = 200;
        const headers: Record<string, string> = {};
        for (const line of head.split(/\r?\n/)) {
          const i = line.indexOf(':');
          if (i < 0) continue;
          const k = line.slice(0, i).trim();
          const v = line.slice(i + 1).trim();
          if (k.toLowerCase() === 'status') status = Number.parseInt(v, 10);
          else headers[k] = v;
        }
        log.responseBytes = body.length;
        res.writeHead(status, headers);
        res.end(body);
      });
    };
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    self = new GitServer(server, root, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    return self;
  }

  /** A bare repository whose `main` holds `files` in one commit; returns its clone URL. */
  createRepo(fullName: string, files: Record<string, string>, branch = 'main'): string {
    const bare = join(this.root, `${fullName}.git`);
    mkdirSync(dirname(bare), { recursive: true });
    run('git', ['init', '-q', '--bare', '-b', branch, bare]);
    run('git', ['-C', bare, 'config', 'http.receivepack', 'true']);
    const work = mkdtempSync(join(tmpdir(), 'opsta-git-seed-'));
    run('git', ['init', '-q', '-b', branch, work]);
    for (const [p, t] of Object.entries(files)) {
      mkdirSync(dirname(join(work, p)), { recursive: true });
      writeFileSync(join(work, p), t);
    }
    run('git', ['-C', work, 'add', '-A']);
    run('git', ['-C', work, 'commit', '-q', '--allow-empty', '-m', 'initial commit']);
    run('git', ['-C', work, 'push', '-q', bare, `${branch}:${branch}`]);
    rmSync(work, { recursive: true, force: true });
    return `${this.baseUrl}/${fullName}.git`;
  }

  /** The real git on a bare repository. */
  git(fullName: string, ...args: string[]): string {
    return run('git', ['-C', join(this.root, `${fullName}.git`), ...args]);
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((r) => this.server.close(() => r()));
    rmSync(this.root, { recursive: true, force: true });
  }
}

/** The real git against this server (clone, push): asynchronous, since the server runs in this process and spawnSync would starve it. */
export function runAsync(cmd: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const c = spawn(cmd, args, { env: { ...process.env, ...GIT_ENV } });
    let out = '';
    let err = '';
    c.stdout.on('data', (d) => (out += d));
    c.stderr.on('data', (d) => (err += d));
    c.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`${cmd} ${args.join(' ')} failed: ${err}`))));
  });
}

/** A local git command (no network): synchronous is fine. */
export function run(cmd: string, args: string[], cwd?: string): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8', cwd, env: { ...process.env, ...GIT_ENV } });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}

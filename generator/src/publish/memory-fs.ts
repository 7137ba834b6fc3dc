// The smallest in-memory file system isomorphic-git needs (its `fs.promises` client interface), so
// the git path keeps its objects in memory in Node and in the browser alike, with no temp directory.
type Node = { kind: 'file'; data: Uint8Array; mtimeMs: number } | { kind: 'dir' } | { kind: 'link'; target: string };

function fsError(code: string, path: string): Error {
  return Object.assign(new Error(`${code}: ${path}`), { code, path });
}

const norm = (p: string) => `/${p.split('/').filter((s) => s && s !== '.').join('/')}`;
const parent = (p: string) => p.slice(0, p.lastIndexOf('/')) || '/';

export function memoryFs() {
  const nodes = new Map<string, Node>([['/', { kind: 'dir' }]]);
  let ino = 1;
  const stat = (path: string) => {
    const n = nodes.get(norm(path));
    if (!n) throw fsError('ENOENT', path);
    const size = n.kind === 'file' ? n.data.length : 0;
    const mtimeMs = n.kind === 'file' ? n.mtimeMs : 0;
    return {
      type: n.kind, mode: n.kind === 'dir' ? 0o40755 : n.kind === 'link' ? 0o120000 : 0o100644, size, ino: ino++, mtimeMs, ctimeMs: mtimeMs, uid: 1, gid: 1, dev: 1,
      isFile: () => n.kind === 'file', isDirectory: () => n.kind === 'dir', isSymbolicLink: () => n.kind === 'link',
    };
  };
  const needDir = (path: string) => {
    const d = nodes.get(parent(norm(path)));
    if (!d) throw fsError('ENOENT', path);
    if (d.kind !== 'dir') throw fsError('ENOTDIR', path);
  };
  const promises = {
    async readFile(path: string, opts?: { encoding?: string } | string) {
      const n = nodes.get(norm(path));
      if (!n) throw fsError('ENOENT', path);
      if (n.kind !== 'file') throw fsError('EISDIR', path);
      const enc = typeof opts === 'string' ? opts : opts?.encoding;
      return enc === 'utf8' || enc === 'utf-8' ? new TextDecoder().decode(n.data) : n.data;
    },
    async writeFile(path: string, data: Uint8Array | string) {
      needDir(path);
      nodes.set(norm(path), { kind: 'file', data: typeof data === 'string' ? new TextEncoder().encode(data) : new Uint8Array(data), mtimeMs: Date.now() });
    },
    async unlink(path: string) {
      const p = norm(path);
      if (!nodes.has(p)) throw fsError('ENOENT', path);
      nodes.delete(p);
    },
    async readdir(path: string) {
      const p = norm(path);
      const n = nodes.get(p);
      if (!n) throw fsError('ENOENT', path);
      if (n.kind !== 'dir') throw fsError('ENOTDIR', path);
      const prefix = p === '/' ? '/' : `${p}/`;
      return [...nodes.keys()].filter((k) => k !== p && k.startsWith(prefix) && !k.slice(prefix.length).includes('/')).map((k) => k.slice(prefix.length));
    },
    async mkdir(path: string) {
      const p = norm(path);
      if (nodes.has(p)) throw fsError('EEXIST', path);
      needDir(path);
      nodes.set(p, { kind: 'dir' });
    },
    async rmdir(path: string) {
      const p = norm(path);
      if ((await promises.readdir(path)).length) throw fsError('ENOTEMPTY', path);
      nodes.delete(p);
    },
    async stat(path: string) {
      return stat(path);
    },
    async lstat(path: string) {
      return stat(path);
    },
    async readlink(path: string) {
      const n = nodes.get(norm(path));
      if (n?.kind !== 'link') throw fsError('EINVAL', path);
      return n.target;
    },
    async symlink(target: string, path: string) {
      needDir(path);
      nodes.set(norm(path), { kind: 'link', target });
    },
    async chmod() {},
  };
  return { promises };
}

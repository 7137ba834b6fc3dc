/**
 * Certificates made in the test with the openssl CLI: a throw-away CA and leaf certificates with
 * any validity window and subject alternative names (valid, expiring, expired, for another host).
 * `openssl ca` takes explicit -startdate/-enddate, so an expired certificate is really expired and
 * Node's own verification says CERT_HAS_EXPIRED. Nothing here is a secret; everything lives in a
 * temporary directory removed by cleanup().
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function hasOpenssl(): boolean {
  return /^OpenSSL [3-9]/.test(execFileSync('openssl', ['version'], { encoding: 'utf8' }));
}

export interface TestCert {
  key: string;
  cert: string;
}

export interface TestPki {
  /** The CA certificate (PEM) to trust. */
  caPem: string;
  issue(o: { hosts: string[]; notBefore: Date; notAfter: Date }): TestCert;
  cleanup(): void;
}

const DAY = 86_400_000;
/** An ASN.1 time for `openssl ca` (YYYYMMDDHHMMSSZ). */
const asn1 = (d: Date) => `${d.toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z`;

export const days = (n: number, from = new Date()) => new Date(from.getTime() + n * DAY);

export function makeTestPki(): TestPki {
  const dir = mkdtempSync(join(tmpdir(), 'opsta-pki-'));
  const ssl = (...args: string[]) =>
    execFileSync('openssl', args, {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  mkdirSync(join(dir, 'new'));
  writeFileSync(join(dir, 'index.txt'), '');
  writeFileSync(join(dir, 'serial'), '1000\n');
  writeFileSync(
    join(dir, 'ca.cnf'),
    [
      '[ca]',
      'default_ca = test',
      '[test]',
      `dir = ${dir}`,
      'database = $dir/index.txt',
      'new_certs_dir = $dir/new',
      'serial = $dir/serial',
      'default_md = sha256',
      'policy = any',
      'copy_extensions = copy',
      'unique_subject = no',
      'x509_extensions = leaf',
      '[any]',
      'commonName = supplied',
      '[leaf]',
      'basicConstraints = critical,CA:FALSE',
      'keyUsage = critical,digitalSignature',
      'extendedKeyUsage = serverAuth',
      '',
    ].join('\n'),
  );
  ssl(
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:P-256',
    '-nodes',
    '-keyout',
    'ca.key',
    '-out',
    'ca.pem',
    '-subj',
    '/CN=Opsta Test CA',
    '-days',
    '3650',
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
  );
  let n = 0;
  return {
    caPem: readFileSync(join(dir, 'ca.pem'), 'utf8'),
    issue({ hosts, notBefore, notAfter }) {
      const id = `leaf${++n}`;
      ssl(
        'req',
        '-new',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:P-256',
        '-nodes',
        '-keyout',
        `${id}.key`,
        '-out',
        `${id}.csr`,
        '-subj',
        `/CN=${hosts[0]}`,
        '-addext',
        `subjectAltName=${hosts.map((h) => `DNS:${h}`).join(',')}`,
      );
      ssl(
        'ca',
        '-batch',
        '-config',
        'ca.cnf',
        '-cert',
        'ca.pem',
        '-keyfile',
        'ca.key',
        '-in',
        `${id}.csr`,
        '-out',
        `${id}.pem`,
        '-notext',
        '-startdate',
        asn1(notBefore),
        '-enddate',
        asn1(notAfter),
      );
      return {
        key: readFileSync(join(dir, `${id}.key`), 'utf8'),
        cert: readFileSync(join(dir, `${id}.pem`), 'utf8'),
      };
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

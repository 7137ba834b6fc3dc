/**
 * A real DNS server for tests: UDP on 127.0.0.1, answering A queries from a table (NXDOMAIN for
 * names it does not know, an empty NOERROR answer for other types of a known name). Enough for
 * `dns.Resolver.setServers(['127.0.0.1:PORT'])`, which then takes the same path as in production.
 */
import { createSocket, type Socket } from 'node:dgram';

export interface TestDnsServer {
  /** `127.0.0.1:PORT`, for Resolver.setServers. */
  address: string;
  /** Change answers while running (e.g. a record external-dns has not published yet). */
  records: Map<string, string[]>;
  /** Names asked, in order (lowercase, no trailing dot). */
  queries: string[];
  close(): Promise<void>;
}

function readName(msg: Buffer, offset: number): { name: string; end: number } {
  const labels: string[] = [];
  let i = offset;
  while (msg[i] !== 0) {
    const len = msg[i]!;
    labels.push(msg.subarray(i + 1, i + 1 + len).toString('ascii'));
    i += len + 1;
  }
  return { name: labels.join('.').toLowerCase(), end: i + 1 };
}

export function answer(query: Buffer, records: Map<string, string[]>): { name: string; reply: Buffer } {
  const { name, end } = readName(query, 12);
  const qtype = query.readUInt16BE(end);
  const question = query.subarray(12, end + 4);
  const known = records.get(name);
  const ips = known && qtype === 1 ? known : [];
  const header = Buffer.alloc(12);
  query.copy(header, 0, 0, 2); // id
  const rd = query[2]! & 0x01;
  header[2] = 0x80 | 0x04 | rd; // QR, AA, RD echoed
  header[3] = 0x80 | (known ? 0 : 3); // RA, NOERROR or NXDOMAIN
  header.writeUInt16BE(1, 4);
  header.writeUInt16BE(ips.length, 6);
  const answers = ips.map((ip) => {
    const rr = Buffer.alloc(16);
    rr.writeUInt16BE(0xc00c, 0); // pointer to the question's name
    rr.writeUInt16BE(1, 2); // A
    rr.writeUInt16BE(1, 4); // IN
    rr.writeUInt32BE(60, 6); // TTL
    rr.writeUInt16BE(4, 10);
    ip.split('.').forEach((o, k) => (rr[12 + k] = Number(o)));
    return rr;
  });
  return { name, reply: Buffer.concat([header, question, ...answers]) };
}

export async function startDnsServer(initial: Record<string, string[]>): Promise<TestDnsServer> {
  const records = new Map(Object.entries(initial).map(([k, v]) => [k.toLowerCase(), v]));
  const queries: string[] = [];
  const socket: Socket = createSocket('udp4');
  socket.on('message', (msg, rinfo) => {
    try {
      const { name, reply } = answer(msg, records);
      queries.push(name);
      socket.send(reply, rinfo.port, rinfo.address);
    } catch {
      // A malformed packet gets no answer, like a real server would drop it.
    }
  });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  const { port } = socket.address();
  return {
    address: `127.0.0.1:${port}`,
    records,
    queries,
    close: () => new Promise((r) => socket.close(() => r())),
  };
}

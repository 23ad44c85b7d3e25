// The latency relay's own ceiling: a plain TCP stream of `mib` MiB from one process,
// through the relay (which runs in the benchmark's process), to a sink in the same other
// process. The benchmark's process then does nothing but relay, so its CPU is the relay's.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { startLatencyRelay } from '../support/latencyRelay.js';

// Plain JavaScript for `node -e`: a sink that prints its port, then, given the relay's
// port on stdin, a source that writes `mib` MiB into the relay; prints the milliseconds
// from the source's connect to the sink's end of stream.
const peers = `
const net = require('node:net');
const mib = Number(process.argv[1]);
let began = 0, got = 0;
const sink = net.createServer((s) => {
  s.on('data', (d) => (got += d.length));
  s.on('end', () => { console.log(JSON.stringify({ ms: performance.now() - began, got })); process.exit(0); });
});
sink.listen(0, '127.0.0.1', () => console.log(sink.address().port));
process.stdin.once('data', (line) => {
  const block = Buffer.alloc(1024 * 1024, 7);
  const source = net.connect(Number(String(line).trim()), '127.0.0.1', () => {
    began = performance.now();
    let sent = 0;
    const pump = () => {
      while (sent < mib) { sent++; if (!source.write(block)) return source.once('drain', pump); }
      source.end();
    };
    pump();
  });
});`;

export interface RelayCeiling {
  mibPerSecond: number;
  /** CPU seconds the relay spent per GiB it carried. */
  cpuSecondsPerGiB: number;
}

export async function measureRelayCeiling(mib: number, oneWayMs: number): Promise<RelayCeiling> {
  const child = spawn(process.execPath, ['-e', peers, String(mib)], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const sinkPort = Number((await lines.next()).value);
  const relay = await startLatencyRelay({ host: '127.0.0.1', port: sinkPort }, { oneWayMs });
  try {
    const cpu = process.cpuUsage();
    child.stdin.write(`${relay.port}\n`);
    const { ms, got } = JSON.parse((await lines.next()).value as string) as { ms: number; got: number };
    const used = process.cpuUsage(cpu);
    if (got !== mib * 1024 * 1024) throw new Error(`relay ceiling: the sink got ${got} bytes of ${mib} MiB`);
    // The handshake's round trip and the last chunk's one-way delay are latency, not bandwidth.
    const seconds = (ms - 3 * oneWayMs) / 1000;
    return { mibPerSecond: mib / seconds, cpuSecondsPerGiB: ((used.user + used.system) / 1e6) * (1024 / mib) };
  } finally {
    child.kill();
    await relay.close();
  }
}

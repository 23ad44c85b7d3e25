import net from 'node:net';
import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
const s3 = new S3Client({ endpoint: 'http://127.0.0.1:7681', region: 'us-east-1', forcePathStyle: true, credentials: { accessKeyId: 'TESTACCESSKEY', secretAccessKey: 'TESTSECRETKEY' } });
const url = new URL(await getSignedUrl(s3, new GetObjectCommand({ Bucket: 'profbench', Key: 'stowage/gib.bin' }), { expiresIn: 3600 }));
let maxAb = 0; setInterval(() => { maxAb = Math.max(maxAb, process.memoryUsage().arrayBuffers); }, 10).unref();
const size = 1 << 30, range = 8 << 20; let next = 0; let total = 0;
const t = performance.now(); const c0 = process.cpuUsage();
const BUF = Number(process.env.BUF || 256) * 1024;
function conn() {
  let state; // { head: string, remaining, resolve }
  const sock = net.connect({ host: '127.0.0.1', port: 7681, noDelay: true, onread: { buffer: Buffer.allocUnsafe(BUF), callback(n, buf) {
    let off = 0;
    if (state.remaining < 0) {
      state.head += buf.latin1Slice(0, n);
      const i = state.head.indexOf('\r\n\r\n'); if (i < 0) return;
      const m = /content-length: *(\d+)/i.exec(state.head.slice(0, i)); state.remaining = Number(m[1]);
      off = n - (state.head.length - i - 4);
    }
    const body = n - off; total += body; state.remaining -= body;
    if (state.remaining === 0) { const r = state.resolve; state = undefined; r(); }
  } } });
  return { get(s) { return new Promise((resolve) => { state = { head: '', remaining: -1, resolve }; sock.write(`GET ${url.pathname}${url.search} HTTP/1.1\r\nHost: ${url.host}\r\nRange: bytes=${s}-${s + range - 1}\r\n\r\n`); }); }, sock };
}
await Promise.all(Array.from({ length: 6 }, async () => {
  const c = conn();
  while (next < size) { const s = next; next += range; await c.get(s); }
  c.sock.end();
}));
const c = process.cpuUsage(c0);
console.log('net buf', BUF, 'MiB', total >> 20, 'wall', (performance.now() - t).toFixed(0), 'user', (c.user / 1000) | 0, 'sys', (c.system / 1000) | 0, 'maxAb', (maxAb / 1048576).toFixed(0), 'rss', (process.resourceUsage().maxRSS / 1024) | 0);
process.exit(0);

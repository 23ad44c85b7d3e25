// Which proxy a URL goes through: NO_PROXY matching, proxy addresses, Electron's PAC-style
// answers, and the order the core asks (NO_PROXY, the environment, then the OS).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '../../electron/core/errors.js';
import { bypassesProxy } from '../../electron/core/net/noProxy.js';
import { proxyPicker } from '../../electron/core/net/proxyPicker.js';
import { parseProxyUrl, proxyFromPac } from '../../electron/core/net/proxyServer.js';

describe('NO_PROXY', () => {
  const cases: [noProxy: string | undefined, host: string, port: number, bypass: boolean][] = [
    [undefined, 'example.com', 443, false],
    ['', 'example.com', 443, false],
    ['*', 's3.amazonaws.com', 443, true],
    ['example.com', 'example.com', 443, true],
    ['example.com', 'a.b.example.com', 443, true],
    ['example.com', 'badexample.com', 443, false],
    ['.example.com', 'a.example.com', 443, true],
    ['.example.com', 'example.com', 443, false],
    ['*.example.com', 'a.example.com', 443, true],
    ['*.example.com', 'example.com', 443, false],
    ['EXAMPLE.com', 'Example.COM', 443, true],
    ['example.com', 'example.com.', 443, true],
    ['other.org, example.com', 'example.com', 443, true],
    ['other.org example.com', 'example.com', 443, true],
    ['other.org,,example.com ', 'example.com', 80, true],
    ['example.com:8443', 'example.com', 8443, true],
    ['example.com:8443', 'example.com', 443, false],
    ['127.0.0.1', '127.0.0.1', 7480, true],
    ['127.0.0.1', '127.0.0.2', 7480, false],
    ['127.0.0.1:7480', '127.0.0.1', 7481, false],
    ['1.0.0.1', '11.0.0.1', 443, false],
    ['10.0.0.0/8', '10.20.30.40', 443, true],
    ['10.0.0.0/8', '11.0.0.1', 443, false],
    ['10.0.0.0/8', 'ten.example.com', 443, false],
    ['::1', '[::1]', 443, true],
    ['[::1]:2222', '[::1]', 2222, true],
    ['[::1]:2222', '::1', 22, false],
    ['fd00::/8', '[fd12::5]', 443, true],
    ['localhost', '127.0.0.1', 443, false],
  ];
  it.each(cases)('NO_PROXY=%j for %s:%i bypasses: %s', (noProxy, host, port, bypass) => {
    expect(bypassesProxy(noProxy, host, port)).toBe(bypass);
  });
});

describe('proxy addresses', () => {
  it('reads http:// addresses, with or without scheme, port and credentials', () => {
    expect(parseProxyUrl('http://proxy.corp:3128')).toEqual({ host: 'proxy.corp', port: 3128 });
    expect(parseProxyUrl('proxy.corp:8080')).toEqual({ host: 'proxy.corp', port: 8080 });
    expect(parseProxyUrl('http://proxy.corp')).toEqual({ host: 'proxy.corp', port: 80 });
    expect(parseProxyUrl('http://[::1]:3128/')).toEqual({ host: '::1', port: 3128 });
    expect(parseProxyUrl('http://me%40corp:p%3Ass@proxy:3128')).toEqual({
      host: 'proxy',
      port: 3128,
      authorization: `Basic ${Buffer.from('me@corp:p:ss').toString('base64')}`,
    });
  });

  it('refuses SOCKS and TLS-to-the-proxy, and what is no address, with a sentence', () => {
    for (const text of ['socks5://proxy:1080', 'https://proxy:443']) {
      expect(() => parseProxyUrl(text)).toThrow(AppError);
      expect(() => parseProxyUrl(text)).toThrow(/is not an HTTP proxy.*HTTPS_PROXY/);
    }
    expect(() => parseProxyUrl('http://:3128')).toThrow(/is not an address/);
  });
});

describe("Electron's PAC-style answers", () => {
  it('takes the first entry it can use', () => {
    expect(proxyFromPac('DIRECT')).toBeUndefined();
    expect(proxyFromPac('')).toBeUndefined();
    expect(proxyFromPac('PROXY proxy.corp:3128')).toEqual({ host: 'proxy.corp', port: 3128 });
    expect(proxyFromPac('PROXY proxy.corp:3128; DIRECT')).toEqual({ host: 'proxy.corp', port: 3128 });
    expect(proxyFromPac(' proxy  a:1 ;PROXY b:2')).toEqual({ host: 'a', port: 1 });
    expect(proxyFromPac('HTTP a:8080')).toEqual({ host: 'a', port: 8080 });
    expect(proxyFromPac('SOCKS5 s:1080; PROXY p:3128; DIRECT')).toEqual({ host: 'p', port: 3128 });
    expect(proxyFromPac('SOCKS5 s:1080; DIRECT')).toBeUndefined();
    expect(proxyFromPac('DIRECT; PROXY p:3128')).toBeUndefined();
  });

  it('refuses an answer with only proxies it cannot use, rather than going around them', () => {
    expect(() => proxyFromPac('SOCKS5 s:1080; HTTPS h:443')).toThrow(/names only proxies Stowage cannot use/);
  });
});

describe('choosing the proxy for a URL', () => {
  afterEach(() => void vi.useRealTimers());
  const os = (answer: string) => {
    const asked: string[] = [];
    return { asked, resolve: async (url: string) => (asked.push(url), answer) };
  };

  it('uses HTTPS_PROXY for https, HTTP_PROXY for http, ALL_PROXY for both, lower case first', async () => {
    const pick = proxyPicker({ HTTPS_PROXY: 'http://s:1', HTTP_PROXY: 'http://h:2' });
    expect(await pick('https://bucket.s3.amazonaws.com/')).toEqual({ host: 's', port: 1 });
    expect(await pick('http://minio.lan:9000/')).toEqual({ host: 'h', port: 2 });
    expect(await proxyPicker({ ALL_PROXY: 'a:3' })('https://x/')).toEqual({ host: 'a', port: 3 });
    expect(await proxyPicker({ https_proxy: 'l:4', HTTPS_PROXY: 'u:5' })('https://x/')).toEqual({ host: 'l', port: 4 });
    expect(await proxyPicker({ HTTPS_PROXY: '' })('https://x/')).toBeUndefined();
  });

  it('lets NO_PROXY keep a host off both the environment proxy and the OS proxy', async () => {
    const system = os('PROXY osproxy:8080');
    const pick = proxyPicker({ HTTPS_PROXY: 'http://s:1', NO_PROXY: '127.0.0.1,.corp' }, system.resolve);
    expect(await pick('https://127.0.0.1:7481/')).toBeUndefined();
    expect(await pick('https://s3.corp/')).toBeUndefined();
    expect(await proxyPicker({ no_proxy: 's3.corp' }, system.resolve)('https://s3.corp/')).toBeUndefined();
    expect(system.asked).toEqual([]);
  });

  it('asks the OS only where the environment names no proxy, with the URL, and reads its answer', async () => {
    const system = os('PROXY osproxy:8080; DIRECT');
    expect(await proxyPicker({ HTTPS_PROXY: 'http://s:1' }, system.resolve)('https://x/')).toEqual({ host: 's', port: 1 });
    expect(system.asked).toEqual([]);
    expect(await proxyPicker({}, system.resolve)('https://s3.eu-west-1.amazonaws.com/')).toEqual({ host: 'osproxy', port: 8080 });
    expect(system.asked).toEqual(['https://s3.eu-west-1.amazonaws.com/']);
    expect(await proxyPicker({ HTTPS_PROXY: 'http://s:1' }, system.resolve)('http://minio.lan/')).toEqual({ host: 'osproxy', port: 8080 });
    expect(await proxyPicker({}, os('DIRECT').resolve)('https://x/')).toBeUndefined();
    expect(await proxyPicker({})('https://x/')).toBeUndefined();
  });

  it('gives up on an OS answer that never comes, with a sentence', async () => {
    vi.useFakeTimers();
    const outcome = proxyPicker({}, () => new Promise<string>(() => undefined))('https://x/').catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(10_001);
    expect(await outcome).toMatchObject({ kind: 'network', message: expect.stringMatching(/did not answer within 10 seconds/) });
  });
});

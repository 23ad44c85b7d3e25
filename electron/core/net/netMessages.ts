/**
 * What the user reads when a proxy, a CA file or a TLS handshake fails: every sentence of
 * electron/core/net in one place, each saying what to do next.
 */
export const netMessages = {
  proxyUnsupported: (proxy: string) =>
    `The proxy “${proxy}” is not an HTTP proxy. Stowage goes through HTTP proxies (http://host:port); set HTTPS_PROXY to one, or leave it unset.`,
  proxyMalformed: (proxy: string) => `The proxy setting “${proxy}” is not an address: it should look like http://proxy.example.com:3128.`,
  systemProxyUnsupported: (answer: string) =>
    `The system proxy setting (${answer}) names only proxies Stowage cannot use (SOCKS or HTTPS proxies). Set HTTPS_PROXY to an HTTP proxy, or NO_PROXY to connect directly.`,
  systemProxyTimeout: () => 'The system proxy setting (a PAC script or proxy auto-discovery) did not answer within 10 seconds. Check it, or set HTTPS_PROXY or NO_PROXY.',
  proxyUnreachable: (proxy: string, reason: string) => `Cannot reach the proxy ${proxy}: ${reason}. Check the proxy setting (HTTPS_PROXY or the system's).`,
  proxyTimeout: (proxy: string) => `The proxy ${proxy} did not open a tunnel in time. Check the proxy setting (HTTPS_PROXY or the system's).`,
  proxyNeedsLogin: (proxy: string) => `The proxy ${proxy} asks for a user name and password: put them in the proxy address (http://user:password@host:port).`,
  proxyRefused: (proxy: string, target: string, status: string) => `The proxy ${proxy} refused to connect to ${target} (${status}). Ask whoever runs the proxy to allow it, or set NO_PROXY for this server.`,
  proxyNotHttp: (proxy: string) => `The proxy ${proxy} did not answer like an HTTP proxy.`,
  proxyClosed: (proxy: string) => `The proxy ${proxy} closed the connection before opening the tunnel.`,

  caFileMissing: (path: string) => `The CA certificate file ${path} does not exist. Choose the file again in the connection's settings.`,
  caFileUnreadable: (path: string, reason: string) => `The CA certificate file ${path} cannot be read (${reason}).`,
  caFileTooLarge: (path: string) => `The CA certificate file ${path} is too large to be a certificate file.`,
  caFileNotPem: (path: string) =>
    `The CA certificate file ${path} is not a PEM certificate: it should be text starting with -----BEGIN CERTIFICATE-----. (A binary .cer or .der file converts with: openssl x509 -inform der -in FILE -out FILE.pem)`,
  caFileDamaged: (path: string) => `The CA certificate file ${path} holds a certificate that cannot be read: it is damaged or not a certificate.`,

  tlsUntrusted: () =>
    "The server's certificate is not trusted: it is self-signed, or signed by a certificate authority this computer does not know. If the server uses a private CA, name its certificate (a PEM file) as the connection's CA certificate file.",
  tlsWrongName: (host: string) =>
    `The server's certificate is not made out for ${host}. Connect by a name the certificate lists, or have the certificate reissued for this one; if the server uses a private CA, its certificate file goes in the connection's settings.`,
  tlsExpired: () => "The server's certificate has expired or is not valid yet: have it renewed on the server, or check this computer's date and time.",
  tlsNotTls: () => 'The server does not speak TLS on this port: check whether the endpoint should start with http:// instead of https://, and the port.',
} as const;

// The one rule for "this URL points at this machine", used where plain http is allowed for a local
// development provider (the BFF's config, the catalog's issuer discovery, the provider presets):
// `localhost`, the IPv4 loopback block 127.0.0.0/8 and IPv6 `::1`.

const IPV4_LOOPBACK = /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;

export function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || hostname === '::1' || IPV4_LOOPBACK.test(hostname);
}

/** True when the URL parses and its host is loopback (any scheme); false for anything unparsable. */
export function isLoopbackUrl(url: string | URL): boolean {
  try {
    return isLoopbackHost(new URL(url).hostname);
  } catch {
    return false;
  }
}

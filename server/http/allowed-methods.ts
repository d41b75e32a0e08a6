// Which methods an Express router answers at a path: for 405 Method Not Allowed and its Allow header
// (RFC 9110 §15.5.6), found by walking the router's stack the way Express matches it, so the list
// never goes stale when a route is added.

/** A router: Express's (router 2), whose types do not show the parts read here. */
export interface RouterStack {
  stack: readonly object[];
}

/** The parts of Express's Layer this reads. */
interface Layer {
  match(path: string): { path: string } | false;
  route?: { methods: Record<string, true> };
  handle?: unknown;
}

function isRouter(handle: unknown): handle is RouterStack {
  // Every layer has a handle (a function); a router's has its own stack.
  return Array.isArray((handle as { stack?: unknown }).stack);
}

function collect(router: RouterStack, path: string, methods: Set<string>): void {
  for (const layer of router.stack as readonly Layer[]) {
    let matched: { path: string } | false;
    try {
      matched = layer.match(path);
    } catch {
      continue; // a parameter that is not valid percent-encoding: Express answers that request itself
    }
    if (!matched) continue;
    if (layer.route) {
      // Express sets a method's flag only to true; `_all` (router.all) is every method, no list.
      for (const method of Object.keys(layer.route.methods)) if (method !== '_all') methods.add(method.toUpperCase());
    } else if (isRouter(layer.handle)) {
      collect(layer.handle, path.slice(matched.path.length) || '/', methods);
    }
  }
}

/** The methods `router`'s routes answer at `path`, HEAD with GET, in alphabetical order; [] when none does. */
export function allowedMethods(router: RouterStack, path: string): string[] {
  const methods = new Set<string>();
  collect(router, path, methods);
  if (methods.has('GET')) methods.add('HEAD');
  return [...methods].sort();
}

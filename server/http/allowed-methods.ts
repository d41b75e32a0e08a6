// Which routes of an Express router match a path, found by walking the router's stack the way Express
// matches it, so nothing here goes stale when a route is added. Two questions are asked of it: which
// methods the path answers, for 405 Method Not Allowed and its Allow header (RFC 9110 §15.5.6), and
// which route pattern a request was aimed at when it was answered before reaching any route (a 429 of
// the rate limiter, a refusal of a guard), so logs and metrics name that route (request-context.ts).

/** A router: Express's (router 2), whose types do not show the parts read here. */
export interface RouterStack {
  stack: readonly object[];
}

/** The parts of Express's Layer this reads. */
interface Layer {
  match(path: string): { path: string } | false;
  route?: { path: unknown; methods: Record<string, true> };
  handle?: unknown;
}

/** A route matching the path: its full pattern (mount paths included) when its path is a string, and its methods. */
interface MatchingRoute {
  pattern: string | undefined;
  methods: readonly string[];
}

function isRouter(handle: unknown): handle is RouterStack {
  // Every layer has a handle (a function); a router's has its own stack.
  return Array.isArray((handle as { stack?: unknown }).stack);
}

/** The routes of `router` matching `path`, in the order Express tries them. */
function* matchingRoutes(router: RouterStack, path: string, mountPath = ''): Generator<MatchingRoute> {
  for (const layer of router.stack as readonly Layer[]) {
    let matched: { path: string } | false;
    try {
      matched = layer.match(path);
    } catch {
      continue; // a parameter that is not valid percent-encoding: Express answers that request itself
    }
    if (!matched) continue;
    if (layer.route) {
      const routePath = layer.route.path;
      // Express sets a method's flag only to true; `_all` (router.all) is every method, no list.
      yield { pattern: typeof routePath === 'string' ? `${mountPath}${routePath}` : undefined, methods: Object.keys(layer.route.methods) };
    } else if (isRouter(layer.handle)) {
      // As req.baseUrl: the mount path as requested, which is the pattern for the fixed mount paths the BFF uses.
      yield* matchingRoutes(layer.handle, path.slice(matched.path.length) || '/', `${mountPath}${matched.path}`);
    }
  }
}

/** The methods `router`'s routes answer at `path`, HEAD with GET, in alphabetical order; [] when none does. */
export function allowedMethods(router: RouterStack, path: string): string[] {
  const methods = new Set<string>();
  for (const route of matchingRoutes(router, path)) {
    for (const method of route.methods) if (method !== '_all') methods.add(method.toUpperCase());
  }
  if (methods.has('GET')) methods.add('HEAD');
  return [...methods].sort();
}

/**
 * The route pattern a request for `method` at `path` was aimed at, as routeLabel names an answered
 * request ("/api/search/v1/search"): that of the first route that would handle it, or else (a method the
 * path does not answer) of the first route at that path; undefined when no route matches. Routes whose
 * path is a regular expression are passed over: their text is no label.
 */
export function routePatternAt(router: RouterStack, method: string, path: string): string | undefined {
  const wanted = method.toLowerCase();
  let otherMethod: string | undefined;
  for (const route of matchingRoutes(router, path)) {
    if (route.pattern === undefined) continue;
    // As Express: a route takes HEAD with its GET when it has no HEAD of its own.
    if (route.methods.includes(wanted) || route.methods.includes('_all') || (wanted === 'head' && route.methods.includes('get'))) return route.pattern;
    otherMethod ??= route.pattern;
  }
  return otherMethod;
}

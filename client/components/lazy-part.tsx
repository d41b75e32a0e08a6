// A part whose code loads when it is first shown (React's `lazy`: a menu, a dialog, a toast, rendered
// Markdown), made so that code which does not arrive (the server restarting, or a newer version deployed
// since the page was opened, whose files replaced this one's) costs that part alone: `Fallback` (by
// default nothing) shows in its place with the same props, and a render of the part a second or more
// later asks for the code again. A page's own code loads in app/router.tsx, whose error boundary offers
// a reload.
import { lazy, type ComponentProps, type ComponentType } from 'react';

// Any component, as React's own `lazy` takes (`any`: a component's props are contravariant).
export function lazyPart<T extends ComponentType<any>>(load: () => Promise<{ default: T }>, Fallback: ComponentType<ComponentProps<T>> = () => null) {
  type P = ComponentProps<T>;
  let Part: ComponentType<P>;
  // React keeps a `lazy`'s result for good, so a failed one is replaced; not at once, else the render
  // React retries as the fallback arrives would ask again, and again.
  const arm = (again?: boolean) => {
    Part = lazy(() => {
      // Vite asks for a chunk's stylesheet once: one that failed (Chromium keeps an empty sheet for a 404)
      // is asked for again with its code. Not one still loading (no sheet yet): Vite waits for its events.
      // Nansen's stylesheets are all its own, so their rules can be read.
      if (again) for (const link of document.querySelectorAll<HTMLLinkElement>('link[rel=stylesheet]')) if (link.sheet?.cssRules.length === 0) link.replaceWith(link.cloneNode());
      return (load() as Promise<{ default: ComponentType<P> }>).catch(() => {
        setTimeout(arm, 1000, true);
        return { default: Fallback };
      });
    });
  };
  arm();
  return (props: P) => <Part {...props} />;
}

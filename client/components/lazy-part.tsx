// A part whose code loads when it is first shown (React's `lazy`: a menu, a dialog, a toast, rendered
// Markdown), made so that code which does not arrive (the server restarting, or a newer version deployed
// since the page was opened, whose files replaced this one's) costs that part alone: `Fallback` (by
// default nothing) shows in its place with the same props, and the part's next render asks for the
// code again. A page's own code loads in app/router.tsx, whose error boundary offers a reload.
import { lazy, useEffect, type ComponentProps, type ComponentType } from 'react';

// Any component, as React's own `lazy` takes (`any`: a component's props are contravariant).
export function lazyPart<T extends ComponentType<any>>(load: () => Promise<{ default: T }>, Fallback: ComponentType<ComponentProps<T>> = () => null) {
  type P = ComponentProps<T>;
  let Part: ComponentType<P>;
  // A new `lazy` once the fallback is on screen: React keeps a failed one's error for good.
  const retry = () => {
    Part = lazy(() => (load() as Promise<{ default: ComponentType<P> }>).catch(() => ({ default: Failed })));
  };
  function Failed(props: P) {
    useEffect(retry, []);
    return <Fallback {...props} />;
  }
  retry();
  return (props: P) => <Part {...props} />;
}

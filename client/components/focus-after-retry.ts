// Where focus goes after an error state's "Try again" (state.tsx): when the retry works, the error
// state and the pressed button leave the page; focus goes to the heading before it (the panel's or
// the page's title, what now shows the content), not to <body>. When the retry fails again, the new
// error state's "Try again" takes focus back (if focus was lost, or is still where this put it).
import { useEffect, useRef } from 'react';

let pressed: { box: Element; heading?: HTMLElement } | undefined;

const headingBefore = (box: Element) =>
  [...document.querySelectorAll<HTMLElement>('h1,h2,h3,h4')].filter((h) => h.compareDocumentPosition(box) & 4 /* box follows h */).pop();

const lost = () => [document.body, null, pressed?.heading].includes(document.activeElement as HTMLElement);

/** Put the returned ref on the error state's box; call the returned function as "Try again" is pressed. */
export function useFocusAfterRetry() {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const box = ref.current;
    if (!box) return;
    if (pressed && !pressed.box.isConnected && headingBefore(box) === pressed.heading && lost()) {
      pressed = undefined;
      box.querySelector('button')?.focus();
    }
    return () => {
      if (pressed?.box !== box || !lost()) return;
      const heading = (pressed.heading = pressed.heading?.isConnected ? pressed.heading : (document.querySelector('h1') ?? undefined));
      heading?.setAttribute('tabindex', '-1');
      heading?.focus();
    };
  }, []);
  return [ref, () => (pressed = { box: ref.current!, heading: headingBefore(ref.current!) })] as const;
}

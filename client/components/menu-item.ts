// What a menu (menu.tsx, menu-popup.tsx) holds: links, actions and form POSTs.
import type { ReactNode } from 'react';

export type MenuItem =
  | { kind: 'link'; label: ReactNode; to: string; external?: boolean }
  | { kind: 'action'; label: ReactNode; onSelect: () => void }
  /** A form POST (e.g. log out): a real form, so it works like any other. */
  | { kind: 'post'; label: ReactNode; action: string; /** Runs as the form is sent (the browser then leaves the page). */ onSubmit?: () => void };

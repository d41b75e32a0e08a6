// Vitest setup for every test file. Component tests (jsdom) wait up to 5 s for what they find by role:
// Testing Library's 1 s default is shorter than a first render with its lazy imports takes on a busy
// 2-core machine (CI runs two test workers beside each other), and a slow machine is not a failing test.
if (typeof document !== 'undefined') {
  const { configure } = await import('@testing-library/react');
  configure({ asyncUtilTimeout: 5_000 });
  // jsdom has <dialog> but not its modal methods: open and close it by its attribute, as the browser
  // does (the top layer, inertness and Escape on the dialog are checked in Chromium by the e2e specs).
  HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  HTMLDialogElement.prototype.close ??= function (this: HTMLDialogElement) {
    this.removeAttribute('open');
  };
}
export {};

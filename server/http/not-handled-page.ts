// The last handler outside /api: a request no route answered gets a small page in Nansen's style
// (html-page.ts) instead of Express's bare "Cannot POST /search" — 405 with an Allow header when the
// address exists for other methods (every page answers GET), else 404.
import type { RequestHandler } from 'express';
import { allowedMethods, type RouterStack } from './allowed-methods';
import { renderPage } from './html-page';

export function createNotHandledPage(router: RouterStack): RequestHandler {
  return (req, res) => {
    const allowed = allowedMethods(router, req.path);
    const home = { label: 'Go to Nansen', href: '/' };
    res.set('Cache-Control', 'no-store');
    if (allowed.length === 0) {
      res.status(404).type('html').send(renderPage('Page not found', ['There is nothing at this address.'], home));
      return;
    }
    res.set('Allow', allowed.join(', '));
    res.status(405).type('html').send(renderPage(
      'This address cannot do that',
      [`This address does not take ${req.method} requests; it answers ${allowed.join(', ')}. A form or link that sent you here may be out of date: open the page again from Nansen.`],
      home,
    ));
  };
}

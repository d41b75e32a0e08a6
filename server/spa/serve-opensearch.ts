// /opensearch.xml: an OpenSearch description, so a browser offers "search Nansen" from its address
// bar (Amundsen serves one too). Built from PUBLIC_URL and the UI config's product name
// (documentTitle); public, no session: a browser fetches it on its own, with or without a login,
// and the search page it points at asks for one as every page does. index.html links to it
// (<link rel="search">); the page routes put the product name in that link's title.
import express, { type Router } from 'express';
import { escapeHtml } from '../../contract/escape-html';

export const OPENSEARCH_PATH = '/opensearch.xml';
export const OPENSEARCH_TYPE = 'application/opensearchdescription+xml';
/** OpenSearch 1.1: ShortName is at most 16 characters. */
const SHORT_NAME_LENGTH = 16;

// The project's one escaper serves XML too: its five replacements (`&#39;` for ') are XML's as well.
const escapeXml = escapeHtml;

export function renderOpenSearchDescription(options: { publicUrl: string; productName: string }): string {
  const base = options.publicUrl.replace(/\/+$/, '');
  const name = options.productName.trim() || 'Nansen';
  const shortName = [...name].length > SHORT_NAME_LENGTH ? [...name].slice(0, SHORT_NAME_LENGTH).join('').trimEnd() : name;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<OpenSearchDescription xmlns="http://a9.com/-/spec/opensearch/1.1/" xmlns:moz="http://www.mozilla.org/2006/browser/search/">',
    `  <ShortName>${escapeXml(shortName)}</ShortName>`,
    `  <Description>${escapeXml(`Search the ${name} data catalog: tables, dashboards and people`)}</Description>`,
    '  <InputEncoding>UTF-8</InputEncoding>',
    // {searchTerms} is the browser's placeholder: it must stay as it is, unescaped by URL encoding.
    `  <Url type="text/html" method="get" template="${escapeXml(`${base}/search?term={searchTerms}`)}"/>`,
    `  <Url type="${OPENSEARCH_TYPE}" rel="self" template="${escapeXml(`${base}${OPENSEARCH_PATH}`)}"/>`,
    `  <moz:SearchForm>${escapeXml(`${base}/search`)}</moz:SearchForm>`,
    '</OpenSearchDescription>',
    '',
  ].join('\n');
}

/** Mounted before the session middleware: no session is looked up or made. */
export function createOpenSearchRoute(options: { publicUrl: string; productName: string }): Router {
  const router = express.Router();
  const body = renderOpenSearchDescription(options);
  router.get(OPENSEARCH_PATH, (_req, res) => {
    res.set({ 'Content-Type': `${OPENSEARCH_TYPE}; charset=utf-8`, 'Cache-Control': 'public, max-age=3600' });
    res.send(body);
  });
  return router;
}

/** The link as client/index.html has it; the page routes swap in the configured product name. */
export const OPENSEARCH_LINK_IN_INDEX = `<link rel="search" type="${OPENSEARCH_TYPE}" title="Nansen" href="${OPENSEARCH_PATH}" />`;

/** index.html with its OpenSearch link titled with the product name (the build has "Nansen"). */
export function withOpenSearchTitle(indexHtml: string, productName: string): string {
  const name = productName.trim();
  if (!name || name === 'Nansen') return indexHtml;
  return indexHtml.replace(OPENSEARCH_LINK_IN_INDEX, () => OPENSEARCH_LINK_IN_INDEX.replace('title="Nansen"', `title="${escapeXml(name)}"`));
}

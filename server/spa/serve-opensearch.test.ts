import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { OPENSEARCH_LINK_IN_INDEX, renderOpenSearchDescription, withOpenSearchTitle } from './serve-opensearch';

describe('renderOpenSearchDescription', () => {
  it('points the browser at the search page of PUBLIC_URL, named after the product', () => {
    const xml = renderOpenSearchDescription({ publicUrl: 'https://catalog.example.com/', productName: 'Nansen' });
    expect(xml).toBe([
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<OpenSearchDescription xmlns="http://a9.com/-/spec/opensearch/1.1/" xmlns:moz="http://www.mozilla.org/2006/browser/search/">',
      '  <ShortName>Nansen</ShortName>',
      '  <Description>Search the Nansen data catalog: tables, dashboards and people</Description>',
      '  <InputEncoding>UTF-8</InputEncoding>',
      '  <Url type="text/html" method="get" template="https://catalog.example.com/search?term={searchTerms}"/>',
      '  <Url type="application/opensearchdescription+xml" rel="self" template="https://catalog.example.com/opensearch.xml"/>',
      '  <moz:SearchForm>https://catalog.example.com/search</moz:SearchForm>',
      '</OpenSearchDescription>',
      '',
    ].join('\n'));
  });

  it('escapes the name and URL, and cuts ShortName to 16 characters', () => {
    const xml = renderOpenSearchDescription({ publicUrl: 'https://x.example/a&b', productName: 'Data <Catalog> & "Friends" of Polar Research' });
    expect(xml).toContain('<ShortName>Data &lt;Catalog&gt; &amp;</ShortName>');
    expect(xml).toContain('<Description>Search the Data &lt;Catalog&gt; &amp; &quot;Friends&quot; of Polar Research data catalog');
    expect(xml).toContain('template="https://x.example/a&amp;b/search?term={searchTerms}"');
    expect(xml).not.toMatch(/<Catalog>|"Friends"/);
  });
});

describe('withOpenSearchTitle', () => {
  const index = `<html><head>${OPENSEARCH_LINK_IN_INDEX}<title>Nansen</title></head></html>`;

  it('titles the link with the product name, escaped; leaves the page as it is for "Nansen"', () => {
    expect(withOpenSearchTitle(index, 'Polar "Data"')).toBe(index.replace('title="Nansen"', 'title="Polar &quot;Data&quot;"'));
    expect(withOpenSearchTitle(index, 'Nansen')).toBe(index);
  });

  it('matches the link client/index.html has', () => {
    const html = fs.readFileSync(path.join(import.meta.dirname, '../../client/index.html'), 'utf8');
    expect(html).toContain(OPENSEARCH_LINK_IN_INDEX);
  });
});

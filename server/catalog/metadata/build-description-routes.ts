// GET and PUT `PREFIX/description` for tables, columns, nested types and dashboards (API.md §4.3,
// §4.6). Our extension (description-etag.ts): the GET and the PUT answer an ETag of the text stored,
// and a PUT with `If-Match` that no longer matches is refused with 412 and writes nothing. Clients
// that send no If-Match (Amundsen's) write as before. With ETags switched off (`etags: false`, a
// test stand-in for real Amundsen services) neither is sent nor honoured.
import type { Response } from 'express';
import { NotFoundError, PreconditionFailedError } from '../http/catalog-errors';
import type { CatalogRoute } from '../http/route-decoded-path';
import { sendJson } from '../http/send-json';
import type { CatalogStore } from '../store/create-catalog-store';
import type { ResourceRef } from '../store/edit-resources';
import { descriptionEtag, ifMatchAccepts } from './description-etag';
import { parseDescriptionBody, readRawBody } from './read-json-body';
import { readEditorId } from './read-editor-id';

export interface DescriptionRouteOptions {
  /** Serve ETags and honour If-Match (default true). */
  etags: boolean;
}

export function buildDescriptionRoutes(
  prefix: string,
  refOf: (p: Record<string, string>) => ResourceRef,
  missing: (p: Record<string, string>) => string,
  store: CatalogStore,
  { etags }: DescriptionRouteOptions,
): CatalogRoute[] {
  const pattern = new RegExp(`^${prefix}/description$`);
  const sendDescription = (res: Response, status: number, description: string | null, body: unknown) => {
    if (etags) res.set('ETag', descriptionEtag(description));
    sendJson(res, status, body);
  };
  return [
    {
      method: 'GET',
      pattern,
      handle(_req, res, params) {
        const found = store.resources.getDescription(refOf(params));
        if (!found) throw new NotFoundError(missing(params));
        sendDescription(res, 200, found.description, found);
      },
    },
    {
      method: 'PUT',
      pattern,
      before: [readRawBody],
      handle(req, res, params) {
        const description = parseDescriptionBody(req);
        const ifMatch = etags ? req.get('if-match') : undefined;
        const precondition = ifMatch === undefined ? undefined : (current: string | null) => ifMatchAccepts(ifMatch, current);
        const written = store.resources.setDescription(refOf(params), description, readEditorId(res), precondition);
        if (written === 'missing') throw new NotFoundError(missing(params));
        if (written === 'stale') {
          throw new PreconditionFailedError('The description changed since it was read (If-Match does not match its ETag); read it again and retry.');
        }
        sendDescription(res, 200, description, null);
      },
    },
  ];
}

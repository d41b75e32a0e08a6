// PUT/DELETE …/tag/TAG?tag_type= and PUT/DELETE …/badge/BADGE?category= for any resource route
// prefix. Lenient like API.md §8 asks: the body and Content-Type are ignored (Amundsen 400/415s
// without a JSON body), arguments come from the query string.
import { ConflictError, NotFoundError } from '../../http/errors';
import type { CatalogRoute } from '../http/route-decoded-path';
import { sendJson } from '../http/send-json';
import type { BadgedType, ResourceEditor, TaggedType } from '../store/edit-resources';
import type { BadgePolicy } from './create-badge-policy';
import { parseTagType, readBadgeCategory } from './parse-metadata-query';
import { readEditorId } from './read-editor-id';
import { NotAcceptableError } from './metadata-errors';

const RESOURCE_TYPE_NAMES: Record<BadgedType, string> = {
  table: 'Table', column: 'Column', type_metadata: 'Type_Metadata', dashboard: 'Dashboard',
};

export interface ResourceRouteTarget<T extends BadgedType> {
  type: T;
  /** Source of the pattern for the resource part (named groups allowed), e.g. `/table/(?<key>.+)`. */
  prefix: string;
  /** The resource key from the route params. */
  keyOf(params: Record<string, string>): string;
  notFound(params: Record<string, string>): string;
}

export function buildTagRoutes(
  target: ResourceRouteTarget<TaggedType>, resources: ResourceEditor, badges: BadgePolicy,
): CatalogRoute[] {
  const pattern = new RegExp(`^${target.prefix}/tag/(?<tag>[^/]+)$`);
  const typeName = RESOURCE_TYPE_NAMES[target.type];
  return [
    {
      method: 'PUT',
      pattern,
      handle(req, res, params) {
        const tagType = parseTagType(req);
        const key = target.keyOf(params);
        if (tagType === 'badge') {
          throw new NotAcceptableError('Badges should be added with the badge endpoint (…/badge/BADGE?category=), not as tags.');
        }
        if (badges.isBadgeName(params.tag)) {
          throw new ConflictError(`The tag ${params.tag} for id ${key} with type ${tagType} and resource_type ${typeName} is not added because it is a badge name.`);
        }
        if (!resources.addTag({ type: target.type, key }, params.tag, tagType, readEditorId(res))) {
          throw new NotFoundError(target.notFound(params));
        }
        sendJson(res, 200, { message: `The tag ${params.tag} for id ${key} with type ${tagType} and resource_type ${typeName} is added successfully` });
      },
    },
    {
      method: 'DELETE',
      pattern,
      handle(req, res, params) {
        const tagType = parseTagType(req);
        const key = target.keyOf(params);
        if (!resources.removeTag({ type: target.type, key }, params.tag, readEditorId(res))) {
          throw new NotFoundError(target.notFound(params));
        }
        sendJson(res, 200, { message: `The tag ${params.tag} for id ${key} with type ${tagType} and resource_type ${typeName} is deleted successfully` });
      },
    },
  ];
}

export function buildBadgeRoutes(
  target: ResourceRouteTarget<BadgedType>, resources: ResourceEditor, badges: BadgePolicy,
): CatalogRoute[] {
  const pattern = new RegExp(`^${target.prefix}/badge/(?<badge>[^/]+)$`);
  const typeName = RESOURCE_TYPE_NAMES[target.type];
  const readBadge = (req: Parameters<CatalogRoute['handle']>[0], res: Parameters<CatalogRoute['handle']>[1], params: Record<string, string>) => {
    const category = readBadgeCategory(req);
    if (category === undefined) {
      // Flask-RESTful's reqparse body, verbatim (API.md §0).
      sendJson(res, 400, { message: { category: 'Missing required parameter in the JSON body or the post body or the query string' } });
      return undefined;
    }
    return { badge_name: params.badge, category };
  };
  return [
    {
      method: 'PUT',
      pattern,
      handle(req, res, params) {
        const badge = readBadge(req, res, params);
        if (!badge) return;
        const key = target.keyOf(params);
        // Amundsen answers 404 for a badge outside the whitelist (API.md §9.9); kept for compatibility.
        if (!badges.allows(badge)) {
          throw new NotFoundError(`The badge ${badge.badge_name} with category ${badge.category} is not allowed: it is neither in the catalog nor in the badge whitelist.`);
        }
        if (!resources.addBadge({ type: target.type, key }, badge, readEditorId(res))) {
          throw new NotFoundError(target.notFound(params));
        }
        sendJson(res, 200, { message: `The badge ${badge.badge_name} with category ${badge.category} was added successfully to resource with id ${key} and resource_type ${typeName}` });
      },
    },
    {
      method: 'DELETE',
      pattern,
      handle(req, res, params) {
        const badge = readBadge(req, res, params);
        if (!badge) return;
        const key = target.keyOf(params);
        if (!resources.removeBadge({ type: target.type, key }, badge, readEditorId(res))) {
          throw new NotFoundError(target.notFound(params));
        }
        sendJson(res, 200, { message: `The badge ${badge.badge_name} with category ${badge.category} was deleted successfully from resource with id ${key} and resource_type ${typeName}` });
      },
    },
  ];
}

// A column's nested type (struct fields, array elements, map keys and values) as a tree of
// disclosures: each field with children opens and closes with its own button. The column's own
// fields are listed, their nested fields start closed, so a big struct does not fill the page — except
// above a field whose unsaved text was kept (a session that ended mid-edit), so that it shows again,
// and above a field a link opened (`?column=&field=`, decision 067), which is marked. A field's
// description is Markdown, rendered as a column's is (decision 105).
import { createContext, useContext, useEffect, useId, useMemo, useState } from 'react';
import type { TypeMetadata } from '../../../../contract/api-table';
import { BadgeList } from '../../../components/chip';
import { DisclosureButton } from '../../../components/disclosure';
import { BreakableText } from '../../../components/breakable-text';
import { useHasDescriptionDraftUnder } from '../../../app/use-description-draft';
import { typeDescriptionDraftPrefixBelow } from '../description-draft-ids';
import { EditableTypeDescription } from './editable-column-description';
import { useTableEditing } from './table-editing';
import { ClampedText } from '../../../components/clamped-text';
import { NO_DESCRIPTION, shownDescription } from '../../../lib/description-text';
import { byFieldOrder } from '../column-filter';
import { ShortMarkdown } from './column-description';


/**
 * The fields directly below `node`, as a reader counts them: an array's element (`_inner_`, its one
 * child, as databuilder writes it) is no field of its own, its fields are the array's. Without this an
 * `array<struct<sku,qty>>` read "items, 1 nested field".
 */
function fieldsBelow(node: TypeMetadata): readonly TypeMetadata[] {
  return node.children.flatMap((child) => (child.name === ARRAY_ELEMENT ? fieldsBelow(child) : [child]));
}
const ARRAY_ELEMENT = '_inner_';

/**
 * The nodes the tree lists below `node`, in order: an array's element (`_inner_`) is not listed, its
 * fields are, in its place, as they are counted and as links and the filter name them
 * (`orders.ship_to.city`). One that carries a description or badges of its own stays, so they show.
 */
function listedBelow(node: TypeMetadata): readonly TypeMetadata[] {
  return [...node.children]
    .sort(byFieldOrder)
    .flatMap((child) => (child.name === ARRAY_ELEMENT && !child.description?.trim() && child.badges.length === 0 ? listedBelow(child) : [child]));
}

/** Counts every nested field below `node`, at every depth (an array's element wrapper not counted). */
export function countNestedFields(node: TypeMetadata): number {
  return fieldsBelow(node).reduce((sum, child) => sum + 1 + countNestedFields(child), 0);
}

/**
 * What the count of a column's nested fields says: "3 nested fields", or "5 nested fields (3 at the
 * top)" when some are deeper, as only the top level shows before a field is opened.
 */
export function describeNestedCount(root: TypeMetadata): string {
  const all = countNestedFields(root);
  const top = fieldsBelow(root).length;
  const fields = `${all} nested ${all === 1 ? 'field' : 'fields'}`;
  return all === top ? fields : `${fields} (${top} at the top)`;
}

/** The keys of the fields from the column down to the linked one (the last is the one), or none. */
const LinkedFieldChain = createContext<readonly string[]>([]);

/** The id of the linked field's line (the column table scrolls to it). */
export const LINKED_FIELD_ID = 'linked-nested-field';

/**
 * `parentPath`: the column's name and the fields down to this one's parent. A field is named by its
 * whole path ("visitor.geo.city") where a name alone is not enough — its Edit button and field — so
 * a nested `visitor.id` is not taken for the column `id`.
 */
function TypeNode({ node, parentPath }: { node: TypeMetadata; parentPath: string }) {
  const path = `${parentPath}.${node.name}`;
  const editing = useTableEditing();
  const hasDraftUnder = useHasDescriptionDraftUnder();
  const chain = useContext(LinkedFieldChain);
  const at = chain.indexOf(node.key);
  const linked = at >= 0 && at === chain.length - 1;
  const aboveLinked = at >= 0 && !linked;
  const [expanded, setExpanded] = useState(
    () => aboveLinked || (!!editing?.rights.descriptions && node.children.length > 0 && hasDraftUnder(typeDescriptionDraftPrefixBelow(editing.tableKey, node.key))),
  );
  useEffect(() => {
    if (aboveLinked) setExpanded(true);
  }, [aboveLinked]);
  const childrenId = useId();
  const hasChildren = node.children.length > 0;
  const fieldCount = fieldsBelow(node).length;
  const description = shownDescription(node.description);
  return (
    <li className={linked ? 'type-tree__node type-tree__node--linked' : 'type-tree__node'} data-testid="type-node" aria-current={linked ? 'location' : undefined}>
      <div className="type-tree__line" id={linked ? LINKED_FIELD_ID : undefined} tabIndex={linked ? -1 : undefined}>
        {hasChildren ? (
          <DisclosureButton expanded={expanded} onToggle={() => setExpanded((e) => !e)} controls={childrenId} className="type-tree__name">
            <BreakableText text={node.name} />
            <span className="visually-hidden">, {fieldCount} nested {fieldCount === 1 ? 'field' : 'fields'}</span>
          </DisclosureButton>
        ) : (
          <span className="type-tree__name type-tree__name--leaf">
            <BreakableText text={node.name} />
          </span>
        )}
        <code className="type-tree__type">
          <BreakableText text={node.data_type} breakAfter=",<:" />
        </code>
        <BadgeList badges={node.badges.map((b) => b.badge_name)} linked={false} label={`Badges of ${node.name}`} />
      </div>
      <EditableTypeDescription typeKey={node.key} fieldName={path} value={node.description}>
        {description ? (
          <ClampedText size="short" label={`the description of ${path}`} className="type-tree__description">
            <ShortMarkdown source={description} />
          </ClampedText>
        ) : (
          <p className="type-tree__description muted">{NO_DESCRIPTION}</p>
        )}
      </EditableTypeDescription>
      {hasChildren && expanded ? (
        <ul id={childrenId} className="type-tree__children" aria-label={`Fields of ${node.name}`}>
          {listedBelow(node).map((child) => (
            <TypeNode key={child.key} node={child} parentPath={path} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}

/**
 * The fields nested in a column's type; nothing for a flat type. `targetChain`: the fields from the top
 * down to one a link opened — those above it start open, and it is marked.
 */
export function TypeMetadataTree({ root, columnName, targetChain = null }: { root: TypeMetadata; columnName: string; targetChain?: readonly TypeMetadata[] | null }) {
  const chainKeys = targetChain?.map((n) => n.key).join('\n') ?? '';
  const chain = useMemo(() => (chainKeys ? chainKeys.split('\n') : []), [chainKeys]);
  if (listedBelow(root).length === 0) return null;
  return (
    <LinkedFieldChain.Provider value={chain}>
      <ul className="type-tree" aria-label={`Nested fields of ${columnName}`} data-testid="type-tree">
        {listedBelow(root).map((child) => (
          <TypeNode key={child.key} node={child} parentPath={columnName} />
        ))}
      </ul>
    </LinkedFieldChain.Provider>
  );
}

// Reads one OpenLineage event (spec 2-0-x: RunEvent, DatasetEvent, JobEvent) into what the catalog
// takes from it: its datasets, each with its table key and the facets Nansen uses (schema,
// documentation, ownership), and for run and job events which tables are inputs and which outputs
// (import-openlineage-events.ts pairs them per run, over all of a run's events). A bad event is
// refused with the path of the bad field (`inputs[0].facets.schema.fields[2].name: …`). Facets Nansen
// does not use are not checked; a facet with `_deleted: true` counts as absent.
import { z } from 'zod';
import { DatasetNameError, keepsCase, mapDatasetName, type MappedDataset } from './map-dataset-name';
import { describeJsonLineError, describeJsonSyntaxError } from '../../../config/json-syntax';
import { columnFromSchemaField, type NestedFieldDescription, type SchemaFieldTree } from './nested-schema-fields';

export const EVENT_TYPES = ['START', 'RUNNING', 'COMPLETE', 'ABORT', 'FAIL', 'OTHER'] as const;

const text = z.string().min(1, 'must not be empty');

/** A nested field of a schema facet field (spec 1-1-0 on): a struct's fields, to any depth. */
const NestedSchemaField: z.ZodType<SchemaFieldTree> = z.lazy(() =>
  z.object({ name: text, type: z.string().nullish(), description: z.string().nullish(), fields: z.array(NestedSchemaField).nullish() }));
const SchemaField = z.object({
  name: text,
  type: z.string().nullish(),
  description: z.string().nullish(),
  ordinal_position: z.number().int('must be a whole number').min(1, 'must be ≥ 1').nullish(),
  fields: z.array(NestedSchemaField).nullish(),
});
const SchemaFacet = z.object({ fields: z.array(SchemaField).nullish() });
const DocumentationFacet = z.object({ description: z.string() });
const ColumnLineageFacet = z.object({
  fields: z.record(z.string(), z.object({ inputFields: z.array(z.object({ namespace: text, name: text, field: text })) })),
});
const OwnershipFacet = z.object({ owners: z.array(z.object({ name: text, type: z.string().nullish() })).nullish() });

const Dataset = z.object({
  namespace: text,
  name: text,
  facets: z.record(z.string(), z.unknown()).nullish(),
});
const Job = z.object({ namespace: text, name: text });

const BaseEvent = {
  eventTime: z.string().refine((v) => !Number.isNaN(Date.parse(v)), 'must be an ISO 8601 date-time'),
  producer: text,
  schemaURL: text,
};
const RunEvent = z.object({
  ...BaseEvent,
  eventType: z.enum(EVENT_TYPES, `must be one of ${EVENT_TYPES.join(', ')}`).nullish(),
  run: z.object({ runId: text }),
  job: Job,
  inputs: z.array(Dataset).nullish(),
  outputs: z.array(Dataset).nullish(),
});
const JobEvent = z.object({ ...BaseEvent, job: Job, inputs: z.array(Dataset).nullish(), outputs: z.array(Dataset).nullish() });
const DatasetEvent = z.object({ ...BaseEvent, dataset: Dataset });

export interface DatasetColumn {
  name: string;
  /** With nested fields, written as a type string (nested-schema-fields.ts). */
  type: string | null;
  description: string | null;
  ordinalPosition: number | null;
  /** Descriptions of the column's nested fields, by path. */
  nested: NestedFieldDescription[];
}

export interface EventDataset extends MappedDataset {
  namespace: string;
  datasetName: string;
  /** Undefined when the event leaves the facet out (or deletes it): the catalog keeps what it has. */
  columns?: DatasetColumn[];
  description?: string;
  owners?: string[];
  /** Ownership entries that name no person (`team:…`, `application:…`). */
  ignoredOwners: string[];
  /** [upstream column key, downstream column key] from the `columnLineage` facet. */
  columnEdges: [string, string][];
}

export interface ReadEvent {
  kind: 'RunEvent' | 'JobEvent' | 'DatasetEvent';
  eventType: string | null;
  /** A RunEvent's `run.runId`: the events of one run share it. */
  runId: string | null;
  job: string | null;
  datasets: EventDataset[];
  /** Table keys of the event's inputs and of its outputs, each once, in event order. */
  inputs: string[];
  outputs: string[];
  /** Column lineage from the datasets' `columnLineage` facets. */
  columnEdges: [string, string][];
}

export type ReadEventResult = { ok: true; event: ReadEvent } | { ok: false; field: string; reason: string };

/** Zod's issue path as `inputs[0].facets.schema.fields[2].name`. */
function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, p) => (typeof p === 'number' ? `${out}[${p}]` : out ? `${out}.${String(p)}` : String(p)), '');
}

function fail(path: readonly PropertyKey[], reason: string): ReadEventResult {
  const field = formatPath(path);
  return { ok: false, field, reason: `field "${field}": ${reason}` };
}

function zodFail(error: z.ZodError, prefix: readonly PropertyKey[] = []): ReadEventResult {
  const [issue] = error.issues;
  const path = [...prefix, ...issue.path];
  const missing = issue.code === 'invalid_type' && /received undefined/.test(issue.message);
  return fail(path, missing ? 'missing' : issue.message);
}

/** `user:jdoe` and `jdoe` are people; `team:data`, `application:foo` are not. */
function ownerId(name: string): string | undefined {
  const prefixed = /^([A-Za-z][A-Za-z0-9_-]*):(.+)$/.exec(name.trim());
  if (!prefixed) return name.trim();
  return prefixed[1].toLowerCase() === 'user' ? prefixed[2].trim() : undefined;
}

function activeFacet(facets: Record<string, unknown> | null | undefined, name: string): unknown {
  const facet = facets?.[name];
  if (facet === undefined || facet === null) return undefined;
  if (typeof facet === 'object' && (facet as { _deleted?: unknown })._deleted === true) return undefined;
  return facet;
}

function readDataset(dataset: z.infer<typeof Dataset>, path: PropertyKey[]): { ok: true; dataset: EventDataset } | { ok: false; result: ReadEventResult } {
  let mapped: MappedDataset;
  try {
    mapped = mapDatasetName(dataset.namespace, dataset.name);
  } catch (error) {
    if (error instanceof DatasetNameError) return { ok: false, result: fail([...path, error.field], error.message) };
    throw error;
  }
  const out: EventDataset = { ...mapped, namespace: dataset.namespace, datasetName: dataset.name, ignoredOwners: [], columnEdges: [] };
  const columnName = (database: string, name: string) => (keepsCase(database) ? name.trim() : name.trim().toLowerCase());
  const facets = dataset.facets;

  const schema = activeFacet(facets, 'schema');
  if (schema !== undefined) {
    const parsed = SchemaFacet.safeParse(schema);
    if (!parsed.success) return { ok: false, result: zodFail(parsed.error, [...path, 'facets', 'schema']) };
    const seen = new Map<string, number>();
    const columns: DatasetColumn[] = [];
    for (const [i, field] of (parsed.data.fields ?? []).entries()) {
      // Warehouse column names are keyed in lower case, like their tables (databuilder, dbt importer).
      const name = columnName(mapped.database, field.name);
      const earlier = seen.get(name);
      if (earlier !== undefined) {
        return { ok: false, result: fail([...path, 'facets', 'schema', 'fields', i, 'name'], `duplicate column "${name}" (also fields[${earlier}])`) };
      }
      seen.set(name, i);
      const { type, nested } = columnFromSchemaField(field);
      columns.push({ name, type, description: field.description?.trim() || null, ordinalPosition: field.ordinal_position ?? null, nested });
    }
    out.columns = columns;
  }

  const documentation = activeFacet(facets, 'documentation');
  if (documentation !== undefined) {
    const parsed = DocumentationFacet.safeParse(documentation);
    if (!parsed.success) return { ok: false, result: zodFail(parsed.error, [...path, 'facets', 'documentation']) };
    out.description = parsed.data.description;
  }

  const ownership = activeFacet(facets, 'ownership');
  if (ownership !== undefined) {
    const parsed = OwnershipFacet.safeParse(ownership);
    if (!parsed.success) return { ok: false, result: zodFail(parsed.error, [...path, 'facets', 'ownership']) };
    const owners: string[] = [];
    for (const owner of parsed.data.owners ?? []) {
      const id = ownerId(owner.name);
      if (id === undefined) out.ignoredOwners.push(owner.name);
      else if (!owners.includes(id)) owners.push(id);
    }
    out.owners = owners;
  }

  const columnLineage = activeFacet(facets, 'columnLineage');
  if (columnLineage !== undefined) {
    const parsed = ColumnLineageFacet.safeParse(columnLineage);
    if (!parsed.success) return { ok: false, result: zodFail(parsed.error, [...path, 'facets', 'columnLineage']) };
    for (const [outputField, { inputFields }] of Object.entries(parsed.data.fields)) {
      const downstream = `${mapped.key}/${columnName(mapped.database, outputField)}`;
      for (const [i, input] of inputFields.entries()) {
        let source: MappedDataset;
        try {
          source = mapDatasetName(input.namespace, input.name);
        } catch (error) {
          if (error instanceof DatasetNameError) return { ok: false, result: fail([...path, 'facets', 'columnLineage', 'fields', outputField, 'inputFields', i, error.field], error.message) };
          throw error;
        }
        const upstream = `${source.key}/${columnName(source.database, input.field)}`;
        if (upstream !== downstream && !out.columnEdges.some(([u, d]) => u === upstream && d === downstream)) out.columnEdges.push([upstream, downstream]);
      }
    }
  }
  return { ok: true, dataset: out };
}

function readDatasets(list: z.infer<typeof Dataset>[] | null | undefined, field: string, into: EventDataset[]): ReadEventResult | undefined {
  for (const [i, raw] of (list ?? []).entries()) {
    const read = readDataset(raw, [field, i]);
    if (!read.ok) return read.result;
    into.push(read.dataset);
  }
  return undefined;
}

/** Read one event (a parsed JSON value). */
export function readOpenLineageEvent(raw: unknown): ReadEventResult {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, field: '', reason: `an event must be a JSON object, got ${Array.isArray(raw) ? 'an array' : raw === null ? 'null' : typeof raw}` };
  }
  const record = raw as Record<string, unknown>;
  if ('run' in record) {
    const parsed = RunEvent.safeParse(record);
    if (!parsed.success) return zodFail(parsed.error);
    return readRunOrJob('RunEvent', parsed.data.eventType ?? null, parsed.data.run.runId, parsed.data);
  }
  if ('dataset' in record) {
    const parsed = DatasetEvent.safeParse(record);
    if (!parsed.success) return zodFail(parsed.error);
    const read = readDataset(parsed.data.dataset, ['dataset']);
    if (!read.ok) return read.result;
    const datasets = [read.dataset];
    return { ok: true, event: { kind: 'DatasetEvent', eventType: null, runId: null, job: null, datasets, inputs: [], outputs: [], columnEdges: read.dataset.columnEdges } };
  }
  if ('job' in record) {
    const parsed = JobEvent.safeParse(record);
    if (!parsed.success) return zodFail(parsed.error);
    return readRunOrJob('JobEvent', null, null, parsed.data);
  }
  return { ok: false, field: '', reason: 'not an OpenLineage event: expected a RunEvent (with "run" and "job"), a DatasetEvent (with "dataset") or a JobEvent (with "job")' };
}

function readRunOrJob(
  kind: 'RunEvent' | 'JobEvent',
  eventType: string | null,
  runId: string | null,
  data: { job: z.infer<typeof Job>; inputs?: z.infer<typeof Dataset>[] | null; outputs?: z.infer<typeof Dataset>[] | null },
): ReadEventResult {
  const inputs: EventDataset[] = [];
  const outputs: EventDataset[] = [];
  const failed = readDatasets(data.inputs, 'inputs', inputs) ?? readDatasets(data.outputs, 'outputs', outputs);
  if (failed) return failed;
  const keys = (list: EventDataset[]) => [...new Set(list.map((d) => d.key))];
  const datasets = [...inputs, ...outputs];
  return {
    ok: true,
    event: {
      kind, eventType, runId, job: `${data.job.namespace}/${data.job.name}`, datasets, inputs: keys(inputs), outputs: keys(outputs),
      columnEdges: datasets.flatMap((d) => d.columnEdges),
    },
  };
}

/** A bad event of a batch: its index in a JSON array (from 0), or its line in NDJSON (from 1). */
export interface RejectedEvent {
  event?: number;
  line?: number;
  field: string;
  reason: string;
}

export interface ReadBatch {
  events: ReadEvent[];
  rejected: RejectedEvent[];
  /** The text was one JSON object (one event), not an array or NDJSON. */
  single: boolean;
}

/**
 * Events from text: NDJSON (one event a line; what OpenLineage's file transport appends), a JSON
 * array of events, or one event. `ndjson` says which; JSON text that does not parse as a whole is
 * an error for the caller (InvalidJsonError).
 */
export function readEventBatch(text: string, format: 'ndjson' | 'json'): ReadBatch {
  const events: ReadEvent[] = [];
  const rejected: RejectedEvent[] = [];
  if (format === 'ndjson') {
    text.split('\n').forEach((line, i) => {
      if (line.trim() === '') return;
      let raw: unknown;
      try {
        raw = JSON.parse(line);
      } catch (error) {
        rejected.push({ line: i + 1, field: '', reason: describeJsonLineError(line, error) });
        return;
      }
      const read = readOpenLineageEvent(raw);
      if (read.ok) events.push(read.event);
      else rejected.push({ line: i + 1, field: read.field, reason: read.reason });
    });
    return { events, rejected, single: false };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new InvalidJsonError(describeJsonSyntaxError(text, error));
  }
  const list = Array.isArray(raw) ? raw : [raw];
  list.forEach((item, i) => {
    const read = readOpenLineageEvent(item);
    if (read.ok) events.push(read.event);
    else rejected.push({ event: i, field: read.field, reason: read.reason });
  });
  return { events, rejected, single: !Array.isArray(raw) };
}

export class InvalidJsonError extends Error {
  override name = 'InvalidJsonError';
}

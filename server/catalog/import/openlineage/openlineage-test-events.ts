// Test support: OpenLineage events in the shapes the specification gives (spec/OpenLineage.json
// 2-0-2 and the dataset facets' schemas), and a generated stream of a pipeline's runs.
const PRODUCER = 'https://github.com/OpenLineage/OpenLineage/tree/1.24.2/integration/airflow';
const RUN_EVENT_SCHEMA = 'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent';
const facetBase = (facet: string) => ({ _producer: PRODUCER, _schemaURL: `https://openlineage.io/spec/facets/1-1-1/${facet}.json#/$defs/${facet}` });

export const PG = 'postgres://db.example.com:5432';

type TestSchemaField = { name: string; type?: string; description?: string; ordinal_position?: number; fields?: TestSchemaField[] };
export function schemaFacet(fields: TestSchemaField[]) {
  return { ...facetBase('SchemaDatasetFacet'), fields };
}
export const documentationFacet = (description: string) => ({ ...facetBase('DocumentationDatasetFacet'), description });
export const columnLineageFacet = (fields: Record<string, { namespace: string; name: string; field: string }[]>) => ({
  ...facetBase('ColumnLineageDatasetFacet'),
  fields: Object.fromEntries(Object.entries(fields).map(([out, inputs]) => [out, { inputFields: inputs.map((i) => ({ ...i, transformations: [{ type: 'DIRECT', subtype: 'IDENTITY' }] })) }])),
});
export const ownershipFacet = (owners: { name: string; type?: string }[]) => ({ ...facetBase('OwnershipDatasetFacet'), owners });

export interface DatasetShape {
  namespace: string;
  name: string;
  facets?: Record<string, unknown>;
}

/** A RunEvent as the spec gives it; `inputs`/`outputs` left out when not given. */
export function runEvent(options: { eventType?: string; runId?: string; job?: string; inputs?: DatasetShape[]; outputs?: DatasetShape[]; eventTime?: string }) {
  return {
    eventType: options.eventType ?? 'COMPLETE',
    eventTime: options.eventTime ?? '2026-12-05T10:15:00.001Z',
    run: { runId: options.runId ?? '0176a8c2-fe01-7439-87e6-56a1a1b4029f', facets: {} },
    job: { namespace: 'airflow-prod', name: options.job ?? 'orders_etl.load_orders', facets: {} },
    ...(options.inputs ? { inputs: options.inputs } : {}),
    ...(options.outputs ? { outputs: options.outputs } : {}),
    producer: PRODUCER,
    schemaURL: RUN_EVENT_SCHEMA,
  };
}

/** The spec's smallest RunEvent: a START without inputs, outputs or facets. */
export const MINIMAL_START = {
  eventType: 'START',
  eventTime: '2026-12-05T10:00:00.000Z',
  run: { runId: '3f5e83fa-3480-44ff-99c5-ff943904e5e8' },
  job: { namespace: 'airflow-prod', name: 'orders_etl.load_orders' },
  producer: PRODUCER,
  schemaURL: RUN_EVENT_SCHEMA,
};

export function datasetEvent(dataset: DatasetShape) {
  return { eventTime: '2026-12-05T10:20:00Z', dataset, producer: PRODUCER, schemaURL: 'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/DatasetEvent' };
}

export function jobEvent(inputs: DatasetShape[], outputs: DatasetShape[]) {
  return {
    eventTime: '2026-12-05T10:25:00Z', job: { namespace: 'dbt-prod', name: 'analytics.fct_orders' }, inputs, outputs,
    producer: PRODUCER, schemaURL: 'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/JobEvent',
  };
}

/**
 * A pipeline's event stream: `jobs` jobs, each reading two staging tables and writing a mart, each
 * run as START (inputs only, no facets) then COMPLETE (inputs and outputs, the output with schema,
 * documentation and ownership facets). 2 × `jobs` events.
 */
export function generateEventStream(jobs: number) {
  const events: ReturnType<typeof runEvent>[] = [];
  for (let i = 0; i < jobs; i += 1) {
    const runId = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
    const inputs = [
      { namespace: PG, name: `shop.staging.stg_orders_${i % 20}` },
      { namespace: PG, name: `shop.staging.stg_customers_${i % 15}` },
    ];
    const output = {
      namespace: PG,
      name: `shop.marts.fct_${i}`,
      facets: {
        schema: schemaFacet([
          { name: 'order_id', type: 'BIGINT', description: 'The order.', ordinal_position: 1 },
          { name: 'customer_id', type: 'BIGINT', ordinal_position: 2 },
          { name: 'amount', type: 'NUMERIC(12,2)', ordinal_position: 3 },
        ]),
        documentation: documentationFacet(`Mart ${i}: one row per order.`),
        ownership: ownershipFacet([{ name: `user:owner${i % 7}@example.org`, type: 'MAINTAINER' }, { name: 'team:data-platform' }]),
      },
    };
    events.push(runEvent({ eventType: 'START', runId, job: `etl.job_${i}`, inputs }));
    events.push(runEvent({ eventType: 'COMPLETE', runId, job: `etl.job_${i}`, inputs, outputs: [output] }));
  }
  return events;
}

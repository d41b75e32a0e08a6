// Words the demo generator combines into believable databases, schemas, tables and columns.

export type LogicalType = 'id' | 'string' | 'int' | 'decimal' | 'double' | 'timestamp' | 'date' | 'boolean';

export interface DemoWarehouse {
  database: string;
  clusters: readonly string[];
  types: Record<LogicalType, string>;
  partitioned: boolean;
}

export const DEMO_WAREHOUSES: readonly DemoWarehouse[] = [
  {
    database: 'hive', clusters: ['gold', 'silver', 'bronze'], partitioned: true,
    types: { id: 'bigint', string: 'string', int: 'int', decimal: 'decimal(12,2)', double: 'double', timestamp: 'timestamp', date: 'date', boolean: 'boolean' },
  },
  {
    database: 'snowflake', clusters: ['prod', 'analytics'], partitioned: false,
    types: { id: 'NUMBER(38,0)', string: 'VARCHAR', int: 'NUMBER(10,0)', decimal: 'NUMBER(12,2)', double: 'FLOAT', timestamp: 'TIMESTAMP_NTZ', date: 'DATE', boolean: 'BOOLEAN' },
  },
  {
    database: 'bigquery', clusters: ['prod', 'sandbox'], partitioned: true,
    types: { id: 'INT64', string: 'STRING', int: 'INT64', decimal: 'NUMERIC', double: 'FLOAT64', timestamp: 'TIMESTAMP', date: 'DATE', boolean: 'BOOL' },
  },
  {
    database: 'postgres', clusters: ['shop_db', 'crm_db'], partitioned: false,
    types: { id: 'bigint', string: 'text', int: 'integer', decimal: 'numeric(12,2)', double: 'double precision', timestamp: 'timestamptz', date: 'date', boolean: 'boolean' },
  },
  {
    database: 'redshift', clusters: ['dw'], partitioned: false,
    types: { id: 'bigint', string: 'varchar(256)', int: 'integer', decimal: 'decimal(12,2)', double: 'float8', timestamp: 'timestamp', date: 'date', boolean: 'boolean' },
  },
  {
    database: 'delta', clusters: ['lakehouse'], partitioned: true,
    types: { id: 'bigint', string: 'string', int: 'int', decimal: 'decimal(12,2)', double: 'double', timestamp: 'timestamp', date: 'date', boolean: 'boolean' },
  },
];

export interface DemoSchema {
  name: string;
  description: string;
  /** Entity nouns (plural, snake_case) that tables in this schema are about. */
  entities: readonly string[];
  tags: readonly string[];
}

export const DEMO_SCHEMAS: readonly DemoSchema[] = [
  { name: 'core', description: 'Conformed core entities shared by every team', tags: ['core'],
    entities: ['customers', 'accounts', 'addresses', 'products', 'stores', 'employees', 'suppliers', 'regions', 'currencies', 'calendar_days'] },
  { name: 'sales', description: 'Orders, returns and the sales pipeline', tags: ['sales', 'revenue'],
    entities: ['orders', 'order_items', 'refunds', 'returns', 'quotes', 'opportunities', 'deals', 'discounts', 'carts', 'price_changes'] },
  { name: 'marketing', description: 'Campaigns, spend and attribution', tags: ['marketing'],
    entities: ['campaigns', 'campaign_spend', 'email_sends', 'email_opens', 'ad_impressions', 'ad_clicks', 'attribution_touches', 'leads', 'newsletter_subscriptions', 'promo_codes'] },
  { name: 'finance', description: 'Revenue, payments and the general ledger', tags: ['finance', 'sox'],
    entities: ['revenue', 'payments', 'ledger_entries', 'invoices', 'budgets', 'expenses', 'payouts', 'exchange_rates', 'tax_lines', 'chargebacks'] },
  { name: 'events', description: 'Raw and cleaned product telemetry', tags: ['events', 'clickstream'],
    entities: ['page_views', 'sessions', 'clicks', 'searches', 'app_opens', 'signups', 'logins', 'add_to_cart_events', 'checkouts', 'client_errors'] },
  { name: 'product', description: 'Experiments, features and product usage', tags: ['product'],
    entities: ['experiments', 'experiment_assignments', 'releases', 'feedback', 'nps_responses', 'feature_flags', 'usage_metrics', 'subscriptions'] },
  { name: 'support', description: 'Customer support tickets and satisfaction', tags: ['support'],
    entities: ['tickets', 'ticket_comments', 'chats', 'csat_scores', 'agents', 'sla_breaches'] },
  { name: 'logistics', description: 'Shipping, warehouses and stock', tags: ['logistics'],
    entities: ['shipments', 'deliveries', 'warehouses', 'inventory_levels', 'carriers', 'stock_movements'] },
  { name: 'hr', description: 'People data (restricted)', tags: ['hr', 'sensitive'],
    entities: ['headcount', 'hires', 'departures', 'compensation_bands', 'time_off'] },
  { name: 'risk', description: 'Fraud detection and credit risk', tags: ['risk'],
    entities: ['fraud_alerts', 'risk_scores', 'blocked_cards', 'disputes', 'kyc_checks'] },
  { name: 'payments', description: 'Card, wallet and bank payment processing', tags: ['finance', 'pci'],
    entities: ['card_authorizations', 'captures', 'settlements', 'payment_methods', 'wallet_topups', 'bank_transfers', 'payment_fees', 'three_ds_challenges'] },
  { name: 'identity', description: 'Accounts, authentication and consent', tags: ['security', 'pii'],
    entities: ['user_accounts', 'password_resets', 'mfa_enrollments', 'consents', 'api_tokens', 'sso_connections', 'login_attempts'] },
  { name: 'ml', description: 'Feature tables, training sets and model outputs', tags: ['ml_feature'],
    entities: ['churn_features', 'ltv_predictions', 'recommendation_scores', 'training_labels', 'embedding_vectors', 'demand_forecasts', 'propensity_scores'] },
  { name: 'growth', description: 'Acquisition funnels, referrals and activation', tags: ['growth'],
    entities: ['referrals', 'funnel_steps', 'activation_events', 'onboarding_progress', 'trial_conversions', 'app_installs', 'reactivations'] },
  { name: 'content', description: 'Catalog content, reviews and search', tags: ['content'],
    entities: ['product_reviews', 'review_votes', 'search_queries', 'search_clicks', 'content_pages', 'media_assets', 'translations'] },
  { name: 'ops', description: 'Infrastructure cost, incidents and pipeline health', tags: ['platform'],
    entities: ['cloud_costs', 'incidents', 'on_call_pages', 'pipeline_runs', 'data_quality_checks', 'query_logs', 'storage_usage'] },
  { name: 'partners', description: 'Marketplace sellers, affiliates and resellers', tags: ['partners'],
    entities: ['sellers', 'seller_payouts', 'affiliate_clicks', 'reseller_contracts', 'commission_rates', 'partner_listings'] },
];

export interface TableStyle {
  prefix: string;
  suffix: string;
  /** Sentence template: {entity} and {grain} are filled in. */
  description: string;
  aggregate: boolean;
}

export const TABLE_PREFIXES: readonly { prefix: string; phrase: string }[] = [
  { prefix: '', phrase: 'Cleaned' },
  { prefix: 'fct_', phrase: 'Fact table of' },
  { prefix: 'dim_', phrase: 'Dimension of' },
  { prefix: 'stg_', phrase: 'Staging copy of' },
  { prefix: 'raw_', phrase: 'Raw landing data for' },
  { prefix: 'int_', phrase: 'Intermediate model joining' },
  { prefix: 'agg_', phrase: 'Aggregated' },
  { prefix: 'mart_', phrase: 'Reporting mart of' },
  { prefix: 'snap_', phrase: 'Point-in-time snapshot of' },
];

/** Qualifiers put in front of the entity ("eu_orders", "mobile_sessions"): market, platform, segment. */
export const TABLE_QUALIFIERS: readonly { word: string; phrase: string }[] = [
  ['eu', 'in the EU'], ['us', 'in the US'], ['uk', 'in the UK'], ['apac', 'in APAC'], ['latam', 'in Latin America'],
  ['nordics', 'in the Nordics'], ['dach', 'in Germany, Austria and Switzerland'], ['mobile', 'from the mobile apps'],
  ['web', 'from the website'], ['ios', 'from the iOS app'], ['android', 'from the Android app'], ['pos', 'from point-of-sale terminals'],
  ['b2b', 'of business customers'], ['b2c', 'of consumers'], ['enterprise', 'of enterprise accounts'], ['smb', 'of small businesses'],
  ['vip', 'of VIP customers'], ['new', 'of first-time customers'], ['returning', 'of returning customers'], ['churned', 'of churned customers'],
  ['trial', 'of trial users'], ['paid', 'of paying users'], ['free', 'of free-tier users'], ['internal', 'of internal users'],
  ['partner', 'through partners'], ['marketplace', 'on the marketplace'], ['wholesale', 'of wholesale'], ['retail', 'of retail'],
  ['legacy', 'from the legacy platform'], ['migrated', 'migrated from the old platform'], ['realtime', 'streamed in real time'],
  ['batch', 'loaded in nightly batches'], ['sampled', 'on a 1% sample'], ['deduplicated', 'after deduplication'], ['enriched', 'enriched with reference data'],
  ['validated', 'that passed validation'], ['rejected', 'that failed validation'], ['pending', 'still pending'], ['archived', 'archived after 2 years'],
  ['promo', 'during promotions'], ['holiday', 'during holiday campaigns'], ['subscription', 'of subscriptions'], ['prepaid', 'of prepaid plans'],
  ['crossborder', 'across borders'], ['domestic', 'within one country'], ['fraud', 'flagged by fraud rules'], ['manual', 'entered manually'],
  ['automated', 'created by automation'], ['priority', 'with priority handling'], ['gift', 'of gift purchases'], ['bundle', 'of product bundles'],
  ['premium', 'of premium plans'], ['student', 'of student plans'], ['family', 'of family plans'], ['corporate', 'of corporate plans'],
  ['emea', 'in EMEA'], ['amer', 'in the Americas'], ['beta', 'from the beta programme'], ['experiment', 'in experiments'], ['canary', 'from canary releases'],
].map(([word, phrase]) => ({ word, phrase }));

export const TABLE_SUFFIXES: readonly { suffix: string; phrase: string; aggregate: boolean }[] = [
  { suffix: '', phrase: 'one row per record', aggregate: false },
  { suffix: '_daily', phrase: 'one row per day', aggregate: true },
  { suffix: '_weekly', phrase: 'one row per ISO week', aggregate: true },
  { suffix: '_monthly', phrase: 'one row per calendar month', aggregate: true },
  { suffix: '_snapshot', phrase: 'a nightly full snapshot', aggregate: false },
  { suffix: '_history', phrase: 'slowly changing history (type 2)', aggregate: false },
  { suffix: '_by_country', phrase: 'one row per day and country', aggregate: true },
  { suffix: '_by_channel', phrase: 'one row per day and acquisition channel', aggregate: true },
  { suffix: '_v2', phrase: 'the rebuilt version of the model', aggregate: false },
  { suffix: '_hourly', phrase: 'one row per hour', aggregate: true },
  { suffix: '_quarterly', phrase: 'one row per fiscal quarter', aggregate: true },
  { suffix: '_by_region', phrase: 'one row per day and sales region', aggregate: true },
  { suffix: '_by_product', phrase: 'one row per day and product', aggregate: true },
  { suffix: '_by_cohort', phrase: 'one row per signup cohort and week', aggregate: true },
  { suffix: '_by_device', phrase: 'one row per day and device type', aggregate: true },
  { suffix: '_by_store', phrase: 'one row per day and store', aggregate: true },
  { suffix: '_summary', phrase: 'summarised for reporting', aggregate: true },
  { suffix: '_latest', phrase: 'only the latest version of each record', aggregate: false },
  { suffix: '_changes', phrase: 'one row per change captured from the source (CDC)', aggregate: false },
  { suffix: '_scd', phrase: 'slowly changing dimension with validity ranges', aggregate: false },
  { suffix: '_errors', phrase: 'rows rejected by the pipeline with the reason', aggregate: false },
  { suffix: '_backfill', phrase: 'a one-off backfill of older data', aggregate: false },
  { suffix: '_ltv', phrase: 'lifetime value per record', aggregate: true },
  { suffix: '_kpis', phrase: 'key performance indicators per day', aggregate: true },
  { suffix: '_funnel', phrase: 'funnel conversion per step and day', aggregate: true },
];

export interface DemoColumn {
  name: string;
  type: LogicalType;
  description: string;
  pii?: boolean;
}

export const COMMON_COLUMNS: readonly DemoColumn[] = [
  { name: 'customer_id', type: 'id', description: 'Customer who the row belongs to; joins core.customers' },
  { name: 'account_id', type: 'id', description: 'Billing account; joins core.accounts' },
  { name: 'product_id', type: 'id', description: 'Product sold; joins core.products' },
  { name: 'store_id', type: 'id', description: 'Store or sales channel where it happened' },
  { name: 'session_id', type: 'string', description: 'Web or app session identifier' },
  { name: 'country_code', type: 'string', description: 'ISO 3166-1 alpha-2 country code' },
  { name: 'region', type: 'string', description: 'Sales region (EMEA, AMER, APAC)' },
  { name: 'currency', type: 'string', description: 'ISO 4217 currency code of the amounts' },
  { name: 'amount', type: 'decimal', description: 'Amount in the row currency' },
  { name: 'amount_usd', type: 'decimal', description: 'Amount converted to USD at the daily rate' },
  { name: 'quantity', type: 'int', description: 'Number of units' },
  { name: 'status', type: 'string', description: 'Current status of the record' },
  { name: 'channel', type: 'string', description: 'Acquisition or sales channel (web, app, store, partner)' },
  { name: 'device_type', type: 'string', description: 'desktop, mobile or tablet' },
  { name: 'browser', type: 'string', description: 'Browser family parsed from the user agent' },
  { name: 'email', type: 'string', description: 'Email address as entered by the customer', pii: true },
  { name: 'phone_number', type: 'string', description: 'Phone number in E.164 format', pii: true },
  { name: 'ip_address', type: 'string', description: 'Client IP address, truncated after 90 days', pii: true },
  { name: 'is_test', type: 'boolean', description: 'True for internal test traffic' },
  { name: 'is_deleted', type: 'boolean', description: 'Soft-delete flag from the source system' },
  { name: 'created_at', type: 'timestamp', description: 'When the record was created in the source system (UTC)' },
  { name: 'updated_at', type: 'timestamp', description: 'When the record last changed in the source system (UTC)' },
  { name: 'loaded_at', type: 'timestamp', description: 'When the pipeline loaded the row' },
  { name: 'source_system', type: 'string', description: 'Name of the system the row was extracted from' },
  { name: 'campaign_id', type: 'id', description: 'Marketing campaign; joins marketing.campaigns' },
  { name: 'utm_source', type: 'string', description: 'utm_source parameter of the landing URL' },
  { name: 'utm_medium', type: 'string', description: 'utm_medium parameter of the landing URL' },
  { name: 'discount_amount', type: 'decimal', description: 'Discount applied, in the row currency' },
  { name: 'tax_amount', type: 'decimal', description: 'Tax charged, in the row currency' },
  { name: 'conversion_rate', type: 'double', description: 'Share of sessions that converted' },
  { name: 'score', type: 'double', description: 'Model score between 0 and 1' },
  { name: 'duration_seconds', type: 'int', description: 'Duration in seconds' },
  { name: 'notes', type: 'string', description: 'Free-text notes; may contain personal data', pii: true },
  { name: 'warehouse_id', type: 'id', description: 'Fulfilment warehouse; joins logistics.warehouses' },
  { name: 'employee_id', type: 'id', description: 'Employee responsible; joins core.employees' },
  { name: 'order_id', type: 'id', description: 'Order the row belongs to; joins sales.orders' },
  { name: 'supplier_id', type: 'id', description: 'Supplier; joins core.suppliers' },
  { name: 'language', type: 'string', description: 'IETF language tag of the user interface' },
  { name: 'timezone', type: 'string', description: 'IANA time zone of the customer' },
  { name: 'postal_code', type: 'string', description: 'Postal code of the delivery address', pii: true },
  { name: 'event_time', type: 'timestamp', description: 'When the event happened on the client (UTC)' },
  { name: 'batch_id', type: 'string', description: 'Load batch that wrote the row' },
  { name: 'exchange_rate', type: 'double', description: 'Rate used to convert to USD' },
  { name: 'is_first_purchase', type: 'boolean', description: 'True for the customer\'s first purchase' },
  { name: 'valid_from', type: 'timestamp', description: 'Start of the validity range (SCD type 2)' },
  { name: 'valid_to', type: 'timestamp', description: 'End of the validity range; null while current' },
];

export const AGGREGATE_COLUMNS: readonly DemoColumn[] = [
  { name: 'row_count', type: 'int', description: 'Number of source rows aggregated' },
  { name: 'distinct_customers', type: 'int', description: 'Distinct customers in the period' },
  { name: 'total_amount_usd', type: 'decimal', description: 'Sum of amount_usd in the period' },
  { name: 'avg_amount_usd', type: 'decimal', description: 'Average amount_usd in the period' },
  { name: 'p95_duration_seconds', type: 'double', description: '95th percentile duration' },
  { name: 'sessions', type: 'int', description: 'Sessions in the period' },
  { name: 'conversions', type: 'int', description: 'Conversions in the period' },
  { name: 'revenue_usd', type: 'decimal', description: 'Net revenue in the period, in USD' },
  { name: 'refund_amount_usd', type: 'decimal', description: 'Refunds booked in the period, in USD' },
  { name: 'active_users', type: 'int', description: 'Distinct active users in the period' },
  { name: 'new_users', type: 'int', description: 'Users seen for the first time in the period' },
  { name: 'median_basket_usd', type: 'decimal', description: 'Median basket value in USD' },
  { name: 'error_rate', type: 'double', description: 'Share of requests that failed' },
];

export const EXTRA_TAGS: readonly string[] = [
  'pii', 'gdpr', 'kpi', 'hourly', 'daily', 'high_quality', 'low_quality', 'expensive', 'experimental', 'dbt', 'airflow', 'ml_feature',
];

export const TABLE_BADGES: readonly string[] = ['certified', 'beta', 'deprecated', 'alpha'];

export const COLLEAGUE_NAMES: readonly [string, string][] = [
  ['Ada', 'Lovelace'], ['Grace', 'Hopper'], ['Alan', 'Turing'], ['Edsger', 'Dijkstra'], ['Barbara', 'Liskov'],
  ['Donald', 'Knuth'], ['Margaret', 'Hamilton'], ['Ken', 'Thompson'], ['Frances', 'Allen'], ['John', 'Backus'],
  ['Radia', 'Perlman'], ['Tim', 'Berners-Lee'], ['Hedy', 'Lamarr'], ['Dennis', 'Ritchie'], ['Katherine', 'Johnson'],
  ['Edgar', 'Codd'], ['Jim', 'Gray'], ['Michael', 'Stonebraker'], ['Sophie', 'Wilson'], ['Niklaus', 'Wirth'],
  ['Leslie', 'Lamport'], ['Shafi', 'Goldwasser'], ['Tony', 'Hoare'], ['Adele', 'Goldberg'], ['Bjarne', 'Stroustrup'],
  ['Anita', 'Borg'], ['Guido', 'van Rossum'], ['Karen', 'Sparck Jones'], ['Whitfield', 'Diffie'], ['Mary', 'Kenneth Keller'],
  ['Fernando', 'Corbato'], ['Jean', 'Sammet'], ['Ivan', 'Sutherland'], ['Lynn', 'Conway'], ['Vint', 'Cerf'], ['Joan', 'Clarke'],
];

export const COLLEAGUE_TEAMS: readonly [string, string][] = [
  ['Polar Data Platform', 'Data Engineer'], ['Analytics', 'Analyst'], ['Growth', 'Data Scientist'],
  ['Finance Data', 'Analyst'], ['Marketing Science', 'Data Scientist'], ['Checkout', 'Software Engineer'],
  ['Customer Support Ops', 'Operations Analyst'], ['Logistics', 'Analytics Engineer'],
];

import { queryOptions, useQuery } from '@tanstack/react-query';
import { ClientConfigSchema, type ClientConfig } from '../../../../contract/bff-api';
import { requestJson } from '../../../lib/api-client';

export function getClientConfig(signal?: AbortSignal): Promise<ClientConfig> {
  return requestJson('/api/config', ClientConfigSchema, { signal });
}

export const clientConfigQueryOptions = () =>
  queryOptions({
    queryKey: ['client-config'] as const,
    queryFn: ({ signal }) => getClientConfig(signal),
    staleTime: Infinity,
  });

export function useClientConfig() {
  return useQuery(clientConfigQueryOptions());
}

export type PopularType = 'table' | 'dashboard';

export const popularKeys = {
  all: ['popular-resources'] as const,
  list: (types: readonly PopularType[]) => [...popularKeys.all, types] as const,
};

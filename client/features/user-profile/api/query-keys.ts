// Every cache key of the user profile feature, built here and nowhere else.
export const userKeys = {
  all: ['user'] as const,
  profile: (userId: string) => [...userKeys.all, userId, 'profile'] as const,
  owned: (userId: string) => [...userKeys.all, userId, 'owned'] as const,
  read: (userId: string) => [...userKeys.all, userId, 'read'] as const,
};

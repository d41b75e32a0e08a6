// The one way the SPA changes data (TanStack Query's optimistic-update guide): a feature's mutation
// hook says what the write is, which cached answers show the value and how to patch them, and what to
// refetch; this hook patches at once, says so briefly when the write succeeded ("Tag added"), puts
// everything back and shows a toast with the server's message when it fails (not when the session is now
// another user's: the shell's notice says that), and refetches in the background when it is over: the
// write's outcome is told at once, not after the refresh. See docs/decisions (optimistic edits).
import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { applyCachePatches, invalidateKeys, restoreCacheSnapshot, type CachePatch, type CacheSnapshot } from '../lib/cache-patch';
import { describeError, isSessionUserChanged, isUnauthorized } from '../lib/api-error';
import { useToast } from '../components/toast';

/** How a failed write is told. */
export type FailureReport<TVariables> =
  | {
      /** The toast's title when the write fails ("Could not add the tag finance"). */
      errorTitle: (variables: TVariables) => string;
      /** Failures the caller shows itself (a 409 opens the conflict view): rolled back, but no toast. */
      isHandledByCaller?: (error: unknown) => boolean;
    }
  | {
      /**
       * The caller shows every failure itself, beside what was being edited (the description editors):
       * rolled back, never a toast, so a refusal is not said twice.
       */
      failuresShownByCaller: true;
    };

export type OptimisticMutationOptions<TVariables, TData> = FailureReport<TVariables> & {
  /**
   * Names the resource edited (`['edit', 'table', key]`): while several edits of it are in flight,
   * only the last to finish refetches, so an earlier answer cannot undo a later optimistic patch.
   */
  mutationKey: QueryKey;
  mutationFn: (variables: TVariables) => Promise<TData>;
  /** What to change in the cache at once. */
  patches: (variables: TVariables) => CachePatch[];
  /** What to refetch when the write is over (the patched answers are refetched too). */
  invalidates: (variables: TVariables) => QueryKey[];
  /** What the write did, said politely once it succeeded ("Description saved", "Tag finance added"); `data` is mutationFn's answer. */
  successMessage: (variables: TVariables, data: TData) => string;
};

export function useOptimisticMutation<TVariables, TData>(options: OptimisticMutationOptions<TVariables, TData>) {
  const queryClient = useQueryClient();
  const toast = useToast();
  return useMutation<TData, unknown, TVariables, CacheSnapshot>({
    mutationKey: options.mutationKey,
    mutationFn: options.mutationFn,
    onMutate: (variables) => applyCachePatches(queryClient, options.patches(variables)),
    onSuccess: (data, variables) => {
      toast({ title: options.successMessage(variables, data), tone: 'success' });
    },
    onError: (error, variables, snapshot) => {
      if (snapshot) restoreCacheSnapshot(queryClient, snapshot);
      // A 401: the shell's notice says the person is logged out, with Log in again (the query client); nothing more here. Nor for a write refused
      // because another tab signed in as someone else: the shell's notice says so, once, with the reload.
      if (isUnauthorized(error) || isSessionUserChanged(error) || 'failuresShownByCaller' in options || options.isHandledByCaller?.(error)) return;
      toast({ title: options.errorTitle(variables), description: describeError(error), tone: 'error' });
    },
    // The refetch runs in the background: returning its promise made the write wait for it, so a failed
    // save was told only after the refresh too (11.8 s for a 5 s timeout) and "Saving…" lasted through it.
    // The patched cache already shows what was written; a refetch that fails leaves it (nothing to tell).
    onSettled: (_data, _error, variables, snapshot) => {
      if (queryClient.isMutating({ mutationKey: options.mutationKey }) > 1) return;
      invalidateKeys(queryClient, [...options.invalidates(variables), ...(snapshot?.entries.map((e) => e.queryKey) ?? [])]).catch(() => undefined);
    },
  });
}

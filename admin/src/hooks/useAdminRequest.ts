import * as React from 'react';

export interface AdminRequestState<T> {
  data: T | undefined;
  error: unknown;
  /** First load: nothing to show yet. */
  isLoading: boolean;
  /** Any request in flight, including a refetch while older data is still shown. */
  isFetching: boolean;
  refetch: () => void;
}

interface State<T> {
  data: T | undefined;
  error: unknown;
  isFetching: boolean;
}

/**
 * Runs `request` whenever `key` changes (or on refetch) and aborts the previous run, so a slow
 * response to old filters can never overwrite a newer one. Previous data stays visible while the
 * next request runs, which keeps the matrix from flashing on every filter change.
 *
 * Each run gets its own AbortController rather than useFetchClient's shared one: that one is
 * aborted for good on unmount, which StrictMode's double mount would trigger.
 */
export const useAdminRequest = <T>(key: string, request: (signal: AbortSignal) => Promise<T>): AdminRequestState<T> => {
  const [state, setState] = React.useState<State<T>>({ data: undefined, error: undefined, isFetching: true });
  const [attempt, setAttempt] = React.useState(0);
  // The latest closure, without making the effect depend on an inline function's identity.
  const requestRef = React.useRef(request);
  requestRef.current = request;

  React.useEffect(() => {
    const controller = new AbortController();
    // A retry after an error shows the loader again rather than the stale error.
    setState((previous) => ({ ...previous, error: undefined, isFetching: true }));
    requestRef.current(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ data, error: undefined, isFetching: false });
      },
      (error: unknown) => {
        // Data for other filters would be misleading next to an error: drop it.
        if (!controller.signal.aborted) setState({ data: undefined, error, isFetching: false });
      }
    );
    return () => controller.abort();
  }, [key, attempt]);

  const refetch = React.useCallback(() => setAttempt((count) => count + 1), []);

  return {
    data: state.data,
    error: state.error,
    isLoading: state.isFetching && state.data === undefined && state.error === undefined,
    isFetching: state.isFetching,
    refetch,
  };
};

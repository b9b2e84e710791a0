import { useSearchParams } from 'react-router';

/** List state (filters and page) kept in the URL, so a view can be shared and survives reloads. */
export function useUrlState<T extends Record<string, string | undefined>>(defaults: T) {
  const [params, setParams] = useSearchParams();
  const state = { ...defaults } as T;
  for (const key of Object.keys(defaults)) {
    const v = params.get(key);
    if (v !== null) (state as Record<string, string | undefined>)[key] = v;
  }
  const update = (patch: Partial<T>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined || v === '' || v === defaults[k]) next.delete(k);
      else next.set(k, String(v));
    }
    setParams(next);
  };
  return [state, update] as const;
}

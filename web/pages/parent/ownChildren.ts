import { useQuery } from '@tanstack/react-query';
import { api } from '../../api.ts';
import type { OwnChild } from '../../../src/modules/guardianship/contract.ts';

/** The signed-in parent's own children, shared by every page of the parent's app. */
export function useOwnChildren() {
  return useQuery({ queryKey: ['own-children'], queryFn: () => api.get<OwnChild[]>('/parent/children') });
}

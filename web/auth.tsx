import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { api, ApiError, setCsrfToken, setUnauthenticatedHandler } from './api.ts';
import { setLocale } from './i18n.ts';
import type { Me, UserView } from '../src/modules/access/contract.ts';

export type CurrentUser = UserView;

interface AuthState {
  status: 'loading' | 'signed-out' | 'signed-in';
  user: CurrentUser | null;
  can(permission: string): boolean;
  signIn(username: string, password: string): Promise<void>;
  signOut(): Promise<void>;
}

const AuthContext = createContext<AuthState | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [status, setStatus] = useState<AuthState['status']>('loading');
  const queryClient = useQueryClient();

  const accept = useCallback((m: Me | null) => {
    setMe(m);
    setCsrfToken(m?.csrfToken ?? null);
    setStatus(m ? 'signed-in' : 'signed-out');
  }, []);

  useEffect(() => {
    setUnauthenticatedHandler(() => {
      accept(null);
      queryClient.clear();
    });
    api
      .get<Me>('/auth/me')
      .then(accept)
      .catch((e: unknown) => {
        if (e instanceof ApiError && e.status === 401) accept(null);
        else accept(null);
      });
  }, [accept, queryClient]);

  const value = useMemo<AuthState>(
    () => ({
      status,
      user: me?.user ?? null,
      can: (permission) => me?.permissions.includes(permission) ?? false,
      async signIn(username, password) {
        const m = await api.post<Me>('/auth/login', { username, password });
        accept(m);
      },
      async signOut() {
        await api.post('/auth/logout').catch(() => {});
        queryClient.clear();
        accept(null);
      },
    }),
    [status, me, accept, queryClient],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}

/** Switches the interface language and remembers it for the signed-in user. */
export async function changeLanguage(locale: 'zh-CN' | 'en-US', signedIn: boolean): Promise<void> {
  setLocale(locale);
  if (signedIn) await api.put('/auth/me/locale', { locale }).catch(() => {});
}

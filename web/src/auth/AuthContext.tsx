import { createContext, useContext, useSyncExternalStore } from 'react';
import type { AuthClient } from './auth-client';
import type { Session } from './session';

export const AuthContext = createContext<AuthClient | null>(null);

export function useAuth(): AuthClient {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth needs an <AuthContext.Provider>');
  return auth;
}

export function useSession(): Session | null {
  const auth = useAuth();
  return useSyncExternalStore(auth.subscribe, auth.getSession);
}

/** For screens inside the signed-in shell, where a session always exists. */
export function useRequiredSession(): Session {
  const session = useSession();
  if (!session) throw new Error('No session: this screen renders only inside the signed-in shell');
  return session;
}

import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { Permission } from './locales/dictionary';
import { onUnauthenticated, setCsrfToken } from './services/http';
import * as api from './services/session';
import type { Session } from './services/types';

type State = { status: 'loading' } | { status: 'signedOut' } | { status: 'signedIn'; session: Session };

export interface SessionApi {
  state: State;
  /** The signed-in user; throws outside the signed-in part of the console. */
  session: Session | undefined;
  may(permission: Permission): boolean;
  signIn(username: string, password: string): Promise<Session>;
  signOut(): Promise<void>;
}

const SessionContext = createContext<SessionApi | undefined>(undefined);

/**
 * Whether this browser signed in and has not signed out since. Without it the console goes
 * straight to the sign-in page instead of asking the server (which would answer 401). The
 * session itself is the server's httpOnly cookie; this flag holds nothing secret.
 */
const SIGNED_IN_FLAG = 'veracity.signedIn';

function flagged(): boolean {
  try {
    return localStorage.getItem(SIGNED_IN_FLAG) === '1';
  } catch {
    return true;
  }
}

function flag(on: boolean): void {
  try {
    if (on) localStorage.setItem(SIGNED_IN_FLAG, '1');
    else localStorage.removeItem(SIGNED_IN_FLAG);
  } catch {
    // storage refused: the console asks the server each time
  }
}

/** Who is signed in (GET /api/v1/session), and the anti-forgery token the requests send. */
export function SessionProvider({ children, initial }: { children: ReactNode; initial?: Session }) {
  const [state, setState] = useState<State>(() =>
    initial ? { status: 'signedIn', session: initial } : { status: 'loading' },
  );

  const adopt = useCallback((session: Session | undefined) => {
    setCsrfToken(session?.csrfToken);
    flag(session !== undefined);
    setState(session ? { status: 'signedIn', session } : { status: 'signedOut' });
  }, []);

  useEffect(() => {
    if (initial) {
      setCsrfToken(initial.csrfToken);
      return;
    }
    if (!flagged()) {
      adopt(undefined);
      return;
    }
    let live = true;
    api.currentSession().then(
      (session) => live && adopt(session),
      // Signed out, or the server is down: the sign-in page says which on submit.
      () => live && adopt(undefined),
    );
    return () => {
      live = false;
    };
  }, [adopt, initial]);

  useEffect(() => onUnauthenticated(() => adopt(undefined)), [adopt]);

  const value = useMemo<SessionApi>(() => {
    const session = state.status === 'signedIn' ? state.session : undefined;
    return {
      state,
      session,
      may: (permission) => session?.permissions.includes(permission) ?? false,
      async signIn(username, password) {
        const signedIn = await api.signIn(username, password);
        adopt(signedIn);
        return signedIn;
      },
      async signOut() {
        try {
          await api.signOut();
        } finally {
          adopt(undefined);
        }
      },
    };
  }, [state, adopt]);

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionApi {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

/** The signed-in user, inside the signed-in part of the console. */
export function useUser(): Session {
  const { session } = useSession();
  if (!session) throw new Error('useUser while signed out');
  return session;
}

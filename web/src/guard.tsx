import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { homeOf } from './access';
import type { Permission } from './locales/dictionary';
import { Forbidden, NothingToSee } from './pages/exception/forbidden';
import { useSession } from './session';

/** The page, or 403 when the user's role lacks its permission. */
export function RequirePermission({ permission, children }: { permission?: Permission; children: ReactNode }) {
  const { may } = useSession();
  if (permission && !may(permission)) return <Forbidden />;
  return <>{children}</>;
}

/** The signed-in part of the console; signed out, the sign-in page, coming back here afterwards. */
export function RequireSession({ children }: { children: ReactNode }) {
  const { state } = useSession();
  const location = useLocation();
  if (state.status === 'loading') return null;
  if (state.status === 'signedOut') {
    const from = `${location.pathname}${location.search}`;
    return <Navigate to={from === '/' ? '/login' : `/login?from=${encodeURIComponent(from)}`} replace />;
  }
  return <>{children}</>;
}

/** `/`: the first page of this role's menu. */
export function Home() {
  const { may } = useSession();
  const home = homeOf(may);
  return home ? <Navigate to={home} replace /> : <NothingToSee />;
}

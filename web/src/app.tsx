import { App as AntApp } from 'antd';
import { type ReactNode, Suspense } from 'react';
import { RouterProvider } from 'react-router';
import { IntlProvider, type Lang } from './locales';
import type { Session } from './services/types';
import { SessionProvider } from './session';

type Router = Parameters<typeof RouterProvider>[0]['router'];

/** Language, antd's App context (message, notification, modal), the session, the router. */
export function ConsoleApp({ router, session, lang }: { router: Router; session?: Session; lang?: Lang }) {
  return (
    <Providers session={session} lang={lang}>
      <Suspense fallback={null}>
        <RouterProvider router={router} />
      </Suspense>
    </Providers>
  );
}

export function Providers({ children, session, lang }: { children: ReactNode; session?: Session; lang?: Lang }) {
  return (
    <IntlProvider initial={lang}>
      <AntApp>
        <SessionProvider initial={session}>{children}</SessionProvider>
      </AntApp>
    </IntlProvider>
  );
}

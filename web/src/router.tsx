import { type ComponentType, type LazyExoticComponent, lazy } from 'react';
import { createBrowserRouter, createMemoryRouter, type RouteObject } from 'react-router';
import { ROUTES } from './access';
import { Home, RequirePermission, RequireSession } from './guard';
import { BasicLayout } from './layouts/basic-layout';
import { NotFound } from './pages/exception/forbidden';

// Each page is its own chunk: the sign-in page does not load ECharts or the item detail.
const PAGES: Record<string, LazyExoticComponent<ComponentType>> = {
  '/dashboard': lazy(() => import('./pages/dashboard')),
  '/items': lazy(() => import('./pages/items')),
  '/items/:itemNo': lazy(() => import('./pages/item-detail')),
  '/customers': lazy(() => import('./pages/customers')),
  '/customers/:id': lazy(() => import('./pages/customer-detail')),
  '/intake': lazy(() => import('./pages/intake')),
  '/commission-holds': lazy(() => import('./pages/commission-holds')),
  '/admin/distribution-rules': lazy(() => import('./pages/admin/distribution-rules')),
  '/admin/users': lazy(() => import('./pages/admin/users')),
  '/admin/api-keys': lazy(() => import('./pages/admin/api-keys')),
};

const Login = lazy(() => import('./pages/login'));

export const routeObjects: RouteObject[] = [
  { path: '/login', element: <Login /> },
  {
    path: '/',
    element: (
      <RequireSession>
        <BasicLayout />
      </RequireSession>
    ),
    children: [
      { index: true, element: <Home /> },
      ...ROUTES.map((route) => {
        const Page = PAGES[route.path];
        if (!Page) throw new Error(`no page for ${route.path}`);
        return {
          path: route.path,
          element: (
            <RequirePermission permission={route.permission}>
              <Page />
            </RequirePermission>
          ),
        };
      }),
      { path: '*', element: <NotFound /> },
    ],
  },
];

export const createRouter = () => createBrowserRouter(routeObjects);
export const createTestRouter = (url: string) => createMemoryRouter(routeObjects, { initialEntries: [url] });

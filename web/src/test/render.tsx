import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { Providers } from '../app';
import { type Permission, ROLE_PERMISSIONS, type Role } from '../locales/dictionary';
import type { Session } from '../services/types';

/** A signed-in member of staff with their role's permissions (src/shared/roles.ts). */
export function sessionOf(role: Role, extra: Partial<Session> = {}): Session {
  return {
    username: role,
    displayName: `测试 ${role}`,
    role,
    scope: { branches: [], channels: [] },
    wholeCompany: true,
    permissions: [...ROLE_PERMISSIONS[role]] as Permission[],
    csrfToken: 'csrf-test-token',
    ...extra,
  };
}

/** One page at an address, signed in, in Chinese (the console's default). */
export function renderPage(path: string, url: string, page: ReactNode, session: Session) {
  return render(
    <Providers session={session} lang="zh-CN">
      <MemoryRouter initialEntries={[url]}>
        <Routes>
          <Route path={path} element={page} />
          <Route path="*" element={<div>elsewhere</div>} />
        </Routes>
      </MemoryRouter>
    </Providers>,
  );
}

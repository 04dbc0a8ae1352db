import { MenuFoldOutlined, MenuUnfoldOutlined } from '@ant-design/icons';
import { Layout, Menu, type MenuProps, Spin } from 'antd';
import { Suspense, useMemo, useState } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { allowedRoutes, MENU_GROUPS } from '../access';
import { useIntl } from '../locales';
import { useSession } from '../session';
import { HeaderRight } from './header-right';

type MenuItem = Required<MenuProps>['items'][number];

/** The signed-in frame: the side menu of the pages this role may open, the header, the page. */
export function BasicLayout() {
  const { t } = useIntl();
  const { may } = useSession();
  const location = useLocation();
  const [collapsed, setCollapsed] = useState(false);

  const items = useMemo<MenuItem[]>(() => {
    const visible = allowedRoutes(may).filter((r) => !r.hideInMenu);
    const entries: MenuItem[] = [];
    const groups = new Map<string, MenuItem[]>();
    for (const route of visible) {
      const entry: MenuItem = {
        key: route.path,
        icon: route.icon,
        label: <Link to={route.path}>{t(route.title)}</Link>,
      };
      if (!route.group) {
        entries.push(entry);
        continue;
      }
      let children = groups.get(route.group);
      if (!children) {
        children = [];
        groups.set(route.group, children);
        const group = MENU_GROUPS[route.group];
        entries.push({ key: `group:${route.group}`, icon: group.icon, label: t(group.title), children });
      }
      children.push(entry);
    }
    return entries;
  }, [may, t]);

  const selected = allowedRoutes(may)
    .filter((r) => !r.hideInMenu && (location.pathname === r.path || location.pathname.startsWith(`${r.path}/`)))
    .map((r) => r.path)
    .sort((a, b) => b.length - a.length)
    .slice(0, 1);

  return (
    <Layout className="vc-layout">
      <Layout.Sider collapsible collapsed={collapsed} trigger={null} width={216} className="vc-sider">
        <div className="vc-sider-inner">
          <Link to="/" className="vc-logo">
            <img src="/favicon.svg" alt="" width={28} height={28} />
            {!collapsed && (
              <span className="vc-logo-text">
                {t('app.name')}
                <small>{t('app.subtitle')}</small>
              </span>
            )}
          </Link>
          <Menu
            theme="dark"
            mode="inline"
            items={items}
            selectedKeys={selected}
            defaultOpenKeys={Object.keys(MENU_GROUPS).map((g) => `group:${g}`)}
          />
        </div>
      </Layout.Sider>
      <Layout>
        <Layout.Header className="vc-header">
          <button
            type="button"
            className="vc-header-action vc-fold"
            onClick={() => setCollapsed((c) => !c)}
            aria-label={collapsed ? t('layout.expand') : t('layout.collapse')}
          >
            {collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
          </button>
          <HeaderRight />
        </Layout.Header>
        <Layout.Content className="vc-content">
          <Suspense
            fallback={
              <div className="vc-loading">
                <Spin size="large" />
              </div>
            }
          >
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

import { Breadcrumb, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

export interface Crumb {
  title: string;
  to?: string;
}

/** The page frame staff know from ant-design-pro: breadcrumb, title, actions on the right, content. */
export function PageContainer({
  crumbs,
  title,
  tags,
  extra,
  children,
}: {
  crumbs: Crumb[];
  title: ReactNode;
  tags?: ReactNode;
  extra?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className="vc-page">
      <div className="vc-page-header">
        <Breadcrumb items={crumbs.map((c) => ({ title: c.to ? <Link to={c.to}>{c.title}</Link> : c.title }))} />
        <Flex justify="space-between" align="center" wrap gap={12} className="vc-page-title-row">
          <Flex align="center" gap={8} wrap>
            <Typography.Title level={4} className="vc-page-title">
              {title}
            </Typography.Title>
            {tags}
          </Flex>
          {extra && (
            <Flex gap={8} wrap>
              {extra}
            </Flex>
          )}
        </Flex>
      </div>
      <div className="vc-page-content">{children}</div>
    </div>
  );
}

import { GlobalOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Dropdown, Flex, type MenuProps, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { useScopeText } from '../components/scope';
import { useIntl } from '../locales';
import { nameOf, ROLES } from '../locales/dictionary';
import { useSession, useUser } from '../session';
import { NotificationBell } from './notification-bell';

/** Notifications, language, and the user menu (who, which role, which data scope, sign out). */
export function HeaderRight() {
  const { t, lang, setLang, short } = useIntl();
  const user = useUser();
  const { signOut } = useSession();
  const navigate = useNavigate();
  const scopeText = useScopeText();

  const menu: MenuProps['items'] = [
    {
      key: 'who',
      disabled: true,
      label: (
        <div className="vc-user-card">
          <Typography.Text strong>{user.displayName}</Typography.Text>
          <div>
            <Typography.Text type="secondary">{user.username}</Typography.Text>
          </div>
          <div>
            {t('user.role')}：{nameOf(ROLES, user.role, short)}
          </div>
          <div>
            {t('user.scope')}：{scopeText(user.scope)}
          </div>
        </div>
      ),
    },
    { type: 'divider' },
    {
      key: 'lang',
      icon: <GlobalOutlined />,
      label: lang === 'zh-CN' ? 'English' : '简体中文',
      onClick: () => setLang(lang === 'zh-CN' ? 'en-US' : 'zh-CN'),
    },
    {
      key: 'signOut',
      icon: <LogoutOutlined />,
      label: t('user.signOut'),
      onClick: async () => {
        await signOut();
        navigate('/login', { replace: true });
      },
    },
  ];

  return (
    <Flex align="center" gap={16} className="vc-header-right">
      <NotificationBell />
      <button
        type="button"
        className="vc-header-action"
        onClick={() => setLang(lang === 'zh-CN' ? 'en-US' : 'zh-CN')}
        aria-label={t('user.switchLanguage')}
      >
        <GlobalOutlined /> {lang === 'zh-CN' ? '中文' : 'EN'}
      </button>
      <Dropdown menu={{ items: menu }} placement="bottomRight" trigger={['click']}>
        <button type="button" className="vc-header-action" aria-label={t('user.menu')}>
          <Avatar size="small" icon={<UserOutlined />} className="vc-avatar" />
          <span>{user.displayName}</span>
          <Tag className="vc-role-tag">{nameOf(ROLES, user.role, short)}</Tag>
        </button>
      </Dropdown>
    </Flex>
  );
}

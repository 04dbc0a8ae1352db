import { GlobalOutlined, LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { homeOf } from '../../access';
import { ErrorDescription } from '../../components/notify';
import { useIntl } from '../../locales';
import { ApiError } from '../../services/http';
import { useSession } from '../../session';

/** Where to go after signing in: back where the user was, never off this site. */
function safeFrom(from: string | null): string | undefined {
  return from?.startsWith('/') && !from.startsWith('//') && !from.startsWith('/login') ? from : undefined;
}

/** 登录: username and password (POST /api/v1/session); the server sets the session cookie. */
export default function LoginPage() {
  const { t, lang, setLang, pick } = useIntl();
  const { state, signIn } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  if (state.status === 'signedIn') {
    return (
      <Navigate
        to={safeFrom(params.get('from')) ?? homeOf((p) => state.session.permissions.includes(p)) ?? '/'}
        replace
      />
    );
  }

  const submit = async (values: { username: string; password: string }) => {
    setBusy(true);
    setError(undefined);
    try {
      const session = await signIn(values.username.trim(), values.password);
      navigate(safeFrom(params.get('from')) ?? homeOf((p) => session.permissions.includes(p)) ?? '/', {
        replace: true,
      });
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  };

  return (
    <div className="vc-login">
      <button
        type="button"
        className="vc-login-lang"
        onClick={() => setLang(lang === 'zh-CN' ? 'en-US' : 'zh-CN')}
        aria-label={t('user.switchLanguage')}
      >
        <GlobalOutlined /> {lang === 'zh-CN' ? 'English' : '简体中文'}
      </button>
      <div className="vc-login-box">
        <div className="vc-login-brand">
          <img src="/favicon.svg" alt="" width={44} height={44} />
          <div>
            <Typography.Title level={2} className="vc-login-title">
              {t('app.name')}
            </Typography.Title>
            <Typography.Text type="secondary">{t('app.subtitle')}</Typography.Text>
          </div>
        </div>
        <Card className="vc-login-card" title={t('login.title')}>
          {error !== undefined && (
            <Alert
              type="error"
              showIcon
              className="vc-login-error"
              title={error instanceof ApiError ? pick(error) : t('error.unexpected')}
              description={error instanceof ApiError && error.fields.length > 0 && <ErrorDescription error={error} />}
            />
          )}
          <Form layout="vertical" size="large" onFinish={submit} requiredMark={false} autoComplete="on">
            <Form.Item
              name="username"
              label={t('login.username')}
              rules={[{ required: true, message: t('login.usernameRequired') }]}
            >
              <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
            </Form.Item>
            <Form.Item
              name="password"
              label={t('login.password')}
              rules={[{ required: true, message: t('login.passwordRequired') }]}
            >
              <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={busy}>
              {t('login.submit')}
            </Button>
          </Form>
        </Card>
        <Typography.Paragraph type="secondary" className="vc-login-foot">
          {t('login.notice')}
        </Typography.Paragraph>
      </div>
    </div>
  );
}

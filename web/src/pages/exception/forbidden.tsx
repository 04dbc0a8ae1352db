import { Button, Result } from 'antd';
import { Link } from 'react-router';
import { useIntl } from '../../locales';

/** 403: the page exists, this role may not open it (P5.21: checked again by the server). */
export function Forbidden() {
  const { t } = useIntl();
  return (
    <Result
      status="403"
      title="403"
      subTitle={t('error.forbiddenPage')}
      extra={
        <Link to="/">
          <Button type="primary">{t('action.home')}</Button>
        </Link>
      }
    />
  );
}

export function NotFound() {
  const { t } = useIntl();
  return (
    <Result
      status="404"
      title="404"
      subTitle={t('error.notFoundPage')}
      extra={
        <Link to="/">
          <Button type="primary">{t('action.home')}</Button>
        </Link>
      }
    />
  );
}

/** A role with no page of its own (training, general office …): say so rather than show an empty menu. */
export function NothingToSee() {
  const { t } = useIntl();
  return <Result status="info" title={t('error.noPagesTitle')} subTitle={t('error.noPages')} />;
}

import { Button, Result } from 'antd';
import { useIntl } from '../locales';
import { ApiError } from '../services/http';
import { ErrorDescription } from './notify';

/** A page whose data did not load: 403, 404 or the server's message, with a retry. */
export function ApiResult({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { pick, t } = useIntl();
  if (!(error instanceof ApiError)) {
    return <Result status="error" title={t('error.unexpected')} subTitle={String(error)} />;
  }
  const status = error.status === 403 ? '403' : error.status === 404 ? '404' : 'error';
  const title = error.routeMissing
    ? t('error.routeMissing')
    : error.status === 403
      ? t('error.forbiddenTitle')
      : error.status === 404
        ? t('error.notFoundTitle')
        : t('error.loadFailed');
  return (
    <Result
      status={status}
      title={title}
      subTitle={
        <div>
          <div>{pick(error)}</div>
          <ErrorDescription error={error} />
        </div>
      }
      extra={
        onRetry && (
          <Button type="primary" onClick={onRetry}>
            {t('action.retry')}
          </Button>
        )
      }
    />
  );
}

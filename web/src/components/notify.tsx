import { App } from 'antd';
import { useMemo } from 'react';
import { useIntl } from '../locales';
import { ApiError } from '../services/http';

/** The server's message in the current language, with the fields at fault and the request id. */
export function ErrorDescription({ error }: { error: ApiError }) {
  const { pick, t } = useIntl();
  const lines = error.fields.length > 0 ? error.fields.map((f) => pick(f)) : error.details;
  return (
    <div>
      {lines.length > 0 && (
        <ul className="vc-error-fields">
          {lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
      {error.requestId && <div className="vc-request-id">{t('error.requestId', { id: error.requestId })}</div>}
    </div>
  );
}

/** One way of telling the user that something failed or worked. */
export function useNotify() {
  const { notification, message } = App.useApp();
  const { pick, t } = useIntl();
  return useMemo(
    () => ({
      error(error: unknown) {
        if (error instanceof ApiError) {
          notification.error({
            title: pick(error),
            description: <ErrorDescription error={error} />,
            duration: 8,
          });
        } else {
          notification.error({ title: t('error.unexpected'), description: String(error), duration: 8 });
        }
      },
      success(text: string) {
        message.success(text);
      },
      info(text: string) {
        message.info(text);
      },
    }),
    [notification, message, pick, t],
  );
}

import { BellOutlined } from '@ant-design/icons';
import { Badge, Empty, Popover, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { useIntl } from '../locales';
import { NOTIFICATION_KINDS, nameOf } from '../locales/dictionary';
import { listNotifications, markRead } from '../services/dashboard';
import { ApiError } from '../services/http';
import type { Notification } from '../services/types';
import { chinaTime } from '../utils/dates';

const POLL_MS = 60_000;

/** The bell: escalations and assignments for this user (GET /notifications), polled each minute. */
export function NotificationBell() {
  const { t, short } = useIntl();
  const navigate = useNavigate();
  const [notifications, setNotifications] = useState<Notification[]>([]);
  const [unread, setUnread] = useState(0);
  const [available, setAvailable] = useState(true);
  const [open, setOpen] = useState(false);

  const load = useCallback(async () => {
    try {
      const answer = await listNotifications();
      setNotifications(answer.notifications);
      setUnread(answer.unread);
    } catch (error) {
      // A server without the route yet (404) or a role without notifications: no bell, no noise.
      if (error instanceof ApiError && (error.status === 404 || error.status === 403)) setAvailable(false);
    }
  }, []);

  useEffect(() => {
    if (!available) return;
    void load();
    const timer = setInterval(() => void load(), POLL_MS);
    return () => clearInterval(timer);
  }, [available, load]);

  if (!available) return null;

  const openOne = async (n: Notification) => {
    setOpen(false);
    if (!n.readAt) {
      try {
        await markRead(n.id);
      } catch {
        // read marks are best effort
      }
      void load();
    }
    if (n.itemNo) navigate(`/items/${encodeURIComponent(n.itemNo)}`);
  };

  const content = (
    <div className="vc-notifications">
      {notifications.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} />
      ) : (
        <ul className="vc-notification-list">
          {notifications.slice(0, 20).map((n) => (
            <li key={n.id}>
              <button
                type="button"
                className={n.readAt ? 'vc-notification' : 'vc-notification vc-unread'}
                onClick={() => void openOne(n)}
              >
                <span className="vc-notification-title">
                  {nameOf(NOTIFICATION_KINDS, n.kind, short)}
                  {n.itemNo && <Typography.Text code>{n.itemNo}</Typography.Text>}
                </span>
                {typeof n.data.dueOn === 'string' && (
                  <Typography.Text type="secondary">{t('notifications.dueOn', { day: n.data.dueOn })}</Typography.Text>
                )}
                <Typography.Text type="secondary" className="vc-notification-time">
                  {chinaTime(n.createdAt)}
                </Typography.Text>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );

  return (
    <Popover content={content} title={t('notifications.title')} trigger="click" open={open} onOpenChange={setOpen}>
      <button type="button" className="vc-header-action" aria-label={t('notifications.title')}>
        <Badge count={unread} size="small" overflowCount={99}>
          <BellOutlined className="vc-bell" />
        </Badge>
      </button>
    </Popover>
  );
}

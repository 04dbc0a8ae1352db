import { get, post } from './http';
import type { Dashboard, Notification } from './types';

export const getDashboard = () => get<Dashboard>('/dashboard');

export const listNotifications = () => get<{ notifications: Notification[]; unread: number }>('/notifications');
export const markRead = (id: number) => post<unknown>(`/notifications/${id}/read`);

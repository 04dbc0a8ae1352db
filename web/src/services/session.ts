import { del, get, post } from './http';
import type { Session } from './types';

export const signIn = (username: string, password: string) => post<Session>('/session', { username, password });
export const currentSession = () => get<Session>('/session');
export const signOut = () => del<void>('/session');

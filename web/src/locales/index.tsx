import 'dayjs/locale/zh-cn';
import { ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { Bilingual } from './dictionary';
import enMessages from './en-US';
import zhMessages, { type MessageKey } from './zh-CN';

export type Lang = 'zh-CN' | 'en-US';
const STORAGE_KEY = 'veracity.lang';

export interface Intl {
  lang: Lang;
  /** `zh` or `en`: the key of a bilingual server message. */
  short: 'zh' | 'en';
  setLang(lang: Lang): void;
  /** A console string, with `{name}` placeholders filled. */
  t(key: MessageKey, values?: Record<string, string | number>): string;
  /** The current language's half of a server message `{ zh, en }`. */
  pick(message: Bilingual | undefined | null): string;
}

const IntlContext = createContext<Intl | undefined>(undefined);

function storedLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en-US' ? 'en-US' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

/** Fills `{name}` placeholders. */
export function format(template: string, values?: Record<string, string | number>): string {
  if (!values) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

const THEME = {
  token: {
    colorPrimary: '#1677ff',
    borderRadius: 6,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'Helvetica Neue', Arial, sans-serif",
  },
};

/** Simplified Chinese first; English on request, remembered in this browser. */
export function IntlProvider({ children, initial }: { children: ReactNode; initial?: Lang }) {
  const [lang, setLangState] = useState<Lang>(() => initial ?? storedLang());
  useEffect(() => {
    dayjs.locale(lang === 'zh-CN' ? 'zh-cn' : 'en');
    document.documentElement.lang = lang;
  }, [lang]);
  const setLang = useCallback((next: Lang) => {
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // private mode: the choice lasts this page only
    }
    setLangState(next);
  }, []);
  const intl = useMemo<Intl>(() => {
    const messages = lang === 'zh-CN' ? zhMessages : enMessages;
    const short = lang === 'zh-CN' ? 'zh' : 'en';
    return {
      lang,
      short,
      setLang,
      t: (key, values) => format(messages[key] ?? key, values),
      pick: (message) => (message ? message[short] : ''),
    };
  }, [lang, setLang]);
  return (
    <IntlContext.Provider value={intl}>
      <ConfigProvider locale={lang === 'zh-CN' ? zhCN : enUS} theme={THEME}>
        {children}
      </ConfigProvider>
    </IntlContext.Provider>
  );
}

export function useIntl(): Intl {
  const intl = useContext(IntlContext);
  if (!intl) throw new Error('useIntl outside IntlProvider');
  return intl;
}

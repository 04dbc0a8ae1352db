import { useIntl } from '../locales';
import { CHANNELS, nameOf } from '../locales/dictionary';
import type { Scope } from '../services/types';

/** A data scope in words: 全公司, or the channels and branches. */
export function useScopeText() {
  const { t, short } = useIntl();
  return (scope: Scope | undefined): string => {
    if (!scope || (scope.branches.length === 0 && scope.channels.length === 0)) return t('scope.whole');
    const parts: string[] = [];
    if (scope.channels.length > 0) parts.push(scope.channels.map((c) => nameOf(CHANNELS, c, short)).join('、'));
    if (scope.branches.length > 0) parts.push(t('scope.branches', { branches: scope.branches.join('、') }));
    return parts.join(' · ');
  };
}

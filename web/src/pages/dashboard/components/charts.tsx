import { useMemo } from 'react';
import { type ChartOption, EChart } from '../../../components/echart';
import { useIntl } from '../../../locales';
import type { Dashboard } from '../../../services/types';
import { codeName } from '../../../utils/codes';

/** Items raised and cleared per day, the last 30 days. */
export function TrendChart({ trend }: { trend: Dashboard['trend'] }) {
  const { t } = useIntl();
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { data: [t('dashboard.raised'), t('dashboard.cleared')], top: 0 },
      grid: { left: 40, right: 16, top: 36, bottom: 28 },
      xAxis: { type: 'category', boundaryGap: false, data: trend.map((d) => d.day.slice(5)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          name: t('dashboard.raised'),
          type: 'line',
          showSymbol: false,
          areaStyle: { opacity: 0.08 },
          itemStyle: { color: '#fa8c16' },
          data: trend.map((d) => d.raised),
        },
        {
          name: t('dashboard.cleared'),
          type: 'line',
          showSymbol: false,
          areaStyle: { opacity: 0.08 },
          itemStyle: { color: '#52c41a' },
          data: trend.map((d) => d.cleared),
        },
      ],
    }),
    [trend, t],
  );
  return <EChart option={option} height={300} label={t('dashboard.trend')} />;
}

/** Applications the gate refused, by code, the last 30 days. */
export function RejectionsChart({ rejections }: { rejections: Dashboard['gateRejections'] }) {
  const { t, short } = useIntl();
  const option = useMemo<ChartOption>(() => {
    const rows = [...rejections].sort((a, b) => a.count - b.count).slice(-12);
    return {
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
      },
      grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: {
        type: 'category',
        data: rows.map((r) => codeName(r.code, short)),
        axisLabel: { width: 180, overflow: 'truncate' },
      },
      series: [
        {
          name: t('dashboard.rejections'),
          type: 'bar',
          barMaxWidth: 18,
          itemStyle: { color: '#1677ff', borderRadius: [0, 4, 4, 0] },
          label: { show: true, position: 'right' },
          data: rows.map((r) => r.count),
        },
      ],
    };
  }, [rejections, short, t]);
  return (
    <EChart
      option={option}
      height={Math.max(220, rejections.slice(0, 12).length * 30 + 40)}
      label={t('dashboard.rejections')}
    />
  );
}

import { useMemo } from 'react';
import { useNavigate } from 'react-router';
import { type ChartOption, EChart } from '../../../components/echart';
import { useIntl } from '../../../locales';
import { nameOf, PARTY_ROLES, SCAN_RULES } from '../../../locales/dictionary';
import type { ItemDetail } from '../../../services/types';

interface GraphNode {
  id: string;
  name: string;
  category: number;
  symbolSize: number;
  value?: string;
  customerId?: number;
}

/**
 * The link as a small graph: the shared value in the middle, the customers who hold it around it,
 * each on their policies. Masked names only; a policy outside the caller's scope shows no customer.
 */
export function LinkGraph({ detail }: { detail: ItemDetail }) {
  const { t, short } = useIntl();
  const navigate = useNavigate();

  const option = useMemo<ChartOption>(() => {
    const center = 'value';
    const nodes: GraphNode[] = [
      {
        id: center,
        name: detail.clue.maskedValue ?? nameOf(SCAN_RULES, detail.item.rule, short),
        category: 0,
        symbolSize: 46,
      },
    ];
    const links: Array<{ source: string; target: string; label?: { show: boolean; formatter: string } }> = [];
    for (const policy of detail.policies) {
      nodes.push({
        id: `p:${policy.policyNo}`,
        name: policy.policyNo,
        category: policy.policyNo === detail.item.policyNo ? 1 : 2,
        symbolSize: policy.policyNo === detail.item.policyNo ? 30 : 24,
      });
    }
    const customers = new Map<number, ItemDetail['customers'][number][]>();
    for (const c of detail.customers) customers.set(c.customerId, [...(customers.get(c.customerId) ?? []), c]);
    for (const [customerId, roles] of customers) {
      const first = roles[0];
      if (!first) continue;
      const id = `c:${customerId}`;
      nodes.push({
        id,
        name: first.name ?? t('detail.customerNo', { id: customerId }),
        category: 3,
        symbolSize: 20,
        customerId,
      });
      for (const role of roles) {
        links.push({
          source: id,
          target: `p:${role.policyNo}`,
          label: { show: true, formatter: nameOf(PARTY_ROLES, role.role, short) },
        });
      }
      if (roles.some((r) => r.holdsClueValue)) links.push({ source: id, target: center });
    }
    // A policy none of whose shown customers holds the value (out of scope, or the value is the
    // seller's): tie the policy itself to the value.
    const holding = new Set(detail.customers.filter((c) => c.holdsClueValue).map((c) => c.policyNo));
    for (const policy of detail.policies) {
      if (!holding.has(policy.policyNo)) links.push({ source: `p:${policy.policyNo}`, target: center });
    }
    return {
      tooltip: { formatter: (p: { data?: { name?: string } }) => p.data?.name ?? '' },
      legend: [{ data: [t('graph.value'), t('graph.thisPolicy'), t('graph.policy'), t('graph.customer')], top: 0 }],
      series: [
        {
          type: 'graph',
          layout: 'force',
          roam: true,
          draggable: true,
          top: 36,
          bottom: 12,
          force: { repulsion: 280, edgeLength: [70, 120], gravity: 0.1 },
          categories: [
            { name: t('graph.value'), itemStyle: { color: '#f5222d' } },
            { name: t('graph.thisPolicy'), itemStyle: { color: '#1677ff' } },
            { name: t('graph.policy'), itemStyle: { color: '#69b1ff' } },
            { name: t('graph.customer'), itemStyle: { color: '#52c41a' } },
          ],
          label: { show: true, position: 'bottom', fontSize: 11 },
          edgeLabel: { fontSize: 10, color: '#8c8c8c' },
          lineStyle: { color: '#bfbfbf', width: 1.5, curveness: 0.05 },
          data: nodes,
          links,
        },
      ],
    };
  }, [detail, short, t]);

  return (
    <EChart
      option={option}
      height={360}
      label={t('detail.graph')}
      onItemClick={(data) => {
        const customerId = (data as Partial<GraphNode> | undefined)?.customerId;
        if (customerId) navigate(`/customers/${customerId}`);
      }}
    />
  );
}

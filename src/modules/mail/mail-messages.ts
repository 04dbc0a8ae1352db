/**
 * The escalation mail (P5.13), as a pure function: bilingual, naming each item by its number, rule,
 * policy number and due day with a link into the console. It never carries a customer's personal
 * value: a problem item's clue is described in the console, behind the reader's access.
 */

export const RULE_LABELS: Record<string, { zh: string; en: string }> = {
  SHARED_PHONE: { zh: '多名客户共用电话', en: 'Phone shared by different customers' },
  SHARED_ACCOUNT: { zh: '多名客户共用银行账户', en: 'Bank account shared by different customers' },
  AGENT_CONTACT: { zh: '客户使用销售人员的联系方式', en: "Customer uses a seller's contact" },
  COMPLAINT_RECHECK: { zh: '销售人员被投诉须复核', en: 'Seller under complaint re-check' },
};

export interface EscalatedItem {
  itemNo: string;
  rule: string;
  policyNo: string;
  dueOn: string;
}

export interface Mail {
  subject: string;
  body: string;
}

/** More than this many items in one mail are counted, not listed: the console has them all. */
export const MAX_LISTED_ITEMS = 100;

export function itemLink(publicUrl: string, itemNo: string): string {
  return `${publicUrl}/items/${encodeURIComponent(itemNo)}`;
}

/** One mail to one member of staff for the items escalated to them in one run. */
export function escalationMail(input: {
  recipientName: string;
  items: readonly EscalatedItem[];
  escalatedOn: string;
  publicUrl: string;
}): Mail {
  const { items } = input;
  const first = items[0]?.itemNo ?? '';
  const subject =
    items.length === 1
      ? `【真信】问题件 ${first} 已逾期升级 (Problem item ${first} is overdue and escalated)`
      : `【真信】${items.length} 件问题件已逾期升级，含 ${first} (${items.length} problem items overdue and escalated, incl. ${first})`;
  const listed = items.slice(0, MAX_LISTED_ITEMS).map((item) => {
    const rule = RULE_LABELS[item.rule] ?? { zh: item.rule, en: item.rule };
    return [
      `问题件 (Item): ${item.itemNo}`,
      `  规则 (Rule): ${rule.zh} (${rule.en}) [${item.rule}]`,
      `  保单号 (Policy): ${item.policyNo}`,
      `  截止日 (Due): ${item.dueOn}`,
      `  查看 (Open): ${itemLink(input.publicUrl, item.itemNo)}`,
    ].join('\n');
  });
  const more = items.length - listed.length;
  const body = [
    `${input.recipientName}，您好 (Hello ${input.recipientName}),`,
    '',
    `以下问题件已超过处理截止日，于 ${input.escalatedOn} 升级至销售渠道管理部门和合规（P5.13）。`,
    `The problem items below are past their due day and were escalated to channel management and compliance on ${input.escalatedOn} (P5.13).`,
    '',
    ...listed.flatMap((text) => [text, '']),
    ...(more > 0
      ? [`另有 ${more} 件，请在系统中查看 (${more} more: see the console): ${input.publicUrl}/items?escalated=true`, '']
      : []),
    '客户资料请登录真信系统查看；本邮件不含客户个人信息。',
    "Customer details are in the Veracity console; this mail holds no customer's personal information.",
    '',
    '— 真信 Veracity',
  ].join('\n');
  return { subject, body };
}

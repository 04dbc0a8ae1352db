import {
  AuditOutlined,
  CheckCircleOutlined,
  EditOutlined,
  FileAddOutlined,
  FormOutlined,
  SafetyOutlined,
  SendOutlined,
  SwapOutlined,
} from '@ant-design/icons';
import { App, Button } from 'antd';
import { type ReactNode, useState } from 'react';
import { DistributeResults } from '../../../components/distribute-results';
import { useNotify } from '../../../components/notify';
import { useIntl } from '../../../locales';
import type { MessageKey } from '../../../locales/zh-CN';
import { distributeItems } from '../../../services/items';
import type { ItemAction, ItemDetail } from '../../../services/types';
import { AssignModal } from './actions/assign-modal';
import { ComplianceModal } from './actions/compliance-modal';
import { CorrectionModal } from './actions/correction-modal';
import { EvidenceModal } from './actions/evidence-modal';
import { SubmitModal } from './actions/submit-modal';
import { VerifyModal } from './actions/verify-modal';
import { WorkModal } from './actions/work-modal';

/** In the order the work goes; the next step of the one who may take it is the primary button. */
const ACTIONS: Array<{ action: ItemAction; label: MessageKey; icon: ReactNode; primary?: boolean }> = [
  { action: 'distribute', label: 'action.distribute', icon: <SendOutlined />, primary: true },
  { action: 'assign', label: 'action.assign', icon: <SwapOutlined /> },
  { action: 'work', label: 'action.work', icon: <FormOutlined /> },
  { action: 'evidence', label: 'action.evidence', icon: <FileAddOutlined /> },
  { action: 'correct', label: 'action.correct', icon: <EditOutlined /> },
  { action: 'submit', label: 'action.submit', icon: <CheckCircleOutlined />, primary: true },
  { action: 'verify', label: 'action.verify', icon: <AuditOutlined />, primary: true },
  { action: 'compliance', label: 'action.compliance', icon: <SafetyOutlined /> },
];

/** Only the steps the server says this user may take now (`allowedActions`). */
export function ActionBar({ detail, onChanged }: { detail: ItemDetail; onChanged: () => void }) {
  const { t } = useIntl();
  const { modal } = App.useApp();
  const notify = useNotify();
  const [open, setOpen] = useState<ItemAction | null>(null);
  const allowed = new Set(detail.allowedActions ?? []);
  const itemNo = detail.item.itemNo;
  const close = () => setOpen(null);

  const distribute = () =>
    modal.confirm({
      title: t('distribute.confirmTitle'),
      content: t('distribute.confirmOne', { itemNo }),
      okText: t('action.distribute'),
      onOk: async () => {
        try {
          const { results } = await distributeItems([itemNo]);
          modal.info({
            title: t('distribute.resultTitle'),
            width: 600,
            content: <DistributeResults results={results} />,
          });
          onChanged();
        } catch (error) {
          notify.error(error);
        }
      },
    });

  const props = { itemNo, onDone: onChanged, onClosed: close };
  const primary = ACTIONS.find((a) => a.primary && allowed.has(a.action))?.action;

  return (
    <>
      {ACTIONS.filter((a) => allowed.has(a.action)).map((a) => (
        <Button
          key={a.action}
          icon={a.icon}
          type={a.action === primary ? 'primary' : 'default'}
          onClick={() => (a.action === 'distribute' ? distribute() : setOpen(a.action))}
          data-action={a.action}
        >
          {t(a.label)}
        </Button>
      ))}
      {open === 'assign' && <AssignModal {...props} />}
      {open === 'work' && <WorkModal {...props} />}
      {open === 'evidence' && <EvidenceModal {...props} />}
      {open === 'correct' && <CorrectionModal {...props} />}
      {open === 'submit' && <SubmitModal {...props} evidenceKinds={(detail.evidence ?? []).map((e) => e.kind)} />}
      {open === 'verify' && <VerifyModal {...props} />}
      {open === 'compliance' && <ComplianceModal {...props} status={detail.item.status} />}
    </>
  );
}

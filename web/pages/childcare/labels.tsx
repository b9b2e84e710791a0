import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const STATUS_COLORS: Record<string, string> = {
  draft: 'default',
  submitted: 'processing',
  inReview: 'blue',
  returned: 'warning',
  filed: 'success',
  suspended: 'orange',
  closed: 'default',
};

export function StatusTag({ status }: { status: string }) {
  const { t } = useTranslation('childcare');
  return <Tag color={STATUS_COLORS[status] ?? 'default'}>{t(`status.${status}`)}</Tag>;
}

const DECISION_COLORS: Record<string, string> = { pending: 'default', approved: 'success', returned: 'error' };

export function DecisionTag({ decision }: { decision: string }) {
  const { t } = useTranslation('childcare');
  return <Tag color={DECISION_COLORS[decision]}>{t(`decision.${decision}`)}</Tag>;
}

export const yuan = (fen: number | null | undefined) => (fen === null || fen === undefined ? '' : (fen / 100).toLocaleString('zh-CN'));

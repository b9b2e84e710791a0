import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const STATUS_COLORS: Record<string, string> = { computed: 'orange', approved: 'blue', paid: 'green' };

/** A subsidy month's status as a coloured tag. */
export function StatusTag({ status }: { status: string }) {
  const { t } = useTranslation('subsidies');
  return <Tag color={STATUS_COLORS[status]}>{t(`status.${status}`)}</Tag>;
}

import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const LEVEL_COLORS: Record<string, string> = { cityModel: 'gold', grade1: 'green', grade2: 'blue', grade3: 'cyan' };
const STATUS_COLORS: Record<string, string> = { draft: 'default', submitted: 'orange', assessed: 'purple', published: 'green', withdrawn: 'default' };

export function LevelTag({ level }: { level: string | null }) {
  const { t } = useTranslation('grading');
  return level ? <Tag color={LEVEL_COLORS[level]}>{t(`level.${level}`)}</Tag> : <Tag>{t('level.none')}</Tag>;
}

export function StatusTag({ status }: { status: string }) {
  const { t } = useTranslation('grading');
  return <Tag color={STATUS_COLORS[status]}>{t(`status.${status}`)}</Tag>;
}

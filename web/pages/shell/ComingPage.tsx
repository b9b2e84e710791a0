import { Result } from 'antd';
import { ClockCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { NavItem } from '../../navigation.ts';

/** A capability of the plan that has not landed: said plainly, with no placeholder content. */
export function ComingPage({ item }: { item: NavItem }) {
  const { t } = useTranslation('shell');
  const name = t(`nav.${item.key}`);
  return (
    <Result
      icon={<ClockCircleOutlined style={{ color: '#8c8c8c' }} />}
      title={t('comingTitle', { name })}
      subTitle={t('comingBody')}
    />
  );
}

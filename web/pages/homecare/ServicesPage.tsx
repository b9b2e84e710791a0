import { Card, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../auth.tsx';
import { useUrlState } from '../../components/useUrlState.ts';
import { OrdersTab } from './OrdersTab.tsx';
import { ProvidersTab } from './ProvidersTab.tsx';
import { VisitsTab } from './VisitsTab.tsx';

/** 居家养老服务: 六助 orders, providers and their items, visits to special-difficulty elderly. */
export function ServicesPage() {
  const { t } = useTranslation('homecare');
  const { can } = useAuth();
  const [state, update] = useUrlState({ tab: 'orders' } as Record<string, string | undefined>);
  const items = [
    { key: 'orders', label: t('services.orders'), children: <OrdersTab /> },
    { key: 'providers', label: t('services.providers'), children: <ProvidersTab /> },
    ...(can('homecare.read') ? [{ key: 'visits', label: t('services.visits'), children: <VisitsTab /> }] : []),
  ];
  return (
    <Card title={t('services.title')}>
      <Tabs activeKey={state.tab} onChange={(tab) => update({ tab })} items={items} destroyOnHidden />
    </Card>
  );
}

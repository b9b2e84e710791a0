import { Card, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../auth.tsx';
import { useUrlState } from '../../components/useUrlState.ts';
import { PlansTab } from './PlansTab.tsx';
import { InspectionsTab } from './InspectionsTab.tsx';
import { RectificationsTab } from './RectificationsTab.tsx';
import { CloudTab, ComplaintsTab, CreditTab, IncidentsTab } from './ReportsTabs.tsx';

/** Supervision (监管全覆盖): plans and the double-random draw, inspections, rectification, incidents, complaints, credit, cloud supervision. */
export function SupervisionPage() {
  const { t } = useTranslation('supervision');
  const { can } = useAuth();
  const official = can('supervision.read');
  const [state, update] = useUrlState({ tab: official ? 'plans' : 'rectifications' } as Record<string, string | undefined>);
  const items = [
    ...(official ? [{ key: 'plans', label: t('plans.title'), children: <PlansTab /> }] : []),
    { key: 'inspections', label: t('inspections.title'), children: <InspectionsTab /> },
    { key: 'rectifications', label: t('rectifications.title'), children: <RectificationsTab /> },
    { key: 'incidents', label: t('incidents.title'), children: <IncidentsTab /> },
    ...(official ? [{ key: 'complaints', label: t('complaints.title'), children: <ComplaintsTab /> }] : []),
    { key: 'credit', label: t('credit.title'), children: <CreditTab /> },
    ...(official ? [{ key: 'cloud', label: t('cloud.title'), children: <CloudTab /> }] : []),
  ];
  return (
    <Card title={t('title')}>
      <Tabs activeKey={state.tab} onChange={(tab) => update({ tab })} items={items} destroyOnHidden />
    </Card>
  );
}

import { Card, Tabs, Typography } from 'antd';
import { Route, Routes } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../auth.tsx';
import { useUrlState } from '../../components/useUrlState.ts';
import { CasesTab } from './CasesTab.tsx';
import { OverdueTab } from './OverdueTab.tsx';
import { ReportForm } from './ReportForm.tsx';
import { CasePage } from './CasePage.tsx';

/** Child protection (五位一体): cases, overdue cases and the mandatory report form; the report form is everyone's. */
export function ProtectionPage() {
  return (
    <Routes>
      <Route index element={<ProtectionHome />} />
      <Route path="cases/:id" element={<CasePage />} />
    </Routes>
  );
}

function ProtectionHome() {
  const { t } = useTranslation('protection');
  const { can } = useAuth();
  const worksCases = can('protection.handle') || can('protection.supervise');
  const [state, update] = useUrlState({ tab: worksCases ? 'cases' : 'report' } as Record<string, string | undefined>);
  const items = [
    ...(worksCases
      ? [
          { key: 'cases', label: t('tabs.cases'), children: <CasesTab /> },
          { key: 'overdue', label: t('tabs.overdue'), children: <OverdueTab /> },
        ]
      : []),
    { key: 'report', label: t('tabs.report'), children: <ReportForm /> },
  ];
  return (
    <Card title={t('title')} extra={<Typography.Text type="secondary">{t('subtitle')}</Typography.Text>}>
      <Tabs activeKey={state.tab} onChange={(tab) => update({ tab })} items={items} destroyOnHidden />
    </Card>
  );
}

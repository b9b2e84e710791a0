import { useQuery } from '@tanstack/react-query';
import { Descriptions, Drawer, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.ts';
import type { StatementView } from '../../../src/modules/homecare/contract.ts';
import { hours, yuan } from './common.tsx';

/** A person's statement: every movement, newest first, with the balance after it. */
export function StatementDrawer({ accountId, onClose }: { accountId: string | null; onClose: () => void }) {
  const { t } = useTranslation('homecare');
  const s = useQuery({ queryKey: ['homecare-statement', accountId], queryFn: () => api.get<StatementView>(`/homecare/accounts/${accountId}/statement?pageSize=200`), enabled: !!accountId });
  const card = s.data?.account.currency === 'card';
  const fmt = (v: number) => (card ? yuan(v) : hours(v));
  return (
    <Drawer open={!!accountId} width={880} onClose={onClose} title={s.data ? `${s.data.account.personName} · ${t(card ? 'card.statement' : 'time.statusStatement')}` : ''}>
      {s.data && (
        <>
          <Descriptions size="small" column={3} items={[
            { key: 'b', label: card ? t('field.balance') : t('field.hours'), children: fmt(s.data.account.balance) },
            { key: 'h', label: t('field.held'), children: fmt(s.data.account.held) },
            { key: 'a', label: t('field.available'), children: fmt(s.data.account.available) },
          ]} />
          <Table
            rowKey="entryId"
            size="small"
            pagination={false}
            dataSource={s.data.lines}
            columns={[
              { title: t('field.time'), dataIndex: 'createdAt', width: 170, render: (v: string) => v.replace('T', ' ') },
              { title: t('field.kind'), dataIndex: 'kind', width: 90, render: (v: string) => t(`kind.${v}`) },
              { title: t('field.change'), dataIndex: 'amount', align: 'right', render: (v: number) => `${v > 0 ? '+' : ''}${fmt(v)}` },
              { title: t('field.balanceAfter'), dataIndex: 'balanceAfter', align: 'right', width: 110, render: fmt },
              { title: t('field.memo'), dataIndex: 'memo' },
              { title: t('field.operator'), dataIndex: 'createdByName' },
            ]}
          />
        </>
      )}
    </Drawer>
  );
}

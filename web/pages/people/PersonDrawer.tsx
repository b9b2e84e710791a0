import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Descriptions, Drawer, Popconfirm, Space, Tag, Typography } from 'antd';
import { EyeOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api.ts';
import { errorText } from '../../components/formErrors.ts';
import { useAuth } from '../../auth.tsx';
import type { PersonView as Person } from '../../../src/modules/people/contract.ts';

const GROUP_COLOR = { infant: 'magenta', child: 'blue', elderly: 'orange' } as const;

export function GroupTags({ groups }: { groups: Person['groups'] }) {
  const { t } = useTranslation('common');
  return (
    <>
      {groups.map((g) => (
        <Tag key={g} color={GROUP_COLOR[g]}>
          {t(`group.${g}`)}
        </Tag>
      ))}
    </>
  );
}

export function sourceLabel(t: (k: string) => string, source: string): string {
  return t(`people:source.${source.startsWith('import:') ? 'import' : source}`);
}

/** One person's record; opening it is an audited read. The full ID number is one more audited step. */
export function PersonDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation(['people', 'common']);
  const { can } = useAuth();
  const { message } = App.useApp();
  const [revealed, setRevealed] = useState<string | null>(null);
  const person = useQuery({ queryKey: ['person', id], queryFn: () => api.get<Person>(`/people/${id}`), enabled: Boolean(id) });
  const p = person.data;

  const reveal = async () => {
    try {
      setRevealed((await api.post<{ idNumber: string }>(`/people/${id}/id-number`)).idNumber);
    } catch (e) {
      void message.error(errorText(e));
    }
  };

  return (
    <Drawer
      open={Boolean(id)}
      onClose={() => {
        setRevealed(null);
        onClose();
      }}
      title={p?.name}
      size="large"
      destroyOnHidden
    >
      {p && (
        <Descriptions
          column={1}
          bordered
          size="small"
          items={[
            {
              key: 'id',
              label: t('field.idNumber'),
              children: (
                <Space>
                  <Typography.Text code data-testid="id-number">
                    {revealed ?? p.idNumberMasked}
                  </Typography.Text>
                  {revealed && <Typography.Text type="secondary">{t('revealed')}</Typography.Text>}
                  {!revealed && can('people.readIdNumber') && (
                    <Popconfirm title={t('revealConfirm')} onConfirm={() => void reveal()}>
                      <Button size="small" icon={<EyeOutlined />}>
                        {t('revealId')}
                      </Button>
                    </Popconfirm>
                  )}
                </Space>
              ),
            },
            { key: 'sex', label: t('field.sex'), children: t(`common:sex.${p.sex}`) },
            { key: 'birth', label: t('field.birthDate'), children: `${p.birthDate}（${p.age}）` },
            { key: 'groups', label: t('field.groups'), children: <GroupTags groups={p.groups} /> },
            { key: 'unit', label: t('field.unit'), children: `${p.unitName}（${p.unitCode}）` },
            { key: 'phone', label: t('field.phone'), children: p.phone ?? '—' },
            { key: 'address', label: t('field.address'), children: p.address ?? '—' },
            { key: 'source', label: t('field.source'), children: sourceLabel(t, p.source) },
            { key: 'created', label: t('field.createdAt'), children: new Date(p.createdAt).toLocaleString() },
          ]}
        />
      )}
    </Drawer>
  );
}

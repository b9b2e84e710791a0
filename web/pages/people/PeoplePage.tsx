import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Select, Space, Table, Typography } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api, ApiError, qs, type Paged } from '../../api.ts';
import { errorText } from '../../components/formErrors.ts';
import { useAuth } from '../../auth.tsx';
import { UnitPicker } from '../../components/UnitPicker.tsx';
import { useUrlState } from '../../components/useUrlState.ts';
import { GroupTags, PersonDrawer } from './PersonDrawer.tsx';
import { RegisterPersonDrawer } from './RegisterPersonDrawer.tsx';
import type { PersonView as Person } from '../../../src/modules/people/contract.ts';

/** The shape of a citizen ID number (18 characters of GB 11643, or the old 15 digits); a name never has it. */
const ID_NUMBER_SHAPE = /^(\d{17}[\dXx]|\d{15})$/;

export function PeoplePage() {
  const { t } = useTranslation(['people', 'common']);
  const { can } = useAuth();
  const { message } = App.useApp();
  const [state, update] = useUrlState({ q: undefined, group: undefined, sex: undefined, unitCode: undefined, page: '1', pageSize: '20' } as Record<
    string,
    string | undefined
  >);
  // `?person=<id>` opens a person's record (the audit page links here).
  const [openId, setOpenId] = useState<string | null>(() => new URLSearchParams(window.location.search).get('person'));
  const [registering, setRegistering] = useState(false);
  const [lookupError, setLookupError] = useState<string | null>(null);
  const filters = { q: state.q, group: state.group, sex: state.sex, unitCode: state.unitCode };
  const list = useQuery({
    queryKey: ['people', state],
    queryFn: () => api.get<Paged<Person>>(`/people${qs({ ...filters, page: state.page, pageSize: state.pageSize })}`),
  });

  const lookup = async (idNumber: string) => {
    setLookupError(null);
    if (!idNumber.trim()) return;
    try {
      setOpenId((await api.post<Person>('/people/lookup', { idNumber })).id);
    } catch (e) {
      setLookupError(e instanceof ApiError ? (e.status === 404 ? t('notFoundInScope') : (e.fields[0]?.message ?? e.message)) : String(e));
    }
  };

  // An ID number typed into the name search goes to the lookup by POST, never into the URL
  // (and so never into browser history or an access log).
  const search = (v: Record<string, string | undefined>) => {
    const q = v.q?.trim();
    if (q && ID_NUMBER_SHAPE.test(q)) {
      update({ ...v, q: undefined, page: '1' });
      void lookup(q);
      return;
    }
    update({ ...v, page: '1' });
  };

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={t('title')}
        extra={
          <Space>
            {can('people.export') && (
              <Button icon={<DownloadOutlined />} onClick={() => void api.download(`/people/export.xlsx${qs(filters)}`, 'people.xlsx').catch((e) => message.error(errorText(e)))}>
                {t('common:actions.export')}
              </Button>
            )}
            {can('people.write') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setRegistering(true)}>
                {t('register')}
              </Button>
            )}
          </Space>
        }
      >
        <Space direction="vertical" style={{ width: '100%' }} size={12}>
          <div>
            <Input.Search
              placeholder={t('lookupHint')}
              enterButton={t('lookup')}
              style={{ maxWidth: 520 }}
              maxLength={18}
              onSearch={(v) => void lookup(v)}
              data-testid="id-lookup"
            />
            {lookupError && (
              <Typography.Text type="danger" style={{ marginInlineStart: 12 }}>
                {lookupError}
              </Typography.Text>
            )}
          </div>
          <Form name="people-filters" layout="inline" key={JSON.stringify(filters)} initialValues={filters} onFinish={search}>
            <Form.Item name="q" label={t('filters.q')}>
              <Input allowClear style={{ width: 140 }} />
            </Form.Item>
            <Form.Item name="group" label={t('filters.group')}>
              <Select allowClear style={{ width: 170 }} options={(['infant', 'child', 'elderly'] as const).map((g) => ({ value: g, label: t(`common:group.${g}`) }))} />
            </Form.Item>
            <Form.Item name="sex" label={t('field.sex')}>
              <Select allowClear style={{ width: 90 }} options={(['male', 'female'] as const).map((s) => ({ value: s, label: t(`common:sex.${s}`) }))} />
            </Form.Item>
            <Form.Item name="unitCode" label={t('filters.unit')}>
              <UnitPicker style={{ width: 260 }} />
            </Form.Item>
            <Form.Item>
              <Space>
                <Button type="primary" htmlType="submit">
                  {t('common:actions.search')}
                </Button>
                <Button onClick={() => update({ q: undefined, group: undefined, sex: undefined, unitCode: undefined, page: '1' })}>{t('common:actions.reset')}</Button>
              </Space>
            </Form.Item>
          </Form>
          <Table<Person>
            rowKey="id"
            size="middle"
            loading={list.isLoading}
            dataSource={list.data?.items ?? []}
            onRow={(r) => ({ onClick: () => setOpenId(r.id), style: { cursor: 'pointer' } })}
            pagination={{
              current: Number(state.page),
              pageSize: Number(state.pageSize),
              total: list.data?.total ?? 0,
              showTotal: (n) => t('common:total', { count: n }),
              onChange: (page, pageSize) => update({ page: String(page), pageSize: String(pageSize) }),
            }}
            columns={[
              { title: t('field.name'), dataIndex: 'name', key: 'name', render: (v: string) => <a>{v}</a> },
              { title: t('field.idNumber'), dataIndex: 'idNumberMasked', key: 'id', render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
              { title: t('field.sex'), dataIndex: 'sex', key: 'sex', render: (v: string) => t(`common:sex.${v}`) },
              { title: t('field.birthDate'), dataIndex: 'birthDate', key: 'birth' },
              { title: t('field.age'), dataIndex: 'age', key: 'age', align: 'right' },
              { title: t('field.groups'), dataIndex: 'groups', key: 'groups', render: (g: Person['groups']) => <GroupTags groups={g} /> },
              { title: t('field.unit'), dataIndex: 'unitName', key: 'unit' },
            ]}
          />
        </Space>
      </Card>
      <PersonDrawer id={openId} onClose={() => setOpenId(null)} />
      <RegisterPersonDrawer
        open={registering}
        onClose={() => setRegistering(false)}
        onCreated={(p) => {
          setRegistering(false);
          setOpenId(p.id);
        }}
      />
    </Space>
  );
}

import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, ConfigProvider, Empty, List, Modal, Rate, Space, Spin, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api.ts';
import { useAuth } from '../../auth.tsx';
import { LanguageSwitch } from '../../components/LanguageSwitch.tsx';
import type { MeView, OrderView } from '../../../src/modules/homecare/contract.ts';
import { hours, yuan } from './common.tsx';

const BIG = { fontSize: 22 };

/** An elderly person's or volunteer's own view in large, readable type: card balance, hours, services to confirm and rate. */
export function MyHomecare() {
  const { t } = useTranslation('homecare');
  const { signOut } = useAuth();
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const [rating, setRating] = useState<OrderView | null>(null);
  const [stars, setStars] = useState(5);
  const me = useQuery({ queryKey: ['homecare-me'], queryFn: () => api.get<MeView>('/homecare/me'), retry: false });
  const act = useMutation({
    mutationFn: (a: { id: string; action: 'confirm' | 'rate'; rating?: number }) => api.post(`/homecare/orders/${a.id}/${a.action}`, a.rating ? { rating: a.rating } : {}),
    onSuccess: (_r, a) => {
      message.success(t(a.action === 'confirm' ? 'me.confirmDone' : 'me.rateDone'));
      setRating(null);
      void qc.invalidateQueries({ queryKey: ['homecare-me'] });
    },
    onError: (e) => message.error((e as ApiError).fields?.[0]?.message ?? (e as Error).message),
  });
  const header = (
    <Space style={{ width: '100%', justifyContent: 'space-between' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {me.data ? t('me.hello', { name: me.data.person.name }) : ''}
      </Typography.Title>
      <Space>
        <LanguageSwitch signedIn />
        <Button size="large" onClick={() => void signOut()}>{t('me.logout')}</Button>
      </Space>
    </Space>
  );
  let body: React.ReactNode;
  if (me.isLoading) body = <Spin size="large" />;
  else if (me.error) body = <Typography.Paragraph style={BIG}>{me.error instanceof ApiError && me.error.status === 404 ? t('me.noLink') : (me.error as Error).message}</Typography.Paragraph>;
  else if (me.data) {
    const d = me.data;
    body = (
      <Space direction="vertical" size={20} style={{ width: '100%' }}>
        <Card title={<span style={BIG}>{t('me.card')}</span>}>
          {d.card ? (
            <>
              <Typography.Text style={BIG}>{t('me.available')}</Typography.Text>
              <div data-testid="my-card-available" style={{ fontSize: 48, fontWeight: 700, color: '#1d6b3a' }}>{yuan(d.card.available)} 元</div>
              {d.card.held > 0 && <Typography.Paragraph style={BIG}>{t('me.heldNote', { amount: yuan(d.card.held) })}</Typography.Paragraph>}
              <List
                size="large"
                header={<span style={BIG}>{t('me.recent')}</span>}
                dataSource={d.cardLines.slice(0, 6)}
                renderItem={(l) => (
                  <List.Item style={BIG}>
                    <span>{l.createdAt.slice(0, 10)} {t(`kind.${l.kind}`)}{l.memo ? ` · ${l.memo}` : ''}</span>
                    <strong>{l.amount > 0 ? '+' : ''}{yuan(l.amount)} 元</strong>
                  </List.Item>
                )}
              />
            </>
          ) : (
            <Typography.Paragraph style={BIG}>{t('me.noCard')}</Typography.Paragraph>
          )}
        </Card>
        {d.time && (
          <Card title={<span style={BIG}>{t('me.time')}</span>}>
            <div style={{ fontSize: 48, fontWeight: 700 }}>{t('me.hours', { hours: hours(d.time.available) })}</div>
            <List size="large" dataSource={d.timeLines.slice(0, 6)} renderItem={(l) => (
              <List.Item style={BIG}>
                <span>{l.createdAt.slice(0, 10)} {t(`kind.${l.kind}`)}</span>
                <strong>{l.amount > 0 ? '+' : ''}{hours(l.amount)}</strong>
              </List.Item>
            )} />
          </Card>
        )}
        <Card title={<span style={BIG}>{t('me.orders')}</span>}>
          {d.orders.length === 0 ? (
            <Empty description={<span style={BIG}>{t('me.noOrders')}</span>} />
          ) : (
            <List
              size="large"
              dataSource={d.orders}
              renderItem={(o) => (
                <List.Item
                  style={BIG}
                  actions={o.actions.filter((a) => a === 'confirm' || a === 'rate').map((a) => (
                    <Button key={a} type="primary" size="large" data-testid={`my-${a}`} style={{ fontSize: 20, height: 52 }} onClick={() =>
                      a === 'rate'
                        ? setRating(o)
                        : modal.confirm({
                            title: <span style={BIG}>{t('orders.confirmTitle')}</span>,
                            content: <span style={BIG}>{t(o.payment === 'card' ? 'orders.confirmText' : 'orders.confirmSelfText', { name: o.personName, item: o.itemName, amount: yuan(o.amountFen) })}</span>,
                            okText: t('confirmOk'),
                            cancelText: t('cancelBtn'),
                            okButtonProps: { size: 'large' },
                            cancelButtonProps: { size: 'large' },
                            onOk: () => act.mutateAsync({ id: o.id, action: 'confirm' }),
                          })
                    }>
                      {t(`action.${a}`)}
                    </Button>
                  ))}
                >
                  <List.Item.Meta
                    title={<span style={{ fontSize: 24 }}>{o.itemName}（{t(`category.${o.category}`)}）</span>}
                    description={<span style={{ fontSize: 20 }}>{o.scheduledOn} · {o.providerName} · {yuan(o.amountFen)} 元 · {t(`payment.${o.payment}`)}</span>}
                  />
                  <Tag style={{ fontSize: 18, padding: '4px 10px' }}>{t(`status.${o.status}`)}</Tag>
                </List.Item>
              )}
            />
          )}
        </Card>
      </Space>
    );
  }
  return (
    <ConfigProvider theme={{ token: { fontSize: 20 } }}>
      <div style={{ maxWidth: 880, margin: '0 auto', padding: 24 }}>
        {header}
        <div style={{ marginTop: 20 }}>{body}</div>
        <Modal open={!!rating} title={<span style={BIG}>{t('orders.rateTitle')}</span>} onCancel={() => setRating(null)} onOk={() => rating && act.mutate({ id: rating.id, action: 'rate', rating: stars })} okText={t('confirmOk')} cancelText={t('cancelBtn')}>
          <Rate value={stars} onChange={setStars} style={{ fontSize: 40 }} />
        </Modal>
      </div>
    </ConfigProvider>
  );
}

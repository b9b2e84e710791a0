import type { ReactNode } from 'react';
import { Link, Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { Avatar, Button, Card, Empty, Layout, List, Result, Space, Spin, Typography } from 'antd';
import { CalendarOutlined, ClockCircleOutlined, HeartOutlined, LogoutOutlined, MessageOutlined, SolutionOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../auth.tsx';
import { LanguageSwitch } from '../../components/LanguageSwitch.tsx';
import { PARENT_NAVIGATION, type ParentNavItem } from './parentNavigation.ts';
import { ParentChildPage } from './ParentChildPage.tsx';
import { useOwnChildren } from './ownChildren.ts';
import { ParentAdmission } from './ParentAdmission.tsx';
import { ParentDay, ParentMessages } from './ParentDay.tsx';

const ICONS: Record<ParentNavItem['key'], ReactNode> = {
  health: <HeartOutlined />,
  admission: <SolutionOutlined />,
  day: <CalendarOutlined />,
  messages: <MessageOutlined />,
};

/** Page width of the parent's app: a phone's, centred on larger screens. */
export const PARENT_WIDTH = 520;

function ChildrenPage() {
  const { t } = useTranslation(['parent', 'health']);
  const children = useOwnChildren();
  if (children.isLoading) return <Spin />;
  const list = children.data ?? [];
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12}>
      <Typography.Title level={5} style={{ margin: '4px 0' }}>
        {t('myChildren')}
      </Typography.Title>
      {list.length === 0 ? (
        <Card>
          <Empty description={t('noChildren')} />
        </Card>
      ) : (
        <List
          dataSource={list}
          renderItem={(c) => (
            <Link to={`/children/${c.id}`} data-testid="own-child">
              <Card size="small" style={{ marginBottom: 12 }} hoverable>
                <Space>
                  <Avatar style={{ background: c.sex === 'female' ? '#eb2f96' : '#1f6fd6' }}>{c.name.slice(-1)}</Avatar>
                  <Space direction="vertical" size={0}>
                    <Typography.Text strong>{c.name}</Typography.Text>
                    <Typography.Text type="secondary">
                      {t('health:age.months', { count: c.ageMonths })} · {c.unitName}
                    </Typography.Text>
                  </Space>
                </Space>
              </Card>
            </Link>
          )}
        />
      )}
    </Space>
  );
}

function ComingSoon({ item }: { item: ParentNavItem }) {
  const { t } = useTranslation('parent');
  return <Result icon={<ClockCircleOutlined style={{ color: '#8c8c8c' }} />} title={t('comingTitle', { name: t(`nav.${item.key}`) })} subTitle={t('comingBody')} />;
}

/** The parent's app: mobile-first, their own children only. */
export function ParentApp() {
  const { t } = useTranslation(['parent', 'common', 'access']);
  const { user, signOut } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const active = PARENT_NAVIGATION.find((n) => n.path !== '/' && location.pathname.startsWith(n.path))?.key ?? 'health';
  return (
    <Layout style={{ minHeight: '100vh', background: '#f3f6fa' }}>
      <Layout.Header
        style={{ background: '#1f6fd6', height: 52, lineHeight: '52px', padding: '0 12px', position: 'sticky', top: 0, zIndex: 10, display: 'flex', justifyContent: 'center' }}
      >
        <div style={{ width: '100%', maxWidth: PARENT_WIDTH, display: 'flex', alignItems: 'center', justifyContent: 'space-between' }}>
          <Typography.Text strong style={{ color: '#fff', fontSize: 17 }}>
            {t('common:appName')} · {t('title')}
          </Typography.Text>
          <Space size={8}>
            <LanguageSwitch signedIn />
            <Button type="text" size="small" icon={<LogoutOutlined style={{ color: '#fff' }} />} onClick={() => void signOut()} aria-label={t('access:logout')} />
          </Space>
        </div>
      </Layout.Header>
      <Layout.Content style={{ width: '100%', maxWidth: PARENT_WIDTH, margin: '0 auto', padding: '12px 12px 84px' }}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('hello', { name: user?.displayName })}
        </Typography.Text>
        <Routes>
          <Route index element={<ChildrenPage />} />
          <Route path="children/:id" element={<ParentChildPage />} />
          <Route path="admission" element={<ParentAdmission />} />
          <Route path="day" element={<ParentDay />} />
          <Route path="messages" element={<ParentMessages />} />
          {PARENT_NAVIGATION.filter((n) => !n.built).map((n) => (
            <Route key={n.key} path={n.path} element={<ComingSoon item={n} />} />
          ))}
          <Route path="*" element={<Navigate to="/" replace />} />
        </Routes>
      </Layout.Content>
      <nav
        style={{ position: 'fixed', bottom: 0, left: 0, right: 0, background: '#fff', borderTop: '1px solid #e8e8e8', display: 'flex', justifyContent: 'center', zIndex: 10 }}
        data-testid="parent-nav"
      >
        <div style={{ width: '100%', maxWidth: PARENT_WIDTH, display: 'flex' }}>
          {PARENT_NAVIGATION.map((n) => (
            <button
              key={n.key}
              type="button"
              onClick={() => navigate(n.path)}
              style={{
                flex: 1,
                border: 0,
                background: 'none',
                padding: '8px 0 10px',
                color: active === n.key ? '#1f6fd6' : '#8c8c8c',
                fontSize: 12,
                cursor: 'pointer',
              }}
            >
              <div style={{ fontSize: 20 }}>{ICONS[n.key]}</div>
              {t(`nav.${n.key}`)}
            </button>
          ))}
        </div>
      </nav>
    </Layout>
  );
}

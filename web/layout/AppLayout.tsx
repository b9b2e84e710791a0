import { useMemo, useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { Button, Grid, Layout, Menu, Space, Tag, Typography } from 'antd';
import type { MenuProps } from 'antd';
import { HomeOutlined, LogoutOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth.tsx';
import { NAVIGATION } from '../navigation.ts';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';

const TECHNICAL_ROLES = ['admin', 'data_officer'];

export function AppLayout() {
  const { t } = useTranslation(['shell', 'common', 'access']);
  const { user, can, signOut } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  // On a phone the menu folds away behind its trigger and the header keeps only what fits.
  const screens = Grid.useBreakpoint();
  const narrow = !screens.md;
  const [collapsed, setCollapsed] = useState(true);

  const items = useMemo<MenuProps['items']>(
    () => [
      { key: '/', icon: <HomeOutlined />, label: t('shell:home') },
      // A group shows only when something under it is for this user.
      ...NAVIGATION.map((group) => ({ group, visible: group.items.filter((item) => !item.built || !item.permission || [item.permission].flat().some((perm) => can(perm))) }))
        .filter(({ visible }) => visible.length > 0)
        .map(({ group, visible }) => ({
        key: group.key,
        type: 'group' as const,
        label: t(`shell:group.${group.key}`),
        children: visible
          .map((item) => ({
            key: item.path,
            label: item.built ? (
              t(`shell:nav.${item.key}`)
            ) : (
              <Space size={6}>
                <span>{t(`shell:nav.${item.key}`)}</span>
                <Tag color="default" style={{ marginInlineEnd: 0, fontSize: 11, lineHeight: '16px' }}>
                  {t('shell:coming')}
                </Tag>
              </Space>
            ),
          })),
      })),
    ],
    [t, can],
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider
        width={232}
        theme="light"
        breakpoint="md"
        collapsedWidth={0}
        collapsed={narrow ? collapsed : false}
        onCollapse={setCollapsed}
        trigger={narrow ? undefined : null}
        style={{ borderRight: '1px solid #f0f0f0', overflow: narrow && collapsed ? 'visible' : 'auto', height: '100vh', position: narrow ? 'fixed' : 'sticky', top: 0, zIndex: 20 }}
      >
        <div style={{ padding: '16px 20px 8px' }}>
          <Typography.Title level={4} style={{ margin: 0, color: '#1f6fd6' }}>
            {t('common:appName')}
          </Typography.Title>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('common:appFullName').split('·')[1]?.trim()}
          </Typography.Text>
        </div>
        <Menu mode="inline" selectedKeys={[location.pathname]} items={items} onClick={(e) => {
            navigate(e.key);
            if (narrow) setCollapsed(true);
          }} style={{ borderInlineEnd: 0 }} />
        {/* The API documentation is for the technical roles only. */}
        {TECHNICAL_ROLES.includes(user?.role ?? '') && (
          <div style={{ padding: '8px 24px 24px' }}>
            <a href="/api/docs" target="_blank" rel="noreferrer">
              {t('shell:nav.apiDocs')}
            </a>
          </div>
        )}
      </Layout.Sider>
      <Layout>
        <Layout.Header style={{ background: '#fff', borderBottom: '1px solid #f0f0f0', padding: narrow ? '0 12px 0 48px' : '0 24px', display: 'flex', alignItems: 'center', justifyContent: 'flex-end', gap: narrow ? 8 : 16, overflow: 'hidden' }}>
          {!narrow && (
            <>
              <Typography.Text type="secondary" data-testid="scope">
                {t('shell:scope', { unit: user?.unitName })}
              </Typography.Text>
              <Typography.Text strong>{user?.displayName}</Typography.Text>
              <Tag color="blue">{t(`common:role.${user?.role}`)}</Tag>
            </>
          )}
          <LanguageSwitch signedIn />
          <Button icon={<LogoutOutlined />} type="text" onClick={() => void signOut()}>
            {t('access:logout')}
          </Button>
        </Layout.Header>
        <Layout.Content style={{ padding: narrow ? 8 : 24, minWidth: 0 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

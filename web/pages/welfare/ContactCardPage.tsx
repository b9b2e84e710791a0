import { Link, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Space, Typography } from 'antd';
import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.ts';
import type { ChildFile } from '../../../src/modules/welfare/contract.ts';
import { ContactDescriptions } from './ChildFilePage.tsx';
import { CategoryTag } from './shared.tsx';

const PRINT_CSS = `@media print {
  .ant-layout-sider, .ant-layout-header, .welfare-no-print { display: none !important; }
  .ant-layout, .ant-layout-content { margin: 0 !important; padding: 0 !important; background: #fff !important; }
  .welfare-card { box-shadow: none !important; border: 1px solid #000 !important; }
}`;

/** The printable contact card (联系卡) of a key child. */
export function ContactCardPage() {
  const { id } = useParams();
  const { t } = useTranslation('welfare');
  const file = useQuery({ queryKey: ['welfare-card', id], queryFn: () => api.get<ChildFile>(`/welfare/children/${id}/contact-card`) });
  const f = file.data;
  const today = new Date().toLocaleDateString('zh-CN');
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={16}>
      <style>{PRINT_CSS}</style>
      <Space className="welfare-no-print">
        <Link to={`/welfare/ledger/children/${id}`}>
          <Button icon={<ArrowLeftOutlined />}>{f ? t('file.title', { name: f.name }) : ''}</Button>
        </Link>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>
          {t('file.print')}
        </Button>
      </Space>
      <Card className="welfare-card" loading={file.isLoading} style={{ maxWidth: 560 }} title={<Typography.Title level={4} style={{ margin: 0, textAlign: 'center' }}>{t('card.title')}</Typography.Title>}>
        {f && (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Typography.Title level={3} style={{ margin: 0 }}>
              {f.name}
              <Typography.Text type="secondary" style={{ fontSize: 14, marginLeft: 12 }}>
                {t(`sex.${f.sex}`)} · {f.birthDate} · {f.unitName}
              </Typography.Text>
            </Typography.Title>
            <div>
              {f.memberships.filter((m) => m.active).map((m) => (
                <CategoryTag key={m.id} category={m.category} subclass={m.subclass} />
              ))}
            </div>
            <ContactDescriptions file={f} />
            <Typography.Text strong>{t('card.emergency')}</Typography.Text>
            <Typography.Text type="secondary">
              {t('card.issuer', { unit: f.unitName })}　{t('card.printedOn', { date: today })}
            </Typography.Text>
          </Space>
        )}
      </Card>
    </Space>
  );
}

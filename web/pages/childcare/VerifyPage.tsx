import { useState } from 'react';
import { Card, Descriptions, Input, Result, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, ApiError } from '../../api.ts';
import type { CertificateCheck } from '../../../src/modules/childcare/training.contract.ts';

/** The public check of a training certificate by its verification code (no login). */
export function VerifyPage() {
  const { t } = useTranslation(['childcare', 'common']);
  const [params, setParams] = useSearchParams();
  const [found, setFound] = useState<CertificateCheck | null>(null);
  const [missing, setMissing] = useState(false);
  const check = async (code: string) => {
    setFound(null);
    setMissing(false);
    if (!code.trim()) return;
    setParams({ code: code.trim() }, { replace: true });
    try {
      setFound(await api.get<CertificateCheck>(`/public/training-certificates/${encodeURIComponent(code.trim())}`));
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) setMissing(true);
      else throw e;
    }
  };
  return (
    <div style={{ maxWidth: 640, margin: '48px auto', padding: 16 }}>
      <Card title={t('verify.title')}>
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Typography.Paragraph type="secondary">{t('verify.hint')}</Typography.Paragraph>
          <Input.Search defaultValue={params.get('code') ?? ''} enterButton={t('verify.check')} maxLength={20} onSearch={(v) => void check(v)} data-testid="verify-code" />
          {found && (
            <Descriptions bordered size="small" column={1}>
              <Descriptions.Item label={t('verify.status')}>{found.valid ? <Tag color="success">{t('verify.valid')}</Tag> : <Tag color="error">{t('verify.expired')}</Tag>}</Descriptions.Item>
              <Descriptions.Item label={t('staff.name')}>{found.holderName}</Descriptions.Item>
              <Descriptions.Item label={t('training.title')}>{found.courseTitle}</Descriptions.Item>
              <Descriptions.Item label={t('field.name')}>{found.centerName}</Descriptions.Item>
              <Descriptions.Item label={t('training.issuedOn')}>{found.issuedOn}</Descriptions.Item>
              <Descriptions.Item label={t('staff.validTo')}>{found.validTo}</Descriptions.Item>
              <Descriptions.Item label={t('training.code')}>{found.code}</Descriptions.Item>
            </Descriptions>
          )}
          {missing && <Result status="warning" title={t('verify.notFound')} />}
        </Space>
      </Card>
    </div>
  );
}

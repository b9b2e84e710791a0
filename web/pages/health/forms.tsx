import { useMemo } from 'react';
import { Alert, Checkbox, Form, Input, InputNumber, Radio, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { completedMonths } from '../../../src/app/dates.ts';
import { bandFor } from '../../../src/modules/health/warningSigns.ts';
import { scoreMchat, MCHAT_ITEM_COUNT } from '../../../src/modules/health/mchat.ts';
import { VACCINE_CODES } from '../../../src/modules/health/immunisation.ts';
import { FEEDING, GUIDANCE_TOPICS, VISIT_KINDS } from '../../../src/modules/health/vocabulary.ts';
import { REFERRAL_LEVELS, REFERRAL_OUTCOMES, REFERRAL_RESULTS, type ReferralStatus } from '../../../src/modules/health/referral.ts';
import { RELATIONS } from '../../../src/modules/guardianship/contract.ts';
import type { ChildSummary, ReferralView, ScreeningView } from '../../../src/modules/health/contract.ts';
import { RecordDrawer } from './RecordDrawer.tsx';
import { useMchatLabels, useMchatWording } from './mchatLabels.ts';
import { useVaccineName } from './labels.tsx';

interface DrawerProps {
  open: boolean;
  onClose: () => void;
  child: ChildSummary;
  today: string;
}

const dateInput = (today: string) => <Input type="date" max={today} style={{ width: 180 }} />;

export function MeasurementDrawer({ open, onClose, child, today }: DrawerProps) {
  const { t } = useTranslation('health');
  return (
    <RecordDrawer
      open={open}
      onClose={onClose}
      title={t('measurement.add')}
      url={`/health/children/${child.id}/measurements`}
      fields={['measuredOn', 'weightKg', 'lengthCm', 'position', 'headCm', 'notes']}
      initialValues={{ measuredOn: today, position: child.ageDays >= 731 ? 'standing' : 'recumbent' }}
      testId="measurement-submit"
    >
      <Form.Item name="measuredOn" label={t('measurement.measuredOn')} required>
        {dateInput(today)}
      </Form.Item>
      <Form.Item name="weightKg" label={t('measurement.weightKg')}>
        <InputNumber min={0} max={50} step={0.01} style={{ width: 180 }} />
      </Form.Item>
      <Space align="start" wrap>
        <Form.Item name="lengthCm" label={t('measurement.lengthCm')}>
          <InputNumber min={0} max={140} step={0.1} style={{ width: 180 }} />
        </Form.Item>
        <Form.Item name="position" label={t('measurement.position')}>
          <Radio.Group>
            <Radio value="recumbent">{t('position.recumbent')}</Radio>
            <Radio value="standing">{t('position.standing')}</Radio>
          </Radio.Group>
        </Form.Item>
      </Space>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('measurement.positionHint')}
      </Typography.Paragraph>
      <Form.Item name="headCm" label={t('measurement.headCm')}>
        <InputNumber min={0} max={60} step={0.1} style={{ width: 180 }} />
      </Form.Item>
      <Form.Item name="notes" label={t('notes')}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </RecordDrawer>
  );
}

export function WarningSignsDrawer({ open, onClose, child, today }: DrawerProps) {
  const { t, i18n } = useTranslation('health');
  const [form] = Form.useForm<{ screenedOn: string; signsPresent: number[]; regression: boolean }>();
  const screenedOn = Form.useWatch('screenedOn', form) ?? today;
  const band = bandFor(completedMonths(child.birthDate, screenedOn || today));
  return (
    <RecordDrawer
      open={open}
      onClose={onClose}
      form={form}
      title={t('screening.addWarningSigns')}
      url={`/health/children/${child.id}/screenings/warning-signs`}
      fields={['screenedOn', 'signsPresent', 'regression', 'notes']}
      initialValues={{ screenedOn: today, signsPresent: [], regression: false }}
      testId="warning-signs-submit"
    >
      <Form.Item name="screenedOn" label={t('screening.screenedOn')} required>
        {dateInput(today)}
      </Form.Item>
      {band ? (
        <Form.Item name="signsPresent" label={t('screening.signsOfBand', { months: band.ageMonths })} extra={t('screening.signsHint')}>
          <Checkbox.Group style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
            {band.signs.map((s, i) => (
              <Checkbox key={i} value={i + 1}>
                {i + 1}. {i18n.language === 'en-US' ? s.en : s.zh}
              </Checkbox>
            ))}
          </Checkbox.Group>
        </Form.Item>
      ) : (
        <Alert type="info" showIcon message={t('screening.tooYoung')} style={{ marginBottom: 16 }} />
      )}
      <Form.Item name="regression" valuePropName="checked">
        <Checkbox>{t('screening.regressionQuestion')}</Checkbox>
      </Form.Item>
      <Form.Item name="notes" label={t('notes')}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('screening.signsSource')}
      </Typography.Paragraph>
    </RecordDrawer>
  );
}

export function MchatDrawer({ open, onClose, child, today }: DrawerProps) {
  const { t } = useTranslation('health');
  const [form] = Form.useForm<{ screenedOn: string; answers: (boolean | undefined)[] }>();
  const label = useMchatLabels();
  const wording = useMchatWording();
  const answers = Form.useWatch('answers', form) ?? [];
  const preview = useMemo(() => (answers.length === MCHAT_ITEM_COUNT && answers.every((a) => a !== undefined) ? scoreMchat(answers as boolean[]) : null), [answers]);
  return (
    <RecordDrawer
      open={open}
      onClose={onClose}
      form={form}
      title={t('screening.addMchat')}
      url={`/health/children/${child.id}/screenings/mchat`}
      fields={['screenedOn', 'answers', 'notes']}
      initialValues={{ screenedOn: today, answers: Array(MCHAT_ITEM_COUNT).fill(undefined) }}
      testId="mchat-submit"
    >
      {!wording.data?.licensed ? (
        <Alert type="warning" showIcon message={t('mchat.unlicensedTitle')} description={t('mchat.unlicensedBody')} style={{ marginBottom: 16 }} data-testid="mchat-unlicensed" />
      ) : (
        <Alert type="info" showIcon message={t('mchat.licensed', { version: wording.data.version })} description={wording.data.licence} style={{ marginBottom: 16 }} />
      )}
      <Form.Item name="screenedOn" label={t('screening.screenedOn')} required>
        {dateInput(today)}
      </Form.Item>
      {Array.from({ length: MCHAT_ITEM_COUNT }, (_, i) => (
        <Form.Item
          key={i}
          name={['answers', i]}
          label={`${i + 1}. ${label(i + 1)}`}
          rules={[{ required: true, message: t('mchat.answerRequired') }]}
          style={{ marginBottom: 8 }}
        >
          <Radio.Group optionType="button" size="small">
            <Radio value={true}>{t('yes')}</Radio>
            <Radio value={false}>{t('no')}</Radio>
          </Radio.Group>
        </Form.Item>
      ))}
      {preview && (
        <Alert
          type={preview.risk === 'low' ? 'success' : preview.risk === 'medium' ? 'warning' : 'error'}
          showIcon
          message={t('screening.mchatScore', { score: preview.score, risk: t(`screening.risk.${preview.risk}`) })}
          description={t(`mchat.next.${preview.risk}`)}
          style={{ marginBottom: 16 }}
        />
      )}
      <Form.Item name="notes" label={t('notes')}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </RecordDrawer>
  );
}

export function FollowUpDrawer({ open, onClose, screening, today }: { open: boolean; onClose: () => void; screening: ScreeningView | null; today: string }) {
  const { t } = useTranslation('health');
  const label = useMchatLabels();
  if (!screening?.mchat) return null;
  return (
    <RecordDrawer
      open={open}
      onClose={onClose}
      title={t('mchat.followUp')}
      url={`/health/screenings/${screening.id}/follow-up`}
      fields={['on', 'stillAtRisk']}
      initialValues={{ on: today, stillAtRisk: [] }}
      testId="follow-up-submit"
    >
      <Typography.Paragraph>{t('mchat.followUpHint')}</Typography.Paragraph>
      <Form.Item name="on" label={t('mchat.followUpOn')} required>
        {dateInput(today)}
      </Form.Item>
      <Form.Item name="stillAtRisk" label={t('mchat.stillAtRisk')}>
        <Checkbox.Group style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
          {screening.mchat.atRiskItems.map((n) => (
            <Checkbox key={n} value={n}>
              {n}. {label(n)}
            </Checkbox>
          ))}
        </Checkbox.Group>
      </Form.Item>
    </RecordDrawer>
  );
}

/** The next step of a referral, chosen by its state. */
export function ReferralDrawer({ open, onClose, referral, today }: { open: boolean; onClose: () => void; referral: ReferralView | null; today: string }) {
  const { t } = useTranslation('health');
  const [form] = Form.useForm<{ action: string; on: string; level: string }>();
  const action = Form.useWatch('action', form);
  if (!referral) return null;
  const actions: Record<ReferralStatus, string[]> = { suggested: ['refer', 'close'], referred: ['recordResult', 'close'], attended: ['close'], closed: [] };
  const outcomes = REFERRAL_OUTCOMES.filter((o) => (referral.status === 'attended' ? ['normal', 'inIntervention'] : ['declined', 'lostToFollowUp', 'movedAway']).includes(o));
  return (
    <RecordDrawer
      open={open}
      onClose={onClose}
      form={form}
      title={t('referral.step')}
      url={`/health/referrals/${referral.id}/actions`}
      fields={['action', 'on', 'institution', 'level', 'result', 'outcome']}
      initialValues={{ action: actions[referral.status][0], on: today, level: referral.level }}
      invalidate={[['health-child'], ['health-children'], ['health-referrals']]}
      testId="referral-submit"
    >
      <Form.Item name="action" label={t('referral.action')}>
        <Radio.Group>
          {actions[referral.status].map((a) => (
            <Radio key={a} value={a}>
              {t(`referral.actions.${a}`)}
            </Radio>
          ))}
        </Radio.Group>
      </Form.Item>
      <Form.Item name="on" label={t('referral.on')} required>
        {dateInput(today)}
      </Form.Item>
      {action === 'refer' && (
        <>
          <Form.Item name="level" label={t('referral.levelLabel')}>
            <Radio.Group>
              {REFERRAL_LEVELS.map((l) => (
                <Radio key={l} value={l}>
                  {t(`referral.level.${l}`)}
                </Radio>
              ))}
            </Radio.Group>
          </Form.Item>
          <Form.Item name="institution" label={t('referral.institution')} required>
            <Input maxLength={80} placeholder={t('referral.institutionHint')} />
          </Form.Item>
        </>
      )}
      {action === 'recordResult' && (
        <Form.Item name="result" label={t('referral.resultLabel')} required>
          <Select options={REFERRAL_RESULTS.map((r) => ({ value: r, label: t(`referral.result.${r}`) }))} style={{ width: 240 }} />
        </Form.Item>
      )}
      {action === 'close' && (
        <Form.Item name="outcome" label={t('referral.outcomeLabel')} required>
          <Select options={outcomes.map((o) => ({ value: o, label: t(`referral.outcome.${o}`) }))} style={{ width: 240 }} />
        </Form.Item>
      )}
    </RecordDrawer>
  );
}

export function VaccinationDrawer({ open, onClose, child, today, preset }: DrawerProps & { preset: { vaccine: string; dose: number } | null }) {
  const { t } = useTranslation('health');
  const name = useVaccineName();
  return (
    <RecordDrawer
      open={open}
      onClose={onClose}
      title={t('vaccination.add')}
      url={`/health/children/${child.id}/vaccinations`}
      fields={['vaccine', 'dose', 'givenOn', 'lot', 'place']}
      initialValues={{ givenOn: today, ...(preset ?? {}) }}
      testId="vaccination-submit"
    >
      <Form.Item name="vaccine" label={t('vaccination.vaccine')} required>
        <Select showSearch optionFilterProp="label" options={VACCINE_CODES.map((v) => ({ value: v, label: name(v) }))} style={{ width: 280 }} />
      </Form.Item>
      <Form.Item name="dose" label={t('vaccination.dose')} required>
        <InputNumber min={1} max={5} style={{ width: 120 }} />
      </Form.Item>
      <Form.Item name="givenOn" label={t('vaccination.givenOn')} required>
        {dateInput(today)}
      </Form.Item>
      <Form.Item name="lot" label={t('vaccination.lot')}>
        <Input maxLength={40} style={{ width: 280 }} />
      </Form.Item>
      <Form.Item name="place" label={t('vaccination.place')}>
        <Input maxLength={80} />
      </Form.Item>
    </RecordDrawer>
  );
}

export function VisitDrawer({ open, onClose, child, today }: DrawerProps) {
  const { t } = useTranslation('health');
  return (
    <RecordDrawer
      open={open}
      onClose={onClose}
      title={t('visit.add')}
      url={`/health/children/${child.id}/visits`}
      fields={['visitedOn', 'kind', 'weightKg', 'feeding', 'jaundice', 'umbilicusNormal', 'findings', 'guidance', 'referred']}
      initialValues={{ visitedOn: today, kind: child.ageDays >= 28 ? 'fullMonth' : 'postDischarge', jaundice: false, umbilicusNormal: true, referred: false, guidance: [] }}
      testId="visit-submit"
    >
      <Form.Item name="visitedOn" label={t('visit.visitedOn')} required>
        {dateInput(today)}
      </Form.Item>
      <Form.Item name="kind" label={t('visit.kindLabel')}>
        <Radio.Group>
          {VISIT_KINDS.map((k) => (
            <Radio key={k} value={k}>
              {t(`visit.kind.${k}`)}
            </Radio>
          ))}
        </Radio.Group>
      </Form.Item>
      <Form.Item name="weightKg" label={t('visit.weightKg')}>
        <InputNumber min={0.5} max={10} step={0.01} style={{ width: 180 }} />
      </Form.Item>
      <Form.Item name="feeding" label={t('visit.feeding')}>
        <Radio.Group>
          {FEEDING.map((f) => (
            <Radio key={f} value={f}>
              {t(`visit.feedingKind.${f}`)}
            </Radio>
          ))}
        </Radio.Group>
      </Form.Item>
      <Space size={24}>
        <Form.Item name="jaundice" valuePropName="checked">
          <Checkbox>{t('visit.jaundice')}</Checkbox>
        </Form.Item>
        <Form.Item name="umbilicusNormal" valuePropName="checked">
          <Checkbox>{t('visit.umbilicusNormal')}</Checkbox>
        </Form.Item>
        <Form.Item name="referred" valuePropName="checked">
          <Checkbox>{t('visit.referred')}</Checkbox>
        </Form.Item>
      </Space>
      <Form.Item name="guidance" label={t('visit.guidance')}>
        <Checkbox.Group options={GUIDANCE_TOPICS.map((g) => ({ value: g, label: t(`visit.topic.${g}`) }))} />
      </Form.Item>
      <Form.Item name="findings" label={t('visit.findings')}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </RecordDrawer>
  );
}

export function LinkParentDrawer({ open, onClose, child }: { open: boolean; onClose: () => void; child: ChildSummary }) {
  const { t } = useTranslation('health');
  return (
    <RecordDrawer
      open={open}
      onClose={onClose}
      title={t('guardians.link')}
      url="/guardianships"
      fields={['username', 'relation']}
      initialValues={{ relation: 'mother' }}
      transform={(v: { username: string; relation: string }) => ({ ...v, personId: child.id })}
      testId="link-parent-submit"
    >
      <Typography.Paragraph type="secondary">{t('guardians.linkHint')}</Typography.Paragraph>
      <Form.Item name="username" label={t('guardians.username')} required>
        <Input maxLength={40} style={{ width: 280 }} />
      </Form.Item>
      <Form.Item name="relation" label={t('guardians.relation')}>
        <Radio.Group>
          {RELATIONS.map((r) => (
            <Radio key={r} value={r}>
              {t(`guardians.relations.${r}`)}
            </Radio>
          ))}
        </Radio.Group>
      </Form.Item>
    </RecordDrawer>
  );
}

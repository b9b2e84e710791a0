import type { Session } from './http.ts';

/** A center registration as an operator would fill it in (塔山街道 unless told otherwise). */
export function centerBody(overrides: Record<string, unknown> = {}) {
  return {
    unitCode: '330602001',
    name: '小树苗托育园',
    operatorName: '绍兴市越城区小树苗托育服务有限公司',
    operatorKind: 'forProfit',
    creditCode: '91330100799655058B',
    contactName: '钱园长',
    contactPhone: '13905750001',
    address: '绍兴市越城区塔山街道府山横街 8 号',
    lon: 120.575,
    lat: 30.005,
    floorAreaM2: 560,
    outdoorAreaM2: 120,
    investmentFen: 80_000_000,
    affordable: true,
    monthlyFeeFen: 280_000,
    openedOn: '2026-03-01',
    fireProcedure: 'standard',
    classes: [
      { classType: 'infant', name: '苗苗班', capacity: 10 },
      { classType: 'toddler', name: '芽芽班', capacity: 15 },
      { classType: 'older', name: '果果班', capacity: 20 },
    ],
    ...overrides,
  };
}

/** Uploads a small PDF of one evidence kind through the multipart endpoint. */
export async function uploadEvidence(s: Session, centerId: string, kind: string, text = `evidence ${kind}`, fileName = `${kind}.pdf`) {
  const boundary = '----kangyu-childcare';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/pdf\r\n\r\n`),
    Buffer.from(`%PDF-1.4\n${text}\n%%EOF`),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return s.request({
    method: 'POST',
    url: `/api/childcare/centers/${centerId}/documents?kind=${kind}`,
    payload,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
}

export const STANDARD_EVIDENCE = ['registration', 'fireSafety', 'healthEvaluation', 'staffCertificate'];

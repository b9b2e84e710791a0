/**
 * Roles of SPEC §1 and what each may do. Access is always role AND admin scope: a
 * permission here only ever applies inside the user's unit (src/app/scope.ts).
 */
export const PERMISSIONS = [
  'users.manage',
  'org.read',
  'people.read',
  'people.write',
  'people.readIdNumber',
  'people.export',
  /** Approve or reject a person's move between units (the administrator covering both). */
  'people.transfer',
  'imports.run',
  'audit.read',
  /** Child health records (婴儿健康): read (every read audited), record, run the centers registry, load licensed wording. */
  'health.read',
  'health.write',
  'health.centers',
  'health.configure',
  /** Link parent accounts to their children; a parent reads their own children's records. */
  'guardianship.manage',
  'guardian.read',
  /** Grading (等级评定): read applications and grades; apply for one's own center; assess, publish and downgrade. */
  'grading.read',
  'grading.apply',
  'grading.assess',
  /** Supervision (监管): read; plan, inspect and order rectification; a center reports and responds; a parent complains. */
  'supervision.read',
  'supervision.manage',
  'supervision.report',
  'supervision.complain',
  /** Subsidies: read; compute the monthly runs; approve and pay; change the rules (city); claim for one's own center. */
  'subsidies.read',
  'subsidies.compute',
  'subsidies.approve',
  'subsidies.rules',
  'subsidies.claim',
  /** Childcare centers (托育机构): read the register; run one's own center; review a department's part of a filing; file or return (county 卫健); assign reviewers' departments. */
  'childcare.read',
  'childcare.operate',
  'childcare.review',
  'childcare.file',
  'childcare.reviewers',
  /** Admission (入托): a parent applies for their children; a county runs rounds; a center sets its places and rules. */
  'admission.apply',
  'admission.manage',
  'admission.places',
  /** Home–center interaction (家园互动): a center's staff keep attendance, reports, notices, meal plans; a parent takes part. */
  'family.staff',
  'family.parent',
  /** Publish training courses with their question bank and exam settings. */
  'childcare.training',
  /** Indicators and the cockpit (监测评价, 驾驶舱), the one map; refresh recomputes every value. */
  'indicators.read',
  'indicators.refresh',
  /** Child protection cases (五位一体): a worker handles the cases assigned to them; a supervisor opens, assigns and closes every case in scope. Reporting needs only a sign-in. */
  'protection.handle',
  'protection.supervise',
  /** Elderly (精准画像, 能力评估, 入住轮候): read profiles (every read audited); write profiles and applications; assess ability, health and dementia screens; run institutions, beds and admissions. */
  'elderly.read',
  'elderly.write',
  'elderly.assess',
  'elderly.institutions',
  /** Home care (六助, 爱心卡, 时间银行): read; run providers, issue and refund cards; place and handle orders; serve as a provider; run the time bank; record visits; one's own card, hours and orders. */
  'homecare.read',
  'homecare.manage',
  'homecare.order',
  'homecare.provide',
  'homecare.timebank',
  'homecare.visit',
  'homecare.self',
  /** Cross-department feeds (多跨协同): a department's data officer uploads and pushes its feeds; read facts, alerts and the key-group database; handle alerts. */
  'feeds.upload',
  'feeds.read',
  'feeds.alerts',
  /** Children's medical insurance (少儿医保): rates, unenrolled children, breaks and gaps; record follow-ups. */
  'insurance.read',
  'insurance.followup',
  /** Child welfare ledger (儿童福利台账): read the key children's files; keep files, categories, contact cards and visits; compute the basic living support; approve it (county). */
  'welfare.read',
  'welfare.write',
  'welfare.support',
  'welfare.approve',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export interface RoleDefinition {
  /** The unit levels a user of this role may be scoped to (1 city … 4 village). */
  levels: readonly (1 | 2 | 3 | 4)[];
  permissions: readonly Permission[];
}

const OFFICIAL: Permission[] = ['org.read', 'people.read', 'people.export'];

export const ROLES = {
  /** 系统管理员: manages users and sees everything in the scope. */
  admin: { levels: [1, 2, 3], permissions: [...PERMISSIONS] },
  /** 市级部门 (市卫健委、市民政局、市医保局 …). */
  city_official: { levels: [1], permissions: [...OFFICIAL, 'audit.read', 'health.read', 'childcare.read', 'childcare.training', 'grading.read', 'grading.assess', 'supervision.read', 'subsidies.read', 'subsidies.rules', 'indicators.read', 'indicators.refresh', 'elderly.read', 'feeds.read', 'homecare.read', 'insurance.read', 'welfare.read'] },
  /** 区、县(市)部门. */
  county_official: { levels: [2], permissions: [...OFFICIAL, 'people.write', 'people.readIdNumber', 'audit.read', 'health.read', 'health.centers', 'childcare.read', 'childcare.file', 'childcare.training', 'grading.read', 'grading.assess', 'supervision.read', 'supervision.manage', 'subsidies.read', 'subsidies.compute', 'subsidies.approve', 'admission.manage', 'admission.places', 'indicators.read', 'protection.supervise', 'welfare.read', 'feeds.read', 'welfare.write', 'homecare.read', 'welfare.support', 'feeds.alerts', 'elderly.read', 'insurance.read', 'homecare.manage', 'elderly.write', 'homecare.order', 'elderly.assess', 'homecare.timebank', 'elderly.institutions', 'homecare.visit', 'insurance.followup', 'welfare.approve'] },
  /** 乡镇(街道)工作人员. */
  township_staff: { levels: [3], permissions: [...OFFICIAL, 'people.write', 'people.readIdNumber', 'guardianship.manage', 'indicators.read', 'protection.handle', 'welfare.read', 'feeds.read', 'homecare.read', 'feeds.alerts', 'elderly.read', 'insurance.read', 'homecare.order', 'protection.supervise', 'homecare.timebank', 'elderly.write', 'elderly.assess', 'homecare.visit', 'insurance.followup', 'welfare.write'] },
  /** 儿童主任 / 儿童督导员. */
  child_director: { levels: [3, 4], permissions: ['org.read', 'people.read', 'people.readIdNumber', 'protection.handle', 'welfare.read', 'feeds.read', 'feeds.alerts', 'welfare.write'] },
  /** 儿保医生 at a township health center. */
  health_doctor: { levels: [3], permissions: ['org.read', 'people.read', 'health.read', 'health.write', 'guardianship.manage', 'elderly.read', 'elderly.assess'] },
  /** 托育机构 operator and staff. */
  childcare_operator: { levels: [3, 4], permissions: ['org.read', 'childcare.read', 'childcare.operate', 'grading.apply', 'supervision.report', 'subsidies.claim', 'admission.places', 'family.staff'] },
  /** 家长. */
  parent: { levels: [3, 4], permissions: ['guardian.read', 'supervision.complain', 'admission.apply', 'family.parent'] },
  /** 老年人及家属. */
  elderly: { levels: [3, 4], permissions: ['homecare.self'] },
  /** 养老服务商. */
  service_provider: { levels: [2, 3, 4], permissions: ['org.read', 'homecare.provide'] },
  /** 志愿者. */
  volunteer: { levels: [3, 4], permissions: ['homecare.self'] },
  /** 部门数据专员 (民政、教育、公安、卫健、人社、医保、妇联、残联、团委). */
  data_officer: { levels: [1, 2], permissions: ['org.read', 'people.read', 'people.readIdNumber', 'imports.run', 'feeds.upload', 'feeds.read', 'insurance.read'] },
  /** 联合监管部门审核人员 (发改、教育、公安、民政、人社、建设、文广、卫健、市场监管、消防): reviews its department's part of filings in its county. */
  filing_reviewer: { levels: [2], permissions: ['org.read', 'childcare.read', 'childcare.review'] },
} as const satisfies Record<string, RoleDefinition>;

export type Role = keyof typeof ROLES;
export const ROLE_NAMES = Object.keys(ROLES) as Role[];

export function isRole(value: string): value is Role {
  return Object.hasOwn(ROLES, value);
}

export function can(role: Role, permission: Permission): boolean {
  return (ROLES[role].permissions as readonly Permission[]).includes(permission);
}

export function permissionsOf(role: Role): Permission[] {
  return [...ROLES[role].permissions];
}

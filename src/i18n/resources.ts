/**
 * Every translation namespace of both languages, shared by the API (error messages,
 * export headers) and the web app. A module adds its namespace here.
 */
import zhCommon from './locales/zh-CN/common.json' with { type: 'json' };
import zhErrors from './locales/zh-CN/errors.json' with { type: 'json' };
import zhShell from './locales/zh-CN/shell.json' with { type: 'json' };
import zhAccess from './locales/zh-CN/access.json' with { type: 'json' };
import zhOrg from './locales/zh-CN/org.json' with { type: 'json' };
import zhPeople from './locales/zh-CN/people.json' with { type: 'json' };
import zhImports from './locales/zh-CN/imports.json' with { type: 'json' };
import zhAudit from './locales/zh-CN/audit.json' with { type: 'json' };
import zhHealth from './locales/zh-CN/health.json' with { type: 'json' };
import zhParent from './locales/zh-CN/parent.json' with { type: 'json' };
import zhSubsidies from './locales/zh-CN/subsidies.json' with { type: 'json' };
import zhWelfare from './locales/zh-CN/welfare.json' with { type: 'json' };
import zhGrading from './locales/zh-CN/grading.json' with { type: 'json' };
import zhSupervision from './locales/zh-CN/supervision.json' with { type: 'json' };
import zhAdmission from './locales/zh-CN/admission.json' with { type: 'json' };
import zhFamily from './locales/zh-CN/family.json' with { type: 'json' };
import zhChildcare from './locales/zh-CN/childcare.json' with { type: 'json' };
import zhIndicators from './locales/zh-CN/indicators.json' with { type: 'json' };
import zhProtection from './locales/zh-CN/protection.json' with { type: 'json' };
import zhElderly from './locales/zh-CN/elderly.json' with { type: 'json' };
import zhHomecare from './locales/zh-CN/homecare.json' with { type: 'json' };
import enCommon from './locales/en-US/common.json' with { type: 'json' };
import enErrors from './locales/en-US/errors.json' with { type: 'json' };
import enShell from './locales/en-US/shell.json' with { type: 'json' };
import enAccess from './locales/en-US/access.json' with { type: 'json' };
import enOrg from './locales/en-US/org.json' with { type: 'json' };
import enPeople from './locales/en-US/people.json' with { type: 'json' };
import enImports from './locales/en-US/imports.json' with { type: 'json' };
import enAudit from './locales/en-US/audit.json' with { type: 'json' };
import enHealth from './locales/en-US/health.json' with { type: 'json' };
import enParent from './locales/en-US/parent.json' with { type: 'json' };
import enSubsidies from './locales/en-US/subsidies.json' with { type: 'json' };
import enWelfare from './locales/en-US/welfare.json' with { type: 'json' };
import enGrading from './locales/en-US/grading.json' with { type: 'json' };
import enSupervision from './locales/en-US/supervision.json' with { type: 'json' };
import enAdmission from './locales/en-US/admission.json' with { type: 'json' };
import enFamily from './locales/en-US/family.json' with { type: 'json' };
import enChildcare from './locales/en-US/childcare.json' with { type: 'json' };
import enIndicators from './locales/en-US/indicators.json' with { type: 'json' };
import enProtection from './locales/en-US/protection.json' with { type: 'json' };
import enElderly from './locales/en-US/elderly.json' with { type: 'json' };
import enHomecare from './locales/en-US/homecare.json' with { type: 'json' };
import zhFeeds from './locales/zh-CN/feeds.json' with { type: 'json' };
import enFeeds from './locales/en-US/feeds.json' with { type: 'json' };
import zhInsurance from './locales/zh-CN/insurance.json' with { type: 'json' };
import enInsurance from './locales/en-US/insurance.json' with { type: 'json' };

export const LOCALES = ['zh-CN', 'en-US'] as const;
export type Locale = (typeof LOCALES)[number];

export const resources = {
  'zh-CN': {
    common: zhCommon,
    errors: zhErrors,
    shell: zhShell,
    access: zhAccess,
    org: zhOrg,
    people: zhPeople,
    imports: zhImports,
    audit: zhAudit,
    health: zhHealth,
    parent: zhParent,
    subsidies: zhSubsidies,
    welfare: zhWelfare,
    grading: zhGrading,
    supervision: zhSupervision,
    admission: zhAdmission,
    family: zhFamily,
    childcare: zhChildcare,
    indicators: zhIndicators,
    protection: zhProtection,
    elderly: zhElderly,
    homecare: zhHomecare,
    feeds: zhFeeds,
    insurance: zhInsurance,
  },
  'en-US': {
    common: enCommon,
    errors: enErrors,
    shell: enShell,
    access: enAccess,
    org: enOrg,
    people: enPeople,
    imports: enImports,
    audit: enAudit,
    health: enHealth,
    parent: enParent,
    subsidies: enSubsidies,
    welfare: enWelfare,
    grading: enGrading,
    supervision: enSupervision,
    admission: enAdmission,
    family: enFamily,
    childcare: enChildcare,
    indicators: enIndicators,
    protection: enProtection,
    elderly: enElderly,
    homecare: enHomecare,
    feeds: enFeeds,
    insurance: enInsurance,
  },
} as const;

export const namespaces = Object.keys(resources['zh-CN']) as (keyof (typeof resources)['zh-CN'])[];

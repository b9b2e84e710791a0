/**
 * Every capability of SPEC §3 as a navigation entry. `built` entries have a page; the
 * others show the "coming" page, with no content until the module lands.
 */
export interface NavItem {
  key: string;
  path: string;
  /** The specification section the entry implements (for developers; never shown to users). */
  section: string;
  built: boolean;
  /** Shown to a user with any of these permissions. */
  permission?: string | string[];
}

export interface NavGroup {
  key: string;
  items: NavItem[];
}

export const NAVIGATION: NavGroup[] = [
  {
    key: 'childcare',
    items: [
      { key: 'centers', path: '/childcare/centers', section: '§3.1', built: true, permission: 'childcare.read' },
      { key: 'staff', path: '/childcare/staff', section: '§3.2', built: true, permission: 'childcare.read' },
      { key: 'grading', path: '/childcare/grading', section: '§3.3', built: true, permission: ['grading.read', 'grading.apply'] },
      { key: 'supervision', path: '/childcare/supervision', section: '§3.4', built: true, permission: ['supervision.read', 'supervision.report'] },
      { key: 'admission', path: '/childcare/admission', section: '§3.5', built: true, permission: 'admission.places' },
      { key: 'homeCenter', path: '/childcare/home-center', section: '§3.7', built: true, permission: 'family.staff' },
      { key: 'subsidies', path: '/subsidies', section: '§3.8', built: true, permission: ['subsidies.read', 'subsidies.claim'] },
    ],
  },
  { key: 'health', items: [{ key: 'infantHealth', path: '/health', section: '§3.6', built: true, permission: 'health.read' }, { key: 'guidanceTours', path: '/health-tours', section: '§3.6', built: true, permission: 'health.write' }] },
  {
    key: 'welfare',
    items: [
      { key: 'welfareLedger', path: '/welfare/ledger', section: '§3.9', built: true, permission: 'welfare.read' },
      { key: 'protection', path: '/welfare/protection', section: '§3.9', built: true },
      { key: 'insurance', path: '/insurance', section: '§3.10', built: true, permission: 'insurance.read' },
    ],
  },
  {
    key: 'elderly',
    items: [
      { key: 'elderlyProfiles', path: '/elderly/profiles', section: '§3.11', built: true, permission: 'elderly.read' },
      { key: 'elderlyServices', path: '/elderly/services', section: '§3.11', built: true, permission: ['homecare.read', 'homecare.provide'] },
      { key: 'careCard', path: '/elderly/care-card', section: '§3.11', built: true, permission: 'homecare.read' },
      { key: 'timeBank', path: '/elderly/time-bank', section: '§3.11', built: true, permission: 'homecare.read' },
    ],
  },
  {
    key: 'analysis',
    items: [
      { key: 'indicators', path: '/indicators', section: '§3.12', built: true, permission: 'indicators.read' },
      { key: 'cockpit', path: '/cockpit', section: '§3.12', built: true, permission: 'indicators.read' },
      { key: 'oneMap', path: '/one-map', section: '§3.13', built: true, permission: 'indicators.read' },
    ],
  },
  {
    key: 'data',
    items: [
      { key: 'orgTree', path: '/org', section: '§2', built: true, permission: 'org.read' },
      { key: 'people', path: '/people', section: '§3.14', built: true, permission: 'people.read' },
      { key: 'transfers', path: '/people-transfers', section: '§3.14', built: true, permission: 'people.read' },
      { key: 'imports', path: '/imports', section: '§3.14', built: true, permission: 'imports.run' },
      { key: 'feeds', path: '/feeds', section: '§3.14', built: true, permission: ['feeds.upload', 'feeds.read'] },
    ],
  },
  {
    key: 'system',
    items: [
      { key: 'users', path: '/users', section: '§1', built: true, permission: 'users.manage' },
      { key: 'audit', path: '/audit', section: '§1', built: true, permission: 'audit.read' },
    ],
  },
];

export const ALL_ITEMS = NAVIGATION.flatMap((g) => g.items);

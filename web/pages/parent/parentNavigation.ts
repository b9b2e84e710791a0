/**
 * The parent's app (mobile): one entry per service for the family. `built` entries have a
 * page; the others show the "coming" page until their module lands.
 */
export interface ParentNavItem {
  key: 'health' | 'admission' | 'day' | 'messages';
  path: string;
  built: boolean;
}

export const PARENT_NAVIGATION: ParentNavItem[] = [
  { key: 'health', path: '/', built: true },
  { key: 'admission', path: '/admission', built: true },
  { key: 'day', path: '/day', built: true },
  { key: 'messages', path: '/messages', built: true },
];

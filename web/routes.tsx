import { NotFoundPage } from './pages/shell/NotFoundPage.tsx';
import { Navigate, Route, Routes } from 'react-router';
import { Spin } from 'antd';
import { useAuth } from './auth.tsx';
import { ALL_ITEMS } from './navigation.ts';
import { AppLayout } from './layout/AppLayout.tsx';
import { LoginPage } from './pages/access/LoginPage.tsx';
import { UsersPage } from './pages/access/UsersPage.tsx';
import { HomePage } from './pages/shell/HomePage.tsx';
import { ComingPage } from './pages/shell/ComingPage.tsx';
import { OrgTreePage } from './pages/org/OrgTreePage.tsx';
import { PeoplePage } from './pages/people/PeoplePage.tsx';
import { TransfersPage } from './pages/people/TransfersPage.tsx';
import { ImportsPage } from './pages/imports/ImportsPage.tsx';
import { AuditPage } from './pages/audit/AuditPage.tsx';
import { lazy, Suspense } from 'react';

// Loaded on first use, so the shell stays small: infant health and the parent's app.
const HealthRoutes = lazy(() => import('./pages/health/HealthRoutes.tsx').then((m) => ({ default: m.HealthRoutes })));
const AdmissionPage = lazy(() => import('./pages/admission/AdmissionPage.tsx').then((m) => ({ default: m.AdmissionPage })));
const HomeCenterPage = lazy(() => import('./pages/family/HomeCenterPage.tsx').then((m) => ({ default: m.HomeCenterPage })));
const GuidanceToursPage = lazy(() => import('./pages/family/HealthAtCenter.tsx').then((m) => ({ default: m.GuidanceToursPage })));
const ParentApp = lazy(() => import('./pages/parent/ParentApp.tsx').then((m) => ({ default: m.ParentApp })));
const ChildcareRoutes = lazy(() => import('./pages/childcare/ChildcareRoutes.tsx').then((m) => ({ default: m.ChildcareRoutes })));
const SubsidiesPage = lazy(() => import('./pages/subsidies/SubsidiesPage.tsx').then((m) => ({ default: m.SubsidiesPage })));
const GradingPage = lazy(() => import('./pages/grading/GradingPage.tsx').then((m) => ({ default: m.GradingPage })));
const SupervisionPage = lazy(() => import('./pages/supervision/SupervisionPage.tsx').then((m) => ({ default: m.SupervisionPage })));
const VerifyPage = lazy(() => import('./pages/childcare/VerifyPage.tsx').then((m) => ({ default: m.VerifyPage })));
const ProtectionPage = lazy(() => import('./pages/protection/ProtectionPage.tsx').then((m) => ({ default: m.ProtectionPage })));
const PublicReportPage = lazy(() => import('./pages/protection/PublicReportPage.tsx').then((m) => ({ default: m.PublicReportPage })));
const HomecareServicesPage = lazy(() => import('./pages/homecare/ServicesPage.tsx').then((m) => ({ default: m.ServicesPage })));
const CareCardPage = lazy(() => import('./pages/homecare/CareCardPage.tsx').then((m) => ({ default: m.CareCardPage })));
const TimeBankPage = lazy(() => import('./pages/homecare/TimeBankPage.tsx').then((m) => ({ default: m.TimeBankPage })));
const MyHomecare = lazy(() => import('./pages/homecare/MyHomecare.tsx').then((m) => ({ default: m.MyHomecare })));
const WelfareRoutes = lazy(() => import('./pages/welfare/WelfareRoutes.tsx').then((m) => ({ default: m.WelfareRoutes })));
const ChildcareStaffPage = lazy(() => import('./pages/childcare/StaffPage.tsx').then((m) => ({ default: m.StaffPage })));

// The cockpit and the one map carry ECharts and the county boundaries: loaded on first use.
const CockpitPage = lazy(() => import('./pages/indicators/CockpitPage.tsx').then((m) => ({ default: m.CockpitPage })));
const IndicatorsPage = lazy(() => import('./pages/indicators/IndicatorsPage.tsx').then((m) => ({ default: m.IndicatorsPage })));
const ElderlyProfilesPage = lazy(() => import('./pages/elderly/ElderlyProfilesPage.tsx').then((m) => ({ default: m.ElderlyProfilesPage })));
const FeedsPage = lazy(() => import('./pages/feeds/FeedsPage.tsx').then((m) => ({ default: m.FeedsPage })));
const InsurancePage = lazy(() => import('./pages/insurance/InsurancePage.tsx').then((m) => ({ default: m.InsurancePage })));
const OneMapPage = lazy(() => import('./pages/geo/OneMapPage.tsx').then((m) => ({ default: m.OneMapPage })));

/** A page loaded on first use, with a spinner while its code arrives. */
function lazyPage(Page: React.ComponentType) {
  return function LazyPage() {
    return (
      <Suspense fallback={<Spin />}>
        <Page />
      </Suspense>
    );
  };
}

/** Pages of the built capabilities, by navigation key. */
const PAGES: Record<string, () => React.JSX.Element> = {
  orgTree: OrgTreePage,
  people: PeoplePage,
  transfers: TransfersPage,
  imports: ImportsPage,
  users: UsersPage,
  audit: AuditPage,
  infantHealth: lazyPage(HealthRoutes),
  centers: lazyPage(ChildcareRoutes),
  staff: lazyPage(ChildcareStaffPage),
  subsidies: lazyPage(SubsidiesPage),
  grading: lazyPage(GradingPage),
  supervision: lazyPage(SupervisionPage),
  admission: lazyPage(AdmissionPage),
  homeCenter: lazyPage(HomeCenterPage),
  guidanceTours: lazyPage(GuidanceToursPage),
  indicators: lazyPage(IndicatorsPage),
  cockpit: lazyPage(CockpitPage),
  oneMap: lazyPage(OneMapPage),
  protection: lazyPage(ProtectionPage),
  elderlyProfiles: lazyPage(ElderlyProfilesPage),
  elderlyServices: lazyPage(HomecareServicesPage),
  careCard: lazyPage(CareCardPage),
  timeBank: lazyPage(TimeBankPage),
  feeds: lazyPage(FeedsPage),
  insurance: lazyPage(InsurancePage),
  welfareLedger: lazyPage(WelfareRoutes),
};

export function AppRoutes() {
  const { status, user } = useAuth();
  if (status === 'loading') return <Spin fullscreen />;
  if (status === 'signed-out') {
    return (
      <Routes>
        <Route path="/verify" element={<Suspense fallback={<Spin fullscreen />}><VerifyPage /></Suspense>} />
        <Route path="/report" element={<Suspense fallback={<Spin fullscreen />}><PublicReportPage /></Suspense>} />
        <Route path="*" element={<LoginPage />} />
      </Routes>
    );
  }
  // Parents get their own mobile app: their children only.
  if (user?.role === 'parent')
    return (
      <Suspense fallback={<Spin fullscreen />}>
        <ParentApp />
      </Suspense>
    );
  // Elderly people and volunteers get their own view in large type: their card, hours and services.
  if (user?.role === 'elderly' || user?.role === 'volunteer')
    return (
      <Suspense fallback={<Spin fullscreen />}>
        <MyHomecare />
      </Suspense>
    );
  return (
    <Routes>
      <Route path="/verify" element={<Suspense fallback={<Spin fullscreen />}><VerifyPage /></Suspense>} />
      <Route element={<AppLayout />}>
        <Route index element={<HomePage />} />
        {ALL_ITEMS.map((item) => {
          const Page = PAGES[item.key] as (() => React.JSX.Element) | undefined;
          return <Route key={item.key} path={Page ? `${item.path}/*` : item.path} element={Page ? <Page /> : <ComingPage item={item} />} />;
        })}
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}

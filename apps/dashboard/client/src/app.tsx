import { lazy, Suspense, type ReactNode } from 'react';
import { BrowserRouter, Navigate, NavLink, Outlet, Route, Routes, useLocation, useNavigate } from 'react-router';
import { currentSession, signOut } from './auth';
import { I18nProvider, useI18n, type MessageKey } from './i18n';
import { AuthCallback, SignIn } from './screens/sign-in';

// Each screen is its own chunk: the first page loads only what it draws.
const Overview = lazy(() => import('./screens/overview'));
const PriorityList = lazy(() => import('./screens/priority-list'));
const ChildPage = lazy(() => import('./screens/child-page'));
const Interventions = lazy(() => import('./screens/interventions'));
const Sponsorship = lazy(() => import('./screens/sponsorship'));
const DataQuality = lazy(() => import('./screens/data-quality'));
const Targets = lazy(() => import('./screens/targets'));
const Skdn = lazy(() => import('./screens/skdn'));
const Portal = lazy(() => import('./screens/portal'));
const Statistics = lazy(() => import('./screens/statistics'));
const GrowthReport = lazy(() => import('./screens/growth-report'));

const TPPS = ['tpps', 'admin'] as const;

/** Every screen, who may open it, and its place in the navigation (by role: each role sees only its own). */
const SCREENS: readonly { path: string; element: ReactNode; roles: readonly string[]; nav?: MessageKey }[] = [
  { path: '/', element: <Overview />, roles: TPPS, nav: 'navOverview' },
  { path: '/prioritas', element: <PriorityList />, roles: TPPS, nav: 'navPriority' },
  { path: '/pemantauan', element: <Skdn />, roles: TPPS, nav: 'navSkdn' },
  { path: '/intervensi', element: <Interventions />, roles: TPPS, nav: 'navInterventions' },
  { path: '/orang-tua-asuh', element: <Sponsorship />, roles: TPPS, nav: 'navSponsorship' },
  { path: '/kualitas-data', element: <DataQuality />, roles: TPPS, nav: 'navDataQuality' },
  { path: '/sasaran', element: <Targets />, roles: TPPS, nav: 'navTargets' },
  { path: '/anak/:childId', element: <ChildPage />, roles: TPPS },
  { path: '/anak/:childId/laporan', element: <GrowthReport source="registry" />, roles: TPPS },
  { path: '/portal', element: <Portal />, roles: ['sponsor'], nav: 'navPortal' },
  { path: '/portal/:portalId/laporan', element: <GrowthReport source="portal" />, roles: ['sponsor'] },
  { path: '/statistik', element: <Statistics />, roles: ['statistician', 'admin'], nav: 'navStatistics' },
];

/** Where each role starts. */
const HOME: Record<string, string> = { sponsor: '/portal', statistician: '/statistik' };

function Shell() {
  const { t, language, setLanguage } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  const session = currentSession();
  if (!session)
    return <Navigate to={`/sign-in?returnTo=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  const navigation = SCREENS.filter((screen) => screen.nav && screen.roles.includes(session.role));
  return (
    <div className="shell">
      <header className="topbar no-print">
        <a className="brand" href="/">
          {t('appName')}{' '}
          <span>
            {session.role === 'sponsor'
              ? t('role_sponsor')
              : session.role === 'statistician'
                ? t('role_statistician')
                : `${t('team')} ${session.regencyCode ?? ''}`}
          </span>
        </a>
        <nav aria-label={t('appName')}>
          {navigation.map(({ path, nav }) => (
            <NavLink key={path} to={path} end={path === '/'}>
              {t(nav!)}
            </NavLink>
          ))}
        </nav>
        <div className="tools">
          <label>
            <span className="sr-only">{t('language')}</span>
            <select value={language} onChange={(event) => setLanguage(event.target.value === 'en' ? 'en' : 'id')}>
              <option value="id">Bahasa Indonesia</option>
              <option value="en">English</option>
            </select>
          </label>
          <button
            type="button"
            onClick={() => {
              signOut();
              navigate('/sign-in');
            }}
          >
            {t('signOut')}
          </button>
        </div>
      </header>
      <main>
        <Suspense fallback={<p aria-busy="true">{t('loading')}</p>}>
          <Outlet />
        </Suspense>
      </main>
    </div>
  );
}

/** A screen the signed-in role may not open says so (the APIs refuse it anyway); a role's home is its start. */
function Guarded({ path, roles, children }: { path: string; roles: readonly string[]; children: ReactNode }) {
  const { t } = useI18n();
  const role = currentSession()?.role ?? '';
  if (path === '/' && HOME[role]) return <Navigate to={HOME[role]} replace />;
  if (!roles.includes(role))
    return (
      <div role="alert" className="alert" data-status={403}>
        <strong>{t('notAllowed')}</strong>
      </div>
    );
  return <>{children}</>;
}

export function App() {
  return (
    <I18nProvider>
      <BrowserRouter>
        <Routes>
          <Route path="/sign-in" element={<SignIn />} />
          <Route path="/auth/callback" element={<AuthCallback />} />
          <Route element={<Shell />}>
            {SCREENS.map(({ path, element, roles }) => (
              <Route
                key={path}
                path={path}
                element={
                  <Guarded path={path} roles={roles}>
                    {element}
                  </Guarded>
                }
              />
            ))}
          </Route>
        </Routes>
      </BrowserRouter>
    </I18nProvider>
  );
}

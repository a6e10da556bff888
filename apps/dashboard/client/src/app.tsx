import { lazy, Suspense } from 'react';
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

const NAVIGATION: readonly { path: string; label: MessageKey }[] = [
  { path: '/', label: 'navOverview' },
  { path: '/prioritas', label: 'navPriority' },
  { path: '/intervensi', label: 'navInterventions' },
  { path: '/orang-tua-asuh', label: 'navSponsorship' },
  { path: '/kualitas-data', label: 'navDataQuality' },
  { path: '/sasaran', label: 'navTargets' },
];

/** The TPPS screens: a regency's team (or an administrator); other roles are told so, not shown an empty page. */
const TPPS_ROLES = new Set(['tpps', 'admin']);

function Shell() {
  const { t, language, setLanguage } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  const session = currentSession();
  if (!session)
    return <Navigate to={`/sign-in?returnTo=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  const allowed = TPPS_ROLES.has(session.role);
  return (
    <div className="shell">
      <header className="topbar">
        <a className="brand" href="/">
          {t('appName')}{' '}
          <span>
            {t('team')} {session.regencyCode ?? ''}
          </span>
        </a>
        <nav aria-label={t('appName')}>
          {NAVIGATION.map(({ path, label }) => (
            <NavLink key={path} to={path} end={path === '/'}>
              {t(label)}
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
        {allowed ? (
          <Suspense fallback={<p aria-busy="true">{t('loading')}</p>}>
            <Outlet />
          </Suspense>
        ) : (
          <div role="alert" className="alert" data-status={403}>
            <strong>{t('notAllowed')}</strong>
          </div>
        )}
      </main>
    </div>
  );
}

export function App() {
  return (
    <I18nProvider>
      <BrowserRouter>
        <Routes>
          <Route path="/sign-in" element={<SignIn />} />
          <Route path="/auth/callback" element={<AuthCallback />} />
          <Route element={<Shell />}>
            <Route index element={<Overview />} />
            <Route path="prioritas" element={<PriorityList />} />
            <Route path="anak/:childId" element={<ChildPage />} />
            <Route path="intervensi" element={<Interventions />} />
            <Route path="orang-tua-asuh" element={<Sponsorship />} />
            <Route path="kualitas-data" element={<DataQuality />} />
            <Route path="sasaran" element={<Targets />} />
          </Route>
        </Routes>
      </BrowserRouter>
    </I18nProvider>
  );
}

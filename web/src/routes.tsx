import { type ComponentType, lazy } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import { JobList } from './features/jobs/pages/JobList';
import { Login } from './features/sign-in/pages/Login';
import { ResetPassword } from './features/sign-in/pages/ResetPassword';
import { NotFound } from './pages/NotFound';
import { Shell } from './Shell';

/** A page exported by name, loaded on demand (React.lazy wants a default export). */
function lazyNamed<M, K extends keyof M>(load: () => Promise<M>, name: K) {
  return lazy(async () => ({ default: (await load())[name] as ComponentType }));
}

// A tab opened before a release asks for chunks that are gone: load the new release instead of
// failing (at most once a minute, so a server that really lost its files shows the error).
window.addEventListener('vite:preloadError', (event) => {
  const last = Number(sessionStorage.getItem('achtplus:reloaded-for-chunk') ?? 0);
  if (Date.now() - last < 60_000) return;
  sessionStorage.setItem('achtplus:reloaded-for-chunk', String(Date.now()));
  event.preventDefault();
  window.location.reload();
});

// Every page inside the shell but the job list loads on demand, in a chunk of its own: the login
// page needs only the main bundle; each other page costs its own small chunk once, and then the
// browser keeps it (immutable, hashed). The job list is where everyone lands after signing in
// (/ → /jobs): in the main bundle (~20 KB brotli) it shows without waiting for one more request.
const JobDetail = lazyNamed(() => import('./features/jobs/pages/JobDetail'), 'JobDetail');
const TeamList = lazyNamed(() => import('./features/master-data/pages/Teams'), 'TeamList');
const TeamDetail = lazyNamed(() => import('./features/master-data/pages/Teams'), 'TeamDetail');
const EmployeeList = lazyNamed(() => import('./features/master-data/pages/Employees'), 'EmployeeList');
const EmployeeDetail = lazyNamed(() => import('./features/master-data/pages/Employees'), 'EmployeeDetail');
const ContractorList = lazyNamed(() => import('./features/master-data/pages/Contractors'), 'ContractorList');
const ContractorDetail = lazyNamed(
  () => import('./features/master-data/pages/Contractors'),
  'ContractorDetail',
);
const UnitList = lazyNamed(() => import('./features/master-data/pages/Units'), 'UnitList');
const UnitDetail = lazyNamed(() => import('./features/master-data/pages/Units'), 'UnitDetail');
const Users = lazy(() => import('./features/admin/pages/Users'));
const ApiKeys = lazy(() => import('./features/admin/pages/ApiKeys'));
const Organisation = lazy(() => import('./features/admin/pages/Organisation'));
const Imports = lazy(() => import('./features/admin/pages/Imports'));
const Outbox = lazy(() => import('./features/admin/pages/Outbox'));
const AuditLog = lazy(() => import('./features/admin/pages/AuditLog'));
const ResponseList = lazy(() => import('./features/responses/pages/ResponseList'));
const DashboardOverview = lazy(() => import('./features/dashboard/pages/Overview'));
const DashboardTrend = lazy(() => import('./features/dashboard/pages/Trend'));
const DashboardBreakdown = lazy(() => import('./features/dashboard/pages/Breakdown'));
const DashboardJourney = lazy(() => import('./features/dashboard/pages/Journey'));
const DashboardTargets = lazy(() => import('./features/dashboard/pages/Targets'));
const Questionnaires = lazy(() => import('./features/questionnaires/pages/Questionnaires'));
const QuestionnaireDetail = lazy(() => import('./features/questionnaires/pages/QuestionnaireDetail'));
const SurveySettings = lazy(() => import('./features/questionnaires/pages/SurveySettings'));

export const router = createBrowserRouter([
  { path: '/login', element: <Login /> },
  { path: '/reset-password', element: <ResetPassword /> },
  {
    element: <Shell />,
    children: [
      { index: true, element: <Navigate to="/jobs" replace /> },
      { path: 'jobs', element: <JobList /> },
      { path: 'jobs/:id', element: <JobDetail /> },
      { path: 'dashboard', element: <DashboardOverview /> },
      { path: 'dashboard/trend', element: <DashboardTrend /> },
      { path: 'dashboard/breakdown', element: <DashboardBreakdown /> },
      { path: 'dashboard/journey', element: <DashboardJourney /> },
      { path: 'dashboard/targets', element: <DashboardTargets /> },
      { path: 'responses', element: <ResponseList /> },
      { path: 'teams', element: <TeamList /> },
      { path: 'teams/:id', element: <TeamDetail /> },
      { path: 'employees', element: <EmployeeList /> },
      { path: 'employees/:id', element: <EmployeeDetail /> },
      { path: 'contractors', element: <ContractorList /> },
      { path: 'contractors/:id', element: <ContractorDetail /> },
      { path: 'units', element: <UnitList /> },
      { path: 'units/:id', element: <UnitDetail /> },
      { path: 'questionnaires', element: <Questionnaires /> },
      { path: 'questionnaires/:id', element: <QuestionnaireDetail /> },
      { path: 'survey-settings', element: <SurveySettings /> },
      { path: 'admin/users', element: <Users /> },
      { path: 'admin/api-keys', element: <ApiKeys /> },
      { path: 'admin/organisation', element: <Organisation /> },
      { path: 'admin/imports', element: <Imports /> },
      { path: 'admin/outbox', element: <Outbox /> },
      { path: 'admin/audit-log', element: <AuditLog /> },
      { path: '*', element: <NotFound /> },
    ],
  },
]);

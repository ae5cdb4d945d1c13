import { lazy } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import { ContractorDetail, ContractorList } from './pages/contractors';
import { EmployeeDetail, EmployeeList } from './pages/employees';
import { JobDetail } from './pages/JobDetail';
import { JobList } from './pages/JobList';
import { Login } from './pages/Login';
import { NotFound } from './pages/NotFound';
import { ResetPassword } from './pages/ResetPassword';
import { TeamDetail, TeamList } from './pages/teams';
import { UnitDetail, UnitList } from './pages/units';
import { Shell } from './Shell';

// admin pages are few people's work: they load on demand and stay out of the main bundle
const Users = lazy(() => import('./pages/admin/Users'));
const ApiKeys = lazy(() => import('./pages/admin/ApiKeys'));
const Organisation = lazy(() => import('./pages/admin/Organisation'));
const Imports = lazy(() => import('./pages/admin/Imports'));
const Outbox = lazy(() => import('./pages/admin/Outbox'));
const AuditLog = lazy(() => import('./pages/admin/AuditLog'));
const ResponseList = lazy(() => import('./pages/responses/ResponseList'));
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

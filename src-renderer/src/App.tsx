import { lazy, Suspense, useState, type ReactNode } from 'react';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { createHashRouter, createRoutesFromElements, Navigate, Route, RouterProvider } from 'react-router';
import ApplicationsPage from './features/applications/ApplicationsPage';
import ApplicationPage from './features/applications/detail/ApplicationPage';
import BoardPage from './features/board/BoardPage';
import { AppLayout } from './layout/AppLayout';
import { useProfileAppearance } from './shell/appearance';
import { ToastProvider } from './ui/toast';

// Other features' screens load on first visit, so the window opens on what it shows first.
const DashboardPage = lazy(() => import('./features/dashboard/DashboardPage'));
const InterviewsPage = lazy(() => import('./features/interviews/InterviewsPage'));
const TasksPage = lazy(() => import('./features/tasks/TasksPage'));
const OpportunitiesPage = lazy(() => import('./features/opportunities/OpportunitiesPage'));
const CompaniesPage = lazy(() => import('./features/companies/CompaniesPage'));
const CompanyPage = lazy(() => import('./features/companies/CompanyPage'));
const ContactsPage = lazy(() => import('./features/contacts/ContactsPage'));
const SettingsPage = lazy(() => import('./features/settings/SettingsPage'));
const ImportPage = lazy(() => import('./features/files/ImportPage'));
const ReportPage = lazy(() => import('./features/report/ReportPage'));
const WeeklySummaryPage = lazy(() => import('./features/weekly/WeeklySummaryPage'));
const FairsPage = lazy(() => import('./features/fairs/FairsPage'));
const FairPage = lazy(() => import('./features/fairs/FairPage'));
const AnswersPage = lazy(() => import('./features/answers/AnswersPage'));
const OffersPage = lazy(() => import('./features/offers/OffersPage'));
const CapturePage = lazy(() => import('./features/capture/CapturePage'));

function Loading() {
  const { t } = useTranslation('common');
  return (
    <div className="loading-screen" role="status">
      {t('loading')}
    </div>
  );
}

function Lazy({ children }: { children: ReactNode }) {
  return <Suspense fallback={<Loading />}>{children}</Suspense>;
}

function Appearance() {
  useProfileAppearance();
  return null;
}

/**
 * Routes live in the URL hash (#/applications/…): the same bundle then works from app:// in the desktop app
 * and from http:// in a browser, with no server-side routing. A data router, so forms can guard unsaved edits.
 */
export const routes = createRoutesFromElements(
  <>
    <Route element={<AppLayout />}>
      <Route index element={<Navigate to="/dashboard" replace />} />
      <Route path="dashboard" element={<Lazy><DashboardPage /></Lazy>} />
      <Route path="applications" element={<ApplicationsPage />} />
      <Route path="applications/new" element={<ApplicationPage />} />
      <Route path="applications/:id" element={<ApplicationPage />} />
      <Route path="board" element={<BoardPage />} />
      <Route path="interviews" element={<Lazy><InterviewsPage /></Lazy>} />
      <Route path="tasks" element={<Lazy><TasksPage /></Lazy>} />
      <Route path="companies" element={<Lazy><CompaniesPage /></Lazy>} />
      <Route path="companies/:id" element={<Lazy><CompanyPage /></Lazy>} />
      <Route path="contacts" element={<Lazy><ContactsPage /></Lazy>} />
      <Route path="offers" element={<Lazy><OffersPage /></Lazy>} />
      <Route path="opportunities" element={<Lazy><OpportunitiesPage /></Lazy>} />
      <Route path="settings" element={<Lazy><SettingsPage /></Lazy>} />
      <Route path="import" element={<Lazy><ImportPage /></Lazy>} />
      <Route path="weekly" element={<Lazy><WeeklySummaryPage /></Lazy>} />
      <Route path="weekly/:week" element={<Lazy><WeeklySummaryPage /></Lazy>} />
      <Route path="fairs" element={<Lazy><FairsPage /></Lazy>} />
      <Route path="fairs/:id" element={<Lazy><FairPage /></Lazy>} />
      <Route path="answers" element={<Lazy><AnswersPage /></Lazy>} />
      <Route path="capture" element={<Lazy><CapturePage /></Lazy>} />
      <Route path="*" element={<Navigate to="/dashboard" replace />} />
    </Route>
    <Route path="fairs/:id/hall" element={<Lazy><FairPage hall /></Lazy>} />
    <Route path="report" element={<div className="print-page"><Lazy><ReportPage /></Lazy></div>} />
  </>,
);

export function App({ queryClient }: { queryClient: QueryClient }) {
  const [router] = useState(() => createHashRouter(routes));
  return (
    <QueryClientProvider client={queryClient}>
      <ToastProvider>
        <Appearance />
        <RouterProvider router={router} />
      </ToastProvider>
    </QueryClientProvider>
  );
}

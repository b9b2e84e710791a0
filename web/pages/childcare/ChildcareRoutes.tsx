import { Route, Routes } from 'react-router';
import { CentersPage } from './CentersPage.tsx';
import { CenterFormPage } from './CenterFormPage.tsx';
import { CenterDetailPage } from './CenterDetailPage.tsx';
import { FilingsPage } from './FilingsPage.tsx';

/** /childcare/centers, …/new, …/filings, …/:id and …/:id/edit. */
export function ChildcareRoutes() {
  return (
    <Routes>
      <Route index element={<CentersPage />} />
      <Route path="new" element={<CenterFormPage />} />
      <Route path="filings" element={<FilingsPage />} />
      <Route path=":id" element={<CenterDetailPage />} />
      <Route path=":id/edit" element={<CenterFormPage />} />
    </Routes>
  );
}

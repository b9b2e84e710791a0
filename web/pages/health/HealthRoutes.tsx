import { Route, Routes } from 'react-router';
import { InfantHealthPage } from './InfantHealthPage.tsx';
import { ChildHealthPage } from './ChildHealthPage.tsx';

/** /health and /health/children/:id. */
export function HealthRoutes() {
  return (
    <Routes>
      <Route index element={<InfantHealthPage />} />
      <Route path="children/:id" element={<ChildHealthPage />} />
    </Routes>
  );
}

import { Route, Routes } from 'react-router';
import { WelfarePage } from './WelfarePage.tsx';
import { ChildFilePage } from './ChildFilePage.tsx';
import { ContactCardPage } from './ContactCardPage.tsx';

/** /welfare/ledger, a child's file and its printable contact card. */
export function WelfareRoutes() {
  return (
    <Routes>
      <Route index element={<WelfarePage />} />
      <Route path="children/:id" element={<ChildFilePage />} />
      <Route path="children/:id/card" element={<ContactCardPage />} />
    </Routes>
  );
}

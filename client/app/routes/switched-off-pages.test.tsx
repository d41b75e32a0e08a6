// @vitest-environment jsdom
// Pages a UI setting turns off: a saved link to one says the page is off, not only that there is none.
import { cleanup, screen } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { renderWithApp, testConfig } from '../../components/testing/render-with-app';
import { AnnouncementsRoute } from './announcements-route';
import { DashboardRoute } from './dashboard-route';
import { UserRoute } from './user-route';

afterEach(cleanup);

function pageText(): string {
  return screen.getByRole('heading', { level: 1 }).parentElement!.textContent ?? '';
}

describe('pages a setting turns off', () => {
  it('a profile page, while people are not indexed', () => {
    renderWithApp(<Routes><Route path="/user/:userId" element={<UserRoute />} /></Routes>, { route: '/user/liv.arnesen%40example.org', config: testConfig({}, { indexUsers: false }) });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Page not found');
    expect(pageText()).toContain("People's profile pages are turned off in this catalog.");
  });

  it('a dashboard page, while dashboards are not indexed', () => {
    renderWithApp(<Routes><Route path="/dashboard/:uri" element={<DashboardRoute />} /></Routes>, { route: `/dashboard/${encodeURIComponent('mode_dashboard://gold.ops/d1')}`, config: testConfig({}, { indexDashboards: false }) });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Page not found');
    expect(pageText()).toContain('Dashboards are turned off in this catalog.');
  });

  it('the announcements page, while announcements are off', () => {
    renderWithApp(<Routes><Route path="/announcements" element={<AnnouncementsRoute />} /></Routes>, { route: '/announcements', config: testConfig({ announcements: { enabled: false, directory: 'announcements' } }) });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Page not found');
    expect(pageText()).toContain('Announcements are turned off in this catalog.');
  });
});

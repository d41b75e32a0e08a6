// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useEffect, useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ResourceTabs } from './resource-tabs';

afterEach(cleanup);

function Loads({ onMount }: { onMount: () => void }) {
  useEffect(onMount, [onMount]);
  return <p>The history</p>;
}

function Draft() {
  const [text, setText] = useState('');
  return <input aria-label="Draft" value={text} onChange={(e) => setText(e.target.value)} />;
}

describe('ResourceTabs', () => {
  it('mounts another tab’s panel only when its tab is chosen, and keeps the overview’s state meanwhile', async () => {
    const user = userEvent.setup();
    const mounted = vi.fn();
    render(
      <ResourceTabs label="Table views" tabs={[{ value: 'history', label: 'History', panel: <Loads onMount={mounted} /> }]}>
        <Draft />
      </ResourceTabs>,
    );

    expect(screen.getByRole('tab', { name: 'Overview' }).getAttribute('aria-selected')).toBe('true');
    expect(mounted).not.toHaveBeenCalled();
    await user.type(screen.getByRole('textbox', { name: 'Draft' }), 'half written');

    await user.click(screen.getByRole('tab', { name: 'History' }));
    expect(mounted).toHaveBeenCalledTimes(1);
    expect(screen.getByText('The history')).toBeTruthy();
    expect(screen.queryByRole('textbox', { name: 'Draft' })).toBeNull();

    await user.click(screen.getByRole('tab', { name: 'Overview' }));
    expect((screen.getByRole('textbox', { name: 'Draft' }) as HTMLInputElement).value).toBe('half written');
    expect(screen.queryByText('The history')).toBeNull();
  });

  it('shows the overview alone, with no tab list, when nothing adds a tab', () => {
    render(
      <ResourceTabs label="Table views" tabs={[]}>
        <p>Columns</p>
      </ResourceTabs>,
    );
    expect(screen.queryByRole('tablist')).toBeNull();
    expect(screen.getByText('Columns')).toBeTruthy();
  });
});

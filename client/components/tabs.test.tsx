// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { Tabs } from './tabs';

function Example() {
  const [value, setValue] = useState<'a' | 'b' | 'c'>('a');
  return (
    <Tabs
      label="Kinds"
      value={value}
      onChange={setValue}
      items={[
        { value: 'a', label: 'Alpha', count: 3 },
        { value: 'b', label: 'Beta' },
        { value: 'c', label: 'Gamma', count: 1200 },
      ]}
    >
      <p>Panel {value}</p>
    </Tabs>
  );
}

afterEach(cleanup);

describe('Tabs', () => {
  it('names the tab list, marks the selected tab and labels the panel with it', () => {
    render(<Example />);
    expect(screen.getByRole('tablist', { name: 'Kinds' })).toBeTruthy();
    const alpha = screen.getByRole('tab', { name: /Alpha/ });
    expect(alpha.getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('tabpanel', { name: /Alpha/ }).textContent).toBe('Panel a');
    expect(screen.getByRole('tab', { name: /Gamma/ }).textContent).toContain('1,200');
  });

  it('keeps only the selected tab in the tab order and moves with arrows, Home and End', async () => {
    const user = userEvent.setup();
    render(<Example />);
    expect(screen.getAllByRole('tab').map((t) => t.tabIndex)).toEqual([0, -1, -1]);
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: /Alpha/ }));
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: /Beta/ }));
    expect(screen.getByRole('tabpanel').textContent).toBe('Panel b');
    await user.keyboard('{ArrowLeft}{ArrowLeft}');
    expect(screen.getByRole('tab', { name: /Gamma/ }).getAttribute('aria-selected')).toBe('true');
    await user.keyboard('{Home}');
    expect(screen.getByRole('tabpanel').textContent).toBe('Panel a');
    await user.keyboard('{End}');
    expect(screen.getByRole('tabpanel').textContent).toBe('Panel c');
  });

  it('selects a tab on click', async () => {
    const user = userEvent.setup();
    render(<Example />);
    await user.click(screen.getByRole('tab', { name: /Beta/ }));
    expect(screen.getByRole('tabpanel').textContent).toBe('Panel b');
  });
});

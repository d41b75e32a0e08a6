// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { SegmentedControl } from './segmented-control';

function Example({ hideLegend }: { hideLegend?: boolean }) {
  const [value, setValue] = useState<'OR' | 'AND'>('OR');
  return (
    <>
      <SegmentedControl
        legend="Match"
        hideLegend={hideLegend}
        options={[
          { value: 'OR', label: 'Any' },
          { value: 'AND', label: 'All' },
        ]}
        value={value}
        onChange={setValue}
      />
      <output>{value}</output>
    </>
  );
}

afterEach(cleanup);

describe('SegmentedControl', () => {
  it('is a group of radio buttons named by its legend, with the value checked', () => {
    render(<Example />);
    const group = screen.getByRole('group', { name: 'Match' });
    const [any, all] = within(group).getAllByRole('radio') as HTMLInputElement[];
    expect([any!.checked, all!.checked]).toEqual([true, false]);
    expect(any!.name).toBe(all!.name);
  });

  it('chooses by click and by keyboard (Space on the focused option)', async () => {
    render(<Example />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('radio', { name: 'All' }));
    expect(screen.getByRole('status').textContent).toBe('AND');
    screen.getByRole('radio', { name: 'Any' }).focus();
    await user.keyboard(' ');
    expect(screen.getByRole('status').textContent).toBe('OR');
  });

  it('keeps a hidden legend for screen readers', () => {
    render(<Example hideLegend />);
    expect(screen.getByRole('group', { name: 'Match' })).toBeTruthy();
    expect(screen.getByText('Match').className).toContain('visually-hidden');
  });
});

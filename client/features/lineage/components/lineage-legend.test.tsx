// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { LineageLegend } from './lineage-legend';

afterEach(cleanup);

describe('LineageLegend', () => {
  it('explains the dashed arrow of a cycle when the graph has one, and only then', () => {
    render(<LineageLegend kind="table" cycle />);
    expect(screen.getByRole('list', { name: 'Legend' }).textContent).toContain('Dashed arrow: data flowing back to an earlier table, closing a cycle');
    cleanup();
    render(<LineageLegend kind="table" />);
    expect(screen.getByRole('list', { name: 'Legend' }).textContent).not.toContain('Dashed arrow');
    expect(screen.getByRole('list', { name: 'Legend' }).textContent).toContain('Data flows along the arrows');
  });

  it('says columns for a column’s lineage, the cycle’s dashed arrow too', () => {
    render(<LineageLegend kind="column" cycle />);
    const legend = screen.getByRole('list', { name: 'Legend' }).textContent;
    expect(legend).toContain('This column');
    expect(legend).toContain('Dashed arrow: data flowing back to an earlier column, closing a cycle');
    expect(legend).not.toMatch(/\btables?\b/);
  });
});

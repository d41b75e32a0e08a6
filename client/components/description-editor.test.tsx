// @vitest-environment jsdom
// Saving a text that is too long does not save, and says so each time it is tried (the field's invalid
// state and count were set while typing, and a screen reader does not say them again by themselves).
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DescriptionEditor, tooLongMessage } from './description-editor';

afterEach(cleanup);

function Editor({ initial, onSave }: { initial: string; onSave: () => void }) {
  const [text, setText] = useState(initial);
  return <DescriptionEditor label="Description of sales.orders" text={text} onTextChange={setText} maxLength={750} saving={false} onSave={onSave} onCancel={() => {}} />;
}

describe('DescriptionEditor', () => {
  it('names Markdown and Shift+Enter under a short text that renders Markdown, without the Write/Preview tabs (decision 105)', () => {
    const props = { label: 'Description of order_id', text: '**Key**', onTextChange: () => {}, maxLength: 250, saving: false, onSave: () => {}, onCancel: () => {} };
    const { unmount } = render(<DescriptionEditor {...props} markdownHint submitOnEnter />);
    const keys = document.querySelector('.description-editor__keys')!.textContent;
    expect(keys).toBe('Ctrl+Enter or Enter saves · Shift+Enter starts a new line · Esc cancels · Markdown: **bold**, _italic_, `code`, [links](https://…), lists');
    expect(screen.queryByRole('tab')).toBeNull();
    unmount();
    render(<DescriptionEditor {...props} />);
    expect(document.querySelector('.description-editor__keys')!.textContent).toBe('Ctrl+Enter saves · Esc cancels');
  });

  it('says why a too long text is not saved when a save is tried, again on each try', async () => {
    const onSave = vi.fn();
    const user = userEvent.setup();
    render(<Editor initial={'a'.repeat(800)} onSave={onSave} />);
    const box = screen.getByRole('textbox', { name: 'Description of sales.orders' });
    expect(box.getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByRole('alert')).toBeNull();
    await user.keyboard('{Control>}{Enter}{/Control}');
    expect(onSave).not.toHaveBeenCalled();
    const first = screen.getByRole('alert');
    expect(first.textContent).toBe('Not saved: 50 characters too many (at most 750). Shorten the text to save it.');
    await user.keyboard('{Backspace}{Control>}{Enter}{/Control}');
    const second = screen.getByRole('alert');
    expect(second).not.toBe(first);
    expect(second.textContent).toBe('Not saved: 49 characters too many (at most 750). Shorten the text to save it.');
    await user.clear(box);
    await user.type(box, 'Orders paid online');
    expect(screen.queryByRole('alert')).toBeNull();
    await user.keyboard('{Control>}{Enter}{/Control}');
    expect(onSave).toHaveBeenCalledOnce();
  });

  it('counts against the length of a text that was already over the limit', () => {
    expect(tooLongMessage('a'.repeat(802), 750, 'b'.repeat(800))).toBe('Not saved: 2 characters too many (at most 800). Shorten the text to save it.');
    expect(tooLongMessage('a'.repeat(751), 750)).toBe('Not saved: 1 character too many (at most 750). Shorten the text to save it.');
  });
});

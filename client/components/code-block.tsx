// Text that must be shown exactly as stored (a view's SQL): monospaced, every space and line break
// kept, long lines scrolling sideways instead of wrapping (a Tab stop only while it scrolls:
// scrolling-blocks.ts), clamped when long (clamped-text.tsx), and a button that copies the text
// itself, not what the page made of it.
import { useLayoutEffect, useRef } from 'react';
import { Button } from './button';
import { ClampedText } from './clamped-text';
import { watchScrollingBlocks } from './scrolling-blocks';
import { useToast } from './toast';
import './code-block.css';

export interface CodeBlockProps {
  text: string;
  /** What the text is, for the copy button and its message: "the view definition". */
  label: string;
}

export function CodeBlock({ text, label }: CodeBlockProps) {
  const box = useRef<HTMLDivElement>(null);
  const toast = useToast();
  useLayoutEffect(() => (box.current ? watchScrollingBlocks(box.current) : undefined), []);

  async function copy() {
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(text);
      toast({ title: 'Copied', description: `The text of ${label} is on your clipboard.`, tone: 'success' });
    } catch {
      toast({ title: `Could not copy ${label}`, description: 'Select the text and copy it with Ctrl+C (⌘C).', tone: 'error' });
    }
  }

  return (
    <div className="code-block" ref={box}>
      <ClampedText label={label} className="code-block__clamp">
        <pre className="code-block__text">
          <code>{text}</code>
        </pre>
      </ClampedText>
      <Button size="sm" variant="secondary" className="code-block__copy" onClick={() => void copy()}>
        Copy{' '}
        <span className="visually-hidden">{label}</span>
      </Button>
    </div>
  );
}

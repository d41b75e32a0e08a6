// One text "From other sources" on a table's page: its source as a heading, its text as the source
// writes it — code exactly as stored, plain text with its line breaks, else Markdown
// (programmatic-text-kind.ts) — clamped when it is long.
import type { TableDetail } from '../../../../contract/api-table';
import { ClampedText } from '../../../components/clamped-text';
import { CodeBlock } from '../../../components/code-block';
import { Markdown } from '../../../components/markdown';
import { normalizeSource, programmaticTextKind } from '../programmatic-text-kind';

type ProgrammaticDescription = TableDetail['programmatic_descriptions'][number];

export function ProgrammaticDescription({ description, headingId }: { description: ProgrammaticDescription; headingId: string }) {
  const name = normalizeSource(description.source);
  const kind = programmaticTextKind(description.source);
  return (
    <section className="programmatic" aria-labelledby={headingId} data-testid="programmatic-description" data-kind={kind}>
      <h3 id={headingId} className="programmatic__source">
        {name}
      </h3>
      {kind === 'code' ? (
        <CodeBlock text={description.text} label={`the ${name}`} />
      ) : (
        <ClampedText label={`the ${name}`}>
          {kind === 'plain' ? <p className="programmatic__plain">{description.text}</p> : <Markdown source={description.text} headingsFrom={4} />}
        </ClampedText>
      )}
    </section>
  );
}

import { HighlightedText } from '../../../components/highlighted-text';

/** A field as the search highlighted it (`fragment`, the contract's format), else its plain text. */
export function Highlight({ fragment, text }: { fragment: string | undefined; text: string }) {
  return fragment ? <HighlightedText source={fragment} /> : <>{text}</>;
}

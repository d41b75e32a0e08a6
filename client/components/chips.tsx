export function ChipList({ items, label, tone = 'tag' }: { items: string[]; label: string; tone?: 'tag' | 'badge' }) {
  if (items.length === 0) return null;
  return (
    <ul className="chip-list" aria-label={label}>
      {items.map((item) => (
        <li key={item} className={`chip chip--${tone}`}>
          {item}
        </li>
      ))}
    </ul>
  );
}

import { useRef } from 'preact/hooks';
import { formatCount } from '../format';

export interface TabItem<Id extends string> {
  id: Id;
  label: string;
  count?: number;
}

/** A WAI-ARIA tablist with automatic activation: arrows, Home and End move and select. */
export function Tabs<Id extends string>({
  tabs,
  selected,
  onSelect,
  label,
}: {
  tabs: TabItem<Id>[];
  selected: Id;
  onSelect: (id: Id) => void;
  label: string;
}) {
  const list = useRef<HTMLDivElement>(null);
  const onKeyDown = (event: KeyboardEvent) => {
    const index = tabs.findIndex((tab) => tab.id === selected);
    const moves: Record<string, number> = {
      ArrowRight: index + 1,
      ArrowLeft: index - 1,
      Home: 0,
      End: tabs.length - 1,
    };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    const next = tabs[(target + tabs.length) % tabs.length];
    if (!next) return;
    onSelect(next.id);
    list.current?.querySelector<HTMLElement>(`#tab-${next.id}`)?.focus();
  };
  return (
    <div ref={list} class="tabs" role="tablist" aria-label={label} onKeyDown={onKeyDown}>
      {tabs.map((tab) => (
        <button
          key={tab.id}
          id={`tab-${tab.id}`}
          type="button"
          role="tab"
          aria-selected={tab.id === selected}
          aria-controls={`panel-${tab.id}`}
          tabIndex={tab.id === selected ? 0 : -1}
          onClick={() => onSelect(tab.id)}
        >
          {tab.label}
          {tab.count !== undefined && <span class="tab-count">{formatCount(tab.count)}</span>}
        </button>
      ))}
    </div>
  );
}

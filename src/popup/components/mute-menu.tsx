import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../shared/i18n';
import { durations } from '../format';

export type MuteDuration = 'day' | 'week' | 'forever';

const choices: { id: MuteDuration; label: string }[] = [
  { id: 'day', label: 'mute24Hours' },
  { id: 'week', label: 'mute7Days' },
  { id: 'forever', label: 'muteForGood' },
];

export const untilFor = (duration: MuteDuration, now = Date.now()): number | undefined =>
  duration === 'forever' ? undefined : now + durations[duration];

/** A "Mute" button with a small menu of durations (menu button pattern: arrows, Escape, Home/End). */
export function MuteMenu({ label, onChoose }: { label: string; onChoose: (duration: MuteDuration) => void }) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (open) menu.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
  }, [open]);

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const items = [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const index = items.indexOf(document.activeElement as HTMLElement);
    const next: Record<string, number> = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: items.length - 1 };
    if (event.key === 'Escape' || event.key === 'Tab') close();
    else if (event.key in next) {
      event.preventDefault();
      items[((next[event.key] ?? 0) + items.length) % items.length]?.focus();
    }
  };

  return (
    <div
      class="menu-wrap"
      onFocusOut={(event) => {
        const wrap = event.currentTarget as HTMLElement;
        if (!wrap.contains(event.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <button
        ref={button}
        type="button"
        class="btn btn-primary"
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        {label}
        <span class="caret" aria-hidden="true" />
      </button>
      {open && (
        <div ref={menu} class="menu" role="menu" aria-label={t('muteForHowLong')} onKeyDown={onKeyDown}>
          {choices.map((choice) => (
            <button
              key={choice.id}
              type="button"
              role="menuitem"
              tabIndex={-1}
              onClick={() => {
                close();
                onChoose(choice.id);
              }}
            >
              {t(choice.label)}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}

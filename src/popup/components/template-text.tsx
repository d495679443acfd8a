import { t } from '../../shared/i18n';
import type { DiffPart, TemplatePart } from '../../shared/views';

/** The canned text with the parts that vary between copies shown as slots (hover or focus lists the values). */
export function TemplateText({ parts, fallback }: { parts: TemplatePart[]; fallback: string }) {
  if (parts.length === 0) return <p class="template">{fallback}</p>;
  return (
    <p class="template">
      {parts.map((part, index) =>
        part.kind === 'text' ? (
          part.value
        ) : (
          <span key={index} class="slot" title={part.values.join(' · ')}>
            {part.values[0] ?? '…'}
            {part.values.length > 1 && (
              <span class="slot-more" aria-hidden="true">
                +{part.values.length - 1}
              </span>
            )}
            <span class="visually-hidden"> ({t('slotLabel', part.values.slice(0, 5).join(', '))})</span>
          </span>
        ),
      )}
    </p>
  );
}

/** One copy's text with what differs from the first copy marked as inserted or deleted. */
export function DiffText({ parts, text }: { parts?: DiffPart[]; text: string }) {
  if (!parts) return <p class="copy-text">{text}</p>;
  return (
    <p class="copy-text">
      {parts.map((part, index) => {
        if (part.kind === 'added') return <ins key={index}>{part.value}</ins>;
        if (part.kind === 'removed') return <del key={index}>{part.value}</del>;
        return part.value;
      })}
    </p>
  );
}

/** An initial in a circle, its colour derived from the sender so the same person keeps the same colour. */
export function Avatar({ name, seed, size = 'md' }: { name: string; seed: string; size?: 'sm' | 'md' }) {
  let hash = 0;
  for (const char of seed) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) % 360;
  const initial = [...name.replace(/^[@\s]+/, '')][0]?.toUpperCase() ?? '?';
  return (
    <span class={`avatar avatar-${size}`} style={{ '--hue': String(hash) }} aria-hidden="true">
      {initial}
    </span>
  );
}

/** How values and characters are written in the views' step labels. */

/** x written with 3 significant digits and no trailing zeros (0.12345 → "0.123", 1234 → "1230"). */
export function fmt3(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  const r = Number(x.toPrecision(3));
  return Object.is(r, -0) ? '0' : String(r);
}

const VISIBLE: Readonly<Record<string, string>> = { '\n': '↵', ' ': '␣', '\t': '⇥' };

/** A character made visible in a label: newline ↵, space ␣, tab ⇥, other control characters as U+XXXX. */
export function showChar(c: string): string {
  const v = VISIBLE[c];
  if (v !== undefined) return v;
  const code = c.codePointAt(0) ?? 0;
  if (code < 0x20 || code === 0x7f) return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  return c;
}

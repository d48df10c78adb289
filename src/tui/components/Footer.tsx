/** The bottom line: the keys that work right now (from the keymap), as many as fit. */
import React from 'react';
import { LineView } from '../theme.js';
import { fit, ui, width as widthOf, type Line } from '../lib/text.js';
import type { Hint } from '../keymap.js';

function build(hints: readonly Hint[]): Line {
  const out: Line = [ui(' ')];
  hints.forEach((h, i) => {
    if (i > 0) out.push(ui('  '));
    out.push(ui(h.keys, 'bold'), ui(` ${h.text}`, 'dim'));
  });
  return out;
}

/**
 * Hints come most useful first, ending with "? help" and "q quit". When they do not all fit,
 * the least useful of the middle go first, so help and quit stay visible as long as possible.
 */
export function footerLine(hints: readonly Hint[], cols: number, flash?: string | null): Line {
  if (flash) return fit([ui(' '), ui(flash, 'warn')], cols);
  const keep = [...hints];
  const tail = Math.min(2, keep.length);
  while (keep.length > 0 && widthOf(build(keep)) > cols) {
    const middleLast = keep.length - tail - 1;
    keep.splice(middleLast >= 0 ? middleLast : keep.length - 1, 1);
  }
  return fit(build(keep), cols);
}

/** Re-rendered only when the hints, the width or the message change (not on every key). */
export const Footer = React.memo(function Footer({ hints, width, flash }: { hints: readonly Hint[]; width: number; flash?: string | null }) {
  return <LineView line={footerLine(hints, width, flash)} />;
});

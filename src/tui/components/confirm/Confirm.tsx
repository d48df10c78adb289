/**
 * A confirmation: what will happen, in words, and the keys (y or Enter does it, n or Esc does
 * not). It has no state of its own, so no reducer; the key table maps its keys.
 */
import React from 'react';
import { LineView } from '../../theme.js';
import { fit, ui, type Line } from '../../lib/text.js';

export function confirmLine(width: number): Line {
  return fit([ui(' y', 'bold'), ui('/enter yes   ', 'dim'), ui('n', 'bold'), ui('/esc no', 'dim')], width);
}

export function Confirm({ width }: { width: number }) {
  return <LineView line={confirmLine(width)} />;
}

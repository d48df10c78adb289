/** A search / filter box on one line, with a count (or an error) on the right. */
import React from 'react';
import { LineView } from '../theme.js';
import { cells as stringWidth, fit, ui, data, type Line, type Seg } from '../lib/text.js';

export interface SearchLineProps {
  text: string;
  focused: boolean;
  placeholder: string;
  /** right-hand side: "12 of 31 quotes" */
  status: string;
  error?: string | undefined;
  width: number;
}

export function searchLine({ text, focused, placeholder, status, error, width }: SearchLineProps): Line {
  const right: Seg[] = error ? [ui(' '), data(error, 'bad')] : [ui(' '), ui(status, 'dim')];
  const rightWidth = Math.min(stringWidth(right.map((s) => s.text).join('')), Math.floor(width / 2));
  const rightFit = fit(right, rightWidth);
  const leftCols = width - rightWidth - 1;
  const left: Seg[] = [ui(' / ', focused ? 'selected' : 'dim')];
  if (text) left.push(data(text, 'bold'));
  if (focused) left.push(ui('▌', 'selected'));
  if (!text && !focused) left.push(ui(placeholder, 'dim'));
  // when the query is longer than the box, show its end (where the typing is); a placeholder its start
  const leftFit = text ? fitEnd(left, leftCols) : fit(left, leftCols);
  const gap = Math.max(0, width - widthOfLine(leftFit) - widthOfLine(rightFit));
  return fit([...leftFit, ui(' '.repeat(gap)), ...rightFit], width);
}

function widthOfLine(l: readonly Seg[]): number {
  return stringWidth(l.map((s) => s.text).join(''));
}

function fitEnd(line: Seg[], cols: number): Seg[] {
  if (widthOfLine(line) <= cols) return line;
  const [prompt, ...rest] = line;
  const text = rest.map((s) => s.text).join('');
  const room = cols - stringWidth(prompt!.text) - 1;
  const chars = Array.from(text);
  while (chars.length && stringWidth(chars.join('')) > room) chars.shift();
  return [prompt!, ui('…', 'dim'), ui(chars.join(''), 'bold')];
}

export function SearchLine(props: SearchLineProps) {
  return <LineView line={searchLine(props)} />;
}

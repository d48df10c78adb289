/**
 * How styles look. With colour: colours plus bold/underline. Without (NO_COLOR, FORCE_COLOR=0,
 * a dumb terminal): chalk drops every attribute, so anything that carries meaning also has a
 * text form (">" for the selection, "[x]" for choices, "»…«" around a quote in its paragraph,
 * written marks in the comparison). `plain` tells the builders to add those text forms.
 */
import React, { createContext, useContext, type ReactNode } from 'react';
import { Box, Text } from 'ink';
import type { Line, Style } from './lib/text.js';
import { inert } from '../core/sanitize.js';

export interface Theme {
  /** true when the terminal shows no colours or attributes */
  plain: boolean;
}

const ThemeContext = createContext<Theme>({ plain: true });

export function ThemeProvider({ theme, children }: { theme: Theme; children: ReactNode }) {
  return <ThemeContext.Provider value={theme}>{children}</ThemeContext.Provider>;
}

export function useTheme(): Theme {
  return useContext(ThemeContext);
}

type TextProps = React.ComponentProps<typeof Text>;

const STYLES: Record<Style, TextProps> = {
  match: { color: 'yellow', bold: true, underline: true },
  span: { color: 'cyan', bold: true, underline: true },
  dim: { dimColor: true },
  bold: { bold: true },
  label: { color: 'gray' },
  title: { bold: true, color: 'white' },
  selected: { color: 'cyan', bold: true },
  good: { color: 'green', bold: true },
  bad: { color: 'red', bold: true },
  warn: { color: 'yellow' },
  accent: { color: 'magenta' },
};

/** True when two lines draw the same (lines are rebuilt on every render; most do not change). */
export function sameLine(a: Line, b: Line): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i]!.text !== b[i]!.text || a[i]!.style !== b[i]!.style) return false;
  return true;
}

/**
 * One line of styled segments. The text must already fit the width (see lib/text.ts). Every
 * segment passes inert() once more on its way to the screen: data segments were made inert when
 * built (so idempotent here), and a segment built from data by mistake still cannot drive the
 * terminal. Memoised by content: a line that did not change is not re-rendered, and Ink does not
 * measure it again.
 */
export const LineView = React.memo(function LineView({ line }: { line: Line }) {
  if (line.length === 0) return <Text> </Text>;
  return (
    <Text wrap="truncate-end">
      {line.map((s, i) =>
        s.style ? (
          <Text key={i} {...STYLES[s.style]}>
            {inert(s.text)}
          </Text>
        ) : (
          inert(s.text)
        ),
      )}
    </Text>
  );
}, (a, b) => sameLine(a.line, b.line));

/** Exactly `height` lines (the rest blank), never more. */
export function Lines({ lines, height }: { lines: readonly Line[]; height: number }) {
  const shown = lines.slice(0, Math.max(0, height));
  const blanks = Math.max(0, height - shown.length);
  return (
    <>
      {shown.map((l, i) => (
        <LineView key={i} line={l} />
      ))}
      {blanks > 0 ? <Box height={blanks} /> : null}
    </>
  );
}

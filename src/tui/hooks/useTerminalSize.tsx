/**
 * The one place that knows how big the terminal is. Components ask `useTerminalSize()`; nothing
 * else reads stdout.columns/rows. Re-renders on resize. Tests (and embedders) can fix the size
 * with <TerminalSizeProvider size={...}>.
 */
import React, { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { useStdout } from 'ink';

export interface TerminalSize {
  columns: number;
  rows: number;
}

export const MIN_COLUMNS = 20;
export const MIN_ROWS = 6;
const FALLBACK: TerminalSize = { columns: 80, rows: 24 };

const SizeOverride = createContext<TerminalSize | null>(null);

export function TerminalSizeProvider({ size, children }: { size?: TerminalSize | undefined; children: ReactNode }) {
  return <SizeOverride.Provider value={size ?? null}>{children}</SizeOverride.Provider>;
}

function read(stdout: NodeJS.WriteStream): TerminalSize {
  const columns = stdout.columns > 0 ? stdout.columns : FALLBACK.columns;
  const rows = stdout.rows > 0 ? stdout.rows : FALLBACK.rows;
  return { columns, rows };
}

export function useTerminalSize(): TerminalSize {
  const override = useContext(SizeOverride);
  const { stdout } = useStdout();
  const [size, setSize] = useState(() => read(stdout));
  useEffect(() => {
    if (override) return;
    const onResize = () => {
      const next = read(stdout);
      setSize((prev) => (prev.columns === next.columns && prev.rows === next.rows ? prev : next));
    };
    onResize();
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout, override]);
  const s = override ?? size;
  return { columns: Math.max(MIN_COLUMNS, s.columns), rows: Math.max(MIN_ROWS, s.rows) };
}

/**
 * Colour and text attributes for the text printers, without chalk (the print path stays light).
 * Whether they are on is decided in core (colorEnabled, shared with the dashboard): off when
 * stdout is not a terminal, under NO_COLOR, FORCE_COLOR=0 or TERM=dumb; FORCE_COLOR=1..3 turns
 * it on for a pipe.
 */
export interface Style {
  readonly on: boolean;
  bold(s: string): string;
  dim(s: string): string;
  /** a matched part of the text */
  match(s: string): string;
  /** a heading or a name */
  head(s: string): string;
  /** an agree/conflict/... mark */
  mark(s: string, kind: 'good' | 'bad' | 'warn' | 'none'): string;
}

const sgr = (open: string, close: string) => (s: string) => (s ? `\u001b[${open}m${s}\u001b[${close}m` : s);
const id = (s: string) => s;

export function makeStyle(on: boolean): Style {
  if (!on) return { on, bold: id, dim: id, match: id, head: id, mark: (s) => s };
  const colours = { good: '32', bad: '31', warn: '33', none: '2' };
  return {
    on,
    bold: sgr('1', '22'),
    dim: sgr('2', '22'),
    match: sgr('1;4', '22;24'),
    head: sgr('1;36', '22;39'),
    mark: (s, kind) => sgr(colours[kind], kind === 'none' ? '22' : '39')(s),
  };
}

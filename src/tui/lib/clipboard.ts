/**
 * Copying through the terminal: OSC 52 asks the terminal to put text on the clipboard, and it
 * travels wherever the terminal's output goes (ssh, mosh). tmux takes it when its
 * `set-clipboard` option is on (then it is in tmux's paste buffer and, where the outer terminal
 * allows, the system clipboard). Pure: builds the sequence; the App writes it.
 */

/** The OSC 52 sequence that sets the clipboard to `text`. */
export function osc52(text: string): string {
  return `\u001b]52;c;${Buffer.from(text, 'utf8').toString('base64')}\u0007`;
}

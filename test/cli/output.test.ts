/** Colour, NO_COLOR, width, and hostile text from data in every format. */
import { beforeAll, describe, expect, it } from 'vitest';
import { ANSI, csvObjects, ensureBuilt, HOSTILE, MINI, run, TERMINAL_UNSAFE } from './helpers.js';

beforeAll(ensureBuilt, 120_000);

describe('colour', () => {
  const args = ['search', 'relief', '--data', MINI];
  it('none when piped', () => {
    expect(run(args).stdout).not.toMatch(ANSI);
  });
  it('FORCE_COLOR turns it on (bold names, matched words underlined)', () => {
    const r = run(args, { env: { FORCE_COLOR: '1' } });
    expect(r.stdout).toMatch(ANSI);
    expect(r.stdout).toContain('\u001b[1;4mrelief\u001b[22;24m');
  });
  it('NO_COLOR wins over FORCE_COLOR, in every command', () => {
    for (const a of [args, ['actors', '--data', MINI], ['compare', 'colour', 'us help', '--data', MINI], ['timeline', '--data', MINI], ['narratives', '--data', MINI], ['validate', MINI]]) {
      const r = run(a, { env: { FORCE_COLOR: '1', NO_COLOR: '1' } });
      expect(r.code, a.join(' ')).toBe(0);
      expect(r.stdout, a.join(' ')).not.toMatch(ANSI);
    }
  });
  it('an empty NO_COLOR does not count (as the convention says)', () => {
    expect(run(args, { env: { FORCE_COLOR: '1', NO_COLOR: '' } }).stdout).toMatch(ANSI);
  });
  it('machine formats never carry colour', () => {
    for (const f of ['json', 'ndjson', 'csv', 'markdown']) expect(run([...args, '-f', f], { env: { FORCE_COLOR: '1' } }).stdout).not.toMatch(ANSI);
  });
});

describe('text from data cannot drive the terminal', () => {
  const d = ['--data', HOSTILE];
  const commands = [
    ['search', 'win | wrong | hyperlink'],
    ['search', ''],
    ['actors'],
    ['actors', 'minister'],
    ['narratives'],
    ['narratives', 'win'],
    ['compare', 'n-a', 'n-b'],
    ['timeline'],
  ];
  it('text, CSV and Markdown show escape sequences, C1 and bidi controls inert', () => {
    for (const c of commands) {
      for (const f of ['text', 'csv', 'markdown']) {
        for (const color of [undefined, '1']) {
          const r = run([...c, ...d, '-f', f], { env: { FORCE_COLOR: color, COLUMNS: '100' } });
          expect(r.code, `${c.join(' ')} -f ${f}`).toBe(0);
          // our own SGR codes are allowed when colour is on; nothing else
          const withoutOurs = r.stdout.replace(/\u001b\[[0-9;]*m/g, '');
          expect(withoutOurs, `${c.join(' ')} -f ${f}`).not.toMatch(TERMINAL_UNSAFE);
          expect(r.stdout).not.toContain('\u001b]0;'); // no OSC title change
        }
      }
    }
    const t = run(['search', 'win', ...d]).stdout;
    expect(t).toContain('␛[31mwin␛[0m'); // visible, not executed
    expect(run(['search', 'wrong', ...d]).stdout).toContain('<U+202E>gnorw si siht<U+202C> and <U+009B>2J gone');
    // 48 runs of the built command: allow for a busy machine (they took 34 s at a load of 20 on 2 cores)
  }, 180_000);

  it('JSON keeps the exact data (escaped), and stays inert on a terminal', () => {
    for (const c of commands) {
      for (const f of ['json', 'ndjson']) {
        const r = run([...c, ...d, '-f', f]);
        expect(r.stdout, `${c.join(' ')} -f ${f}`).not.toMatch(TERMINAL_UNSAFE);
      }
    }
    const q = JSON.parse(run(['search', 'wrong', ...d, '-f', 'json']).stdout)[0];
    expect(q.text).toBe('\u202egnorw si siht\u202c and \u009b2J gone');
    const a = JSON.parse(run(['actors', 'minister', ...d, '-f', 'json']).stdout);
    expect(a.name).toBe('Evil \u001b[1mMinister\u001b[0m');
  });

  it('CSV guards against spreadsheet formulas', () => {
    const rows = csvObjects(run(['search', 'kind:term', ...d, '-f', 'csv']).stdout);
    expect(rows[0]!.text).toBe("'=HYPERLINK(1)");
  });

  it('errors that quote data are inert too', () => {
    const r = run(['actors', '\u001b[2Jzz', ...d]);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(TERMINAL_UNSAFE);
    expect(r.stderr).toContain('␛[2Jzz');
  });
});

describe('width', () => {
  it('text fits the terminal width for every command', () => {
    for (const cols of ['40', '60', '100']) {
      for (const c of [['search', 'protests'], ['actors'], ['actors', 'zakharova'], ['narratives'], ['compare', 'colour', 'us help', 'little'], ['timeline']]) {
        const r = run([...c, '--data', MINI], { env: { COLUMNS: cols } });
        for (const line of r.stdout.split('\n')) {
          expect([...line].length, `${c.join(' ')} at ${cols}: ${line}`).toBeLessThanOrEqual(Number(cols));
        }
      }
    }
  });
  it('wide characters count double', () => {
    const r = run(['search', 'relief', '--data', MINI], { env: { COLUMNS: '40' } });
    expect(r.code).toBe(0);
  });
});

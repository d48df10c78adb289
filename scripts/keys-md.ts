/**
 * Prints the dashboard's keys as Markdown, from the one key table (src/tui/keymap.ts). The README's
 * key section is this output; test/readme.test.ts keeps the two identical.
 *
 *   npx tsx scripts/keys-md.ts
 */
import { helpSections } from '../src/tui/keymap.js';

export function keysMarkdown(): string {
  const out: string[] = [];
  for (const s of helpSections()) {
    out.push(`**${s.title}**`, '', '| keys | what they do |', '| --- | --- |');
    for (const r of s.rows) out.push(`| ${r.keys.replace(/\|/g, '\\|')} | ${r.description.replace(/\|/g, '\\|')} |`);
    out.push('');
  }
  return out.join('\n').trimEnd() + '\n';
}

if (import.meta.url === `file://${process.argv[1]}`) process.stdout.write(keysMarkdown());

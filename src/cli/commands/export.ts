/**
 * `narrative-lens export --format qdpx|stix|navigator [--out FILE]`: the corpus (or the study) for
 * QDA tools (REFI-QDA), threat-intelligence platforms (STIX 2.1 with DISARM) and the ATT&CK
 * Navigator. A thin shell over core/export.
 */
import { exportNavigator, navigatorJson, NavigatorExportError } from '../../core/export/navigator.js';
import { exportQdpx } from '../../core/export/qdpx.js';
import { exportStix, StixExportError, stixJson } from '../../core/export/stix.js';
import { EXIT, UsageError } from '../errors.js';
import { exchangeInput } from '../exchange-input.js';
import type { GlobalArgs } from '../options.js';
import { refuseTerminal, writeOutFile } from '../out-file.js';
import type { Session } from '../session.js';
import { EXPORT_FORMATS, PROG, type ExportFormat } from '../spec.js';
import { count } from '../../core/count.js';

export interface ExportArgs extends Omit<GlobalArgs, 'format'> {
  format?: string;
  out?: string;
  force?: boolean;
  user?: string;
  title?: string;
}

const EXTENSION: Record<string, ExportFormat> = { '.qdpx': 'qdpx', '.stix.json': 'stix', '.layer.json': 'navigator' };

/** --format, or what the --out file's name says (x.qdpx, x.stix.json, x.layer.json). */
function formatOf(a: ExportArgs): ExportFormat {
  const f = a.format === 'text' ? undefined : a.format; // 'text' is the global default, not a choice here
  if (f !== undefined) {
    if (!(EXPORT_FORMATS as readonly string[]).includes(f)) throw new UsageError(`export cannot write --format ${f}`, `choose one of ${EXPORT_FORMATS.join(', ')} (search, actors, … print json, csv and markdown)`);
    return f as ExportFormat;
  }
  const byName = a.out && Object.entries(EXTENSION).find(([ext]) => a.out!.toLowerCase().endsWith(ext));
  if (byName) return byName[1];
  throw new UsageError('export needs --format qdpx, stix or navigator', `for example: ${PROG} export --format qdpx --out study.qdpx`);
}

export async function run(a: ExportArgs, session: Session): Promise<number> {
  const format = formatOf(a);
  if (format === 'qdpx' && !a.out) throw new UsageError('a .qdpx project is a zip archive: give --out FILE.qdpx', `for example: ${PROG} export --format qdpx --out study.qdpx`);
  const input = await exchangeInput(a.data, session, a.title);
  let content: string | Uint8Array;
  try {
    content = format === 'qdpx' ? exportQdpx(input, a.user ? { user: a.user } : {}) : format === 'stix' ? stixJson(exportStix(input)) : navigatorJson(exportNavigator(input));
  } catch (err) {
    if (err instanceof StixExportError || err instanceof NavigatorExportError) throw new UsageError(err.message);
    throw err;
  }
  // a zip's bytes on a terminal would be read by it as escape sequences (--out -, /dev/stdout, /dev/tty)
  const binary = format === 'qdpx' ? 'a .qdpx project is a zip archive' : undefined;
  if (a.out && a.out !== '-') {
    await writeOutFile(a.out, content, a.force ?? false, { binary });
    process.stderr.write(`${PROG}: wrote ${a.out} (${format}: ${count(input.articles.length, 'article')}, ${count(input.narratives.length, 'narrative')}, ${count(input.quotes.length, 'quote')})\n`);
  } else {
    refuseTerminal(binary, process.stdout.isTTY === true, '-');
    process.stdout.write(content);
  }
  return EXIT.found;
}

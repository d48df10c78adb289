/**
 * Turning names typed on the command line into actors and narratives (the core's resolveName:
 * one behaviour for `actors NAME`, `narratives NAME`, `compare`, `--actor`, `--compare`), or a
 * helpful error. A typo that was forgiven is said on stderr, so nobody is misled about what ran.
 */
import { actorNames, narrativeNames, resolveName, type Resolved } from '../core/search/names.js';
import type { Corpus } from '../core/corpus/corpus.js';
import type { Actor, Narrative } from '../core/corpus/schema.js';
import { inert } from '../core/sanitize.js';
import { clip, UsageError } from './errors.js';
import { PROG } from './spec.js';

function resolve<T extends { id: string }>(found: Resolved<T>, what: string, input: string, label: (t: T) => string, listCmd: string): T {
  const typed = clip(input);
  if (found.found) {
    if (found.fit === 'typo') process.stderr.write(`${PROG}: ${inert(`"${typed}" taken as ${label(found.found)} (${found.found.id})`)}\n`);
    return found.found;
  }
  const names = found.closest.map((t) => `${label(t)} (${t.id})`).join(', ');
  if (found.ambiguous) {
    throw new UsageError(`"${typed}" matches several ${what}s: ${names}`, `be more specific, or give an id; list them all with: ${PROG} ${listCmd}`);
  }
  throw new UsageError(`unknown ${what} "${typed}"${names ? `; closest: ${names}` : ''}`, `list them all with: ${PROG} ${listCmd}`);
}

export function resolveActor(corpus: Corpus, typed: string): Actor {
  return resolve(resolveName(corpus.actors, typed, actorNames), 'actor', typed, (a) => a.name, 'actors');
}

export function resolveNarrative(corpus: Corpus, typed: string): Narrative {
  return resolve(resolveName(corpus.narratives, typed, narrativeNames), 'narrative', typed, (n) => n.label, 'narratives');
}

/**
 * The 20 queries the benchmark's scripted user types, one character at a time: plain words,
 * typos, names, field qualifiers and fzf's extended syntax.
 */
export const QUERIES: readonly string[] = [
  'colour revolution', // British spelling of the text's "color"
  'zakarova', // a name with a typo
  'protests iran',
  'sigh of relif', // typo
  'speaker:smagin relief',
  'kremlin | moscow',
  "'sanctions",
  '^the protests',
  'help is on the way',
  'kind:direct ukraine',
  'foreign agents',
  'death toll',
  '!russia iran',
  'narrative:colour',
  'destabilise',
  'internet shutdown',
  'bondarev',
  'reform advice',
  'security forces killed',
  'western countries pressure',
];

/**
 * Below this confidence an extractor's attribution is shown as unsure (check the speaker).
 * A module of its own, without the schema: the dashboard reads it while drawing its first frame,
 * and importing it from schema.ts loaded zod and built every schema first (see schema.ts).
 */
export const LOW_CONFIDENCE = 0.6;

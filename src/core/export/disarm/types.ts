/** The slice of the DISARM framework narrative-lens carries (generated into catalogue.ts). */
export interface DisarmTactic {
  /** "TA01" */
  id: string;
  /** "plan-strategy": the kill-chain phase name techniques point at, and ATT&CK Navigator's tactic */
  shortname: string;
  name: string;
}

export interface DisarmTechnique {
  /** "T0002" or, for a sub-technique, "T0014.001" */
  id: string;
  name: string;
  description: string;
  /** tactic id ("TA01") */
  tactic: string;
  /** the framework's own attack-pattern id, so exports refer to the same STIX object */
  stixId: string;
  created: string;
  modified: string;
}

export interface DisarmCatalogue {
  source: string;
  matrix: { stixId: string; name: string };
  identity: { stixId: string; name: string; created: string; modified: string };
  marking: Record<string, unknown>;
  tactics: DisarmTactic[];
  techniques: DisarmTechnique[];
}

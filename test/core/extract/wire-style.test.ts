/**
 * Wire copy from outlets other than the development set's (Reuters-, AP-, AFP-style), written here
 * with made-up names: embassies and groups as speakers, a place never a speaker, the credits line
 * naming no actors.
 */
import { describe, expect, it } from 'vitest';
import { draft } from './helpers.js';

const WIRE = `Army says it repelled attack on Tarsa, rebels deny

TARSA (Reuters) - The army said on Saturday it had repelled a major attack by the paramilitary Rapid Shield Forces (RSF) on the city of Tarsa.

The RSF said in a post on Telegram that its fighters had seized two positions. "The claims of the army are lies meant to lift the morale of its soldiers," the group said.

The U.S. Embassy in Kharim said it was "deeply concerned" by the fighting. "We call on both sides to protect civilians," it said.

(Reporting by Khalid Abdel; Writing by Nadia Eltam; Editing by Alex Richman)
`;

describe('wire copy', () => {
  const d = draft(WIRE);
  it('"The U.S. Embassy in Kharim said" is the embassy, not the city; its "it said" too', () => {
    expect(d.speaker(d.quote('deeply concerned'))).toBe('U.S. Embassy');
    expect(d.speaker(d.quote('We call on both sides to protect civilians,'))).toBe('U.S. Embassy');
    expect(d.file.actors.map((a) => a.name)).not.toContain('Kharim');
  });
  it('"the group said" is the organisation named last', () => {
    expect(d.speaker(d.quote('The claims of the army are lies meant to lift the morale of its soldiers,'))).toBe('Rapid Shield Forces');
  });
  it('the credits line names no actors', () => {
    const names = d.file.actors.map((a) => a.name);
    for (const n of ['Khalid Abdel', 'Nadia Eltam', 'Alex Richman']) expect(names).not.toContain(n);
  });
});

const FLOODS = `Floods kill dozens in northern province

The interior ministry said in a statement that 3,000 rescuers had been deployed. "All available resources have been mobilised," the statement said.

An official at the ministry of agriculture, who asked not to be named, said crop losses could exceed $200m. "The harvest in the valley is gone," the official said.

"We lost everything," said Petar Ilko, 61, a farmer from the village of Dolno. "My house, my animals, everything."
`;

describe('wire copy: statements and unnamed officials', () => {
  const d = draft(FLOODS);
  it('"X said in a statement … “…,” the statement said": X, unsure', () => {
    const q = d.quote('All available resources have been mobilised,');
    expect(d.speaker(q)).toBe('interior ministry');
    expect(q.attribution!.confidence).toBeLessThan(0.6);
  });
  it('"An official …, who asked not to be named, … “…,” the official said" is not the farmer named after, whose age precedes his role', () => {
    expect(d.speaker(d.quote('The harvest in the valley is gone,'))).not.toBe('Petar Ilko');
    expect(d.actor('Petar Ilko').role).toBe('farmer from the village of Dolno');
  });
});

describe('outlets that relay', () => {
  it('"The newspaper quoted a senior civil servant as saying: “…”" is the civil servant\'s, not the newspaper\'s', () => {
    const d = draft('Leak\n\nThe newspaper quoted a senior civil servant as saying: "The minister was warned at least five times."\n');
    const q = d.quote('The minister was warned at least five times.');
    expect(d.speaker(q)).toBe('senior civil servant');
  });
  it('"Interfax quoted him as saying “…”": the one quoted, and "X was quoted by TASS as saying" still X', () => {
    const d = draft('Talks\n\nSergei Lavrik spoke in Geneva.\n\nLavrik was quoted by the state news agency TASS as saying that "the talks were useful." Interfax later quoted him as saying "we will see."\n');
    expect(d.speaker(d.quote('the talks were useful.'))).toBe('Sergei Lavrik');
    expect(d.speaker(d.quote('we will see.'))).toBe('Sergei Lavrik');
  });
});

describe('business copy', () => {
  const text = `Automaker to cut jobs

DETROIT (AP) — Norvik Motors said Tuesday it will cut 5,000 jobs worldwide.

The company said most of the cuts would come from its plants in Ohio. "The cuts are final," the company said.

Analysts were divided. "The cuts were overdue," said Mark Speer of Stanford Research, while Julia Kem, an analyst at Morgan Capital, called them "a sign of panic."
`;
  const d = draft(text);
  it('"while X, an analyst at Y, called them “…”" is X\'s, not the earlier speaker\'s', () => {
    expect(d.speaker(d.quote('a sign of panic.'))).toBe('Julia Kem');
  });
  it('businesses by their names ("Norvik Motors", "Morgan Capital"); "the company" is the last one named', () => {
    expect(d.actor('Norvik Motors').kind).toBe('organisation');
    expect(d.speaker(d.quote('The cuts are final,'))).toBe('Norvik Motors');
  });
});

describe('local office titles', () => {
  it('"Councilwoman X", "Assemblyman Y", "Sheriff Z" are titles, not part of the name; "the councilwoman" is X later', () => {
    const text = 'Budget\n\n"Nobody gets everything," Councilwoman Nithya Ramen said. "Sheriff Alex Villa is wrong," Assemblyman Rob Reyna said.\n\n"That is how budgets work," the councilwoman said.\n';
    const d = draft(text);
    expect(d.speaker(d.quote('Nobody gets everything,'))).toBe('Nithya Ramen');
    expect(d.speaker(d.quote('Sheriff Alex Villa is wrong,'))).toBe('Rob Reyna');
    expect(d.speaker(d.quote('That is how budgets work,'))).toBe('Nithya Ramen');
  });
});

describe('people described in words no list knows', () => {
  const text = 'Strike\n\n"This strike hurts everyone," Economy Minister Sophie Hermes said.\n\n"I have a mortgage to pay," said one docker, who gave only his first name. "How long can we go on?"\n\n"It is hard," a 45-year-old crane operator said.\n\nShipping group Maersky said it had diverted vessels.\n';
  const d = draft(text);
  it('"“…,” said one docker" is the docker, not the minister quoted before; so is the passage after it', () => {
    expect(d.speaker(d.quote('I have a mortgage to pay,'))).toBe('one docker');
    expect(d.speaker(d.quote('How long can we go on?'))).toBe('one docker');
    expect(d.speaker(d.quote('It is hard,'))).toBe('45-year-old crane operator');
  });
  it('"Shipping group X" is an organisation', () => {
    expect(d.actor('Maersky').kind).toBe('organisation');
  });
  it('with no speaker found after "“…,” said", the last speaker does not take the words', () => {
    const d2 = draft('Strike\n\n"This hurts," Sophie Hermes said.\n\n"We are tired," said the 40 or so men on the night shift.\n');
    expect(d2.speaker(d2.quote('We are tired,'))).not.toBe('Sophie Hermes');
  });
});

describe('relayed words: citing, quoted as saying, datelines', () => {
  const text = `Iran says it seized tanker

DUBAI (Reuters) - Iran's Revolutionary Guards seized a foreign tanker in the Gulf on Thursday, state media reported.

The tanker was carrying "smuggled fuel," the semi-official Tasnim news agency reported, citing a local official.

"The ship was seized on judicial orders," the official, Ali Salehy, was quoted as saying by Tasnim.

Bloomberg, citing people familiar with the matter, reported that the tanker was bound for Singapore.
`;
  const d = draft(text);
  it('"“…,” the agency reported, citing a local official" is the official\'s, marked as a description', () => {
    expect(d.speaker(d.quote('smuggled fuel,'))).toBe('local official');
  });
  it('"“…,” the official, Ali Salehy, was quoted as saying by Tasnim" is Salehy\'s', () => {
    expect(d.speaker(d.quote('The ship was seized on judicial orders,'))).toBe('Ali Salehy');
  });
  it('the dateline\'s place is no actor; Bloomberg is an outlet', () => {
    const names = d.file.actors.map((a) => a.name);
    expect(names).not.toContain('DUBAI');
    expect(d.actor('Bloomberg').kind).toBe('outlet');
  });
});

describe('crowds and groups', () => {
  const text = 'Protest\n\nThousands of protesters gathered outside parliament on Saturday. "We want new elections," they chanted.\n\n"Some threw stones," police spokeswoman Anna Borg said.\n\nStudents were among the crowd. "We are the future," said one of them, Ola, 21.\n';
  const d = draft(text);
  it('"Thousands of protesters gathered. “…,” they chanted": the protesters', () => {
    expect(d.speaker(d.quote('We want new elections,'))).toMatch(/protesters/);
  });
  it('"said one of them, Ola, 21": Ola', () => {
    expect(d.speaker(d.quote('We are the future,'))).toBe('Ola');
  });
});

describe('datelines', () => {
  it('"BERLIN — Chancellor X defended …, calling it „…“" is X\'s, not the city\'s', () => {
    const d = draft('Budget\n\nBERLIN — Chancellor Fritz Merk defended his government\'s budget on Wednesday, calling it „a plan for growth“.\n\nMOSCOW, March 3 (Reuters) - Foreign Minister Sergei Lavrik called the plan "a provocation" on Monday.\n');
    expect(d.speaker(d.quote('a plan for growth'))).toBe('Fritz Merk');
    expect(d.speaker(d.quote('a provocation'))).toBe('Sergei Lavrik');
    const names = d.file.actors.map((a) => a.name);
    expect(names).not.toContain('BERLIN');
    expect(names).not.toContain('MOSCOW');
  });
});

describe('rulings, appositives and embedded passages', () => {
  it('"A federal judge blocked …, ruling that the government had “…”" is the judge\'s', () => {
    const d = draft('Court\n\nA federal judge on Friday blocked the flights, ruling that the government had "failed to follow the law."\n');
    expect(d.speaker(d.quote('failed to follow the law.'))).toBe('federal judge');
  });
  it('"Lee X, an ACLU lawyer who argued the case, … He said: “…”" is Lee X (the description is his)', () => {
    const d = draft('Court\n\nKaren Lett, the press secretary, spoke first.\n\nLee Gelman, an ACLU lawyer who argued the case, called the decision "a critical victory." He said: "The court made clear that no one is above the law."\n');
    expect(d.speaker(d.quote('The court made clear that no one is above the law.'))).toBe('Lee Gelman');
  });
  it('a passage right after a word of the narrator\'s sentence is not the last speaker\'s', () => {
    const d = draft('Voters\n\n"We will appeal," the court spokesman Tom Reed said.\n\nOhio removed voters in what is being criticized as a "use it or lose it" approach to voting.\n');
    expect(d.speaker(d.quote('use it or lose it'))).toBeNull();
  });
  it('"She continued, “…”" and "A cashier who “…” is held accountable, Warren said."', () => {
    const d = draft('Bank\n\nSen. Ellen Warrick grilled the bank\'s chief.\n\nA cashier who "steals a handful of $20s" is held accountable, Warrick said.\n\nShe continued, "For us, all we are asking for is an opportunity."\n');
    expect(d.speaker(d.quote('steals a handful of $20s'))).toBe('Ellen Warrick');
    expect(d.speaker(d.quote('For us, all we are asking for is an opportunity.'))).toBe('Ellen Warrick');
  });
});

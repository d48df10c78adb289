/**
 * Attribution patterns of US political copy (found on PolNeAR's development split, written here
 * with made-up names): each a sentence or two, with the speaker a reader would name.
 */
import { describe, expect, it } from 'vitest';
import { draft } from './helpers.js';

const speakerOf = (text: string, quote: string) => {
  const d = draft(text);
  const q = d.quote(quote);
  return { speaker: d.speaker(q), rule: q.attribution?.rule, kind: q.kind };
};

describe('speakers in US political copy', () => {
  it('a name that opens with a word that is also a place or law word ("Bill") is a person', () => {
    expect(speakerOf('Budget\n\nBill Hanson said the plan was "a crazy system."\n', 'a crazy system.')).toMatchObject({ speaker: 'Bill Hanson', kind: 'direct' });
    // "the Bill of Rights" is still no speaker
    expect(draft('Rights\n\nThe Bill of Rights protects speech.\n').file.actors.map((a) => a.name)).not.toContain('Bill of Rights');
  });

  it('a middle initial stays inside the name', () => {
    expect(speakerOf('Taxes\n\n"There is some thought here," said Representative Carl B. Ostrow of Ohio.\n', 'There is some thought here,').speaker).toBe('Carl B. Ostrow');
  });

  it('a party and state in brackets between the name and "said"', () => {
    expect(speakerOf('Vote\n\n"It is a dog whistle," Rep. Gwen Ortiz (D-Wis.) said Friday.\n', 'It is a dog whistle,')).toMatchObject({ speaker: 'Gwen Ortiz', rule: 'quote-speaker-verb' });
  });

  it('an organisation before a role and a name describes the person', () => {
    expect(speakerOf('Health\n\n"We will act soon," White House press secretary Jon Ames said on Monday.\n', 'We will act soon,').speaker).toBe('Jon Ames');
  });

  it('a broadcast role before a name ("MSNBC host …")', () => {
    expect(speakerOf('Debate\n\n"He did well," said MSNBC host Carl Ortiz.\n', 'He did well,').speaker).toBe('Carl Ortiz');
  });

  it('a quotation signed with a dash at the end of its paragraph', () => {
    const text = 'Readers respond\n\n"He scares me." ― Dana Ruiz\n"We can do better than this." ― Omar Haddad.\nThe poll closes Friday.\n';
    expect(speakerOf(text, 'He scares me.')).toMatchObject({ speaker: 'Dana Ruiz', rule: 'dash-signature' });
    expect(speakerOf(text, 'We can do better than this.').speaker).toBe('Omar Haddad');
  });

  it('but a dash followed by more than a name signs nothing', () => {
    expect(speakerOf('Rally\n\nThe crowd chanted "lock her up" — Dana Ruiz among them — for an hour.\n', 'lock her up').rule).not.toBe('dash-signature');
  });

  it('"He said:" closing a paragraph gives the next paragraph\'s quotation its speaker', () => {
    expect(speakerOf('Rally\n\nDonald Hale spoke to supporters on Monday.\n\nHe said:\n\n"We have a situation here."\n', 'We have a situation here.')).toMatchObject({ speaker: 'Donald Hale', rule: 'paragraph-colon:pronoun' });
  });

  it('the owner of a claim speaks the words quoted after it', () => {
    expect(speakerOf('Fact check\n\nThe site checked Donald Hale’s claim that there were "thousands of shootings" this year.\n', 'thousands of shootings')).toMatchObject({ speaker: 'Donald Hale', rule: 'speech-noun', kind: 'direct' });
  });

  it('"the claim that …" with no owner gives nobody the words', () => {
    expect(speakerOf('Fact check\n\nThe site checked the claim that there were "thousands of shootings" this year.\n', 'thousands of shootings').speaker).toBeNull();
  });

  it('the subject characterises someone "as" the quoted words', () => {
    expect(speakerOf('Senate\n\nSenate leader Harry Brandt (D-Nev.), in particular, has been pounding Hale as a "con artist" for weeks.\n', 'con artist')).toMatchObject({ speaker: 'Harry Brandt', rule: 'characterised-as', kind: 'direct' });
  });

  it('but "known as" and a passive are no characterisation by the subject', () => {
    expect(speakerOf('Congress\n\nThe group, known as "the Squad," met on Monday.\n', 'the Squad,').speaker).toBeNull();
    expect(speakerOf('Congress\n\nSenator Ray Hale was seen as "a disaster" in the capital.\n', 'a disaster').speaker).toBeNull();
  });

  it('a passive speech verb with no agent: the subject was described, it did not speak', () => {
    expect(speakerOf('Congress\n\nSenator Ray Hale was described as "a liar" in the capital.\n', 'a liar').speaker).toBeNull();
  });

  it('verbs of attack quote their target\'s words ("likened", "blasted")', () => {
    expect(speakerOf('Climate\n\nAnother critic, Laurence H. Tribble, likened the rules to "burning the Constitution" on Monday.\n', 'burning the Constitution').speaker).toBe('Laurence H. Tribble');
  });

  it('a party and state after a comma: "Connell, R-Ky., said"', () => {
    expect(speakerOf('Veto\n\n"The veto will be overridden," Senate leader Mitch Connell, R-Ky., said Tuesday.\n', 'The veto will be overridden,').speaker).toBe('Mitch Connell');
  });

  it('a headline in title case: a capitalised speech verb after the name', () => {
    expect(speakerOf('Dana Ruiz Speaks ‘Directly To Voters’ After Shooting\n\nDana Ruiz spoke on Tuesday.\n', 'Directly To Voters').speaker).toBe('Dana Ruiz');
  });

  it('a passage coordinated with an attributed one shares its speaker', () => {
    const text = 'Senate\n\nHarry Brandt has gone after Hale as a "human leech who will bleed the country" and a "spoiled brat."\n';
    expect(speakerOf(text, 'spoiled brat.')).toMatchObject({ speaker: 'Harry Brandt', rule: 'coordinated-quote' });
  });

  it('a speech noun before a colon: the clause\'s subject speaks', () => {
    expect(speakerOf('Campaign\n\nPresident Ray Obaro is rolling out a new campaign message: "It is about me."\n', 'It is about me.')).toMatchObject({ speaker: 'Ray Obaro', rule: 'noun-colon' });
  });

  it('"exhorted" reports speech', () => {
    expect(speakerOf('Convention\n\nTed Cole exhorted delegates to "vote your conscience" and left.\n', 'vote your conscience').speaker).toBe('Ted Cole');
  });

  it('"New" opens a name ("The New York Times"), a party adjective alone is no actor, its plural is a group', () => {
    const d = draft('Polls\n\nThe New York Times reported the poll. "It is close," said Republican strategist Al Berg. "We will see," Democrats said.\n');
    expect(d.file.actors.map((a) => a.name)).toContain('New York Times');
    expect(d.file.actors.map((a) => a.name)).not.toContain('York Times');
    expect(d.file.actors.map((a) => a.name)).not.toContain('Republican');
    expect(d.actor('Democrats').kind).toBe('group');
  });

  it('a surname that is also a country is the person already named', () => {
    const text = 'Hearing\n\nRep. Jim Jordan (R-Ohio) spoke first. "It is a scandal," Jordan said.\n';
    expect(speakerOf(text, 'It is a scandal,').speaker).toBe('Jim Jordan');
  });

  it('a number word opening a sentence is no actor', () => {
    expect(draft('Arrests\n\nTwenty-two were arrested on Monday, police said.\n').file.actors.map((a) => a.name)).not.toContain('Twenty-two');
  });

  it('a given name tells "she" from the man named just before her', () => {
    const text = 'Town hall\n\nDuring the town hall, Tina Houle had a question for President Ray Obaro.\n\n"My son gave his life," she said.\n';
    expect(speakerOf(text, 'My son gave his life,').speaker).toBe('Tina Houle');
  });

  it('whoever uses a phrase says it', () => {
    expect(speakerOf('Campaign\n\nDonald Hale has used the phrase "Islamic terrorism" often in his campaign.\n', 'Islamic terrorism')).toMatchObject({ speaker: 'Donald Hale', rule: 'used-phrase', kind: 'direct' });
  });

  it('"as X put it"', () => {
    expect(speakerOf('Taxes\n\nAs Steven M. Rosenberg, a tax lawyer, recently put it, "Did he lower his taxes?"\n', 'Did he lower his taxes?')).toMatchObject({ speaker: 'Steven M. Rosenberg', rule: 'put-it' });
  });

  it('"attacked" quotes what is attacked in the speaker\'s words', () => {
    expect(speakerOf('Speech\n\nIn an August speech, Donald Hale attacked "the hateful ideology of his rivals."\n', 'the hateful ideology of his rivals.').speaker).toBe('Donald Hale');
  });

  it('"Secretary of State John Kerry": the title\'s object is no part of the name', () => {
    expect(speakerOf('Sanctions\n\nSecretary of State John Kerrin said the country would take "robust steps" in response.\n', 'robust steps').speaker).toBe('John Kerrin');
  });

  it('a speech verb in an infinitive speaks for the clause\'s subject', () => {
    expect(speakerOf('Tweets\n\nDonald Hale took to Twitter overnight to accuse the campaign of being "duped" by rivals.\n', 'duped').speaker).toBe('Donald Hale');
  });

  it('"retired" before a title and a name, after the quotation', () => {
    expect(speakerOf('Endorsements\n\nRivera "is the only candidate with the experience," retired Air Force general Lloyd Newman said.\n', 'is the only candidate with the experience,').speaker).toBe('Lloyd Newman');
  });

  it('a headline in title case is no actor, so a surname later is not given to it', () => {
    const d = draft('Gold Star Mom Corners Obaro On Terror\n\n"It is not a huge deal," said Obaro.\n');
    expect(d.file.actors.map((a) => a.name)).not.toContain('Gold Star Mom Corners Obaro');
    expect(d.speaker(d.quote('It is not a huge deal,'))).toBe('Obaro');
  });

  it('"President Obaro" and a later "Michelle Obaro" are two people: her name does not take his words', () => {
    const text = 'Campaign\n\nPresident Obaro spoke on Monday. "We will win this," he said. Michelle Obaro also spoke. The president told voters it would be a "personal insult" if they stayed home.\n';
    expect(speakerOf(text, 'We will win this,').speaker).toBe('Obaro');
    expect(speakerOf(text, 'personal insult').speaker).toBe('Obaro');
  });

  it('"Del." (delegate) is a title with its full stop', () => {
    expect(speakerOf('Hearing\n\n"This is a waste of time," said Del. Stacey Plaskin of the Virgin Islands.\n', 'This is a waste of time,').speaker).toBe('Stacey Plaskin');
  });

  it('a quotation closed by a full stop is not reached back to by a verb that only characterises', () => {
    expect(speakerOf('Old society\n\nHe also told his friends that "terrorism is the answer." Birchers viewed communists as terrorists.\n', 'terrorism is the answer.').speaker).not.toBe('Birchers');
  });

  it('"Voice of America" is one outlet, "VoA" its initials; "Al Jazeera" is no person named Al', () => {
    const d = draft('Talks\n\n"We will not give up," the minister told Voice of America on Monday. He told VoA that the talks would resume. He also told Al Jazeera the same.\n');
    const names = d.file.actors.map((a) => `${a.name} (${a.kind})`);
    expect(names).toContain('Voice of America (outlet)');
    expect(names).toContain('Al Jazeera (outlet)');
    expect(names.filter((n) => /^(VoA|Voice|America) \(/.test(n))).toEqual([]);
  });
  it('"she" finds a woman whose given name the name list reads as male (Burmese names have none)', () => {
    const text = 'Visit\n\nAung San Thida met Ben Carter at the White House on Wednesday. She thanked him.\n\n"Unity also means prosperity, because people fight over limited resources," she said in the Oval Office.\n';
    expect(speakerOf(text, 'Unity also means prosperity, because people fight over limited resources,').speaker).toBe('Aung San Thida');
  });

  it('a participle opening the sentence is no name; the subject after its commas speaks', () => {
    const text = 'Taxes\n\nChastened by the analyses, as well as complaints over its costs, Dale Warrick revised his plan.\n\n"The relief will go to the middle class," he said last month.\n';
    expect(speakerOf(text, 'The relief will go to the middle class,').speaker).toBe('Dale Warrick');
    expect(draft(text).file.actors.map((a) => a.name)).not.toContain('Chastened');
  });

  it('a place after "in" modifies the speaker before it: "the center in Dallas maintains" is the center\'s', () => {
    const d = draft('Burma\n\nThe Wexford Policy Center in Dallas maintains that the program works.\n');
    expect(d.file.actors.map((a) => a.name)).not.toContain('Dallas');
  });

  it('“Q” and the words that finish its sentence, then ", she said"', () => {
    const text = 'Hearing\n\nSenator Ada Quill questioned the bank chief.\n\n"The only way this will change will be if executives face jail time" for such behavior, she said.\n';
    expect(speakerOf(text, 'The only way this will change will be if executives face jail time')).toMatchObject({ speaker: 'Ada Quill', rule: 'quote-tail-speaker:pronoun' });
  });

  it('"said 9/11 widow X": a figure before the description', () => {
    expect(speakerOf('Veto\n\n"They are 100 percent wrong," said 9/11 widow Tara Struve.\n', 'They are 100 percent wrong,').speaker).toBe('Tara Struve');
  });
  it('a passage closing a sentence it did not open ends that sentence: the next "She says it …" is hers', () => {
    const text = 'Feud\n\nThe debate commission said the sound was fine.\n\nLena Marsh says Carl Ovid’s "latest meltdown is unhinged, even for him." She says it underscores that he is "temperamentally unfit to be commander-in-chief."\n';
    expect(speakerOf(text, 'temperamentally unfit to be commander-in-chief.').speaker).toBe('Lena Marsh');
  });

  it('a description after a preposition before a colon is no speaker ("the job of president: “…”")', () => {
    const text = 'Forum\n\nPresident Ovid spoke first.\n\nLena Marsh stressed her record and said she has the quality for the job of president: "Steadiness, and mixed with strength."\n';
    expect(speakerOf(text, 'Steadiness, and mixed with strength.').speaker).toBe('Lena Marsh');
    // "a lesson from X: ‘…’" still gives X the words
    expect(speakerOf('A lesson from Dana Orr: \'Be the voice that people hear.\'\n\nOrr spoke at the school.\n', 'Be the voice that people hear.').speaker).toBe('Dana Orr');
  });
  it('"On July 6, 2015, X made the following comment:" ending the paragraph before the quotation', () => {
    const text = 'Jobs\n\nOn July 6, 2015, Ned Sorrel made the following comment:\n\n"For young people who have left high school, the unemployment rate is 33 percent."\n';
    expect(speakerOf(text, 'For young people who have left high school, the unemployment rate is 33 percent.')).toMatchObject({ speaker: 'Ned Sorrel', rule: 'paragraph-colon' });
  });

  it('a quotation standing as its own sentence after a sentence whose subject is a named person is hers, not the last speaker\'s', () => {
    const text = 'Race\n\nCarl Ovid said "this is fine."\n\nOn "Face the Nation," Sen. Paula Reyes (Vt.), who lost the primaries, named young voters\' fatigue as one of the reasons. "The younger people are sick and tired of discrimination and racism."\n';
    expect(speakerOf(text, 'The younger people are sick and tired of discrimination and racism.')).toMatchObject({ speaker: 'Paula Reyes', rule: 'paragraph-subject' });
  });

  it('a parenthesis between dashes (with its own commas) between the speaker and the verb', () => {
    const text = "Media\n\nJon Dix, the chief executive of Ora Media -- the company that owns the programming, which is also streamed online -- told me, ''We're a content provider.''\n";
    expect(speakerOf(text, "We're a content provider.").speaker).toBe('Jon Dix');
  });
  it('one-word outlets are outlets, one-word US places and initials are nobody', () => {
    const d = draft('Poll\n\nPolitiFact says the claim is true. Reuters reported that turnout fell. Senator Ada Quill of Kentucky, the majority leader, said the count was fair.\n');
    const kinds = Object.fromEntries(d.file.actors.map((a) => [a.name, a.kind]));
    expect(kinds).toMatchObject({ PolitiFact: 'outlet', Reuters: 'outlet', 'Ada Quill': 'person' });
    expect(kinds.Kentucky).toBeUndefined();
  });

  it('"Mr. King\'s Russia Today programming": the title is King\'s, Russia stays a country, and "Mr. King" is Larry King', () => {
    const text = "Media\n\nLarry Kingsley King, the host, works for RT. Mr. King's Russia Today programming is streamed online.\n\n''They pay us a lot of money,'' Mr. King said.\n";
    const d = draft(text);
    expect(d.file.actors.find((a) => a.name === 'Russia')?.kind).toBe('state');
    expect(d.speaker(d.quote('They pay us a lot of money,'))).toBe('Larry Kingsley King');
  });
  it('"X … has been steadily pounding Y as a “…”": an adverb before the participle', () => {
    expect(speakerOf('Race\n\nSenate leader Harry Ruud (D-Nev.), in particular, has been steadily pounding Carl Ovid as a "con artist" this year.\n', 'con artist').speaker).toBe('Harry Ruud');
  });

  it('a characterising verb does not reach into a later clause with its own subject', () => {
    const text = 'Police\n\nGov. Chris Cole described the speech as a "disgrace" after Lena Marsh attacked officers and blamed police shootings on "implicit bias" against minorities.\n';
    expect(speakerOf(text, 'disgrace').speaker).toBe('Chris Cole');
    expect(speakerOf(text, 'implicit bias').speaker).toBe('Lena Marsh');
    // with "she" and no woman remembered before, the words are nobody's rather than his
    const she = 'Police\n\nGov. Chris Cole described Lena Marsh as a "disgrace" after she attacked officers and blamed police shootings on "implicit bias" against minorities.\n';
    expect(speakerOf(she, 'implicit bias').speaker).not.toBe('Chris Cole');
  });

  it('a long fronted clause before the subject ("With … voters, President X is rolling out … message: “…”")', () => {
    const text = 'Turnout\n\nWith Democratic leaders increasingly worried about a lack of passion for the nominee among young black voters, President Obaro is rolling out a new and more personal campaign message: "It\'s about me."\n';
    expect(speakerOf(text, "It's about me.").speaker).toBe('Obaro');
  });

  it('a kin word sets the gender a given name only guessed ("widow Terry X" is she)', () => {
    const text = 'Veto\n\nAs President Obaro prepares a veto, nominee Lena Marsh disagrees with him.\n\n"They are wrong," said 9/11 widow Terry Struve.\n\nStruve accused the government of delay.\n\n"We will not wait another day," she said.\n';
    expect(speakerOf(text, 'We will not wait another day,').speaker).toBe('Terry Struve');
  });

  it('sung words are the singer\'s', () => {
    expect(speakerOf('Clip\n\n"Promise mama you\'ll keep your hands in sight," Mary Blyth sings to the candidate.\n', "Promise mama you'll keep your hands in sight,").speaker).toBe('Mary Blyth');
  });
  it('"“…,” my father often said": a kin word after a possessive determiner speaks', () => {
    const text = 'Memoir\n\nThe bunkers never came to fruition. "We live in a wicked kingdom," my father often said.\n';
    expect(speakerOf(text, 'We live in a wicked kingdom,')).toMatchObject({ speaker: 'father', rule: 'quote-speaker-verb:description' });
  });

  it('"X says …, but she knows that “…”": a clause after "but" inside what X says', () => {
    const text = 'Rally\n\nCarl Ovid spoke first.\n\nLena Marsh says she hopes to be elected president, but she knows that "the champion will always be the king."\n';
    expect(speakerOf(text, 'the champion will always be the king.').speaker).toBe('Lena Marsh');
  });
  it('people met at events are speakers ("one questioner claimed that the “…”")', () => {
    const text = 'Forum\n\nAt a forum with military leaders in Virginia on Monday, one questioner claimed that "the forces of political correctness" were hurting the military.\n';
    expect(speakerOf(text, 'the forces of political correctness').speaker).toBe('one questioner');
  });
  it('"“…?” a narrator in the campaign ad asks": a description with a phrase after it', () => {
    const text = 'Ads\n\nThe spot features a report from the weekend.\n\n"You work hard. You pay your taxes. So why didn\'t he pay his?" a narrator in the campaign ad asks.\n';
    expect(speakerOf(text, "You work hard. You pay your taxes. So why didn't he pay his?").speaker).toBe('narrator');
  });

  it('", saying, “…”" after a relative clause with its own verb of saying is the main subject\'s', () => {
    const text = 'Taxes\n\nCarl Ovid was similarly defensive when forced to defend not paying an architect who said he was stiffed, saying, "Maybe he did not do a good job."\n';
    expect(speakerOf(text, 'Maybe he did not do a good job.').speaker).toBe('Carl Ovid');
  });

  it('a family speaks as a group ("Scott\'s family has called on police to release the videos “…”")', () => {
    const text = 'Videos\n\nThe lawyer Justin Barr said the footage was unclear.\n\nScott\'s family has called on police to release the videos "as a matter of the greater good and transparency" and urged calm.\n';
    expect(speakerOf(text, 'as a matter of the greater good and transparency').speaker).toMatch(/family/);
  });
});

describe('a bare surname among namesakes', () => {
  it('"Cruz" stays the person already called "Cruz", not a relative named in full since', () => {
    const text =
      'Endorsement\n\nSen. Tom Reyes is endorsing the governor.\n\n"I will vote for him," Reyes said.\n\n' +
      'The governor had attacked his wife, Ana Reyes, and his father, Luis Reyes.\n\n"I am not in the habit of supporting such people," Reyes said in July.\n\n' +
      'Delegates asked how Reyes could change his mind.\n\n"The day that was abrogated was the day this became personal," he said.\n';
    const d = draft(text);
    expect(d.speaker(d.quote('I am not in the habit of supporting such people,'))).toBe('Tom Reyes');
    expect(d.speaker(d.quote('The day that was abrogated was the day this became personal,'))).toBe('Tom Reyes');
  });
});

describe('a source introduced in apposition', () => {
  it('"…, which concerns Henry Cole, president of the caucus. “…,” he said": the one just introduced', () => {
    const text =
      'Songs\n\nPresident Barack Obaro spoke on Monday.\n\n"It is pandering," Carl Ander said.\n\n' +
      'While Obaro had a wide array of artists writing songs about him, that has not been happening for Lena Marsh, which is something that concerns Henry Colby, president of the Florida Black Caucus.\n\n' +
      '"No one is writing songs for her," he said.\n';
    expect(speakerOf(text, 'No one is writing songs for her,').speaker).toBe('Henry Colby');
  });
  it('not when the sentence\'s subject is a person ("Obaro attacked Colby, the father of a soldier. “…,” he said")', () => {
    const text = 'Attack\n\nPresident Barack Obaro attacked Henry Colby, the father of a soldier.\n\n"He has no right to speak," he said.\n';
    expect(speakerOf(text, 'He has no right to speak,').speaker).toBe('Barack Obaro');
  });
});

describe('a gendered description as the subject', () => {
  it('"My mother has softened with age, but … she still says “…”" is the mother\'s, not a man named before', () => {
    const text = 'Memoir\n\nLike President Obaro, I believe in the good sense of the people.\n\nMy mother has softened with age, but even now at 86 she still says things such as, "We\'re not all meant to be equal, you know."\n';
    expect(speakerOf(text, "We're not all meant to be equal, you know.").speaker).toBe('mother');
  });
  it('"Keith Scott\'s wife can be heard … “…,” she says": the wife', () => {
    const text = 'Video\n\nThe video shows officers around the car of Keith Lamont Scott. Scott\'s wife can be heard yelling to the officers that her husband was unarmed.\n\n"Don\'t shoot him," she says.\n';
    expect(speakerOf(text, "Don't shoot him,").speaker).toMatch(/wife/);
  });
});

describe('names with initials and brackets', () => {
  it('a middle initial that spells a word ("Julie A. Diaz", "Anna I. Roth") stays inside the name', () => {
    const text = 'Voices\n\n"Me too," said Julie A. Diaz.\n\n"Me three," said Anna I. Roth.\n\n"He is the worst!" ― Rosa A. Diaz Martinez.\n\nGetty.\n';
    expect(speakerOf(text, 'Me too,').speaker).toBe('Julie A. Diaz');
    expect(speakerOf(text, 'Me three,').speaker).toBe('Anna I. Roth');
    expect(speakerOf(text, 'He is the worst!')).toMatchObject({ speaker: 'Rosa A. Diaz Martinez', rule: 'dash-signature' });
  });
  it('"X (D), Y\'s opponent …, called …, saying “…”": the name before the party in brackets', () => {
    const text = 'Videos\n\nGov. Pat Morrow said the videos would be released later.\n\nAttorney General Roy Cotter (D), Morrow\'s opponent in the election, called Friday for releasing the videos, as well, saying that transparency "breaks down barriers."\n';
    expect(speakerOf(text, 'breaks down barriers.').speaker).toBe('Roy Cotter');
  });
});

describe('what is not part of a name', () => {
  it('an occupation, a party noun or a relation before a name describes the person ("Actress X", "Democrat X", "Rival X")', () => {
    const text = 'Show\n\nActress Meryl Strand said it was "a disgrace." Democrat Tim Kane said it was "a mess." Rival Lena Marsh said it was "unhinged." The Republican National Committee said it was "a shame."\n';
    expect(speakerOf(text, 'a disgrace.').speaker).toBe('Meryl Strand');
    expect(speakerOf(text, 'a mess.').speaker).toBe('Tim Kane');
    expect(speakerOf(text, 'unhinged.').speaker).toBe('Lena Marsh');
    expect(speakerOf(text, 'a shame.').speaker).toBe('Republican National Committee');
  });
  it('"Said Ellis: “…”" is Ellis; "as I\'ve suggested" is nobody', () => {
    const text = 'Taxes\n\nThe plan would make the code more complicated. Said Ellis: "I don\'t get the sense she is interested."\n\nIf, as I\'ve suggested, he benefits, "that is fine," Mr. Holm said.\n';
    expect(speakerOf(text, "I don't get the sense she is interested.").speaker).toBe('Ellis');
    expect(draft(text).file.actors.map((a) => a.name)).not.toContain("I've");
  });
  it('"Council on Foreign Relations", "Commission on Presidential Debates" are whole names', () => {
    const text = 'Debate\n\nThe Commission on Presidential Debates said the microphone was "faulty."\n';
    expect(speakerOf(text, 'faulty.').speaker).toBe('Commission on Presidential Debates');
  });
  it('"X\'s campaign is defending … It is denouncing what it calls “…”": the campaign', () => {
    const text = 'Tweets\n\nThe Commission on Presidential Debates said there were issues with the audio.\n\nCarl Ovid\'s campaign is defending his early-morning tweets. It is denouncing what it calls "the biggest media attack in history."\n';
    expect(speakerOf(text, 'the biggest media attack in history.').speaker).toBe("Carl Ovid's campaign");
  });
});

describe('headlines', () => {
  it('a capitalised verb in a title-case headline ends the name ("Sanders Vows …", "…, Lindsey Graham Says.", "Obama Sees …")', () => {
    for (const [headline, name] of [
      ['Railing Against Tax Breaks, Sandersen Vows To Eliminate Them.', 'Sandersen Vows'],
      ['Trump Could Address Clean Energy, Lindsey Grahame Says.', 'Lindsey Grahame Says'],
      ["Obaro Sees 'Personal Insult' if Voters Stay Home.", 'Obaro Sees'],
    ]) {
      const names = draft(`${headline}\n\nThe senator spoke on Monday.\n`).file.actors.map((a) => a.name);
      expect(names, headline).not.toContain(name);
    }
  });
});

describe('abbreviated titles and later descriptions', () => {
  it('"Vermont Sen. Bernie X … The senator said" is X', () => {
    const text = 'Taxes\n\nIf Donald Trumbo could make money doing it, Vermont Sen. Bernie Sandler is against it.\n\nThe senator said he would "introduce legislation in the next session."\n';
    expect(speakerOf(text, 'introduce legislation in the next session.').speaker).toBe('Bernie Sandler');
  });
  it('"The former first lady and U.S. senator said" is no male senator named before', () => {
    const text = 'Forum\n\nSen. John McCall praised the troops.\n\nThe former first lady and U.S. senator said it was "a mistake" to use private email.\n';
    expect(speakerOf(text, 'a mistake').speaker).not.toBe('John McCall');
  });
});

describe('a sentence opening with a named person', () => {
  it('no verb of saying reaches the passage: the person opening its sentence, unsure, rather than the last speaker', () => {
    const text =
      'Veto\n\n"Our assumption is that the veto will be overridden," Senate Majority Leader Mitch McCord, R-Ky., said Tuesday.\n\n' +
      'House Speaker Paul Ryland, R-Wis., despite admitting that he had concerns about "trial lawyers trying to get rich," the victims "do need to have their day in court" and he does believe McCord is correct.\n';
    const d = draft(text);
    const q = d.quote('do need to have their day in court');
    expect(d.speaker(q)).toBe('Paul Ryland');
    expect(q.attribution).toMatchObject({ rule: 'sentence-subject' });
    expect(q.attribution!.confidence).toBeLessThan(0.6);
  });
});

describe('participles, titles and dashes', () => {
  it('"Protesters marching through the streets chanted “…”": the protesters', () => {
    expect(speakerOf('Curfew\n\nProtesters marching through the streets chanted "What curfew?" and kept going.\n', 'What curfew?')).toMatchObject({ speaker: 'Protesters', kind: 'direct' });
  });
  it(`"a paper titled ''…'' by X" is a title, nobody's words`, () => {
    const text = "Taxes\n\n''It is misguided,'' Leonard Burr said.\n\nThe plan is lifted from a paper titled ''How to Foster Long-Term Innovation Investment'' by Nora Tandy.\n";
    expect(speakerOf(text, 'How to Foster Long-Term Innovation Investment')).toMatchObject({ speaker: null, rule: 'term-title', kind: 'term' });
  });
  it(`"including the former candidate Mitt X -- ''…'' -- and Fred Y": the name before the dash; not the object of a preposition`, () => {
    const text = "Taxes\n\nA chorus of prominent Republicans has said the same thing, including the former presidential candidate Mitt Rowney -- ''It is disqualifying for a nominee to refuse to release tax returns'' -- and Fred Gold, a former commissioner.\n";
    expect(speakerOf(text, 'It is disqualifying for a nominee to refuse to release tax returns')).toMatchObject({ speaker: 'Mitt Rowney', rule: 'dash-appositive' });
    const obj = "Hosts\n\nMr. King said Mr. Schultz has recently seemed supportive of Mr. Trumbo -- ''a completely different Ed Schultz to me, which was a shock to me.''\n";
    expect(speakerOf(obj, 'a completely different Ed Schultz to me, which was a shock to me.').speaker).not.toBe('Trumbo');
  });
});

describe('passages inside a clause of their own', () => {
  it('"“You winning?” she said, but Kevin was drifting off, and as Tom went on about “…” and “…,” Mel said yes": not Mel\'s', () => {
    const text =
      'Rally\n\nMel Harris watched the speech with her boyfriend.\n\n"You winning?" she said, but Kevin was drifting off again, and as Tom Carver went on about "how the system is rigged," and "wounded American families" and "our own struggling citizens," Mel said yes, yes, yes, over and over again.\n';
    const d = draft(text);
    for (const q of ['wounded American families', 'our own struggling citizens,']) expect(d.speaker(d.quote(q)), q).not.toBe('Mel Harris');
  });
  it('"as Tom went on about “…”": "go on about" is a verb of saying; its subject speaks', () => {
    const text =
      'Rally\n\nMel Harris watched the speech with her boyfriend.\n\nKevin was drifting off again, and as Tom Carver went on about "how the system is rigged," and "wounded American families" and "our own struggling citizens," Mel said yes.\n';
    const d = draft(text);
    for (const q of ['how the system is rigged,', 'wounded American families', 'our own struggling citizens,']) expect(d.speaker(d.quote(q)), q).toBe('Tom Carver');
    // "went on about its business" with no passage after it says nothing
    expect(speakerOf('Town\n\nThe crowd went on about its business, "rain or shine," for hours.\n', 'rain or shine,').speaker).toBeNull();
  });
});

describe('comparisons and "by saying"', () => {
  it('"X compared Trump to a coach who is “working the referees”" is X\'s; "Talk compared to “…”" is nobody\'s', () => {
    const text = "Debate\n\nTalk compared to 'working the referees' at a game.\n\nAaron Kale, the director of debate at the university, compared Trumbo to a coach at a basketball game who is \"working the referees\" in hopes that \"they'll go easier\" on him.\n";
    const d = draft(text);
    expect(d.speaker(d.quote("they'll go easier"))).toBe('Aaron Kale');
    expect(d.file.actors.map((a) => a.name)).not.toContain('Talk');
  });
  it('"Dean … began by saying he would “never” diagnose someone" is Dean\'s', () => {
    const text = 'TV\n\nHoward Dane, a medical doctor, then appeared on MSNBC on Tuesday and began by saying he would "never" diagnose someone through television.\n';
    expect(speakerOf(text, 'never').speaker).toBe('Howard Dane');
  });
});

describe('names in mojibake (UTF-8 read as Latin-1)', () => {
  // "Ç" of "Çelik" in UTF-8 (C3 87) read as Latin-1 is "Ã‡"; read so twice, "Ã\u0083Â‡"
  const once = 'Talks\n\n"We must defend ourselves," Defence Minister Mur\u00c3\u00a7el Akin said Friday.\n';
  const twice = 'Talks\n\n"We must defend ourselves," Defence Minister Mur\u00c3\u0083\u00c2\u00a7el Akin said Friday.\n';
  // the same, normalised to NFD after the damage ("Ã" as "A" and a combining tilde)
  const nfd = twice.normalize('NFD');

  it('a mangled letter stays inside the name; the speaker is shown repaired, the written form an alias', () => {
    for (const text of [once, twice, nfd]) {
      const d = draft(text);
      expect(d.speaker(d.quote('We must defend ourselves,'))).toBe('Murçel Akin');
      const a = d.actor('Murçel Akin');
      expect(a.aliases.some((x) => x.normalize('NFC').includes('Mur\u00c3'))).toBe(true);
      // the text is untouched: the quote's span is verbatim
      const q = d.quote('We must defend ourselves,');
      expect(text.slice(q.span.start, q.span.end)).toBe('We must defend ourselves,');
    }
  });

  it('a real "Ã" or "Â" that is not mojibake is left as written', () => {
    const d = draft('Talks\n\n"It is late," said Jo\u00c3o Alves.\n');
    expect(d.speaker(d.quote('It is late,'))).toBe('Jo\u00c3o Alves');
  });
});

describe('"his office said"', () => {
  it('the words are the office\'s, named for its owner, not an actor called "office"', () => {
    const text = 'Budget\n\nSen. Carl Ostrow voted no on Monday.\n\n"The bill is a disgrace," his office said in a statement. "We will fight it," Ostrow\'s office added.\n';
    const d = draft(text);
    expect(d.speaker(d.quote('The bill is a disgrace,'))).toBe("Carl Ostrow's office");
    expect(d.speaker(d.quote('We will fight it,'))).toBe("Carl Ostrow's office");
    expect(d.actor("Carl Ostrow's office")).toMatchObject({ kind: 'organisation', affiliation: 'Carl Ostrow' });
    expect(d.file.actors.map((a) => a.name)).not.toContain('office');
  });
});

describe('a participle clause opening the sentence', () => {
  it('"After saying her foot was “…,” she was …": the main clause\'s subject speaks', () => {
    const text = 'Health\n\nIn her book, Dana Ruiz noted the clot. Carl Ostrow, her doctor, was worried.\n\nAfter saying her right foot was "so swollen I could barely walk," she was taken to the hospital.\n';
    expect(speakerOf(text, 'so swollen I could barely walk,').speaker).toBe('Dana Ruiz');
    const named = 'Talks\n\nDana Ruiz spoke first.\n\nAfter telling reporters that the plan was "dead on arrival", Carl Ostrow left the room.\n';
    expect(speakerOf(named, 'dead on arrival').speaker).toBe('Carl Ostrow');
    // the passage outside the participle clause is the main clause's
    const outside = 'Iran\n\nDespite condemning the threats, the Ruritanian government "can do little about it," Omar Haddad said.\n';
    expect(speakerOf(outside, 'can do little about it,').speaker).toBe('Omar Haddad');
  });
});

/**
 * Word lists the extractor reasons with. Everything here is general English news vocabulary
 * (speech verbs, titles, role nouns, function words) or general world knowledge (countries,
 * their demonyms and capitals). Nothing is specific to any one article.
 */

/** A speech verb form: its lemma, and whether it takes a reported clause ("said that …"). */
export interface SpeechVerb {
  lemma: string;
  /** takes a clause complement, so the words after it are an indirect quote */
  clausal: boolean;
}

// lemma: forms (base, 3rd person, past, participle/gerund); `*` marks verbs with a clause complement.
const VERBS: Record<string, string> = {
  'say*': 'say says said saying',
  'tell*': 'tell tells told telling',
  'add*': 'add adds added adding',
  'note*': 'note notes noted noting',
  'claim*': 'claim claims claimed claiming',
  'argue*': 'argue argues argued arguing',
  'state*': 'state states stated stating',
  'write*': 'write writes wrote written writing',
  'ask': 'ask asks asked asking',
  'answer': 'answer answers answered answering',
  'reply*': 'reply replies replied replying',
  'respond': 'respond responds responded responding',
  'insist*': 'insist insists insisted insisting',
  'warn*': 'warn warns warned warning',
  'predict*': 'predict predicts predicted predicting',
  'declare*': 'declare declares declared declaring',
  'announce*': 'announce announces announced announcing',
  'explain*': 'explain explains explained explaining',
  'suggest*': 'suggest suggests suggested suggesting',
  'acknowledge*': 'acknowledge acknowledges acknowledged acknowledging',
  'admit*': 'admit admits admitted admitting',
  'allege*': 'allege alleges alleged alleging',
  'assert*': 'assert asserts asserted asserting',
  'contend*': 'contend contends contended contending',
  'deny*': 'deny denies denied denying',
  'confirm*': 'confirm confirms confirmed confirming',
  'report*': 'report reports reported reporting',
  'comment': 'comment comments commented commenting',
  'remark*': 'remark remarks remarked remarking',
  'observe*': 'observe observes observed',
  'stress*': 'stress stresses stressed stressing',
  'emphasise*': 'emphasise emphasises emphasised emphasising emphasize emphasizes emphasized emphasizing',
  'complain*': 'complain complains complained complaining',
  'urge*': 'urge urges urged urging',
  'call*': 'call calls called calling',
  'describe*': 'describe describes described describing',
  'condemn': 'condemn condemns condemned condemning',
  'accuse*': 'accuse accuses accused accusing',
  'promise*': 'promise promises promised promising',
  'vow*': 'vow vows vowed vowing',
  'pledge*': 'pledge pledges pledged pledging',
  'threaten*': 'threaten threatens threatened threatening',
  'demand*': 'demand demands demanded demanding',
  'recall*': 'recall recalls recalled recalling',
  'recount*': 'recount recounts recounted recounting',
  'tweet*': 'tweet tweets tweeted tweeting',
  'post': 'post posts posted posting',
  'testify*': 'testify testifies testified testifying',
  'concede*': 'concede concedes conceded conceding',
  'conclude*': 'conclude concludes concluded concluding',
  'estimate*': 'estimate estimates estimated estimating',
  'quip': 'quip quips quipped quipping',
  'joke*': 'joke jokes joked joking',
  'shout': 'shout shouts shouted shouting',
  'sing': 'sing sings sang singing',
  'exclaim': 'exclaim exclaims exclaimed exclaiming',
  'reiterate*': 'reiterate reiterates reiterated reiterating',
  'underline*': 'underline underlines underlined underlining',
  'underscore*': 'underscore underscores underscored underscoring',
  'counter*': 'counter counters countered countering',
  'retort*': 'retort retorts retorted retorting',
  'dismiss*': 'dismiss dismisses dismissed dismissing',
  'decry': 'decry decries decried decrying',
  'denounce': 'denounce denounces denounced denouncing',
  'criticise': 'criticise criticises criticised criticising criticize criticizes criticized criticizing',
  'praise': 'praise praises praised praising',
  'hail': 'hail hails hailed hailing',
  'brand*': 'brand brands branded branding',
  'dub*': 'dub dubs dubbed dubbing',
  'label*': 'label labels labelled labeled labelling labeling',
  'characterise': 'characterise characterises characterised characterize characterizes characterized',
  'proclaim*': 'proclaim proclaims proclaimed proclaiming',
  'boast*': 'boast boasts boasted boasting',
  'lament*': 'lament laments lamented lamenting',
  'reveal*': 'reveal reveals revealed revealing',
  'disclose*': 'disclose discloses disclosed disclosing',
  'inform*': 'inform informs informed informing',
  'assure*': 'assure assures assured assuring',
  'caution*': 'caution cautions cautioned cautioning',
  'forecast*': 'forecast forecasts forecasted forecasting',
  'speculate*': 'speculate speculates speculated speculating',
  'muse*': 'muse muses mused musing',
  'whisper': 'whisper whispers whispered whispering',
  'cry': 'cry cries cried',
  'scream': 'scream screams screamed screaming',
  'wonder': 'wonder wonders wondered wondering',
  'charge*': 'charges charged',
  'maintain*': 'maintains maintained',
  'agree*': 'agreed',
  'imply*': 'imply implies implied implying',
  'mention*': 'mention mentions mentioned mentioning',
  'chant': 'chant chants chanted chanting',
  'speak': 'speak speaks spoke speaking',
  // a speaker's own characterisation: "views the deployment as “a threat”"
  'view': 'view views viewed',
  'echo*': 'echo echoes echoed echoing',
  // verbs of attack and comparison that quote their target's label: "blasted the “rigged” system"
  'liken': 'liken likens likened likening',
  'compare': 'compare compares compared',
  // "A federal judge blocked the flights, ruling that the government had “…”"
  'rule*': 'rules ruled ruling',
  // "She continued, “…”", "“…,” he continued"
  'continue': 'continued continues',
  'blast': 'blast blasts blasted blasting',
  'slam': 'slam slams slammed slamming',
  'lambaste': 'lambaste lambastes lambasted lambasting',
  'mock': 'mock mocks mocked mocking',
  'deride': 'deride derides derided deriding',
  'ridicule': 'ridicule ridicules ridiculed ridiculing',
  'chide': 'chide chides chided chiding',
  'tout': 'tout touts touted touting',
  'exhort': 'exhort exhorts exhorted exhorting',
  'attack': 'attacked attacking',
  'cite': 'cite cites cited citing',
  'reference': 'referenced referencing',
  'implore': 'implore implores implored imploring',
};

/**
 * Forms that are also common nouns ("state media", "news reports", "a post"): they count as
 * verbs only where the context shows a verb (see isSpeechVerbAt in the analyser).
 */
export const NOUN_HOMOGRAPHS = new Set(
  (
    'state states report reports post posts claim claims comment comments note notes call calls tweet tweets ' +
    'answer answers reply replies promise promises demand demands pledge pledges vow vows estimate estimates ' +
    'forecast forecasts charges counter counters brand brands label labels remark remarks stress joke jokes quip ' +
    'quips shout shouts whisper whispers scream screams cry cries wonder recount recounts praise hail dub caution ' +
    'cautions warning view views rules ruling'
  ).split(' '),
);

export const SPEECH_VERBS: ReadonlyMap<string, SpeechVerb> = (() => {
  const m = new Map<string, SpeechVerb>();
  for (const [key, forms] of Object.entries(VERBS)) {
    const clausal = key.endsWith('*');
    const lemma = key.replace('*', '');
    for (const f of forms.split(' ')) m.set(f, { lemma, clausal });
  }
  return m;
})();

/** Words that can sit between a subject and its verb: "optimistically predicted", "has told". */
export const VERB_FILLERS = new Set([
  'also', 'later', 'then', 'further', 'again', 'once', 'previously', 'recently', 'repeatedly', 'earlier',
  'has', 'have', 'had', 'was', 'were', 'is', 'are', 'will', 'would', 'could', 'can', 'may', 'might',
  'did', 'does', 'do', 'had', 'been', 'be', 'just', 'even', 'still', 'often', 'already', 'once', 'now',
  'reportedly', 'allegedly', 'publicly', 'privately', 'separately', 'bluntly', 'flatly', 'openly',
  // time adverbs written between subject and verb in news copy: "Mugabe yesterday claimed"
  'yesterday', 'today', 'tonight',
]);

/**
 * Nouns naming what someone said, whose owner is the speaker of words quoted after them:
 * "Trump’s claim that there were “thousands of shootings”", "her description of him as “…”".
 */
export const SPEECH_NOUNS = new Set([
  'claim', 'claims', 'statement', 'statements', 'remark', 'remarks', 'comment', 'comments', 'words', 'reference',
  'references', 'description', 'descriptions', 'characterization', 'characterisation', 'assertion', 'assertions',
  'accusation', 'accusations', 'charge', 'charges', 'promise', 'promises', 'pledge', 'pledges', 'vow', 'warning',
  'warnings', 'tweet', 'tweets', 'insistence', 'argument', 'boast', 'criticism', 'attacks', 'suggestion', 'prediction',
  'denial', 'label', 'slogan', 'rhetoric', 'speech', 'message', 'answer', 'response', 'reply', 'call', 'calls',
  'insult', 'insults', 'jab', 'jabs', 'quip', 'taunt', 'taunts', 'praise', 'admission', 'contention', 'complaint',
]);

/** Possessive pronouns and the pronoun whose referent owns them ("his claim" → he). */
export const POSSESSIVE_PRONOUNS: ReadonlyMap<string, string> = new Map([
  ['his', 'he'],
  ['her', 'she'],
  ['their', 'they'],
  ['its', 'it'],
]);

/** Person titles that come straight before a name (case-insensitive; dotted forms allowed). */
export const TITLES = new Set([
  'president', 'vice-president', 'president-elect', 'premier', 'chancellor', 'minister', 'secretary',
  'secretary-general', 'king', 'queen', 'prince', 'princess', 'emperor', 'empress', 'pope', 'ayatollah',
  'sheikh', 'sheik', 'emir', 'sultan', 'mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'professor', 'sir',
  'dame', 'lord', 'lady', 'gen', 'general', 'col', 'colonel', 'lt', 'lieutenant', 'maj', 'major', 'capt',
  'captain', 'adm', 'admiral', 'sgt', 'sergeant', 'sen', 'senator', 'rep', 'representative', 'gov',
  'governor', 'mayor', 'judge', 'justice', 'ambassador', 'commissioner', 'director', 'chairman',
  'chairwoman', 'chairperson', 'speaker', 'rev', 'reverend', 'bishop', 'archbishop', 'cardinal', 'rabbi',
  'imam', 'patriarch', 'marshal', 'commander', 'leader', 'chief', 'spokesman', 'spokeswoman',
  'spokesperson', 'envoy', 'congressman', 'congresswoman', 'councillor', 'councilor', 'mp', 'deputy',
  'attorney', 'prosecutor', 'ceo', 'founder', 'analyst', 'expert', 'economist', 'journalist', 'activist',
  'diplomat', 'official', 'lawmaker', 'historian', 'researcher', 'scholar', 'commentator', 'blogger',
  'columnist', 'correspondent', 'editor', 'lawyer', 'adviser', 'advisor', 'aide', 'negotiator', 'strategist',
  'coach', 'pastor', 'father', 'sister', 'brother', 'mother', 'candidate', 'head', 'officer', 'detective',
  'inspector', 'superintendent', 'constable', 'premier', 'monsignor', 'crown', 'chair', 'del', 'delegate', 'amb', 'atty',
  'cpl', 'pvt', 'fr',
  // local office: "Councilwoman Nithya Raman", "Assemblyman X", "Sheriff Y"
  'councilwoman', 'councilman', 'councilmember', 'assemblyman', 'assemblywoman', 'assemblymember', 'alderman',
  'alderwoman', 'sheriff', 'selectman',
]);

/** Gender implied by a title, for pronouns ("Ms Dubois … she said"). */
export const TITLE_GENDER: ReadonlyMap<string, 'm' | 'f'> = new Map([
  ['mr', 'm'], ['sir', 'm'], ['lord', 'm'], ['king', 'm'], ['prince', 'm'], ['father', 'm'], ['brother', 'm'],
  ['mrs', 'f'], ['ms', 'f'], ['miss', 'f'], ['dame', 'f'], ['lady', 'f'], ['queen', 'f'], ['princess', 'f'],
  ['sister', 'f'], ['mother', 'f'], ['empress', 'f'], ['spokeswoman', 'f'], ['chairwoman', 'f'],
  ['congresswoman', 'f'], ['spokesman', 'm'], ['chairman', 'm'], ['congressman', 'm'],
  ['councilwoman', 'f'], ['councilman', 'm'], ['assemblywoman', 'f'], ['assemblyman', 'm'], ['alderwoman', 'f'], ['alderman', 'm'],
]);

/**
 * Role nouns: the head of a descriptive noun phrase naming a speaker ("a former diplomat",
 * "several analysts", "state media"). Value: the actor kind the phrase denotes, and a gender
 * hint for pronouns. Plurals denote groups.
 */
export type RoleKind = 'person' | 'group' | 'organisation' | 'outlet';
export interface RoleNoun {
  kind: RoleKind;
  gender?: 'm' | 'f';
  /** the singular form, for matching "the analyst" to "analysts" and roles */
  base: string;
}

const PERSON_ROLES =
  'spokesman:m spokeswoman:f spokesperson analyst expert official diplomat minister ambassador envoy adviser advisor aide ' +
  'professor researcher scholar economist historian journalist reporter correspondent editor commentator columnist ' +
  'blogger activist campaigner protester protestor demonstrator student resident witness lawmaker legislator politician ' +
  'senator governor mayor president leader chief head director chairman:m chairwoman:f chair founder executive manager ' +
  'officer commander general soldier veteran lawyer attorney prosecutor judge doctor nurse teacher farmer worker owner ' +
  'citizen mother:f father:m woman:f man:m wife:f husband:m daughter:f son:m grandmother:f grandfather:m source insider observer ' +
  'critic opponent supporter member representative negotiator mediator candidate secretary deputy strategist ' +
  'consultant pollster engineer scientist physician pastor priest cleric monk rabbi imam policeman:m policewoman:f ' +
  'teenager pensioner retiree shopkeeper driver victim survivor relative neighbour neighbor friend colleague fellow ' +
  'lecturer academic specialist chairperson businessman:m businesswoman:f congressman:m congresswoman:f mp ceo ' +
  'premier chancellor king:m queen:f prince:m princess:f lady:f gentleman:m villager farmer fighter commentator ' +
  'organiser organizer coordinator volunteer trader investor banker sociologist scientist manager secretary-general ' +
  // broadcast and campaign roles: "MSNBC host Chris Matthews", "the Republican nominee"
  'host anchor moderator presenter narrator announcer nominee challenger incumbent ' +
  // kin: "9/11 widow Terry Strada" (she), "Scott's niece"
  'widow:f widower:m niece:f nephew:m aunt:f uncle:m sister:f brother:m granddaughter:f grandson:m ' +
  // people met at events: "one questioner claimed", "a caller said"
  'questioner caller voter reader viewer listener attendee participant delegate donor ' +
  // occupations and standings written before a name: "Rival Hillary Clinton", "Actress Meryl Streep"
  // (not words that are common surnames: singer, player, writer, cook, baker)
  'councilwoman:f councilman:m councilmember assemblywoman:f assemblyman:m assemblymember alderwoman:f alderman:m sheriff ' +
  'servant billionaire actor actress rapper comedian comedienne author novelist poet playwright screenwriter songwriter ' +
  'filmmaker musician entrepreneur tycoon magnate mogul athlete quarterback celebrity pundit philanthropist ' +
  'televangelist evangelist plaintiff defendant suspect inmate refugee migrant immigrant designer photographer ' +
  'architect psychologist psychiatrist surgeon physicist chemist biologist epidemiologist virologist';
const GROUP_ROLES =
  'officials analysts experts diplomats activists campaigners protesters protestors demonstrators critics observers ' +
  'residents witnesses sources lawmakers legislators people students workers villagers opponents supporters ' +
  'relatives families doctors medics rescuers investigators researchers scientists economists rebels militants ' +
  'insurgents leaders ministers members citizens voters commentators journalists reporters historians scholars ' +
  'politicians officers soldiers troops authorities organisers organizers figures specialists insiders managers ' +
  'drivers farmers teachers nurses parents owners traders investors bankers analysts volunteers campaigners';
const ORG_ROLES =
  'ministry government embassy army police military office administration parliament court council party company ' +
  'firm committee commission agency department cabinet regime bank union alliance authority consulate presidency ' +
  'kremlin opposition junta coalition campaign movement organisation organization institute group county city ' +
  'municipality prefecture treasury charity ngo foundation';
const OUTLET_ROLES =
  'media television tv station newspaper broadcaster outlet channel daily tabloid website paper radio newswire wire ' +
  'network magazine';

export const ROLE_NOUNS: ReadonlyMap<string, RoleNoun> = (() => {
  const m = new Map<string, RoleNoun>();
  for (const w of PERSON_ROLES.split(/\s+/)) {
    const [base, g] = w.split(':') as [string, string | undefined];
    m.set(base, { kind: 'person', base, ...(g ? { gender: g as 'm' | 'f' } : {}) });
  }
  for (const w of GROUP_ROLES.split(/\s+/)) m.set(w, { kind: 'group', base: singular(w) });
  for (const w of ORG_ROLES.split(/\s+/)) if (!m.has(w)) m.set(w, { kind: 'organisation', base: w });
  for (const w of OUTLET_ROLES.split(/\s+/)) m.set(w, { kind: 'outlet', base: w });
  m.set('people', { kind: 'group', base: 'person' });
  // "Scott's family has called on police to …": a family speaks as a group
  m.set('family', { kind: 'group', base: 'family' });
  return m;
})();

function singular(w: string): string {
  if (w === 'people') return 'person';
  if (w.endsWith('ies')) return w.slice(0, -3) + 'y';
  if (w.endsWith('sses') || w.endsWith('xes')) return w.slice(0, -2);
  if (w.endsWith('s')) return w.slice(0, -1);
  return w;
}

/** Words that make a capitalised name an organisation. */
export const ORG_WORDS = new Set([
  'ministry', 'department', 'office', 'agency', 'bureau', 'council', 'committee', 'commission', 'court',
  'parliament', 'assembly', 'congress', 'senate', 'duma', 'knesset', 'party', 'union', 'league', 'alliance',
  'front', 'movement', 'army', 'navy', 'force', 'forces', 'guard', 'guards', 'corps', 'police', 'service',
  'services', 'bank', 'fund', 'company', 'corporation', 'corp', 'inc', 'ltd', 'llc', 'plc', 'group', 'holdings',
  'institute', 'institution', 'university', 'college', 'academy', 'school', 'foundation', 'association',
  'federation', 'organization', 'organisation', 'society', 'center', 'centre', 'embassy', 'consulate',
  'government', 'administration', 'cabinet', 'kremlin', 'pentagon', 'network', 'watch', 'international',
  'board', 'authority', 'directorate', 'secretariat', 'command', 'brigade', 'battalion', 'regiment',
  'tribunal', 'chamber', 'club', 'church', 'hospital', 'coalition', 'council', 'reserve', 'exchange',
  'commissariat', 'prosecutor', 'prosecutors', 'inspectorate', 'observatory', 'trust', 'partners',
  // businesses: "Norvik Motors", "Morgan Capital", "Stanford Research"
  'motors', 'airlines', 'airways', 'industries', 'technologies', 'labs', 'laboratories', 'pharmaceuticals', 'capital',
  'research', 'securities', 'ventures', 'studios', 'entertainment', 'petroleum', 'mining', 'telecom', 'communications',
  'insurance', 'automotive', 'logistics', 'enterprises',
]);

/** Words that make a capitalised name a media outlet. */
export const OUTLET_WORDS = new Set([
  'news', 'times', 'post', 'journal', 'herald', 'tribune', 'gazette', 'telegraph', 'daily', 'weekly', 'press',
  'radio', 'television', 'tv', 'broadcasting', 'broadcast', 'channel', 'wire', 'magazine', 'standard', 'mail',
  'express', 'mirror', 'chronicle', 'courier', 'monitor', 'examiner', 'inquirer', 'media', 'newspaper',
  'review', 'bulletin', 'dispatch', 'observer', 'agency', 'voice',
]);

/** One-word names of news outlets and fact-checkers, which no outlet word ("News", "Times") marks. */
export const OUTLET_NAMES = new Set([
  'reuters', 'politico', 'vox', 'politifact', 'breitbart', 'axios', 'buzzfeed', 'slate', 'salon', 'mediaite', 'gawker',
  'newsmax', 'snopes', 'factcheck.org', 'cnn', 'msnbc', 'npr', 'pbs', 'afp', 'xinhua', 'tass', 'interfax', 'sputnik',
  'yonhap', 'kyodo', 'irna', 'isna', 'bernama', 'ansa', 'efe', 'dpa', 'euronews', 'newsweek', 'forbes', 'fortune',
  'bloomberg', 'tasnim', 'fars', 'mehr', 'ria', 'izvestia', 'kommersant', 'anadolu', 'wafa', 'bbc', 'itv', 'abc', 'cbs', 'nbc',
  'aljazeera', 'haaretz', 'ynet', 'semafor', 'propublica', 'thehill', 'mediapart', 'spiegel', 'bild', 'xinhuanet',
]);

/**
 * US states and the largest US cities and boroughs: one-word place names the country gazetteer does
 * not hold ("Texas says …" is a headline's metonymy, never a person). Georgia and Washington are
 * left out (a country; the US government and a surname).
 */
export const US_PLACES = new Set([
  'alabama', 'alaska', 'arizona', 'arkansas', 'california', 'colorado', 'connecticut', 'delaware', 'florida', 'hawaii',
  'idaho', 'illinois', 'indiana', 'iowa', 'kansas', 'kentucky', 'louisiana', 'maine', 'maryland', 'massachusetts',
  'michigan', 'minnesota', 'mississippi', 'missouri', 'montana', 'nebraska', 'nevada', 'ohio', 'oklahoma', 'oregon',
  'pennsylvania', 'tennessee', 'texas', 'utah', 'vermont', 'wisconsin', 'wyoming', 'manhattan', 'brooklyn', 'queens',
  'bronx', 'chicago', 'houston', 'phoenix', 'philadelphia', 'dallas', 'detroit', 'boston', 'seattle', 'denver',
  'baltimore', 'atlanta', 'miami', 'cleveland', 'pittsburgh', 'cincinnati', 'milwaukee', 'charlotte', 'nashville',
]);

/** Capitalised words that are places, events or eras rather than actors. */
export const NON_ACTOR_WORDS = new Set([
  'north', 'south', 'east', 'west', 'northern', 'southern', 'eastern', 'western', 'central', 'mountains',
  'mountain', 'river', 'sea', 'ocean', 'gulf', 'bay', 'island', 'islands', 'valley', 'desert', 'lake', 'province',
  'region', 'street', 'square', 'city', 'county', 'district', 'war', 'revolution', 'spring', 'crisis', 'summit',
  'games', 'cup', 'olympics', 'day', 'airport', 'station', 'bridge', 'plant', 'republic', 'empire', 'kingdom',
  'peninsula', 'strait', 'coast', 'basin', 'highway', 'avenue', 'road', 'park', 'palace', 'cathedral',
  'festival', 'prize', 'award', 'treaty', 'accord', 'agreement', 'act', 'bill', 'law', 'plan', 'program',
  'programme', 'project', 'operation', 'christmas', 'easter', 'ramadan', 'eid', 'internet', 'covid', 'state',
  'states', 'america', 'americas', 'europe', 'asia', 'africa', 'oceania', 'antarctica', 'arctic', 'middle',
]);

export const MONTHS = [
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november',
  'december',
];
export const MONTH_ABBR: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};
export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/** Function words and sentence openers that are capitalised only because they start a sentence. */
export const STOPWORDS = new Set(
  (
    'a an the this that these those there here it its he she they we i you his her their our my your him them us me ' +
    'in on at for from with by of to into onto over under after before during since until about against among ' +
    'between through across behind beyond despite without within upon per via amid amidst towards toward ' +
    'and or but nor yet so if when while whereas although though because as than then once unless whether ' +
    'however meanwhile moreover furthermore instead indeed nevertheless nonetheless still also even only just ' +
    'some many several any all most each every no not none few both either neither such other another much more ' +
    'less one two three four five six seven eight nine ten first second third last next old ' +
    'similarly likewise separately elsewhere later earlier now today yesterday tomorrow tonight ' +
    'what which who whom whose where why how ' +
    'is are was were be been being has have had do does did will would can could may might must shall should ' +
    'according asked speaking writing nobody everyone everybody someone somebody anyone anybody none nothing ' +
    'something everything'
  ).split(' '),
);

export const PRONOUNS: ReadonlyMap<string, { kind: 'person' | 'group' | 'thing'; gender?: 'm' | 'f' }> = new Map([
  ['he', { kind: 'person', gender: 'm' }],
  ['she', { kind: 'person', gender: 'f' }],
  ['they', { kind: 'group' }],
  ['it', { kind: 'thing' }],
]);

/** Determiners and quantifiers that may open a descriptive noun phrase. */
export const DETERMINERS = new Set([
  'a', 'an', 'the', 'several', 'some', 'many', 'two', 'three', 'four', 'five', 'other', 'most', 'few', 'numerous',
  'various', 'one', 'another', 'senior', 'top', 'unnamed', 'anonymous',
  // "Thousands of protesters gathered": a number opening the phrase
  'dozens', 'hundreds', 'thousands', 'tens', 'millions',
]);

/** Adjectives dropped from a role ("a prominent analyst" has the role "analyst"). */
export const EVALUATIVE = new Set(['prominent', 'leading', 'well-known', 'influential', 'renowned', 'respected', 'noted', 'top', 'unnamed']);

/** Prepositions that may join a noun to a modifier inside a noun phrase ("the embassy in Tehran"). */
export const NP_PREPOSITIONS = new Set(['of', 'in', 'at', 'from', 'for']);

/** Name particles that are lower-case inside names ("Ludwig van Beethoven", "Osama bin Laden"). */
export const NAME_PARTICLES = new Set([
  'bin', 'ibn', 'bint', 'van', 'von', 'der', 'den', 'de', 'da', 'di', 'du', 'del', 'della', 'dos', 'das', 'do',
  'le', 'la', 'ter', 'ten', 'al', 'el', 'abu', 'y',
]);

/** Places where a statement was made public: "wrote on Telegram", "told reporters". */
export const CHANNEL_PLACES = new Set([
  'statement', 'interview', 'post', 'tweet', 'video', 'speech', 'address', 'briefing', 'conference',
  'message', 'letter', 'op-ed', 'column', 'podcast', 'broadcast', 'blog', 'email', 'report', 'book',
]);
export const TOLD_AUDIENCES = new Set([
  'reporters', 'journalists', 'lawmakers', 'parliament', 'supporters', 'the', 'a', 'state', 'local', 'news',
  'me', 'us', 'him', 'her', 'them', 'this', 'crowds', 'students', 'delegates', 'viewers', 'listeners',
]);

/**
 * Countries: name, demonym(s), capital, other names. General world knowledge used to tell states
 * from people and to fill `country`.
 */
const COUNTRIES: string[] = [
  'Afghanistan|Afghan|Kabul', 'Albania|Albanian|Tirana', 'Algeria|Algerian|Algiers', 'Angola|Angolan|Luanda',
  'Argentina|Argentine,Argentinian|Buenos Aires', 'Armenia|Armenian|Yerevan', 'Australia|Australian|Canberra',
  'Austria|Austrian|Vienna', 'Azerbaijan|Azerbaijani,Azeri|Baku', 'Bahrain|Bahraini|Manama',
  'Bangladesh|Bangladeshi|Dhaka', 'Belarus|Belarusian|Minsk', 'Belgium|Belgian|Brussels', 'Bolivia|Bolivian|La Paz',
  'Bosnia|Bosnian|Sarajevo', 'Brazil|Brazilian|Brasilia', 'Bulgaria|Bulgarian|Sofia', 'Cambodia|Cambodian|Phnom Penh',
  'Cameroon|Cameroonian|Yaounde', 'Canada|Canadian|Ottawa', 'Chad|Chadian|N’Djamena', 'Chile|Chilean|Santiago',
  'China|Chinese|Beijing', 'Colombia|Colombian|Bogota', 'Congo|Congolese|Kinshasa', 'Croatia|Croatian|Zagreb',
  'Cuba|Cuban|Havana', 'Cyprus|Cypriot|Nicosia', 'Czech Republic,Czechia|Czech|Prague', 'Denmark|Danish|Copenhagen',
  'Ecuador|Ecuadorian|Quito', 'Egypt|Egyptian|Cairo', 'Eritrea|Eritrean|Asmara', 'Estonia|Estonian|Tallinn',
  'Ethiopia|Ethiopian|Addis Ababa', 'Finland|Finnish|Helsinki', 'France|French|Paris', 'Georgia|Georgian|Tbilisi',
  'Germany|German|Berlin', 'Ghana|Ghanaian|Accra', 'Greece|Greek|Athens', 'Hungary|Hungarian|Budapest',
  'India|Indian|New Delhi', 'Indonesia|Indonesian|Jakarta', 'Iran|Iranian|Tehran', 'Iraq|Iraqi|Baghdad',
  'Ireland|Irish|Dublin', 'Israel|Israeli|Jerusalem', 'Italy|Italian|Rome', 'Japan|Japanese|Tokyo',
  'Jordan|Jordanian|Amman', 'Kazakhstan|Kazakh|Astana', 'Kenya|Kenyan|Nairobi', 'Kosovo|Kosovar|Pristina',
  'Kuwait|Kuwaiti|Kuwait City', 'Kyrgyzstan|Kyrgyz|Bishkek', 'Latvia|Latvian|Riga', 'Lebanon|Lebanese|Beirut',
  'Libya|Libyan|Tripoli', 'Lithuania|Lithuanian|Vilnius', 'Malaysia|Malaysian|Kuala Lumpur', 'Mali|Malian|Bamako',
  'Mexico|Mexican|Mexico City', 'Moldova|Moldovan|Chisinau', 'Mongolia|Mongolian|Ulaanbaatar',
  'Montenegro|Montenegrin|Podgorica', 'Morocco|Moroccan|Rabat', 'Myanmar,Burma|Myanmar,Burmese|Naypyidaw',
  'Nepal|Nepali,Nepalese|Kathmandu', 'Netherlands|Dutch|Amsterdam,The Hague', 'New Zealand|New Zealand|Wellington',
  'Nicaragua|Nicaraguan|Managua', 'Niger|Nigerien|Niamey', 'Nigeria|Nigerian|Abuja', 'North Korea|North Korean|Pyongyang',
  'Norway|Norwegian|Oslo', 'Oman|Omani|Muscat', 'Pakistan|Pakistani|Islamabad', 'Palestine|Palestinian|Ramallah',
  'Panama|Panamanian|Panama City', 'Peru|Peruvian|Lima', 'Philippines|Filipino,Philippine|Manila',
  'Poland|Polish|Warsaw', 'Portugal|Portuguese|Lisbon', 'Qatar|Qatari|Doha', 'Romania|Romanian|Bucharest',
  'Russia,Russian Federation|Russian|Moscow', 'Rwanda|Rwandan|Kigali', 'Saudi Arabia|Saudi|Riyadh',
  'Senegal|Senegalese|Dakar', 'Serbia|Serbian|Belgrade', 'Singapore|Singaporean|Singapore', 'Slovakia|Slovak|Bratislava',
  'Slovenia|Slovenian|Ljubljana', 'Somalia|Somali|Mogadishu', 'South Africa|South African|Pretoria',
  'South Korea|South Korean|Seoul', 'Spain|Spanish|Madrid', 'Sri Lanka|Sri Lankan|Colombo', 'Sudan|Sudanese|Khartoum',
  'Sweden|Swedish|Stockholm', 'Switzerland|Swiss|Bern', 'Syria|Syrian|Damascus', 'Taiwan|Taiwanese|Taipei',
  'Tajikistan|Tajik|Dushanbe', 'Tanzania|Tanzanian|Dodoma', 'Thailand|Thai|Bangkok', 'Tunisia|Tunisian|Tunis',
  'Turkey,Türkiye|Turkish|Ankara', 'Turkmenistan|Turkmen|Ashgabat', 'Uganda|Ugandan|Kampala',
  'Ukraine|Ukrainian|Kyiv,Kiev', 'United Arab Emirates,UAE|Emirati|Abu Dhabi',
  'United Kingdom,UK,U.K.,Britain,Great Britain|British|London',
  'United States,US,U.S.,USA,U.S.A.,America|American,U.S.|Washington', 'Uruguay|Uruguayan|Montevideo',
  'Uzbekistan|Uzbek|Tashkent', 'Venezuela|Venezuelan|Caracas', 'Vietnam|Vietnamese|Hanoi', 'Yemen|Yemeni|Sanaa',
  'Zambia|Zambian|Lusaka', 'Zimbabwe|Zimbabwean|Harare', 'Soviet Union,USSR|Soviet|', 'European Union,EU|European|',
  'Gaza|Gazan|', 'Crimea|Crimean|Simferopol', 'Chechnya|Chechen|Grozny', 'Kurdistan|Kurdish|Erbil',
];

export interface Country {
  name: string;
  demonyms: string[];
  capitals: string[];
  aliases: string[];
}

/** lower-case name, alias, demonym or capital → country */
export const GAZETTEER: ReadonlyMap<string, { country: Country; as: 'name' | 'demonym' | 'capital' }> = (() => {
  const m = new Map<string, { country: Country; as: 'name' | 'demonym' | 'capital' }>();
  for (const line of COUNTRIES) {
    const [names, dems, caps] = line.split('|') as [string, string, string];
    const all = names.split(',');
    const country: Country = {
      name: all[0]!,
      aliases: all.slice(1),
      demonyms: dems ? dems.split(',') : [],
      capitals: caps ? caps.split(',') : [],
    };
    for (const n of all) m.set(n.toLowerCase(), { country, as: 'name' });
    for (const d of country.demonyms) if (!m.has(d.toLowerCase())) m.set(d.toLowerCase(), { country, as: 'demonym' });
    for (const c of country.capitals) if (!m.has(c.toLowerCase())) m.set(c.toLowerCase(), { country, as: 'capital' });
  }
  return m;
})();

/** Abbreviations whose full stop does not end a sentence ("Mr. Smith", "Jan. 5"). */
export const ABBREVIATIONS = new Set(
  (
    'mr mrs ms dr prof gen sen rep gov col lt sgt capt maj adm cmdr st jr sr inc ltd co corp vs etc no nos fig ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec mt ft approx dept est univ rev hon pres supt insp det'
  ).split(' '),
);

package dev.verbatim.quotes;

import java.util.Set;

/**
 * The closed word lists the extractor relies on. Kept small and general (news English), not fitted
 * to any one corpus; all entries are lower case.
 */
final class Lexicon {
  private Lexicon() {}

  /**
   * An unmodifiable set of the given words; repeats are harmless (lists grow by hand). A hash set
   * rather than {@code Set.of}: its lookups mask the hash where {@code Set.of} divides, and the
   * rules ask millions of them per corpus.
   */
  static Set<String> words(String... ws) {
    return java.util.Collections.unmodifiableSet(new java.util.HashSet<>(java.util.Arrays.asList(ws)));
  }

  /** Verbs (all forms) that attribute words to a speaker: {@code X said}, {@code said X}. */
  static final Set<String> REPORTING_VERBS =
      words(
          "say", "said", "says", "saying", "tell", "told", "tells", "telling", "add", "added",
          "adds", "note", "noted", "notes", "assert", "asserted", "asserts", "write", "wrote",
          "writes", "written", "explain", "explained", "explains", "state", "stated", "states",
          "declare", "declared", "declares", "announce", "announced", "announces", "claim",
          "claimed", "claims", "insist", "insisted", "insists", "argue", "argued", "argues",
          "comment", "commented", "comments", "remark", "remarked", "remarks", "observe",
          "observed", "observes", "warn", "warned", "warns", "acknowledge", "acknowledged",
          "acknowledges", "admit", "admitted", "admits", "concede", "conceded", "concedes",
          "recall", "recalled", "recalls", "ask", "asked", "asks", "answer", "answered",
          "answers", "reply", "replied", "replies", "respond", "responded", "responds", "report",
          "reported", "reports", "tweet", "tweeted", "tweets", "post", "posted", "suggest",
          "suggested", "suggests", "predict", "predicted", "predicts", "stress", "stressed",
          "stresses", "emphasised", "emphasized", "emphasises", "emphasizes", "maintain",
          "maintained", "maintains", "contend", "contended", "contends", "confirm", "confirmed",
          "confirms", "deny", "denied", "denies", "complain", "complained", "complains",
          "joke", "joked", "jokes", "quipped", "quips", "exclaimed", "shouted", "urge", "urged",
          "urges", "testified", "vowed", "vows", "pledged", "promised", "recounted", "mentioned",
          "boasted", "concluded", "revealed", "reveals", "disclosed", "indicated", "indicates",
          "conceded", "countered", "counters", "cautioned", "cautions", "wondered", "agreed",
          "proclaimed", "pleaded", "sighed", "laughed", "continued", "continues", "went",
          "describes", "described", "predicting", "adding", "noting", "explaining", "asserting",
          "warning", "insisting", "arguing", "claiming", "stating", "acknowledging", "asking",
          "writing", "recalling", "quoted", "quoting", "advise", "advised", "advises", "advising", "underlined", "enthused",
          "recalled", "lamented", "conceding", "retorted", "snapped", "wrote", "observing");

  /** Reporting verbs that only count when something else marks them as speech ({@code went on}). */
  static final Set<String> WEAK_VERBS = words("went", "continued", "continues", "described", "describes");

  /** Reporting verbs whose object is the hearer ({@code told Jake}), never the speaker. */
  static final Set<String> HEARER_VERBS =
      words("tell", "told", "tells", "telling", "ask", "asked", "asks", "asking", "warned", "urged",
          "advise", "advised", "advises", "advising");

  /** Words that may sit between a subject and its reporting verb ({@code Smith also said}). */
  static final Set<String> BETWEEN_SUBJECT_AND_VERB =
      words(
          "also", "has", "had", "have", "later", "then", "further", "previously", "again",
          "recently", "once", "would", "will", "was", "is", "has", "had", "since", "publicly",
          "repeatedly", "often", "never", "already", "simply", "just", "earlier", "separately",
          "privately", "reportedly", "told", "once", "did", "does", "could", "might", "may",
          "quickly", "flatly", "previously", "subsequently", "yesterday", "today", "tonight",
          "finally", "even", "had", "been");

  /** Subject pronouns that can name a speaker. */
  static final Set<String> PRONOUNS = words("he", "she", "it", "they", "we", "i");

  /** Titles before a name; dropped from the canonical name but kept as evidence of a person. */
  static final Set<String> TITLES =
      words(
          "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "dr", "dr.", "prof", "prof.",
          "professor", "president", "senator", "sen.", "rep.", "gov.", "governor", "judge",
          "justice", "sir", "lord", "lady", "dame", "king", "queen", "prince", "princess", "pope",
          "chancellor", "minister", "secretary", "general", "gen.", "col.", "colonel", "captain",
          "capt.", "coach", "mayor", "rev.", "reverend", "father", "sister", "lt.", "sgt.",
          "sergeant", "chairman", "chairwoman", "prime", "foreign", "home", "vice", "deputy",
          "attorney", "former", "acting", "shadow", "premier", "ambassador", "commissioner",
          "detective", "inspector", "officer", "superintendent", "bishop", "archbishop", "cardinal",
          "rabbi", "imam", "sheikh", "senior", "chief", "executive", "manager", "striker",
          "midfielder", "defender", "goalkeeper", "singer", "actor", "actress", "rapper", "star",
          "director", "producer", "chef", "designer", "analyst", "economist", "spokesman",
          "spokeswoman", "spokesperson", "leader", "boss", "champion", "skipper", "mp", "mep",
          "congressman", "congresswoman", "dj", "undersecretary", "under-secretary", "treasurer",
          "deputy", "assistant", "associate", "exchequer", "songwriter");

  static final Set<String> FEMALE_TITLES =
      words("mrs", "mrs.", "ms", "ms.", "miss", "lady", "dame", "queen", "princess", "sister",
          "actress", "chairwoman", "spokeswoman", "congresswoman");

  static final Set<String> MALE_TITLES =
      words("mr", "mr.", "sir", "lord", "king", "prince", "father", "actor", "chairman",
          "spokesman", "congressman");

  /** Common English given names, enough to tell {@code she} from {@code he} in news copy. */
  static final Set<String> FEMALE_NAMES =
      words(
          "mary", "patricia", "jennifer", "linda", "elizabeth", "barbara", "susan", "jessica",
          "sarah", "karen", "nancy", "lisa", "betty", "margaret", "sandra", "ashley", "kimberly",
          "kim", "emily", "donna", "michelle", "carol", "amanda", "melissa", "deborah",
          "stephanie", "rebecca", "laura", "sharon", "cynthia", "kathleen", "amy", "shirley",
          "angela", "helen", "anna", "brenda", "pamela", "nicole", "emma", "samantha",
          "katherine", "christine", "debra", "rachel", "catherine", "carolyn", "janet", "ruth",
          "maria", "heather", "diane", "virginia", "julie", "joyce", "victoria", "olivia",
          "kelly", "christina", "lauren", "joan", "evelyn", "judith", "megan", "cheryl", "andrea",
          "hannah", "martha", "jacqueline", "frances", "gloria", "ann", "anne", "teresa",
          "kathryn", "sara", "janice", "jean", "alice", "madison", "doris", "abigail", "julia",
          "judy", "grace", "denise", "amber", "marilyn", "beverly", "danielle", "theresa",
          "sophia", "marie", "diana", "brittany", "natalie", "isabella", "charlotte", "rose",
          "alexis", "kayla", "hillary", "condoleezza", "angelina", "madonna", "kylie", "britney",
          "nicola", "theresa", "tessa", "harriet", "ruth", "clare", "claire", "joanna", "kate",
          "katie", "lucy", "sophie", "jane", "caroline", "fiona", "gillian", "jo", "paula",
          "serena", "venus", "maria", "justine", "amelie", "lindsay", "paris", "nicole", "jodie",
          "cate", "halle", "charlize", "nigella", "oprah", "beyonce", "whitney", "mariah",
          "christina", "shakira", "tara", "hayley", "keira", "scarlett", "gwyneth", "kirsty",
          "ellen", "estelle", "patsy", "ruth", "yvette", "margaret", "ellie", "khloe", "kourtney",
          "kris", "kendall", "melania", "ivanka", "nancy", "elena", "svetlana", "anastasia",
          "natasha", "paula", "liz", "beth", "meg", "jenny", "sally", "tina", "sue", "debbie");

  static final Set<String> MALE_NAMES =
      words(
          "james", "john", "robert", "michael", "william", "david", "richard", "joseph", "thomas",
          "charles", "christopher", "daniel", "matthew", "anthony", "mark", "donald", "steven",
          "paul", "andrew", "joshua", "kenneth", "kevin", "brian", "george", "timothy", "ronald",
          "edward", "jason", "jeffrey", "ryan", "jacob", "gary", "nicholas", "eric", "jonathan",
          "stephen", "larry", "justin", "scott", "brandon", "benjamin", "samuel", "gregory",
          "frank", "alexander", "raymond", "patrick", "jack", "dennis", "jerry", "tyler", "aaron",
          "jose", "adam", "henry", "nathan", "douglas", "zachary", "peter", "kyle", "walter",
          "ethan", "jeremy", "harold", "keith", "christian", "roger", "noah", "gerald", "carl",
          "terry", "sean", "austin", "arthur", "lawrence", "jesse", "dylan", "bryan", "joe",
          "jordan", "billy", "bruce", "albert", "willie", "gabriel", "logan", "alan", "juan",
          "wayne", "roy", "ralph", "randy", "eugene", "vincent", "russell", "elijah", "louis",
          "bobby", "philip", "johnny", "tony", "tom", "jim", "bill", "bob", "mike", "dave",
          "steve", "chris", "nick", "ben", "sam", "dan", "ian", "neil", "graham", "gordon",
          "tony", "jake", "jared", "kanye", "barack", "hugh", "colin", "alastair", "nigel",
          "simon", "martin", "trevor", "geoff", "jeff", "alex", "howard", "rupert", "lord",
          "arsene", "jose", "rafael", "roger", "andy", "tim", "jimmy", "kofi", "vladimir",
          "jacques", "gerhard", "silvio", "tony", "ariel", "yasser", "mahmoud", "hamid", "kim",
          "ken", "len", "liam", "wayne", "thierry", "sven", "alan", "clive", "lawrie", "gareth",
          "ronaldo", "kieron", "jonny", "brendan", "eddie", "duncan", "hank", "mel", "elton",
          "ozzy", "brad", "leonardo", "clint", "bono", "robbie", "jamie", "harry", "charlie",
          "fred", "stuart", "iain", "ian", "jon", "matt", "pete", "ray", "rob", "ron", "stan",
          "ted", "vince", "warren", "oliver", "lewis", "luke", "rory", "owen", "phil", "greg");

  /** Words that make a capitalised name an organisation rather than a person. */
  static final Set<String> ORG_WORDS =
      words(
          "inc", "inc.", "corp", "corp.", "corporation", "co", "co.", "ltd", "ltd.", "plc", "llc",
          "group", "holdings", "bank", "company", "house", "office", "ministry", "department",
          "agency", "commission", "council", "committee", "association", "union", "university",
          "party", "court", "board", "fund", "reserve", "exchange", "news", "times", "post",
          "journal", "airlines", "airways", "motors", "industries", "international", "institute",
          "foundation", "service", "services", "systems", "technologies", "trust", "federation",
          "league", "club", "network", "press", "television", "tv", "radio", "records", "studios",
          "pictures", "entertainment", "communications", "securities", "partners", "capital",
          "associates", "authority", "administration", "government", "parliament", "congress",
          "senate", "organisation", "organization", "bureau", "centre", "center", "school",
          "college", "hospital", "police", "army", "navy", "church", "magazine", "daily",
          "herald", "telegraph", "guardian", "tribune", "gazette", "chronicle", "united", "city",
          "rovers", "athletic", "fc", "county", "street", "energy", "oil", "petroleum", "steel",
          "chemical", "chemicals", "financial", "insurance", "electric", "motor", "mining",
          "brothers", "bros", "media", "hall", "treasury", "index", "ministry", "embassy", "parliament", "assembly",
          "cabinet", "palace", "kremlin", "pentagon", "commission", "tribunal", "panel", "forum", "labs", "software", "pharmaceuticals", "stores", "markets");

  /** Places that often open a sentence like a name but never speak as a person. */
  static final Set<String> NON_PERSON_NAMES =
      words(
          "january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december", "monday", "tuesday", "wednesday", "thursday",
          "friday", "saturday", "sunday", "god", "christmas", "easter", "internet", "web");

  /** Role nouns that sit between an organisation and a person: "Dome spokesman David Annesley". */
  static final Set<String> ROLE_NOUNS =
      words(
          "spokesman", "spokeswoman", "spokesperson", "co-founder", "cofounder", "founder",
          "chief", "executive", "analyst", "economist", "director", "chairman", "chairwoman",
          "president", "minister", "secretary", "manager", "coach", "striker", "boss", "head",
          "leader", "official", "lawyer", "attorney", "owner", "trader", "dealer", "broker",
          "strategist", "researcher", "professor", "expert", "vice", "deputy", "senior",
          "general", "counsel", "partner", "officer", "commissioner", "governor", "editor",
          "correspondent", "reporter", "producer", "star", "singer", "actor", "actress",
          "captain", "midfielder", "defender", "goalkeeper", "winger", "forward", "player",
          "champion", "skipper", "chancellor", "mp", "mep", "leader", "candidate", "ceo", "cfo",
          "vice-president", "vice-chairman", "consultant", "adviser", "advisor", "aide",
          "representative", "member", "fund", "portfolio", "equity", "market", "oil", "energy",
          "industry", "bank", "credit", "currency", "bond", "stock", "investment", "trade",
          "foreign", "finance", "treasury", "agriculture", "economics", "research", "sales",
          "marketing", "communications", "press", "public", "relations", "affairs", "policy",
          "union", "party", "campaign", "team", "club", "company", "group", "firm", "shadow",
          "home", "health", "education", "defence", "defense", "transport", "culture", "sports",
          "sport", "justice", "interior", "environment", "labour", "labor", "economic", "democrat",
          "republican", "songwriter", "coach", "agent", "lawmaker", "legislator");

  /** A title or role word, also as the last part of a compound ("co-chairman", "vice-president"). */
  static boolean isRole(String lower) {
    if (TITLES.contains(lower) || ROLE_NOUNS.contains(lower)) {
      return true;
    }
    int dash = lower.lastIndexOf('-');
    return dash > 0 && (TITLES.contains(lower.substring(dash + 1)) || ROLE_NOUNS.contains(lower.substring(dash + 1)));
  }

  /** Compound adjectives that look like names but describe ("Newport-based", "US-born"). */
  static boolean isCompoundAdjective(String lower) {
    return lower.endsWith("-based") || lower.endsWith("-born") || lower.endsWith("-owned")
        || lower.endsWith("-led") || lower.endsWith("-backed") || lower.endsWith("-run")
        || lower.endsWith("-style") || lower.endsWith("-made") || lower.endsWith("-listed");
  }

  /** Heads of phrases that speak for an organisation: "a spokesman for Apple" is Apple. */
  static final Set<String> SPOKES =
      words(
          "spokesman", "spokeswoman", "spokesperson", "spokespeople", "spokesmen", "representative",
          "representatives", "rep", "official", "officials", "statement", "lawyer", "lawyers",
          "attorney", "attorneys", "release", "filing", "letter", "report", "announcement");

  /** Nationality words that lead a name in news copy ("American Robby Ginepri"). */
  static final Set<String> DEMONYMS =
      words(
          "american", "british", "french", "german", "italian", "spanish", "russian", "chinese",
          "japanese", "indian", "pakistani", "iraqi", "iranian", "israeli", "palestinian",
          "afghan", "australian", "canadian", "mexican", "brazilian", "argentine", "peruvian",
          "philippine", "filipino", "korean", "irish", "scottish", "welsh", "english", "dutch",
          "belgian", "swiss", "swedish", "norwegian", "danish", "finnish", "polish", "turkish",
          "greek", "egyptian", "saudi", "african", "european", "asian", "ethiopian", "kenyan",
          "nigerian", "portuguese", "czech", "croatian", "serbian", "ukrainian", "chilean",
          "colombian", "venezuelan", "cuban", "thai", "vietnamese", "indonesian", "malaysian",
          "singaporean", "taiwanese", "bolivian", "ecuadorian", "austrian", "hungarian",
          "romanian", "bulgarian", "lebanese", "syrian", "jordanian", "kuwaiti", "zimbabwean",
          "jamaican", "zealander", "yugoslav", "soviet", "western", "eastern", "former", "veteran",
          "tory", "labour", "conservative", "democratic", "republican", "liberal", "socialist");

  /** First words of place names ("South Korea", "New York"). */
  static final Set<String> PLACE_FIRST_WORDS =
      words("south", "north", "east", "west", "new", "united", "hong", "san", "los", "las",
          "saudi", "sri", "costa", "puerto", "buenos", "rio", "sao", "great", "upper", "lower",
          "central", "northern", "southern", "eastern", "western", "mount", "lake", "port", "fort");

  /** Last words of place names ("Saudi Arabia", "Persian Gulf", "Wall Street"). */
  static final Set<String> PLACE_LAST_WORDS =
      words("korea", "africa", "america", "arabia", "kingdom", "states", "zealand", "kong",
          "york", "island", "islands", "republic", "coast", "gulf", "sea", "ocean", "river",
          "valley", "county", "province", "street", "road", "square", "city", "town", "bay",
          "airport", "stadium", "park", "east", "europe", "asia", "emirates", "lanka", "rica",
          "aires", "janeiro", "paulo", "angeles", "vegas", "francisco", "delhi", "jersey",
          "germany", "ireland", "wales", "scotland", "england", "britain", "canada", "australia");

  /** Nouns that name a company when used as {@code the company}, {@code a spokesman for the firm}. */
  static final Set<String> COMPANY_NOUNS =
      words(
          "company", "firm", "website", "site", "network", "publisher", "startup",
          "start-up", "airline", "carrier", "maker", "retailer", "brand", "outlet", "studio",
          "label", "insurer", "lender", "broadcaster", "newspaper", "magazine", "channel",
          "business", "bank", "manufacturer", "producer", "operator", "corporation");

  /** Nouns for a work that can "say" something: {@code the video asserts}, {@code the report said}. */
  static final Set<String> WORK_NOUNS =
      words(
          "video", "report", "statement", "study", "survey", "letter", "filing", "document",
          "tweet", "book", "film", "documentary", "ad", "advert", "advertisement", "article",
          "release", "memo", "clip", "footage", "editorial", "column", "blog", "message",
          "website", "site", "post", "paper", "review", "note", "prospectus", "circular");

  /** Words before a quoted span that make it a name or a term, whatever its case. */
  static final Set<String> NAMING_WORDS =
      words(
          "called", "dubbed", "titled", "entitled", "nicknamed", "named", "so-called", "term",
          "phrase", "slogan", "headline", "headlined", "hashtag", "labelled", "labeled", "motto",
          "tagline", "codenamed", "code-named", "christened", "billed", "word", "marked");

  /** Nouns before a Capitalised quoted span that make it the title of a work or a campaign. */
  static final Set<String> WORK_TITLE_NOUNS =
      words(
          "banner", "song", "album", "single", "film", "movie", "show", "series", "book", "novel",
          "play", "programme", "program", "musical", "opera", "track", "game", "brand", "sitcom",
          "drama", "comedy", "hit", "tune", "anthem", "chart", "documentary", "painting", "poem",
          "column", "magazine", "newspaper", "category", "award", "prize", "operation", "project",
          "campaign", "scheme", "plan", "initiative", "policy", "theme", "report", "study");

  /** Verbs that report an evaluation in someone's words ("branded it "pathetic""). */
  static final Set<String> SPEECH_ACTS =
      words("branded", "brands", "described", "describes", "describing", "expressed", "expresses",
          "dismissed", "hailed", "praised", "criticised", "criticized", "condemned", "denounced",
          "accused", "attacked", "slammed", "blasted", "quotes", "quoted", "calling", "termed",
          "welcomed", "promised", "vowed", "argued", "claimed");

  /** Reporting verbs that are also common nouns ("a smaller state grant", "the report"). */
  static final Set<String> NOUN_LIKE_VERBS =
      words("state", "states", "report", "reports", "note", "notes", "comment", "comments", "claim",
          "claims", "post", "posts", "answer", "answers", "reply", "replies", "remark", "remarks",
          "tweet", "tweets", "stress", "stresses", "warns", "urges", "says");

  /** Capitalised words that open sentences (or titles) and are not names. */
  static final Set<String> NOT_NAME_STARTERS =
      words(
          "the", "a", "an", "but", "and", "or", "nor", "in", "on", "at", "after", "before",
          "during", "last", "this", "that", "these", "those", "it", "its", "it's", "he", "she",
          "they", "we", "i", "you", "his", "her", "their", "our", "my", "your", "there", "here",
          "when", "while", "as", "although", "though", "because", "if", "so", "yet", "however",
          "meanwhile", "also", "still", "since", "for", "from", "with", "by", "about",
          "according", "despite", "under", "over", "why", "what", "how", "who", "where", "which",
          "no", "not", "now", "then", "today", "yesterday", "earlier", "later", "some", "many",
          "most", "all", "both", "each", "every", "one", "two", "three", "four", "five", "six",
          "seven", "eight", "nine", "ten", "more", "less", "other", "another", "such", "only",
          "even", "just", "instead", "indeed", "again", "first", "second", "third", "next",
          "new", "former", "mr", "mrs", "ms", "dr", "speaking", "asked", "writing", "until",
          "unless", "whether", "once", "without", "within", "between", "among", "against",
          "into", "through", "throughout", "toward", "towards", "upon", "following", "given",
          "like", "unlike", "than", "is", "was", "are", "were", "will", "would", "can", "could",
          "should", "may", "might", "must", "do", "does", "did", "has", "have", "had", "be",
          "been", "being", "let", "shares", "analysts", "officials", "sources", "yes", "well",
          "oh", "please", "thank", "thanks", "overall", "elsewhere", "similarly", "currently",
          "separately", "previously", "initially", "eventually", "finally", "clearly", "recently",
          "comments", "appeals", "because", "any", "few", "several", "much", "very", "too",
          "per", "via", "de", "le", "la", "dear", "due", "amid", "among", "having", "asked");

  /** Lower-case particles allowed inside a name: {@code Charles de Gaulle}, {@code Bank of England}. */
  static final Set<String> NAME_PARTICLES =
      words("de", "da", "di", "van", "von", "der", "den", "bin", "al", "el", "la", "le", "du",
          "of", "dos", "del", "ibn", "y");

  /** Sentence openers skipped when looking for a sentence's subject ({@code But}, {@code In 1997,}). */
  static final Set<String> LEADING_ADVERBIALS =
      words(
          "in", "on", "at", "after", "before", "during", "last", "earlier", "later", "since",
          "for", "when", "while", "as", "although", "though", "because", "if", "despite",
          "under", "with", "without", "by", "from", "over", "following", "according", "this",
          "next", "speaking", "asked", "writing", "back", "until", "once", "within", "amid",
          "today", "yesterday", "meanwhile", "however", "instead", "separately", "still",
          "elsewhere", "overall", "indeed", "previously", "earlier", "now", "then", "so", "yet",
          "due", "given", "having", "like", "unlike", "amid", "among");

  static final Set<String> CONJUNCTIONS = words("but", "and", "or", "so", "yet", "also", "then", "still");

  /** Words after a speaker's name that show it is a company ({@code Mic co-founder}). */
  static final Set<String> COMPANY_CONTEXT =
      words(
          "co-founder", "cofounder", "founder", "ceo", "spokesman", "spokeswoman", "spokesperson",
          "chairman", "shares", "stock", "employees", "staff", "executives", "executive",
          "subsidiary", "unit", "shareholders", "chief", "president", "board", "headquarters",
          "profits", "profit", "sales", "revenue", "revenues", "earnings", "video", "videos",
          "inc", "corp", "ltd", "plc", "co", "group");


  /** Nouns whose definite form refers back to an organisation named earlier ({@code the ministry}). */
  static final Set<String> ORG_NOUNS =
      words(
          "ministry", "department", "commission", "council", "committee", "agency", "association",
          "union", "party", "club", "group", "bank", "court", "board", "authority", "federation",
          "institute", "foundation", "organisation", "organization", "regulator", "watchdog",
          "government", "executive", "office", "embassy", "league", "body", "society", "trust",
          "charity", "campaign", "corporation", "company", "firm", "network", "broadcaster");

  /** Heads of phrases that describe a person ({@code the director}, {@code the British producer}). */
  static final Set<String> PERSON_NOUNS =
      words(
          "director", "producer", "winner", "star", "secretary", "minister", "coach", "manager",
          "captain", "player", "striker", "midfielder", "defender", "goalkeeper", "winger",
          "chancellor", "chairman", "chairwoman", "president", "singer", "actor", "actress",
          "author", "writer", "novelist", "prince", "princess", "mayor", "leader", "boss",
          "veteran", "champion", "economist", "analyst", "judge", "premier", "governor",
          "senator", "rapper", "musician", "comedian", "presenter", "host", "founder",
          "co-founder", "chief", "executive", "skipper", "international", "forward", "entrepreneur",
          "designer", "artist", "composer", "film-maker", "filmmaker", "scientist", "professor",
          "researcher", "campaigner", "politician", "mp", "mep", "peer", "candidate", "frontman",
          "guitarist", "drummer", "singer-songwriter", "songwriter", "teenager", "youngster",
          "official", "spokesman", "spokeswoman", "spokesperson", "correspondent", "reporter",
          "editor", "lawyer", "solicitor", "barrister", "source", "doctor", "expert", "worker",
          "son", "daughter", "wife", "husband", "father", "mother", "brother", "sister", "friend");

  /** Heads of phrases for people who speak for someone ({@code a BBC spokeswoman}). */
  static final Set<String> SPOKES_PEOPLE =
      words("spokesman", "spokeswoman", "spokesperson", "representative", "official",
          "spokesmen", "spokeswomen", "officials", "source", "sources", "insider", "aide", "lawyer");

  /** Person nouns that name an office held by one person: {@code the mayor} refers only to one called so. */
  static final Set<String> OFFICES =
      words("mayor", "president", "minister", "secretary", "chancellor", "governor", "premier",
          "senator", "judge", "chairman", "chairwoman", "chief", "spokesman", "spokeswoman",
          "spokesperson", "official", "commissioner", "ambassador", "leader", "founder",
          "co-founder", "editor", "correspondent", "reporter", "lawyer", "solicitor", "doctor");

  /** Verbs whose subject speaks the quoted words that follow ({@code described it as “…”}). */
  static final Set<String> SPEECH_ACT_CUES =
      words("described", "describes", "describing", "called", "calls", "branded", "brands",
          "dubbed", "hailed", "hails", "blamed", "blames", "termed", "labelled", "labeled",
          "dismissed", "dismisses", "condemned", "criticised", "criticized", "welcomed",
          "praised", "accused", "urged", "vowed", "promised", "pledged", "expressed");
}

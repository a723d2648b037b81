/**
 * Turns what people type in chat ("is there any data on rats?? 🐀", "¿hay datos de baches?")
 * into clauses of plain words the answer engine can reason about. Pure and language-light:
 * English and Spanish share one alphabet once accents are folded, and stemming, typo tolerance
 * and relevance are the search store's job.
 */

/** Lower case, accents folded, apostrophes joined ("don't" → "dont"), anything else not a letter or digit → space. */
export function normalizeText(raw: string): string {
  return raw
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/(\p{L})['’`](\p{L})/gu, "$1$2")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

export function words(normalized: string): string[] {
  return normalized === "" ? [] : normalized.split(" ");
}

export interface Clause {
  /** Normalised text of the clause. */
  text: string;
  /** It ended with a question mark. */
  question: boolean;
}

/**
 * A question split where people change thought: sentence ends, question marks, dashes and
 * semicolons. "is there data on rats?? my alley is infested…" is an ask followed by a story;
 * the search weighs the ask more.
 */
export function splitClauses(raw: string): Clause[] {
  const separator = /[?!;\n]+|\.(?:\s+|$)|\s[-–—]+\s|\.\.\.|…/gu;
  const clauses: Clause[] = [];
  let start = 0;
  const push = (end: number, question: boolean) => {
    const text = normalizeText(raw.slice(start, end));
    if (text !== "") clauses.push({ text, question });
  };
  for (const match of raw.matchAll(separator)) {
    push(match.index, match[0].includes("?"));
    start = match.index + match[0].length;
  }
  push(raw.length, false);
  return clauses;
}

/**
 * Words that carry no topic in a question to a data catalog, in English and Spanish: question
 * words, pronouns, chat filler, and words every dataset would match ("data", "dataset").
 * Postgres drops its own English stop words too; this list is about chat, not grammar.
 */
const englishFiller = `a about above actually after again against all also among am an and any anybody anyone anything anywhere are aren around as at
  be been being below between btw but by can cant could did didnt do does doesnt doing dont during each either else even ever every
  everything few for from get gets getting give go going gonna got gotta had has have having he hello help her here
  hey hi his how however i id idk if ill im in into is isnt it its ive just kinda know let lets like lol look
  looking looks may maybe me near nearby next might mine more most much must my need needs no not now of ok okay on one only or
  other our out over own please per pls plz ppl pretty probably rn really see seem seems she should show so some
  someone something somewhere sorry sort sorta still such sure tell than thank thanks that thats the their them
  then there theres these they thing things think this those tho though thx to too try trying u under until up ur us versus very vs
  wanna want wanted wants was wasnt way we were what whats when where wheres whether which while who whom whose
  why will with within without wonder wondering would wouldnt ya yall yeah yes yet you your youre
  data dataset datasets database databases info information anybody available`;

const spanishFiller = `a al algo alguien algun alguna algunas alguno algunos ante aqui como con cual cuales cuando cuanto cuantos
  de del donde el ella ellos en entre es esa ese eso esta estan estas este esto estos existe hay hola la las le
  les lo los mas me mi mis muy necesito no nos o para pero por porfa porque puedo que quien quisiera se sea ser
  si sin sobre son su sus tambien tengo tiene tienen todo todos tu un una uno unos y ya yo datos dato
  informacion conjunto conjuntos busco buscando saber gracias encontrar ver consultar mirar`;

export const fillerWords: ReadonlySet<string> = new Set(
  `${englishFiller} ${spanishFiller}`.split(/\s+/).filter((word) => word !== ""),
);

/** Words worth searching for: not filler, and not a lone letter (except digits like "3"). */
export function contentWords(normalized: string): string[] {
  return words(normalized).filter((word) => !fillerWords.has(word) && (word.length > 1 || /\d/.test(word)));
}

/**
 * A light English/Spanish singular form, for matching synonym keys and column names
 * ("rats" → "rat", "libraries" → "library", "buses" → "bus"). The store stems properly.
 */
export function singular(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  if (/ies$/.test(word)) return `${word.slice(0, -3)}y`;
  if (/(ss|us|is)$/.test(word)) return word;
  if (/(ches|shes|xes|zes|sses)$/.test(word)) return word.slice(0, -2);
  if (/[^s]s$/.test(word)) return word.slice(0, -1);
  return word;
}

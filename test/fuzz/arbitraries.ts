/**
 * Generators of hostile input shared by the fuzz properties: text the way people and platforms
 * really mangle it (markup, entities, mentions, every plane of Unicode, lone surrogates, NULs,
 * right-to-left overrides, 100 kB pastes), values of the wrong type, and objects with
 * prototype-named keys. Field-aware builders (catalog records, platform payloads) live beside
 * their properties and use these as their leaves.
 */
import fc from "fast-check";

/** Pieces that mean something to some parser on the way: Slack, Discord, markdown, i18next, SQL. */
export const MARKUP_PIECES = [
  "<@U0FAKEBOT>",
  "<@U0FAKEBOT|datadesk>",
  "<@U123ABC>",
  "<#C0GENERAL|general>",
  "<!channel>",
  "<!here>",
  "<!everyone>",
  "<!subteam^S0TEAM|@team>",
  "<!date^1392734382^{date_num}|Feb 18>",
  "<https://data.example.org/d/abcd-1234|bike lanes>",
  "<mailto:a@b.org|a@b.org>",
  "<>",
  "<|>",
  "<@>",
  "<!>",
  "&amp;",
  "&lt;",
  "&gt;",
  "&amp;lt;",
  "&#x3C;",
  "&nbsp;",
  "<@123456789012345678>",
  "<@!123456789012345678>",
  "<@&123456789012345678>",
  "<#123456789012345678>",
  "<:blob:123456789012345678>",
  "@everyone",
  "@here",
  "```",
  "`",
  "||spoiler||",
  "**",
  "__",
  "~~",
  "[label](https://evil.example/x)",
  "<script>alert(1)</script>",
  "{{name}}",
  "$t(errors:unavailable)",
  "%s%n%d",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the literal text is the hostile input
  "${process.env}",
  '\'; DROP TABLE "Person";--',
  "\\",
  '"',
  "|",
  ":",
  "#1",
  "__proto__",
  "constructor",
  "toString",
  "hasOwnProperty",
] as const;

/** Unicode that breaks naive code: NUL, BOM, zero-width, RTL override, lone surrogates, ZWJ emoji. */
export const UNICODE_PIECES = [
  "\u0000",
  "\u0007",
  "\u001b[31m",
  "\uFEFF",
  "\u200B",
  "\u200D",
  "\u202E",
  "\u2028",
  "\u2029",
  "\u0085",
  "\uD800",
  "\uDC00",
  "\uDBFF\uDFFF",
  "\uFFFD",
  "\uFFFF",
  "e\u0301",
  "\u0130",
  "ß",
  "\uFB03",
  "\u2167",
  "𝕏𝔸𝕄",
  "👩‍👩‍👧‍👦",
  "🏳️‍🌈",
  "🇪🇸",
  "日本語のデータ",
  "البيانات المفتوحة",
  "Ωμέγα",
  "Z̴̡̪̫͎̈́̿a̸̧̛͚l̷̨̛g̶̛o̵",
  "\r\n",
  "\r",
  "\t",
  "\u00A0",
  "\u3000",
] as const;

const words = fc.constantFrom(
  "ask",
  "help",
  "dataset",
  "note",
  "gaps",
  "problem",
  "problems",
  "bike",
  "lanes",
  "311",
  "who",
  "maintains",
  "is",
  "there",
  "data",
  "on",
  "¿hay",
  "datos",
  "csv",
  "license",
  "caveat:",
  "use_case:",
  " ",
  "  ",
  "\n",
);

/** Any code units at all, including lone surrogates. */
const binaryString = fc.string({ unit: "binary", maxLength: 60 });
/** Whole graphemes from every plane. */
const graphemeString = fc.string({ unit: "grapheme", maxLength: 40 });

/** One short fragment of hostile text. */
export const hostileFragment: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: words, weight: 4 },
  { arbitrary: fc.constantFrom(...MARKUP_PIECES), weight: 3 },
  { arbitrary: fc.constantFrom(...UNICODE_PIECES), weight: 3 },
  { arbitrary: fc.string({ maxLength: 12 }), weight: 2 },
  { arbitrary: graphemeString, weight: 1 },
  { arbitrary: binaryString, weight: 1 },
);

/** Text as people paste it: fragments glued together, occasionally huge (up to ~120 kB). */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.array(hostileFragment, { maxLength: 12 }).map((parts) => parts.join("")), weight: 8 },
  { arbitrary: fc.string({ unit: "binary", maxLength: 300 }), weight: 1 },
  {
    // Oversized: a fragment repeated past every length limit we know (4 000, 40 000, 64 kB lines).
    arbitrary: fc
      .tuple(hostileFragment, fc.constantFrom(3_999, 4_001, 40_001, 120_000))
      .map(([piece, length]) => (piece || "x").repeat(Math.ceil(length / Math.max(1, piece.length)))),
    weight: 1,
  },
);

/** Short hostile text (names, ids, keys): never oversized. */
export const hostileShortText: fc.Arbitrary<string> = fc.oneof(
  fc.array(hostileFragment, { maxLength: 4 }).map((parts) => parts.join("")),
  fc.string({ unit: "binary", maxLength: 80 }),
);

/** Values of every JSON and non-JSON type, for "the field has the wrong type". */
export const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.constant(undefined),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -0, Number.MAX_SAFE_INTEGER + 2, 1e308),
  fc.constantFrom([], {}, [null], [[]], { length: 5 }, { toString: "x" }),
  fc.array(fc.oneof(fc.string({ maxLength: 5 }), fc.integer(), fc.constant(null)), { maxLength: 4 }),
  fc.dictionary(fc.constantFrom("__proto__", "constructor", "name", "id", "0"), fc.string({ maxLength: 5 }), {
    maxKeys: 3,
  }),
  hostileShortText,
);

/** A JSON-serialisable value of any shape (what a JSON parser can hand us). */
export const anyJson: fc.Arbitrary<unknown> = fc.jsonValue({ maxDepth: 4 });

/**
 * A field value: plausible (`plausible`) nearly always, hostile text or a wrong type now and
 * then. Most breakage comes from `mutated`, which breaks a few places of an otherwise valid
 * payload, so many cases keep their shape and reach the code behind the schema.
 */
export function field<T>(plausible: fc.Arbitrary<T>): fc.Arbitrary<unknown> {
  return fc.oneof(
    { arbitrary: plausible, weight: 60 },
    { arbitrary: hostileText, weight: 1 },
    { arbitrary: wrongType, weight: 1 },
  );
}

/** An object with every key of `fields`, and now and then unexpected keys (prototype names among them). */
export function looseRecord(
  fields: Record<string, fc.Arbitrary<unknown>>,
): fc.Arbitrary<Record<string, unknown>> {
  return fc
    .tuple(
      fc.record(fields),
      fc.oneof(
        { arbitrary: fc.constant({}), weight: 6 },
        {
          arbitrary: fc.dictionary(
            fc.oneof(hostileShortText, fc.constantFrom("__proto__", "constructor")),
            wrongType,
            {
              maxKeys: 2,
            },
          ),
          weight: 1,
        },
      ),
    )
    .map(([known, extra]) => {
      const out: Record<string, unknown> = {};
      // defineProperty, so "__proto__" becomes an own key as JSON.parse would make it.
      for (const [key, value] of [...Object.entries(extra), ...Object.entries(known)])
        setOwn(out, key, value);
      return out;
    });
}

function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

const DROP = Symbol("drop");

/** Copies plain objects and arrays (what payloads are made of); anything else is shared. */
function copyTree(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copyTree);
  if (typeof value === "object" && value !== null && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) setOwn(out, key, copyTree(inner));
    return out;
  }
  return value;
}

/** Every place in a tree: [container, key] pairs, depth-first. */
function places(tree: unknown, out: [Record<string, unknown> | unknown[], string | number][] = []) {
  if (Array.isArray(tree)) {
    tree.forEach((inner, index) => {
      out.push([tree, index]);
      places(inner, out);
    });
  } else if (typeof tree === "object" && tree !== null) {
    for (const [key, inner] of Object.entries(tree)) {
      out.push([tree as Record<string, unknown>, key]);
      places(inner, out);
    }
  }
  return out;
}

/**
 * `valid` with 0–4 places anywhere in it broken: a key dropped, or its value replaced with
 * hostile text or a value of the wrong type. Half of the cases are left intact.
 */
export function mutated<T>(valid: fc.Arbitrary<T>): fc.Arbitrary<unknown> {
  const count = fc.oneof(
    { arbitrary: fc.constant(0), weight: 4 },
    { arbitrary: fc.constant(1), weight: 2 },
    { arbitrary: fc.integer({ min: 2, max: 4 }), weight: 2 },
  );
  const change = fc.tuple(fc.nat(), fc.oneof(fc.constant(DROP), hostileText, wrongType));
  return fc
    .tuple(
      valid,
      count.chain((n) => fc.array(change, { minLength: n, maxLength: n })),
    )
    .map(([value, changes]) => {
      const tree = copyTree(value);
      for (const [at, generated] of changes) {
        // A copy: fast-check hands out the same instance again (constants, replays while
        // shrinking), and a later change landing inside a shared one could make the tree cyclic.
        const replacement = generated === DROP ? DROP : copyTree(generated);
        const all = places(tree);
        const place = all[at % Math.max(1, all.length)];
        if (!place) return replacement === DROP ? undefined : replacement;
        const [container, key] = place;
        if (Array.isArray(container)) {
          if (replacement === DROP) container.splice(Number(key), 1);
          else container[Number(key)] = replacement;
        } else if (replacement === DROP) delete container[String(key)];
        else setOwn(container, String(key), replacement);
      }
      return tree;
    });
}

export const isoDateish: fc.Arbitrary<unknown> = fc.oneof(
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  fc.constantFrom(
    "2020-13-45",
    "2021-02-31",
    "2014-02-09T23:16:09.110181",
    "2023-05-11T16:18:54.000Z",
    "0000-01-01",
    "9999-12-31T24:00:00+14:00",
    "+275760-09-13",
    "R/P1D",
    "yesterday",
    "",
  ),
  fc.integer(),
  fc.double(),
);

export const urlish: fc.Arbitrary<string> = fc.oneof(
  fc.webUrl(),
  fc.constantFrom(
    "https://data.example.org/d/abcd-1234",
    "mailto:someone@example.org",
    "javascript:alert(1)",
    "http://",
    "//no-scheme",
    "https://xn--80ak6aa92e.com/",
    "https://data.example.org/api/views/abcd-1234/rows.csv?accessType=DOWNLOAD",
    "ftp://x",
  ),
  hostileShortText,
);

export const emailish: fc.Arbitrary<string> = fc.oneof(
  fc.emailAddress(),
  fc.emailAddress().map((e) => `mailto:${e}`),
  fc.constantFrom("mailto:", "no-reply", "a@b", "<a@b.org>"),
  hostileShortText,
);

/** Identifier-looking strings: Socrata 4x4s, UUIDs, slugs, and the odd hostile one. */
export const idish: fc.Arbitrary<string> = fc.oneof(
  fc.stringMatching(/^[a-z0-9]{4}-[a-z0-9]{4}$/),
  fc.uuid(),
  fc.stringMatching(/^[a-z][a-z0-9-]{0,30}$/),
  hostileShortText,
);

/** A list of strings as catalogs give them: comma lists, arrays with nulls and blanks. */
export const textListish: fc.Arbitrary<unknown> = fc.oneof(
  fc.array(fc.oneof(hostileShortText, fc.constant(null), fc.constant("")), { maxLength: 6 }),
  fc.array(hostileShortText, { maxLength: 4 }).map((parts) => parts.join(", ")),
);

/** Codes people can read aloud and type: no 0/O or 1/I/L. */
export const READABLE_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

/** `pick(n)` returns an integer in [0, n): `crypto.randomInt` where a guess must not succeed. */
export function readableCode(length: number, pick: (n: number) => number): string {
  let code = "";
  for (let i = 0; i < length; i++) code += READABLE_CODE_ALPHABET[pick(READABLE_CODE_ALPHABET.length)];
  return code;
}

/** What a person typed, as codes are compared: upper case, without spaces and dashes. */
export function normalizeTypedCode(typed: string): string {
  return typed.trim().toUpperCase().replace(/[\s-]/g, "");
}

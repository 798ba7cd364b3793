// How a line of text is cut into pieces a PDF can draw one after another, left to right: each piece in one face
// (the font of its script), in the order a reader sees them. Pure: which face has which character is passed in.
//
// Faces: Han, kana → cjk; Thai → thai; Arabic → arabic; other letters → latin. Characters of no script of their
// own (spaces, digits, punctuation, currency signs, combining marks) stay in the face of the text before them
// when it has them, so "会员 2025" is one run; a character its face lacks goes to the first face that has it.
//
// Direction: a simplified Unicode bidirectional algorithm, enough for names and descriptions: Arabic letters
// are right-to-left, other letters and all digits left-to-right; neutrals between two of the same direction
// take it, others the paragraph's (that of its first letter). Runs are then reversed level by level (rule L2).
// The shaping engine (fontkit) reverses the glyphs of an Arabic piece itself, so such pieces are handed over
// in logical order and never hold a space (the PDF library lays out each space-separated word on its own).

import type { Face } from "./fonts";

export type HasGlyph = (face: Face, codePoint: number) => boolean;

export interface Piece {
  text: string;
  face: Face;
  /** A piece of spaces: it only moves the pen. */
  space: boolean;
}

/** The order in which a character no face claims by script is looked for; cjk (the largest file) last. */
const FALLBACK: readonly Face[] = ["latin", "thai", "arabic", "cjk"];

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Bopomofo}]/u;
const THAI = /\p{Script=Thai}/u;
const ARABIC = /\p{Script=Arabic}/u;
const LETTER = /\p{L}/u;
/** Letters of no one script (ー, the kana length mark) are neutral. */
const COMMON = /\p{Script=Common}/u;
const DIGIT = /\p{Nd}/u;
const SPACE = /\s/u;

function scriptFace(char: string): Face | null {
  if (CJK.test(char)) return "cjk";
  if (THAI.test(char)) return "thai";
  if (ARABIC.test(char)) return "arabic";
  return LETTER.test(char) && !COMMON.test(char) ? "latin" : null;
}

function fallbackFace(codePoint: number, has: HasGlyph): Face {
  return FALLBACK.find((face) => has(face, codePoint)) ?? "latin";
}

/** The face of each character of `chars` (code points, not UTF-16 units). */
export function facesOf(chars: readonly string[], has: HasGlyph): Face[] {
  const strong = chars.map((char) => {
    const face = scriptFace(char);
    return face && has(face, char.codePointAt(0)!) ? face : face && fallbackFace(char.codePointAt(0)!, has);
  });
  const faces: Face[] = [];
  for (let i = 0; i < chars.length; i++) {
    const own = strong[i];
    if (own) {
      faces.push(own);
      continue;
    }
    const codePoint = chars[i]!.codePointAt(0)!;
    const before = faces[i - 1];
    const after = strong.slice(i + 1).find((face) => face !== null);
    const near = [before, after].find((face): face is Face => face !== undefined && face !== null && has(face, codePoint));
    faces.push(near ?? fallbackFace(codePoint, has));
  }
  return faces;
}

type Direction = "L" | "R" | "N";

function directionOf(char: string): Direction {
  if (ARABIC.test(char)) return DIGIT.test(char) ? "L" : "R";
  return LETTER.test(char) || DIGIT.test(char) ? "L" : "N";
}

/** Embedding levels (0 and 2 left-to-right, 1 right-to-left) of each character. */
function levelsOf(chars: readonly string[]): number[] {
  const directions = chars.map(directionOf);
  const first = directions.find((d) => d !== "N") ?? "L";
  const rtlParagraph = first === "R";
  const resolved = directions.map((d, i) => {
    if (d !== "N") return d;
    const before = directions.slice(0, i).findLast((x) => x !== "N");
    const after = directions.slice(i + 1).find((x) => x !== "N");
    return before !== undefined && before === after ? before : rtlParagraph ? "R" : "L";
  });
  return resolved.map((d) => (d === "R" ? 1 : rtlParagraph ? 2 : 0));
}

/** Rule L2: from the highest level down to the lowest odd one, reverse every run at that level or higher. */
function visualIndexes(levels: readonly number[]): number[] {
  const order = levels.map((_, i) => i);
  const highest = Math.max(0, ...levels);
  const lowestOdd = Math.min(...levels.filter((l) => l % 2 === 1), highest + 1);
  for (let level = highest; level >= lowestOdd; level--) {
    for (let start = 0; start < order.length; ) {
      if (levels[order[start]!]! < level) {
        start++;
        continue;
      }
      let end = start;
      while (end + 1 < order.length && levels[order[end + 1]!]! >= level) end++;
      order.splice(start, end - start + 1, ...order.slice(start, end + 1).reverse());
      start = end + 1;
    }
  }
  return order;
}

/** One line of text (no line breaks) as pieces in visual order, left to right. */
export function visualPieces(line: string, has: HasGlyph): Piece[] {
  const chars = [...line];
  if (chars.length === 0) return [];
  const faces = facesOf(chars, has);
  const levels = levelsOf(chars);
  const pieces: Piece[] = [];
  let current: { chars: string[]; face: Face; space: boolean; rtl: boolean } | null = null;
  const flush = () => {
    if (!current) return;
    const visual = current.chars.join("");
    // The shaping engine reverses a piece with Arabic in it: hand it the reverse of what must show.
    const text = ARABIC.test(visual) ? [...current.chars].reverse().join("") : visual;
    pieces.push({ text, face: current.face, space: current.space });
    current = null;
  };
  for (const index of visualIndexes(levels)) {
    const char = chars[index]!;
    const face = faces[index]!;
    const space = SPACE.test(char);
    const rtl = levels[index]! % 2 === 1;
    if (!current || current.face !== face || current.space !== space || current.rtl !== rtl) {
      flush();
      current = { chars: [], face, space, rtl };
    }
    current.chars.push(char);
  }
  flush();
  return pieces;
}

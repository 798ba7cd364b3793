// Setting text of any script on a PDFKit page: each line cut into pieces by face and direction
// (./script-runs.ts) and drawn piece by piece on one baseline, so Latin, CJK, Thai and Arabic mix on a line.
// Lines break where Intl.Segmenter finds a word boundary, which also finds the words of Thai and Chinese
// (written without spaces); a word wider than the line is cut between characters.

import type PDFDocument from "pdfkit";
import { faceHas, layoutFont, type Face, type Weight } from "./fonts";
import { visualPieces, type Piece } from "./script-runs";
import { Recent } from "@/lib/core/recent";

type Doc = InstanceType<typeof PDFDocument>;

export interface TextStyle {
  size: number;
  weight?: Weight;
  color?: string;
  /** A URL the text links to. */
  link?: string;
}

/** The line pitch and the baseline's drop from the top of a line, in font sizes: room for Thai marks and Arabic. */
const LINE_HEIGHT = 1.5;
const BASELINE = 1.12;

export function lineHeight(style: TextStyle): number {
  return style.size * LINE_HEIGHT;
}

// PDFKit takes a parsed fontkit font as a font source (anything with `layout`); its typings only list files and buffers.
type FontSource = Parameters<Doc["registerFont"]>[1];
const registered = new WeakMap<Doc, Set<string>>();

function withFace(doc: Doc, face: Face, style: TextStyle): Doc {
  const weight = style.weight ?? "regular";
  const name = `${face}-${weight}`;
  let names = registered.get(doc);
  if (!names) registered.set(doc, (names = new Set()));
  if (!names.has(name)) {
    doc.registerFont(name, layoutFont(face, weight) as unknown as FontSource);
    names.add(name);
  }
  return doc.font(name).fontSize(style.size);
}

// Cut once per string: wrapping measures each line again with every word it adds.
const pieces = new Recent<string, Piece[]>(5_000);

function piecesOf(text: string): readonly Piece[] {
  return pieces.remember(text, () => visualPieces(text, faceHas));
}

function pieceWidth(doc: Doc, piece: Piece, style: TextStyle): number {
  return withFace(doc, piece.face, style).widthOfString(piece.text);
}

/** The width of one line of text as drawn. */
export function measure(doc: Doc, text: string, style: TextStyle): number {
  return piecesOf(text).reduce((sum, piece) => sum + pieceWidth(doc, piece, style), 0);
}

const words = new Intl.Segmenter(undefined, { granularity: "word" });
const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/** The text broken into lines no wider than `width` (at most `maxLines`, the last ending in "…" if cut). */
export function wrap(doc: Doc, text: string, width: number, style: TextStyle, maxLines = Infinity): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split(/\r\n|\r|\n/)) {
    // Most text (an id, a date, a name, an address) fits on its line: one measure, not one per word added.
    // Words cost no less for it (a prefix is never wider than the whole), so the lines are the same either way.
    if (measure(doc, paragraph, style) <= width) {
      lines.push(paragraph.trimEnd());
      continue;
    }
    let line = "";
    const push = () => {
      lines.push(line.trimEnd());
      line = "";
    };
    for (const { segment } of words.segment(paragraph)) {
      if (measure(doc, line + segment, style) <= width) {
        line += segment;
        continue;
      }
      if (line.trim() !== "") push();
      if (/^\s+$/u.test(segment)) continue;
      if (measure(doc, segment, style) <= width) {
        line = segment;
        continue;
      }
      // Cut between characters: each line takes the most that fit (at least one), found by halving rather
      // than by measuring every longer prefix — an id or a URL is a word of its own, and unique to its order.
      const parts = Array.from(graphemes.segment(segment), (g) => g.segment);
      for (let from = 0; from < parts.length; ) {
        const fitting = longestFit(parts, from, (end) => measure(doc, line + parts.slice(from, end).join(""), style) <= width);
        if (fitting === from && line !== "") {
          push();
          continue;
        }
        const to = Math.max(fitting, from + 1);
        line += parts.slice(from, to).join("");
        from = to;
        if (from < parts.length) push();
      }
    }
    push();
  }
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  let last = kept[maxLines - 1]!;
  while (last !== "" && measure(doc, `${last}…`, style) > width) last = [...last].slice(0, -1).join("");
  kept[maxLines - 1] = `${last.trimEnd()}…`;
  return kept;
}

/**
 * The largest `end` in [from, parts.length] for which `fits(end)` holds, `from` when none past it does. `fits` is
 * monotonic here (a longer prefix of a word is never narrower), so halving finds what trying each would.
 */
function longestFit(parts: readonly string[], from: number, fits: (end: number) => boolean): number {
  let low = from;
  let high = parts.length;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (fits(middle)) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** Draws one line with its top at `top`, from `x` (or ending at `x` when `align` is "right"). */
export function drawLine(doc: Doc, text: string, x: number, top: number, style: TextStyle, align: "left" | "right" = "left"): number {
  const pieces = piecesOf(text);
  const widths = pieces.map((piece) => pieceWidth(doc, piece, style));
  const total = widths.reduce((a, b) => a + b, 0);
  let pen = align === "right" ? x - total : x;
  const baseline = top + style.size * BASELINE;
  pieces.forEach((piece, i) => {
    if (!piece.space) {
      withFace(doc, piece.face, style)
        .fillColor(style.color ?? "#0f172a")
        .text(piece.text, pen, baseline, { lineBreak: false, baseline: "alphabetic", ...(style.link ? { link: style.link } : {}) });
    }
    pen += widths[i]!;
  });
  return total;
}

/** Draws text wrapped to `width` from `top`; answers the height it took. */
export function drawParagraph(doc: Doc, text: string, x: number, top: number, width: number, style: TextStyle, maxLines?: number): number {
  const lines = wrap(doc, text, width, style, maxLines);
  lines.forEach((line, i) => drawLine(doc, line, x, top + i * lineHeight(style), style));
  return lines.length * lineHeight(style);
}

/** 0-based offsets into a source's normalised text, end exclusive. The only stored position. */
export interface Span {
  start: number;
  end: number;
}

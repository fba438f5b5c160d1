// sastrawijs ships types, but its exports map does not point at them for ESM imports.
declare module 'sastrawijs' {
  export class Stemmer {
    constructor(dictionary?: string[]);
    stem(word: string): string;
  }
}

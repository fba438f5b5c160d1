export default class Tokenizer {
    parseHtmlEnteties(str: string): string;
    tokenize(sentence: string): string[];
}

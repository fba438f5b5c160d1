import Stemmer from "./stemmer";
import Tokenizer from "./tokenizer";
export { Stemmer, Tokenizer };
